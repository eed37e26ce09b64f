/**
 * Verifying a caller on the server (`POST /customers/{id}/verify`): the agent
 * sends what the caller said; the server compares it with the full values and
 * answers match or no match — never a value. Every attempt is a row of the
 * audit chain (`verify_caller`, reason `matched` / `not matched`), and the
 * failures counted from it lock that customer for that agent for a day after
 * the third (`verify_locked`, then 423 to every attempt). Nothing clears a
 * lock: the chain is append-only, so no button, route or retry can.
 */
import { Hono, type Context } from "hono";
import { CALLER_LOCK_HOURS, callerAnswersMatch, callerLock, type Customer } from "@bankcrm/core";
import { appendAudit, lockAudit } from "../audit.js";
import { forbidden, notFound, objectOf, principal, problem, readerOf, readJson, type Env } from "../http.js";
import type { Sql } from "../sql.js";
import type { RouteContext } from "./context.js";

/** Who verifies callers: the roles that speak to customers on the phone or at the counter. */
export const VERIFIER_ROLES = ["service_agent", "teller", "relationship_manager", "branch_manager"] as const;

/** The agent's failed attempts on the customer in the last day, from the audit chain. */
async function failuresOf(tx: Sql, actorId: string, customerId: string, since: string): Promise<string[]> {
  const r = await tx.query<{ at: string }>(
    `SELECT at FROM audit_log WHERE actor_id = $1 AND customer_id = $2 AND action = 'verify_caller'
       AND reason = 'not matched' AND at >= $3 ORDER BY seq`,
    [actorId, customerId, since],
  );
  return r.rows.map((row) => row.at);
}

function verify({ db, now }: Pick<RouteContext, "db" | "now">) {
  return async (c: Context<Env, "/customers/:id/verify">) => {
    const p = principal(c);
    if (!(VERIFIER_ROLES as readonly string[]).includes(p.role))
      return forbidden(c, "verifying callers is for staff who speak to customers");
    const body = await readJson(c);
    const answers = objectOf(body);
    if (typeof answers.first !== "string" || typeof answers.last4 !== "string")
      return problem(c, 400, "Expected { first, last4 }", "what the caller said, as text");
    const id = c.req.param("id");
    const customer = await db.get("customers", id, undefined, readerOf(c));
    if (!customer) return notFound(c, "customers", id);
    const at = now();
    const entry = { at: at.toISOString(), actorId: p.id, actorRole: p.role, customerId: id };
    return db.transaction(async (tx) => {
      await lockAudit(tx); // one agent's attempts on one customer are counted one at a time
      const since = new Date(at.getTime() - CALLER_LOCK_HOURS * 3_600_000).toISOString();
      const before = callerLock(await failuresOf(tx, p.id, id, since), at);
      if (before.locked)
        return problem(c, 423, "Locked", "too many failed verifications of this customer: follow the procedure", {
          code: "verification_locked",
          lockedUntil: before.until,
        });
      const match = callerAnswersMatch(customer.body as unknown as Customer, answers);
      await appendAudit(tx, { ...entry, action: "verify_caller", reason: match ? "matched" : "not matched" });
      if (match) return c.json({ match: true });
      const after = callerLock(await failuresOf(tx, p.id, id, since), at);
      if (after.locked) await appendAudit(tx, { ...entry, action: "verify_locked", reason: `until ${after.until}` });
      return c.json({
        match: false,
        attemptsLeft: after.attemptsLeft,
        ...(after.locked ? { lockedUntil: after.until } : {}),
      });
    });
  };
}

export function verifyRoutes(context: RouteContext) {
  const app = new Hono<Env>();
  app.post("/customers/:id/verify", verify(context));
  return app;
}
