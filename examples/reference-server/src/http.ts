/**
 * What every route speaks: the caller (a verified principal, read as a scope),
 * the answer a record becomes for them (identifiers masked for every role,
 * amounts only for roles that need them), problems as application/problem+json,
 * and the small readers of a request (JSON, a page's limit, an instant).
 */
import type { Context } from "hono";
import {
  canReadConfidential,
  collectionSchemas,
  customerScopeOf,
  FINANCIAL_READER_ROLES,
  maskRecord,
  type FieldError,
} from "@bankcrm/core";
import { LOAD_SCOPE, type CustomerPrincipal, type Principal } from "./auth.js";
import type { Collection, Reader } from "./database.js";

/** A staff route's caller is `principal`; a portal route's (`/me…`) is `customer` — never both. */
export type Env = {
  Variables: {
    principal: Principal;
    customer: CustomerPrincipal;
    /** When the caller's token expires (ms since the epoch): a change stream ends then, and the client reconnects. */
    expiresAt: number;
  };
};
/** Any route's context. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a problem can be answered from any route
type AnyContext = Context<any, any, any>;

export function problem(
  c: AnyContext,
  status: number,
  title: string,
  detail?: string,
  extra: Record<string, unknown> = {},
) {
  return c.body(
    JSON.stringify({
      type: `https://bankcrm.dev/problems/${status}`,
      title,
      status,
      ...(detail ? { detail } : {}),
      ...extra,
    }),
    status as 400,
    { "Content-Type": "application/problem+json" },
  );
}
export const invalid = (c: AnyContext, errors: FieldError[]) =>
  problem(c, 422, "Unprocessable record", errors[0]?.message, { errors });
export const forbidden = (c: AnyContext, detail: string) => problem(c, 403, "Forbidden", detail);
/** Missing and out of scope look the same, so an id cannot be probed. */
export const notFound = (c: AnyContext, collection?: string, id?: string) =>
  problem(c, 404, "Not found", undefined, collection && id ? { collection, id } : {});

/** What `readJson` gives for a body that is not JSON. */
export const MALFORMED = Symbol.for("invalid-json");
export async function readJson(c: AnyContext): Promise<unknown> {
  try {
    return (await c.req.json()) as unknown;
  } catch {
    return MALFORMED;
  }
}
/** A parsed JSON body as an object to read fields from: anything else (null, an array, a number) reads as empty. */
export const objectOf = (body: unknown): Record<string, unknown> =>
  typeof body === "object" && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
export const optionalObject = (value: unknown) =>
  value === undefined || (typeof value === "object" && value !== null && !Array.isArray(value));
export const clampLimit = (value: string | undefined) =>
  Math.max(1, Math.min(1000, Number.parseInt(value ?? "50", 10) || 50));
/** A date, or an instant with its offset: 2026-12-01, 2026-12-01T08:00:00Z, 2026-12-01T16:00:00.000+08:00. */
export const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;

export const principal = (c: Context<Env>) => c.get("principal");
/** Whoever is calling, staff or customer: the id their idempotency keys and rate limit are kept under. */
export const callerId = (c: Context<Env>): string => c.get("principal")?.id ?? `customer:${c.get("customer").id}`;
/** Loading the bank's own records (customers, holdings, transactions…) is for a data feed's token. */
export const isLoader = (c: Context<Env>) => principal(c).scopes.includes(LOAD_SCOPE);
/** The caller as a reader: their scope, and whether they see confidential notes. */
export function readerOf(c: Context<Env>): Reader {
  const p = principal(c);
  return { id: p.id, scope: customerScopeOf(p), confidential: canReadConfidential(p) };
}
/** Whether the caller's role reads amounts and balances (C2 values without a mask). */
export const readsAmounts = (c: Context<Env>) => FINANCIAL_READER_ROLES.includes(principal(c).role);
/** A record as the caller may receive it: identifiers masked for every role; amounts only for roles that need them. */
export const present = (c: Context<Env>, collection: Collection, body: unknown): unknown =>
  body === null || body === undefined
    ? body
    : maskRecord(collectionSchemas[collection], body, { keepValues: readsAmounts(c) });
/** A page of records (one more than `limit` read, to know there is a next page), presented. */
export function presentPage(c: Context<Env>, collection: Collection, rows: Record<string, unknown>[], limit: number) {
  const page = rows.slice(0, limit);
  const items = page.map((r) => present(c, collection, r));
  return rows.length > limit ? { items, next: String(page[page.length - 1]!.id) } : { items };
}
