/**
 * The portal's routes (`/me…`) with a customer's token: the customer sees
 * themselves and nothing of staff's or of another customer's, and what they do
 * — a lead, a complaint, a rating, a withdrawn consent — reaches their
 * relationship manager and branch through the change feed.
 */
import { describe, expect, it } from "vitest";
import { useReferenceServer } from "../../../packages/data/test/support/reference-server.js";
import { signCustomerToken } from "../src/auth.js";
import {
  book,
  call,
  callAsCustomer,
  callNote,
  marketingMembers,
  member,
  rm,
  seededServer,
  staff,
} from "./support/demo-bank.js";
import { changesIn, follow } from "./support/sse.js";

const customer = book.customers.find((c) => c.relationshipManagerId === rm.id && c.contact.mobile)!;
const other = book.customers.find((c) => c.id !== customer.id && c.branchId !== customer.branchId)!;
const manager = member(staff.find((m) => m.role === "branch_manager" && m.branchId === customer.branchId)!.id);
/** A resolved case not yet rated, and its customer. */
const resolved = book.serviceCases.find(
  (c) => (c.status === "resolved" || c.status === "closed") && c.satisfaction === undefined,
)!;

/** A portal answer, read loosely: the tests look into it. */
type Answer = Record<string, unknown> & {
  items: Record<string, unknown>[];
  contact: { mobile: string };
  slaDueAt: string;
};
type Page = { items: { collection: string; id: string; change: string; record?: Record<string, unknown> }[] };

// PGlite: the SQL these routes run is the reads' and writes' own, which every other server test runs on both.
for (const database of ["pglite"] as const) {
  describe(`the portal, as the customer (${database})`, () => {
    const server = useReferenceServer({ database });
    const ready = seededServer(server);
    const as = async (customerId: string, method: string, path: string, body?: unknown, headers = {}) => {
      const answer = await callAsCustomer(await ready(), customerId, method, path, body, headers);
      return { ...answer, json: () => JSON.parse(answer.text) as Answer };
    };
    const feedOf = async (who: typeof rm, after: number) =>
      (await call(server(), who, "GET", `changes?after=${after}&limit=500`)).json() as unknown as Page;
    const head = async () => {
      await server().db.changes.publish();
      return (await server().db.changes.bounds()).head;
    };

    it("shows the customer their own profile, holdings and cases — masked, and without staff's fields", async () => {
      const profile = await as(customer.id, "GET", "me");
      expect(profile.status).toBe(200);
      const me = profile.json();
      expect(me.id).toBe(customer.id);
      // Staff's fields, and the AML risk rating (no tipping off), are never sent to the customer.
      expect(customer.amlRiskRating).toBeDefined();
      for (const field of ["tags", "relationshipManagerId", "updatedBy", "amlRiskRating"])
        expect(me).not.toHaveProperty(field);
      expect(profile.text).not.toContain(customer.contact.mobile!);
      expect(me.contact.mobile).toMatch(/\*/);
      const cases = (await as(resolved.customerId, "GET", "me/cases")).json().items;
      expect(cases.length).toBeGreaterThan(0);
      expect(cases.every((c) => c.customerId === resolved.customerId)).toBe(true);
      for (const field of ["assignedTo", "history", "createdBy"]) expect(cases[0]).not.toHaveProperty(field);
      const holdings = (await as(customer.id, "GET", "me/holdings")).json().items;
      expect(holdings.map((h) => h.customerId)).toEqual(
        book.holdings.filter((h) => h.customerId === customer.id).map(() => customer.id),
      );
    });

    it("gives a customer's token no staff route, and staff no portal route: both do not exist (404)", async () => {
      for (const path of [
        `customers/${other.id}`,
        `customers/${customer.id}`,
        "customers",
        "changes",
        "audit",
        "leads",
      ])
        expect((await as(customer.id, "GET", path)).status, path).toBe(404);
      expect((await as(customer.id, "POST", "import/customers", [other])).status).toBe(404);
      expect((await call(await ready(), rm, "GET", "me")).status).toBe(404);
    });

    it("takes a lead and a complaint from the customer, and the relationship manager and branch manager see them", async () => {
      const start = await head();
      const lead = await as(customer.id, "POST", "me/leads", {
        id: `LD-PORTAL-${database}`,
        purpose: "mortgage",
        message: "想了解房贷",
        consentTextVersion: "2026-03",
      });
      expect(lead.status, lead.text).toBe(201);
      expect(lead.json()).not.toHaveProperty("assignedTo");
      const complaint = await as(customer.id, "POST", "me/cases", {
        id: `SC-PORTAL-${database}`,
        type: "complaint",
        subject: "转账到账慢",
      });
      expect(complaint.status, complaint.text).toBe(201);
      expect(complaint.json()).toMatchObject({ channel: "online_banking", status: "open", type: "complaint" });
      await head();
      const rmSees = (await feedOf(rm, start)).items;
      expect(rmSees.find((i) => i.id === `LD-PORTAL-${database}`)?.record).toMatchObject({
        assignedTo: rm.id,
        source: "internet_banking",
        customerId: customer.id,
        status: "new",
      });
      const bmSees = (await feedOf(manager, start)).items.find((i) => i.id === `SC-PORTAL-${database}`);
      expect(bmSees?.record?.slaDueAt).toEqual(complaint.json().slaDueAt);
      // Another customer's token sees neither.
      expect((await as(other.id, "GET", "me/leads")).text).not.toContain(`LD-PORTAL-${database}`);
      expect((await as(other.id, "GET", "me/cases")).text).not.toContain(`SC-PORTAL-${database}`);
    });

    it("refuses what is not the customer's: a taken id, another's case, an unknown field, a staff-only change", async () => {
      const theirs = book.serviceCases.find((c) => c.customerId !== customer.id)!;
      const taken = await as(customer.id, "POST", "me/cases", { id: theirs.id, type: "inquiry", subject: "probe" });
      expect(taken.status).toBe(409);
      expect(taken.text).not.toContain(theirs.subject);
      const notMine = book.serviceCases.find((c) => c.customerId !== customer.id && c.status === "resolved")!;
      expect((await as(customer.id, "POST", `me/cases/${notMine.id}/rating`, { satisfaction: 5 })).status).toBe(404);
      const extra = await as(customer.id, "POST", "me/leads", {
        id: "LD-EXTRA",
        purpose: "mortgage",
        consentTextVersion: "v1",
        assignedTo: "ST-SOMEONE",
      });
      expect(extra.status).toBe(422);
      const profile = await as(customer.id, "GET", "me");
      const risk = await as(
        customer.id,
        "POST",
        "me/changes",
        { id: "CH-RISK", input: { kind: "risk_assessment", riskTolerance: "C5", riskAssessedAt: "2026-12-01" } },
        { "If-Match": profile.etag! },
      );
      expect(risk.status).toBe(403);
    });

    it("rates a resolved case once, and withdraws a consent — the branch hears of both", async () => {
      const start = await head();
      expect(
        (await as(resolved.customerId, "POST", `me/cases/${resolved.id}/rating`, { satisfaction: 4 })).status,
      ).toBe(200);
      expect(
        (await as(resolved.customerId, "POST", `me/cases/${resolved.id}/rating`, { satisfaction: 1 })).status,
      ).toBe(409);
      const profile = await as(resolved.customerId, "GET", "me");
      const withdrawal = {
        id: `CH-WITHDRAW-${database}`,
        input: {
          kind: "consent",
          consent: {
            purpose: "marketing",
            channel: "all",
            granted: false,
            textVersion: "2026-03",
            recordedAt: "2026-12-06T01:00:00Z",
          },
        },
      };
      expect((await as(resolved.customerId, "POST", "me/changes", withdrawal, { "If-Match": '"v999"' })).status).toBe(
        412,
      );
      const changed = await as(resolved.customerId, "POST", "me/changes", withdrawal, { "If-Match": profile.etag! });
      expect(changed.status, changed.text).toBe(200);
      await head();
      const owner = book.customers.find((c) => c.id === resolved.customerId)!;
      const bm = member(staff.find((m) => m.role === "branch_manager" && m.branchId === owner.branchId)!.id);
      const seen = (await feedOf(bm, start)).items;
      expect(seen.find((i) => i.id === resolved.id)?.record).toMatchObject({ satisfaction: 4 });
      const consents = seen.find((i) => i.collection === "customers" && i.id === owner.id)?.record?.consents as {
        granted: boolean;
      }[];
      expect(consents.at(-1)).toMatchObject({ granted: false, purpose: "marketing", channel: "all" });
      expect(seen.find((i) => i.collection === "customerChanges")?.record).toMatchObject({ by: owner.id });
    });

    it("a consent given or withdrawn in the portal puts the customer in or takes them out of every segment for that purpose at once", async () => {
      const s = await ready();
      const members = () => marketingMembers(s, manager);
      const consent = async (granted: boolean, at: string) => {
        const profile = await as(customer.id, "GET", "me");
        const change = {
          id: `CH-SEGMENT-${String(granted)}-${database}`,
          input: {
            kind: "consent",
            consent: { purpose: "marketing", channel: "all", granted, textVersion: "2026-03", recordedAt: at },
          },
        };
        const answer = await as(customer.id, "POST", "me/changes", change, { "If-Match": profile.etag! });
        expect(answer.status, answer.text).toBe(200);
      };
      await consent(true, "2026-12-06T02:00:00Z");
      const before = await members();
      expect(before).toContain(customer.id);
      await consent(false, "2026-12-06T03:00:00Z");
      const after = await members();
      expect(after).not.toContain(customer.id);
      expect(after.length).toBe(before.length - 1);
    });

    it("streams the customer's own records as they change, as they see them, and nothing of anyone else's", async () => {
      const s = await ready();
      const start = await head();
      const token = await signCustomerToken(customer.id, { secret: s.secret });
      const mine = await follow(s.url, token, String(start), "me/changes/stream");
      expect(mine.status).toBe(200);
      // Staff's stream is not theirs, and theirs is not staff's.
      expect((await follow(s.url, token, String(start))).status).toBe(404);
      expect((await call(s, rm, "GET", "me/changes/stream")).status).toBe(404);
      // Their relationship manager notes a call (staff's record: not followed), another customer complains, then
      // they lodge a complaint themselves: only theirs comes, without staff's fields.
      expect((await call(s, rm, "POST", "interactions", callNote(`IN-OWN-${database}`, customer.id))).status).toBe(201);
      const theirs = await as(other.id, "POST", "me/cases", {
        id: `SC-OTHER-${database}`,
        type: "complaint",
        subject: "别人的",
      });
      expect(theirs.status).toBe(201);
      const own = await as(customer.id, "POST", "me/cases", {
        id: `SC-OWN-${database}`,
        type: "complaint",
        subject: "我的",
      });
      expect(own.status).toBe(201);
      const events = await mine.until((e) => changesIn(e).some((c) => c.id === `SC-OWN-${database}`));
      mine.close();
      const seen = changesIn(events);
      expect(seen.map((c) => c.id)).toEqual([`SC-OWN-${database}`]);
      expect(seen[0]!.record).toMatchObject({ subject: "我的", customerId: customer.id });
      for (const field of ["createdBy", "priority", "history"]) expect(seen[0]!.record).not.toHaveProperty(field);
      // A page of the same: theirs only, as the stream's `after: "head"` asks for its head.
      const page = (await as(customer.id, "GET", `me/changes?after=${start}`)).json() as unknown as Page & {
        head: number;
      };
      expect(page.items.map((i) => i.id)).toEqual([`SC-OWN-${database}`]);
      expect(page.head).toBeGreaterThan(start + 2);
      // What they did not receive still moved their cursor: a reconnect resumes after it.
      expect(Number(events.filter((e) => e.id).at(-1)!.id)).toBeGreaterThan(start + 2);
    });
  });
}
