/**
 * Revealing one identifier, and the trail it leaves: `POST /customers/{id}/reveal`
 * (the policy, the scope, the audit row first — and a refusal audited too), and
 * for auditors the trail itself, the refusals counted per member of staff, and
 * the chain's verification.
 */
import { Hono, type Context } from "hono";
import {
  authorizeReveal,
  isAccessDeniedError,
  isInvalidArgumentError,
  REVEALABLE_FIELDS,
  revealedValue,
  type RevealableField,
} from "@bankcrm/core";
import { appendAudit, auditRefusal, countRefusals, listAudit, verifyAudit, type RevealRefusal } from "../audit.js";
import {
  clampLimit,
  forbidden,
  invalid,
  ISO_INSTANT,
  notFound,
  objectOf,
  principal,
  problem,
  readerOf,
  readJson,
  type Env,
} from "../http.js";
import type { RouteContext } from "./context.js";

/** A reveal's stated reason is kept in the audit row: at most this long. */
export const MAX_REVEAL_REASON = 500;
/** What a refused request named (an id, a field) is kept in its audit row up to this length. */
const MAX_AUDITED_TEXT = 128;

/**
 * One identifier in full, for a stated reason: the policy must allow the
 * caller's role, the customer must be theirs, and the audit row is written
 * first, in the same transaction as the read: if it cannot be written,
 * nothing is revealed. A refusal is audited too (`reveal_denied`, with why):
 * a bank's security team looks for repeated refused attempts first.
 */
function reveal({ db, now }: Pick<RouteContext, "db" | "now">) {
  return async (c: Context<Env, "/customers/:id/reveal">) => {
    const id = c.req.param("id");
    const request = objectOf(await readJson(c)) as { field?: unknown; reason?: unknown };
    const p = principal(c);
    const at = now().toISOString();
    const reason = typeof request.reason === "string" ? request.reason.trim() : "";
    const field = typeof request.field === "string" ? request.field : undefined;
    /** Writes the refusal's row (or counts it, past the hour's allowance), then answers. */
    const refuse = async (refusal: RevealRefusal, answer: Response) => {
      await auditRefusal(db, {
        at,
        actorId: p.id,
        actorRole: p.role,
        action: "reveal_denied",
        customerId: id.slice(0, MAX_AUDITED_TEXT),
        ...(field !== undefined ? { field: field.slice(0, MAX_AUDITED_TEXT) } : {}),
        ...(reason !== "" ? { reason: reason.slice(0, MAX_REVEAL_REASON) } : {}),
        refusal,
      });
      return answer;
    };
    if (field === undefined || !(REVEALABLE_FIELDS as readonly string[]).includes(field))
      return refuse(
        "invalid_field",
        invalid(c, [{ path: ["field"], code: "invalidOption", message: `one of: ${REVEALABLE_FIELDS.join(", ")}` }]),
      );
    if (reason.length > MAX_REVEAL_REASON)
      return refuse(
        "no_reason",
        invalid(c, [{ path: ["reason"], code: "tooLong", message: `at most ${MAX_REVEAL_REASON} characters` }]),
      );
    let event;
    try {
      event = authorizeReveal({ actor: p, customerId: id, field, fieldClass: "C2", reason, now: new Date(at) });
    } catch (error) {
      if (isAccessDeniedError(error)) return refuse("role", forbidden(c, error.message));
      if (isInvalidArgumentError(error))
        return refuse("no_reason", invalid(c, [{ path: ["reason"], code: "required", message: error.message }]));
      throw error;
    }
    const revealed = await db.transaction(async (tx) => {
      const customer = await db.get("customers", id, tx, readerOf(c));
      if (!customer) return undefined;
      await appendAudit(tx, {
        at: event.at,
        actorId: event.actorId,
        actorRole: event.actorRole,
        action: "reveal",
        customerId: id,
        field,
        reason: event.reason,
      });
      return { value: revealedValue(customer.body, field as RevealableField) ?? null };
    });
    if (!revealed) return refuse("not_found", notFound(c, "customers", id));
    return c.json({ customerId: id, field, value: revealed.value });
  };
}

export function auditRoutes({ db, now }: RouteContext) {
  const app = new Hono<Env>();

  app.post("/customers/:id/reveal", reveal({ db, now }));

  /** The audit trail, for auditors only; filter by staff, action, customer and time; paged by sequence number. */
  app.get("/audit", async (c) => {
    if (principal(c).role !== "auditor") return forbidden(c, "only auditors read the audit trail");
    const q = c.req.query();
    const limit = clampLimit(q.limit);
    const after = q.after !== undefined ? Number.parseInt(q.after, 10) : undefined;
    const rows = await listAudit(db.driver, {
      staffId: q.staffId,
      action: q.action,
      customerId: q.customerId,
      from: q.from,
      to: q.to,
      after: Number.isFinite(after) ? after : undefined,
      limit: limit + 1,
    });
    const page = rows.slice(0, limit);
    return c.json(rows.length > limit ? { items: page, next: String(page[page.length - 1]!.seq) } : { items: page });
  });

  /** Refused reveals per member of staff over a period (auditors): every refusal counted, logged or not. */
  app.get("/audit/refusals", async (c) => {
    if (principal(c).role !== "auditor") return forbidden(c, "only auditors read the audit trail");
    const q = c.req.query();
    // ISO-8601 only: Date.parse takes strings such as "}]*4!" that PostgreSQL would then refuse.
    const instant = (v: string | undefined) =>
      v !== undefined && ISO_INSTANT.test(v) && !Number.isNaN(Date.parse(v)) ? v : undefined;
    if ((q.from !== undefined && !instant(q.from)) || (q.to !== undefined && !instant(q.to)))
      return problem(c, 400, "Expected ISO-8601 instants in from and to");
    return c.json({ items: await countRefusals(db.driver, { from: q.from, to: q.to, limit: clampLimit(q.limit) }) });
  });

  app.get("/audit/verify", async (c) => {
    if (principal(c).role !== "auditor") return forbidden(c, "only auditors verify the audit trail");
    return c.json(await verifyAudit(db.driver));
  });

  return app;
}
