/**
 * The server enforces what the browser only displays, on PGlite and on a real
 * PostgreSQL server: who is calling (JWT), what they may see (scope: own book,
 * branch, head office — 404 outside it), what they receive (identifiers masked
 * for every role; one value at a time through an audited reveal), and an audit
 * trail that refuses edits and detects them when they are forced.
 */
import { SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { canReadConfidential, inCustomerScope, type Customer, type StaffRole } from "@bankcrm/core";
import { newLead } from "../../../packages/data/test/support/leads.js";
import { useReferenceServer, type RunningServer } from "../../../packages/data/test/support/reference-server.js";
import { book, call as callAs, rm, ROLES, seededServer, type Who } from "./support/demo-bank.js";
import { identifiersIn } from "./support/scan.js";

const portfolio = book;
const PRINCIPALS = ROLES;
/** Customers with holdings and transactions, so an empty answer means "not yours", not "nothing there". */
const active = portfolio.customers.filter(
  (c) =>
    portfolio.holdings.some((h) => h.customerId === c.id) && portfolio.transactions.some((t) => t.customerId === c.id),
);
const inBook = active.find((c) => c.relationshipManagerId === rm.id && c.kind === "individual")!;
const inBranch = active.find((c) => c.branchId === rm.branchId && c.relationshipManagerId !== rm.id)!;
const otherBranch = active.find((c) => c.branchId !== rm.branchId)!;
const CUSTOMERS = { inBook, inBranch, otherBranch };

const REVEALERS: readonly StaffRole[] = ["relationship_manager", "branch_manager", "service_agent", "auditor"];
const WRITERS: readonly StaffRole[] = [
  "relationship_manager",
  "teller",
  "branch_manager",
  "marketing",
  "service_agent",
];

for (const database of ["pglite", "postgres"] as const) {
  describe(`the reference server enforces identity, scope, masking and audit (${database})`, () => {
    const server = useReferenceServer({ database });
    /** Every JSON answer to a relationship manager's or a teller's token, for the scan at the end. */
    const answers: { path: string; text: string }[] = [];

    const ready = seededServer(server);
    /** A call as `who`; the answers to a relationship manager or teller (reveals aside) are kept for the scan. */
    const call = async (
      s: RunningServer,
      who: Who,
      method: string,
      path: string,
      body?: unknown,
      headers: Record<string, string> = {},
    ) => {
      const answer = await callAs(s, who, method, path, body, headers);
      if ((who.role === "relationship_manager" || who.role === "teller") && !path.endsWith("/reveal"))
        answers.push({ path: `${method} ${path}`, text: answer.text });
      return answer;
    };

    it("refuses tokens it cannot verify: none, forged, expired, another issuer or audience, no role", async () => {
      const s = await ready();
      const at = (token: string) =>
        fetch(new URL("customers", s.url), { headers: { Authorization: `Bearer ${token}` } }).then((r) => r.status);
      const sign = (claims: Record<string, unknown>, secret = s.secret, setup = (j: SignJWT) => j) =>
        setup(
          new SignJWT(claims)
            .setProtectedHeader({ alg: "HS256" })
            .setSubject(rm.id)
            .setIssuer("bankcrm-demo")
            .setAudience("bankcrm")
            .setExpirationTime("1h"),
        ).sign(new TextEncoder().encode(secret));
      const good = { role: rm.role, branch: rm.branchId };
      expect(await at(await sign(good))).toBe(200);
      expect((await fetch(new URL("customers", s.url))).status).toBe(401);
      expect(await at(await sign(good, "another-secret-of-at-least-32-characters"))).toBe(401);
      expect(
        await at(await sign(good, s.secret, (j) => j.setExpirationTime(Math.floor(Date.now() / 1000) - 120))),
      ).toBe(401);
      expect(await at(await sign(good, s.secret, (j) => j.setIssuer("someone-else")))).toBe(401);
      expect(await at(await sign(good, s.secret, (j) => j.setAudience("another-api")))).toBe(401);
      expect(await at(await sign({ role: "superuser", branch: "HQ" }))).toBe(401);
      // alg "none": an unsigned token
      const unsigned = `${Buffer.from('{"alg":"none"}').toString("base64url")}.${Buffer.from(
        JSON.stringify({ sub: rm.id, role: "auditor", branch: "HQ", iss: "bankcrm-demo", aud: "bankcrm", exp: 2e9 }),
      ).toString("base64url")}.`;
      expect(await at(unsigned)).toBe(401);
    });

    it("answers every role on every route as its scope says: own book, branch or head office; 404 outside", async () => {
      const s = await ready();
      for (const who of PRINCIPALS) {
        // The list: exactly the customers core's policy puts in scope.
        const listed = (await call(s, who, "GET", "customers?limit=1000")).json().items as Customer[];
        const expected = portfolio.customers.filter((c) => inCustomerScope(who, c)).map((c) => c.id);
        expect(
          listed.map((c) => c.id),
          who.id,
        ).toEqual([...expected].sort());
        for (const [where, customer] of Object.entries(CUSTOMERS)) {
          const visible = inCustomerScope(who, customer);
          const label = `${who.role} × ${where}`;
          const key = customer.kind === "individual" ? customer.idDocument.number : customer.uscc;
          expect((await call(s, who, "GET", `customers/${customer.id}`)).status, label).toBe(visible ? 200 : 404);
          expect((await call(s, who, "GET", `customers/by-natural-key?key=${key}`)).status, label).toBe(
            visible ? 200 : 404,
          );
          // The path form of contract 1.2, kept for its clients, answers the same.
          expect((await call(s, who, "GET", `customers/by-natural-key/${key}`)).status, label).toBe(
            visible ? 200 : 404,
          );
          const holdings = (await call(s, who, "GET", `customers/${customer.id}/holdings`)).json() as unknown as [];
          expect(holdings.length > 0, label).toBe(visible);
          const timeline = (await call(s, who, "GET", `customers/${customer.id}/timeline`)).json().items as [];
          expect(timeline.length > 0, label).toBe(visible);
          const transactions = (await call(s, who, "GET", `transactions?customerId=${customer.id}`)).json().items as [];
          expect(transactions.length > 0, label).toBe(visible);
          const holding = portfolio.holdings.find((h) => h.customerId === customer.id)!;
          expect((await call(s, who, "GET", `holdings/${holding.id}`)).status, label).toBe(visible ? 200 : 404);

          // Writes: a role that may write, in scope → 201; out of scope → 404; an auditor → 403.
          const created = await call(s, who, "POST", "interactions", {
            id: `IN-MATRIX-${database}-${who.id}-${where}`,
            customerId: customer.id,
            at: "2026-11-30T01:00:00Z",
            channel: "phone",
            type: "call",
            summary: "matrix",
            outcome: "follow_up",
            confidential: false,
            createdBy: "someone-else",
          });
          const writes = WRITERS.includes(who.role);
          expect(created.status, label).toBe(!writes ? 403 : visible ? 201 : 404);
          if (created.status === 201) expect(created.json(), label).toMatchObject({ createdBy: who.id });
          // A confidential note: only roles that read them write one (no record is sent back to a role that may not).
          const secret = await call(s, who, "POST", "interactions", {
            id: `IN-SECRET-${database}-${who.id}-${where}`,
            customerId: customer.id,
            at: "2026-11-30T01:00:00Z",
            channel: "phone",
            type: "note",
            summary: "matrix secret",
            outcome: "follow_up",
            confidential: true,
          });
          expect(secret.status, label).toBe(!writes || !canReadConfidential(who) ? 403 : visible ? 201 : 404);

          // Reveal: roles the policy allows, in scope.
          const reveal = await call(s, who, "POST", `customers/${customer.id}/reveal`, {
            field: "contact.mobile",
            reason: "matrix",
          });
          expect(reveal.status, label).toBe(!REVEALERS.includes(who.role) ? 403 : visible ? 200 : 404);
          if (reveal.status === 200) expect(reveal.json().value, label).toBe(customer.contact.mobile ?? null);

          // A transition on a record out of scope is as missing as a record that does not exist.
          const lead = portfolio.leads.find((l) => l.customerId === customer.id);
          if (lead && writes) {
            const moved = await call(
              s,
              who,
              "POST",
              `leads/${lead.id}/transitions`,
              { event: "teleport", at: "2026-11-30T01:00:00Z" },
              { "If-Match": '"v0"' },
            );
            // In scope, the machine answers (no such event); out of scope, nothing is there.
            expect(moved.status, label).toBe(visible ? 409 : 404);
          }
        }
        // The audit trail: auditors only.
        expect((await call(s, who, "GET", "audit")).status, who.role).toBe(who.role === "auditor" ? 200 : 403);
      }
    });

    it("never sends a full identifier to a relationship manager's or a teller's token", async () => {
      const s = await ready();
      for (const who of PRINCIPALS.slice(0, 2)) {
        await call(s, who, "GET", `customers?limit=1000`);
        await call(s, who, "GET", `customers?search=${encodeURIComponent(inBook.name.slice(0, 1))}`);
        await call(s, who, "GET", `leads?limit=1000`);
        for (const collection of ["holdings", "interactions", "opportunities", "relationshipGroups", "customerChanges"])
          await call(s, who, "GET", `${collection}?limit=1000`);
        await call(s, who, "GET", `customers/${inBook.id}/timeline?limit=1000`);
      }
      // A write's answer is masked too: the lead's mobile is the one the caller just sent.
      const lead = await call(s, rm, "POST", "leads", newLead(`LD-SCAN-${database}`, inBook.id));
      expect(lead.status).toBe(201);
      expect(lead.json().mobile).toBe("138****5678");
      const scanned = answers.filter((a) => a.text.length > 2);
      expect(scanned.length).toBeGreaterThan(40);
      // The scan can find what it looks for: the seeded book does hold full identifiers.
      expect(identifiersIn(JSON.stringify(portfolio.customers.slice(0, 20))).length).toBeGreaterThan(20);
      const leaks = scanned.flatMap((a) => identifiersIn(a.text).map((id) => `${a.path}: ${id}`));
      expect(leaks).toEqual([]);
    });

    it("reveals nothing when the audit row cannot be written, and records each reveal it answers", async () => {
      const s = await ready();
      const before = (await s.db.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_log")).rows[0]!.n;
      // The audit table refuses inserts (a full disk, a revoked grant): the reveal must fail closed.
      await s.db.query(`CREATE FUNCTION refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'audit unavailable'; END; $$`);
      await s.db.query(
        "CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION refuse_audit()",
      );
      const refused = await call(s, rm, "POST", `customers/${inBook.id}/reveal`, {
        field: "idDocument.number",
        reason: "verify identity",
      });
      await s.db.query("DROP TRIGGER refuse_audit ON audit_log");
      await s.db.query("DROP FUNCTION refuse_audit()");
      expect(refused.status).toBe(500);
      expect(refused.text).not.toContain(inBook.kind === "individual" ? inBook.idDocument.number : "");
      expect(identifiersIn(refused.text)).toEqual([]);
      expect((await s.db.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_log")).rows[0]!.n).toBe(before);

      const answered = await call(s, rm, "POST", `customers/${inBook.id}/reveal`, {
        field: "idDocument.number",
        reason: "verify identity",
      });
      expect(answered.json().value).toBe(inBook.kind === "individual" ? inBook.idDocument.number : undefined);
      const auditor = PRINCIPALS[5]!;
      const trail = (await call(s, auditor, "GET", `audit?staffId=${rm.id}&customerId=${inBook.id}&limit=1000`)).json()
        .items as { action: string; field: string; reason: string }[];
      expect(trail.at(-1)).toMatchObject({ action: "reveal", field: "idDocument.number", reason: "verify identity" });
      expect(JSON.stringify(trail)).not.toContain(answered.json().value as string);
      // Missing reason: a field error, and nothing revealed.
      const noReason = await call(s, rm, "POST", `customers/${inBook.id}/reveal`, { field: "contact.mobile" });
      expect(noReason.status).toBe(422);
    });

    it("keeps the audit trail append-only, and finds the first broken link when a row is forced", async () => {
      const s = await ready();
      for (const reason of ["a", "b", "c"])
        await call(s, rm, "POST", `customers/${inBook.id}/reveal`, { field: "contact.mobile", reason });
      const auditor = PRINCIPALS[5]!;
      expect((await call(s, auditor, "GET", "audit/verify")).json()).toMatchObject({ ok: true });
      const rows = (await call(s, auditor, "GET", "audit?limit=1000")).json().items as { seq: number }[];
      expect(rows.length).toBeGreaterThanOrEqual(3);
      // Plain edits and deletes are refused by the table itself.
      await expect(s.db.query("UPDATE audit_log SET reason = 'edited' WHERE seq = 2")).rejects.toThrow(/append-only/);
      await expect(s.db.query("DELETE FROM audit_log WHERE seq = 2")).rejects.toThrow(/append-only/);
      // Someone with the rights to switch the guard off edits a row: the chain shows where.
      await s.db.query("ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_change");
      await s.db.query("UPDATE audit_log SET reason = 'nothing to see' WHERE seq = 2");
      await s.db.query("ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_change");
      expect((await call(s, auditor, "GET", "audit/verify")).json()).toEqual({
        ok: false,
        rows: 1,
        firstBroken: { seq: 2, reason: "hash" },
      });
      expect((await call(s, rm, "GET", "audit/verify")).status).toBe(403);
    });
  });
}

describe("the reference server's rate limit", () => {
  const server = useReferenceServer({ rateLimit: { perMinute: 60, burst: 5 } });
  it("answers 429 with Retry-After past a principal's burst, and other principals go on", async () => {
    const s = server();
    const get = async (token: string) =>
      fetch(new URL("campaigns", s.url), { headers: { Authorization: `Bearer ${token}` } });
    const busy = await s.tokenFor(rm);
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 7; i++) {
      const r = await get(busy);
      statuses.push(r.status);
      if (r.status === 429) retryAfter = r.headers.get("Retry-After");
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
    expect((await get(await s.tokenFor(PRINCIPALS[1]!))).status).toBe(200);
  });
});
