/**
 * No answer carries a record outside the caller's scope, whatever its status:
 * every route of docs/api/openapi.yaml is called with a token of each role,
 * against ids of other books and branches, on the error paths too — a create
 * whose id is taken (412), PUT's 412, transitions' 409, customer changes, an
 * idempotent replay after the customer left the caller's book, a write that
 * moves a record onto another branch's customer — and every answer is scanned
 * for out-of-scope customer ids, the text of out-of-scope records and
 * confidential notes (for roles that may not read them).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { canReadConfidential, inCustomerScope, isCollectionName, type CollectionName } from "@bankcrm/core";
import { newLead } from "../../../packages/data/test/support/leads.js";
import { useReferenceServer } from "../../../packages/data/test/support/reference-server.js";
import { book, call, otherBranchTeller, rm, ROLES, seededServer, type Who } from "./support/demo-bank.js";
import { forbiddenFor, leaksIn } from "./support/scan.js";

const PRINCIPALS: Who[] = [...ROLES, otherBranchTeller];

const contract = JSON.parse(
  readFileSync(new URL("../../../docs/api/openapi.yaml", import.meta.url), "utf8").replace(/^#.*\n/gm, ""),
) as { paths: Record<string, Record<string, unknown>> };

const recordsOf = (collection: CollectionName) =>
  (book as unknown as Record<string, { id: string; customerId?: string; members?: { customerId: string }[] }[]>)[
    collection
  ] ?? [];
const customerOf = (id: string | undefined) => book.customers.find((c) => c.id === id);

type Probe = { id: string; customerId?: string; version?: number };
/** A customer of the book the principal may not see. */
const strangerOf = (who: Who) => book.customers.find((c) => !inCustomerScope(who, c));
/** A record of the collection the principal may not see: of a customer outside their scope, or a confidential note. */
function outOfScope(who: Who, collection: CollectionName): Probe | undefined {
  if (collection === "customers") return strangerOf(who);
  if (collection === "interactions" && !canReadConfidential(who)) {
    const note = book.interactions.find((i) => i.confidential && inCustomerScope(who, customerOf(i.customerId)!));
    if (note) return note;
  }
  return recordsOf(collection).find((r) => {
    if (r.members) return r.members.every((m) => !inCustomerScope(who, customerOf(m.customerId)!));
    const customer = customerOf(r.customerId);
    return customer !== undefined && !inCustomerScope(who, customer);
  });
}

const CHANGE = { id: "CHG-PROBE", at: "2026-11-30T01:00:00Z", input: { kind: "contact", contact: { city: "北京" } } };

for (const database of ["pglite", "postgres"] as const) {
  describe(`no answer carries a record outside the caller's scope (${database})`, () => {
    const server = useReferenceServer({ database });
    const ready = seededServer(server);

    it("walks every route of the contract with each role against other books' ids and finds nothing of theirs", async () => {
      const s = await ready();
      const leaks: string[] = [];
      let calls = 0;
      for (const who of PRINCIPALS) {
        const forbidden = forbiddenFor(who, book);
        const own = book.customers.find((c) => inCustomerScope(who, c))!;
        const stranger = book.customers.find((c) => !inCustomerScope(who, c)) ?? book.customers[0]!;
        for (const [template, operations] of Object.entries(contract.paths)) {
          const collection = template.split("/")[1]!;
          const target = isCollectionName(collection) ? outOfScope(who, collection) : undefined;
          const targetCustomer = strangerOf(who) ?? book.customers[0]!;
          const path = template
            .replace(/^\/customers\/\{id\}/, `/customers/${targetCustomer.id}`)
            .replace(
              "{key}",
              targetCustomer.kind === "individual" ? targetCustomer.idDocument.number : targetCustomer.uscc,
            )
            .replace("{id}", target?.id ?? "NONE")
            .slice(1);
          for (const method of Object.keys(operations)) {
            // The attack each route invites: the other book's record sent back under one's own customer.
            const stolen = target ? { ...target, ...(target.customerId ? { customerId: own.id } : {}) } : {};
            const body =
              method === "get"
                ? undefined
                : template.endsWith("/reveal")
                  ? { field: "contact.mobile", reason: "probe" }
                  : template.endsWith("/changes")
                    ? CHANGE
                    : template.endsWith("/transitions")
                      ? { event: "cancel", at: "2026-11-30T01:00:00Z", reason: "probe" }
                      : template.startsWith("/import/")
                        ? [target ?? stranger]
                        : template === "/segments/evaluate"
                          ? { definition: { schemaVersion: 1, root: { kind: "group", match: "all", rules: [] } } }
                          : stolen;
            const headers: Record<string, string> =
              method === "put" || template.endsWith("/transitions") || template.endsWith("/changes")
                ? { "If-Match": `"v${target?.version ?? 0}"` }
                : {};
            const answer = await call(s, who, method.toUpperCase(), path, body, headers);
            calls++;
            expect(answer.status, `${who.id} ${method} ${path}`).toBeLessThan(500);
            for (const leak of leaksIn(answer.text, forbidden, JSON.stringify({ path: path.split(/[/?]/), body }), who))
              leaks.push(`${who.id} ${method.toUpperCase()} /${path} → ${answer.status}: ${leak}`);
          }
        }
      }
      expect(calls).toBeGreaterThan(300);
      expect(leaks).toEqual([]);
    });

    it("answers a create whose id is taken by another book's record without that record", async () => {
      const s = await ready();
      // The review's two probes: another branch's lead under one's own customer, and a guessed confidential note.
      const own = book.customers.find((c) => inCustomerScope(rm, c))!;
      const lead = book.leads.find((l) => l.customerId && !inCustomerScope(rm, customerOf(l.customerId)!))!;
      const probe = await call(s, rm, "POST", "leads", { ...lead, customerId: own.id });
      expect(probe.status).toBe(412);
      expect(JSON.parse(probe.text)).toMatchObject({ current: null, etag: null });
      const teller = PRINCIPALS[6]!;
      const note = book.interactions.find((i) => i.confidential && inCustomerScope(teller, customerOf(i.customerId)!));
      const tellerOwn = book.customers.find((c) => inCustomerScope(teller, c))!;
      if (note) {
        const guessed = await call(s, teller, "POST", "interactions", {
          ...note,
          customerId: tellerOwn.id,
          confidential: false,
        });
        expect(guessed.status).toBe(412);
        expect(guessed.text).not.toContain(note.summary);
      }
      // One's own record still comes back whole: the client resolves the conflict from it.
      const mine = newLead(`LD-MINE-${database}`, own.id);
      expect((await call(s, rm, "POST", "leads", mine)).status).toBe(201);
      const again = await call(s, rm, "POST", "leads", mine);
      expect(again.status, again.text).toBe(412);
      expect(JSON.parse(again.text).current).toMatchObject({ id: mine.id, customerId: mine.customerId });
    });

    it("refuses a write that moves a record onto a customer outside the caller's scope", async () => {
      const s = await ready();
      const own = book.customers.find((c) => inCustomerScope(rm, c) && c.kind === "individual")!;
      const stranger = book.customers.find((c) => !inCustomerScope(rm, c))!;
      const id = `IN-MOVE-${database}`;
      const created = await call(s, rm, "POST", "interactions", {
        id,
        customerId: own.id,
        at: "2026-11-30T01:00:00Z",
        channel: "phone",
        type: "call",
        summary: "moved",
        confidential: false,
      });
      expect(created.status).toBe(201);
      const moved = await call(
        s,
        rm,
        "PUT",
        `interactions/${id}`,
        { ...JSON.parse(created.text), customerId: stranger.id },
        {
          "If-Match": '"v1"',
        },
      );
      expect(moved.status).toBe(404);
      const stored = await s.db.get("interactions", id);
      expect(stored?.body.customerId).toBe(own.id);
      // A lead converted onto another branch's customer: the same refusal.
      const lead =
        book.leads.find((l) => l.customerId === own.id && l.status === "qualified") ??
        book.leads.find(
          (l) => l.customerId && inCustomerScope(rm, customerOf(l.customerId)!) && l.status === "qualified",
        );
      if (lead) {
        const stored = (await s.db.get("leads", lead.id))!;
        const converted = await call(
          s,
          rm,
          "POST",
          `leads/${lead.id}/transitions`,
          { event: "convert", at: "2026-11-30T01:00:00Z", details: { customerId: stranger.id } },
          { "If-Match": stored.etag },
        );
        expect(converted.status).toBe(404);
      }
    });

    it("gives an idempotent replay only while the record is still the caller's", async () => {
      const s = await ready();
      const own = book.customers.find(
        (c) => inCustomerScope(rm, c) && book.customers.some((o) => o.id !== c.id && o.branchId !== c.branchId),
      )!;
      const key = crypto.randomUUID();
      const note = {
        id: `IN-REPLAY-${database}`,
        customerId: own.id,
        at: "2026-11-30T01:00:00Z",
        channel: "phone",
        type: "note",
        summary: "客户询问大额存单的利率",
        confidential: false,
      };
      const first = await call(s, rm, "POST", "interactions", note, { "Idempotency-Key": key });
      expect(first.status).toBe(201);
      const replay = await call(s, rm, "POST", "interactions", note, { "Idempotency-Key": key });
      expect(replay.status).toBe(201);
      // The customer moves to another relationship manager's book: the stored answer is no longer the caller's.
      const customer = (await s.db.get("customers", own.id))!;
      await s.db.put("customers", { ...customer.body, relationshipManagerId: "ST-ELSEWHERE" });
      const after = await call(s, rm, "POST", "interactions", note, { "Idempotency-Key": key });
      await s.db.put("customers", customer.body);
      expect(after.status).toBe(404);
      expect(after.text).not.toContain(note.summary);
    });
  });
}
