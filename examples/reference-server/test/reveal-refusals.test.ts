/**
 * A refused reveal leaves its mark: a `reveal_denied` row in the same hash
 * chain, saying why (no reason, a role that may not, a customer out of scope,
 * a field that is not revealable), found by `GET /audit?action=`; and a flood
 * of refusals is counted in full per principal while the log takes a bounded
 * number of rows.
 */
import { describe, expect, it } from "vitest";
import { inCustomerScope } from "@bankcrm/core";
import { useReferenceServer, type RunningServer } from "../../../packages/data/test/support/reference-server.js";
import { REFUSALS_LOGGED_PER_HOUR } from "../src/audit.js";
import { seedDemo } from "../src/seed.js";
import { book, call as callAs, member, rm, SEEDED, type Who } from "./support/demo-bank.js";

const teller = member("ST-BJ-CY-TE1");
const auditor = member("ST-HQ-AU1");
const own = book.customers.find((c) => inCustomerScope(rm, c))!;
const stranger = book.customers.find((c) => !inCustomerScope(rm, c))!;

type Row = { seq: number; action: string; actorId: string; customerId?: string; field?: string; refusal?: string };

for (const database of ["pglite", "postgres"] as const) {
  describe(`refused reveals are audited (${database})`, () => {
    const server = useReferenceServer({ database });
    let s: RunningServer;
    const call = async (who: Who, method: string, path: string, body?: unknown) => {
      const answer = await callAs(s, who, method, path, body);
      return { status: answer.status, json: answer.json() };
    };
    const reveal = (who: typeof rm, customerId: string, body: unknown) =>
      call(who, "POST", `customers/${customerId}/reveal`, body);
    const denied = async (staffId: string) =>
      (await call(auditor, "GET", `audit?action=reveal_denied&staffId=${staffId}&limit=1000`)).json.items as Row[];

    it("writes a reveal_denied row with why for each refusal, in the chain, found by action", async () => {
      s = server();
      await seedDemo(s.db, SEEDED);
      const statuses = [
        (await reveal(teller, own.id, { field: "contact.mobile", reason: "核实身份" })).status,
        (await reveal(rm, own.id, { field: "contact.mobile" })).status,
        (await reveal(rm, own.id, { field: "notes", reason: "好奇" })).status,
        (await reveal(rm, stranger.id, { field: "contact.mobile", reason: "核实身份" })).status,
        (await reveal(rm, own.id, { field: "contact.mobile", reason: "x".repeat(501) })).status,
      ];
      expect(statuses).toEqual([403, 422, 422, 404, 422]);
      const granted = await reveal(rm, own.id, { field: "contact.mobile", reason: "回访客户" });
      expect(granted.status).toBe(200);

      expect((await denied(teller.id)).map((r) => [r.refusal, r.customerId, r.field])).toEqual([
        ["role", own.id, "contact.mobile"],
      ]);
      const rmDenied = await denied(rm.id);
      expect(rmDenied.map((r) => [r.refusal, r.customerId, r.field])).toEqual([
        ["no_reason", own.id, "contact.mobile"],
        ["invalid_field", own.id, "notes"],
        ["not_found", stranger.id, "contact.mobile"],
        ["no_reason", own.id, "contact.mobile"],
      ]);
      // The granted reveal is a row of its own, after them, in the one chain.
      const reveals = (await call(auditor, "GET", `audit?action=reveal&staffId=${rm.id}`)).json.items as Row[];
      expect(reveals).toHaveLength(1);
      expect(reveals[0]!.seq).toBeGreaterThan(rmDenied.at(-1)!.seq);
      expect((await call(auditor, "GET", "audit/verify")).json).toMatchObject({ ok: true });
      // Rows the chain verifies cannot lose their refusal unseen: editing one breaks it.
      const tampered = rmDenied[0]!.seq;
      await s.db.query("ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_change");
      await s.db.query("UPDATE audit_log SET refusal = 'role' WHERE seq = $1", [tampered]);
      const broken = (await call(auditor, "GET", "audit/verify")).json;
      await s.db.query("UPDATE audit_log SET refusal = 'no_reason' WHERE seq = $1", [tampered]);
      await s.db.query("ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_change");
      expect(broken).toMatchObject({ ok: false, firstBroken: { seq: tampered, reason: "hash" } });
      // Only auditors read them.
      expect((await call(rm, "GET", "audit?action=reveal_denied")).status).toBe(403);
      expect((await call(rm, "GET", "audit/refusals")).status).toBe(403);
    });

    it("counts a flood of refusals per principal in full, and logs a bounded number of rows", async () => {
      s = server();
      const flooder = member("ST-BJ-CY-TE2");
      const before = (await s.db.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_log")).rows[0]!.n;
      const tries = REFUSALS_LOGGED_PER_HOUR + 25;
      for (let i = 0; i < tries; i++)
        expect((await reveal(flooder, own.id, { field: "contact.mobile", reason: `try ${i}` })).status).toBe(403);
      const after = (await s.db.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_log")).rows[0]!.n;
      // The hour's allowance, then one row that says the rest are counted.
      expect(after - before).toBe(REFUSALS_LOGGED_PER_HOUR + 1);
      const rows = await denied(flooder.id);
      expect(rows.filter((r) => r.refusal === "role")).toHaveLength(REFUSALS_LOGGED_PER_HOUR);
      expect(rows.at(-1)).toMatchObject({ refusal: "flood" });
      const counts = (await call(auditor, "GET", "audit/refusals")).json.items as {
        actorId: string;
        refused: number;
      }[];
      expect(counts[0]).toMatchObject({ actorId: flooder.id, refused: tries });
      expect(counts.find((c) => c.actorId === rm.id)?.refused).toBe(4);
      expect((await call(auditor, "GET", "audit/refusals?from=yesterday")).status).toBe(400);
      // Date.parse takes "}]*4!" (the fuzz found it, a 500 from PostgreSQL): only ISO-8601 instants pass.
      expect((await call(auditor, "GET", `audit/refusals?to=${encodeURIComponent("}]*4!")}`)).status).toBe(400);
      expect((await call(auditor, "GET", "audit/verify")).json).toMatchObject({ ok: true });
    });
  });
}
