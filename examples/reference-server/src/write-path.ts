/**
 * What every write route shares: a POST made safe to retry (Idempotency-Key),
 * core's typed write errors as problems, the 412 that carries the current
 * record only to a caller who may read it, the role check before anything is
 * read, the scope a write's result must land in, free text cleared of the
 * customer's identifiers, and masked identifiers sent back restored.
 */
import { createHash } from "node:crypto";
import type { Context } from "hono";
import {
  assertCanWrite,
  BankcrmAccessDeniedError,
  canReadConfidential,
  collectionSpec,
  isAccessDeniedError,
  isMasked,
  isTransitionError,
  isValidationError,
  WRITABLE_COLLECTIONS,
  type Customer,
  type FreeTextPolicy,
} from "@bankcrm/core";
import { createRefusal, frozenRecord, hasCreateRule } from "@bankcrm/core/collections";
import type { Answered, Collection, Database } from "./database.js";
import { clearFreeText } from "./free-text.js";
import {
  callerId,
  forbidden,
  invalid,
  MALFORMED,
  notFound,
  present,
  principal,
  problem,
  readerOf,
  readJson,
  type Env,
} from "./http.js";
import type { Sql } from "./sql.js";
import { visibleTo } from "./scope-sql.js";

export type Outcome = { status: number; body: unknown; etag?: string };
type Row = Record<string, unknown>;

/** The customer ids of a group's members (`members[].customerId`), or none. */
const memberIds = (members: unknown): string[] =>
  Array.isArray(members)
    ? members
        .map((m) => (m as { customerId?: unknown }).customerId)
        .filter((id): id is string => typeof id === "string")
    : [];

const hashOf = (body: unknown) => createHash("sha256").update(JSON.stringify(body)).digest("hex");

/** JSON with object keys sorted: jsonb keeps its own key order, so stored and sent values compare by this. */
export const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );

/**
 * A record sent back with masked identifiers (as every response carries them)
 * gets the stored values there again: where the incoming value is masked and
 * equals the stored record's masked value, the stored value is kept. A masked
 * value that does not match is left for validation to refuse.
 */
export function unmaskInto(incoming: unknown, stored: unknown, storedMasked: unknown): unknown {
  if (typeof incoming === "string")
    return isMasked(incoming) && incoming === storedMasked && typeof stored === "string" ? stored : incoming;
  if (Array.isArray(incoming))
    return incoming.map((item, i) =>
      unmaskInto(
        item,
        Array.isArray(stored) ? stored[i] : undefined,
        Array.isArray(storedMasked) ? storedMasked[i] : undefined,
      ),
    );
  if (typeof incoming === "object" && incoming !== null) {
    const s = (typeof stored === "object" && stored !== null ? stored : {}) as Row;
    const m = (typeof storedMasked === "object" && storedMasked !== null ? storedMasked : {}) as Row;
    return Object.fromEntries(Object.entries(incoming).map(([k, v]) => [k, unmaskInto(v, s[k], m[k])]));
  }
  return incoming;
}

export const writable = (name: string): name is Collection =>
  (WRITABLE_COLLECTIONS as readonly string[]).includes(name);

/** The typed errors of core's write functions as problem+json. */
export function writeProblem(c: Context, error: unknown, collection: string) {
  if (isTransitionError(error))
    return problem(c, 409, "Transition not allowed", error.message, {
      code: "invalid_transition",
      collection,
      event: error.event,
      from: error.from,
      allowed: error.allowed,
    });
  // The rule that refused it (four eyes, 回避…) travels as its code, for the client to say in words.
  if (isAccessDeniedError(error))
    return problem(c, 403, "Forbidden", error.message, error.reason ? { code: error.reason } : {});
  if (isValidationError(error)) return invalid(c, error.errors);
  throw error;
}

/** 412 with the stored record — only when the caller may read it (`current: null` otherwise). */
export const preconditionFailed = (
  c: Context<Env>,
  collection: Collection,
  current: { body: unknown; etag: string } | undefined,
) =>
  problem(c, 412, "Precondition failed", "the record changed since it was read", {
    current: current ? present(c, collection, current.body) : null,
    etag: current?.etag ?? null,
  });

/** A write the caller's role may not make is a 403 before anything is read. */
export function mayWrite(c: Context<Env>, collection: Collection, kind: "create" | "update" | "transition" | "change") {
  try {
    assertCanWrite(collection, principal(c), kind);
    return undefined;
  } catch (error) {
    return writeProblem(c, error, collection);
  }
}

/**
 * A record its writer could not read back is refused before anything is stored: a confidential note (私密备注) by a
 * role that does not read them (403), and a record of no customer outside the writer's scope — a sales target for
 * another branch (404, as an unknown customer's record is).
 */
export function unreadableRefused(c: Context<Env>, collection: Collection, data: Record<string, unknown>) {
  // A group's members are checked one by one (`outsideScope`): the group is the caller's when they are.
  const grouped = collectionSpec(collection).customerIndex === "members";
  if (data.customerId == null && !grouped && !visibleTo(collection, readerOf(c), data, {}))
    return notFound(c, collection, String(data.id));
  return collection === "interactions" && data.confidential === true && !canReadConfidential(principal(c))
    ? forbidden(c, "only roles that read confidential notes may write one")
    : undefined;
}

/**
 * A POST made safe to retry: the Idempotency-Key is required; the same key with
 * the same body gets the stored answer, with another body a 422. `run` does the
 * write inside one transaction with the key's answer, so a lost response and
 * its retry store the write once. Keys are the caller's own: another
 * principal's identical key is another request. `show` presents the answer;
 * it is given again only while its record is still the caller's to read.
 */
function idempotentPost(db: Database) {
  return async (
    c: Context<Env>,
    show: (response: unknown) => unknown,
    run: (body: unknown, tx: Sql, key: { key: string; requestHash: string }) => Promise<Outcome | Response>,
    options: { transaction?: boolean; stillVisible: (response: Row) => Promise<boolean> },
  ) => {
    const key = c.req.header("Idempotency-Key");
    if (!key || !/^[A-Za-z0-9-]{8,128}$/.test(key))
      return problem(c, 400, "Idempotency-Key required", "send a UUID in the Idempotency-Key header");
    const body = await readJson(c);
    if (body === MALFORMED) return problem(c, 400, "Malformed JSON");
    const hash = hashOf({ path: c.req.path, body });
    const answer = (seen: { status: number; response: unknown }) => {
      const response = seen.response as Row;
      if (typeof response.version === "number") c.header("ETag", `"v${response.version}"`);
      return c.json(show(response) as object, seen.status as 200);
    };
    const scoped = `${callerId(c)}:${key}`;
    const replay = async (seen: Answered) => {
      if (seen.requestHash !== hash)
        return problem(c, 422, "Idempotency-Key reused", "this key was used with a different request");
      if (!(await options.stillVisible(seen.response as Row))) return notFound(c);
      return answer(seen);
    };
    // A one-statement create looks the key up in its statement (createOnce's `keyed`); the rest look first.
    const seen = options.transaction === false ? undefined : await db.idempotent(scoped);
    if (seen) return replay(seen);
    const keyed = { key: scoped, requestHash: hash };
    // A retry sent while the first try is still running — on this process or another behind the balancer —
    // is its twin: it must get the first's answer, not run the write again nor be refused by it.
    type Twin = { twin: Answered };
    // A write of one statement stores its own answer with it (createOnce); when it is refused, a key
    // answered before — a retry — or a twin that committed meanwhile is the reason, and the answer is
    // given. Others run in a transaction with their answer, holding the key's lock: a twin waits, then
    // finds the answer.
    const result: Outcome | Response | Twin =
      options.transaction === false
        ? await run(body, db.driver, keyed).then(async (out) => {
            const twin = out instanceof Response ? await db.idempotent(scoped) : undefined;
            return twin ? { twin } : out;
          })
        : await db.transaction(async (tx) => {
            await tx.query("SELECT pg_advisory_xact_lock(hashtextextended($1, 727362))", [scoped]);
            const twin = await db.idempotent(scoped, tx);
            if (twin) return { twin };
            const out = await run(body, tx, keyed);
            if (out instanceof Response) return out;
            await db.remember(scoped, hash, out.status, out.body, tx);
            return out;
          });
    if (result instanceof Response) return result;
    if ("twin" in result) return replay(result.twin);
    return answer({ status: result.status, response: result.body });
  };
}

/** The write path's helpers that need the database and the bank's settings. */
export function writePath(db: Database, freeText: FreeTextPolicy) {
  /** One record with its free text cleared of its person's identifiers (or the refusal, thrown). */
  const cleared = async (collection: Collection, record: Row, target: Sql = db.driver) =>
    (await clearFreeText(target, collection, [record], freeText))[0]!;

  /** Whether the caller may read this record now (an idempotent replay's answer, a write's result). */
  const visibleNow = (c: Context<Env>, collection: Collection) => async (record: Row) =>
    (await db.get(collection, String(record.id), undefined, readerOf(c))) !== undefined;

  /**
   * A write whose result hangs off another customer than before — a PUT's new customerId, a lead converted onto a
   * customer, a group's new member — must land in the caller's scope: otherwise it is a 404 for that customer, as a
   * create's is.
   */
  const outsideScope = async (c: Context<Env>, next: Row, before: unknown, tx: Sql) => {
    // A household's or company group's members added or taken out: customers the writer may see (the others stay
    // as they are — a member of another branch is kept, never moved by someone who cannot see them).
    const had = memberIds((before as Row | undefined)?.members);
    const has = memberIds(next.members);
    const moved = [...has.filter((id) => !had.includes(id)), ...had.filter((id) => !has.includes(id))];
    for (const id of moved) if (!(await db.customerVisible(id, readerOf(c), tx))) return notFound(c, "customers", id);
    const customerId = next.customerId;
    if (typeof customerId !== "string" || customerId === (before as { customerId?: unknown } | undefined)?.customerId)
      return undefined;
    return (await db.customerVisible(customerId, readerOf(c), tx)) ? undefined : notFound(c, "customers", customerId);
  };

  /**
   * What stops an update before it is written: a record moved to a customer outside the caller's scope (404), or a
   * rule of the collection's that needs the customer (回避 at a complaint's assignment) — checked against the customer
   * as stored, read whatever the caller's scope, never from the request (403 with the rule's code).
   */
  const updateRefused = async (
    c: Context<Env>,
    collection: Collection,
    next: Row,
    before: Row | undefined,
    tx: Sql,
  ) => {
    if (before && frozenRecord(collection, before))
      return writeProblem(
        c,
        new BankcrmAccessDeniedError(principal(c).role, `update ${collection}`, { reason: "frozen" }),
        collection,
      );
    const moved = await outsideScope(c, next, before, tx);
    const rule = collectionSpec(collection).write?.updateRule;
    if (moved || !rule?.applies(next, before ?? {})) return moved;
    const customer = typeof next.customerId === "string" ? await db.get("customers", next.customerId, tx) : undefined;
    const reason = rule.refuse(next, customer?.body as Customer | undefined);
    if (!reason) return undefined;
    return writeProblem(
      c,
      new BankcrmAccessDeniedError(principal(c).role, `update ${collection}`, { reason }),
      collection,
    );
  };

  /**
   * What stops a create whose rule needs the customer and their other records of the collection (a redemption the
   * points balance covers): run inside the create's transaction, holding the customer's row, so two creates at once
   * cannot both spend the same points. A customer outside the caller's scope is a 404 before any rule is told.
   */
  const createRefused = async (c: Context<Env>, collection: Collection, next: Row, now: string, tx: Sql) => {
    const customerId = next.customerId;
    if (!hasCreateRule(collection) || typeof customerId !== "string") return undefined;
    // Read in the caller's scope and held until the transaction ends.
    const customer = await db.get("customers", customerId, tx, readerOf(c));
    if (!customer) return notFound(c, "customers", customerId);
    const siblings = await db.ofCustomer(collection, customerId, undefined, tx);
    const role = principal(c).role;
    const reason = createRefusal(collection, next, {
      customer: customer.body as unknown as Customer,
      siblings,
      role,
      now,
    });
    return reason
      ? writeProblem(c, new BankcrmAccessDeniedError(role, `create ${collection}`, { reason }), collection)
      : undefined;
  };

  /** A customer change as core applied it: the change record's free text cleared, then both stored; the 200 answer. */
  const keepCustomerChange = async (applied: { customer: unknown; change: unknown }, tx: Sql): Promise<Outcome> => {
    const recorded = await cleared("customerChanges", applied.change as Row, tx);
    const etag = await db.put("customers", applied.customer as Row, tx);
    await db.put("customerChanges", recorded, tx);
    return { status: 200, body: { customer: applied.customer, change: recorded }, etag };
  };

  return {
    cleared,
    visibleNow,
    outsideScope,
    updateRefused,
    createRefused,
    idempotent: idempotentPost(db),
    keepCustomerChange,
  };
}
export type WritePath = ReturnType<typeof writePath>;
