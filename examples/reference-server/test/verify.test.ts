/**
 * Verifying a caller on the server: answers compared with the full values and
 * only match / no match sent back; three failures lock that customer for that
 * agent for a day — across new sessions, with right answers, with nothing to
 * clear it — and every attempt and the lock are rows of the audit chain.
 */
import { describe, expect, it } from "vitest";
import { useReferenceServer } from "../../../packages/data/test/support/reference-server.js";
import { verifyAudit } from "../src/audit.js";
import { book, call, member, seededServer, staff } from "./support/demo-bank.js";

const person = book.customers.find((c) => c.kind === "individual")!;
const right = {
  first: person.kind === "individual" ? person.birthDate : "",
  last4: person.idDocument.number.slice(-4),
};
const wrong = { first: "1900-01-01", last4: "0000" };
/** A service agent of another branch than the customer's: the call centre serves the whole bank. */
const agent = member(staff.find((s) => s.role === "service_agent" && s.branchId !== person.branchId)!.id);
const colleague = member(
  staff.find((s) => s.role === "service_agent" && s.id !== agent.id && s.branchId !== person.branchId)!.id,
);
const tellerElsewhere = member(staff.find((s) => s.role === "teller" && s.branchId !== person.branchId)!.id);

// PGlite: the SQL these routes run is the reads' and writes' own, which every other server test runs on both.
for (const database of ["pglite"] as const) {
  describe(`verifying a caller (${database})`, () => {
    let clock = new Date("2026-12-06T02:00:00Z");
    const server = useReferenceServer({ database, now: () => clock });
    const ready = seededServer(server);
    const verify = async (who: typeof agent, answers: unknown) =>
      call(await ready(), who, "POST", `customers/${person.id}/verify`, answers);

    it("answers match or no match, never a value, and locks the customer for that agent after three failures", async () => {
      const s = await ready();
      expect((await verify(agent, right)).json()).toEqual({ match: true });
      const first = await verify(agent, wrong);
      expect(first.json()).toEqual({ match: false, attemptsLeft: 2 });
      expect((await verify(agent, { first: right.first, last4: "9999" })).json()).toEqual({
        match: false,
        attemptsLeft: 1,
      });
      const third = await verify(agent, wrong);
      expect(third.json()).toMatchObject({ match: false, attemptsLeft: 0, lockedUntil: "2026-12-07T02:00:00.000Z" });
      for (const answer of [first, third]) {
        expect(answer.text).not.toContain(right.first);
        expect(answer.text).not.toContain(person.idDocument.number);
      }
      // Locked: the right answers too, from a new session (a new token), and the lock says until when.
      const locked = await verify(agent, right);
      expect(locked.status).toBe(423);
      expect(locked.json()).toMatchObject({ code: "verification_locked", lockedUntil: "2026-12-07T02:00:00.000Z" });
      const token = await s.tokenFor(agent, { expiresIn: "5m" });
      const again = await fetch(new URL(`customers/${person.id}/verify`, s.url), {
        method: "POST",
        headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
        body: JSON.stringify(right),
      });
      expect(again.status).toBe(423);
      // Another agent is not locked; a day later the first one is not either.
      expect((await verify(colleague, right)).json()).toEqual({ match: true });
      clock = new Date("2026-12-07T02:00:01Z");
      expect((await verify(agent, right)).json()).toEqual({ match: true });

      // Every attempt and the lock are in the audit chain, which holds.
      const rows = (
        await call(s, member("ST-HQ-AU1"), "GET", `audit?staffId=${agent.id}&customerId=${person.id}`)
      ).json().items as { action: string; reason: string }[];
      expect(rows.map((r) => [r.action, r.reason])).toEqual([
        ["verify_caller", "matched"],
        ["verify_caller", "not matched"],
        ["verify_caller", "not matched"],
        ["verify_caller", "not matched"],
        ["verify_locked", "until 2026-12-07T02:00:00.000Z"],
        ["verify_caller", "matched"],
      ]);
      expect((await verifyAudit(s.db.driver)).ok).toBe(true);
    });

    it("is for staff who speak to customers, in their scope, and needs both answers", async () => {
      expect((await verify(member("ST-HQ-MA1"), right)).status).toBe(403);
      expect((await verify(member("ST-HQ-AU1"), right)).status).toBe(403);
      expect((await verify(tellerElsewhere, right)).status).toBe(404);
      expect((await verify(colleague, { first: right.first })).status).toBe(400);
    });

    it("finds the caller by the bank card they read out (masked), across the bank; not by a mistyped one", async () => {
      const card = book.holdings.find((h) => h.customerId === person.id && /^\d{16,19}$/.test(h.accountNumber))!;
      const find = async (search: string) =>
        (await call(await ready(), agent, "GET", `customers?search=${encodeURIComponent(search)}`)).json() as {
          items: { id: string; idDocument: { number: string } }[];
        };
      const found = await find(card.accountNumber.replace(/(\d{4})(?=\d)/g, "$1 "));
      expect(found.items.map((c) => c.id)).toEqual([person.id]);
      expect(found.items[0]!.idDocument.number).not.toBe(person.idDocument.number);
      const typo = `${card.accountNumber.slice(0, -1)}${(Number(card.accountNumber.at(-1)) + 1) % 10}`;
      expect((await find(typo)).items).toEqual([]);
    });
  });
}
