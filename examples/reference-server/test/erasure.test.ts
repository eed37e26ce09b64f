/**
 * Deletion under legal holds, and the retention purge, on the server: head office's privacy officer sees what a
 * request would do and fulfils it in one transaction — the AML-held records kept, restricted; the rest erased or
 * anonymised, gone from the database and its side tables; the person's consents withdrawn; the answer with the
 * reasons readable in the portal; all audited. The purge erases what closed relationships no longer need.
 */
import { describe, expect, it } from "vitest";
import { belongsTo, type CollectionName } from "@bankcrm/core";
import { useReferenceServer } from "../../../packages/data/test/support/reference-server.js";
import { purge } from "../src/erasure.js";
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

const officer = member("ST-HQ-PO1");
const auditor = member("ST-HQ-AU1");
const customer = book.customers.find(
  (c) =>
    c.status === "active" &&
    c.relationshipManagerId === rm.id &&
    book.interactions.some((i) => i.customerId === c.id) &&
    book.campaignMembers.some((m) => m.customerId === c.id) &&
    c.consents.some((x) => x.granted && x.purpose === "marketing" && x.channel === "all"),
)!;
const manager = member(staff.find((m) => m.role === "branch_manager" && m.branchId === customer.branchId)!.id);
const theirs = (collection: CollectionName) =>
  (book[collection as keyof typeof book] as { id: string }[]).filter((r) => belongsTo(collection, r, customer.id));

describe("deletion under legal holds, and the retention purge (pglite)", () => {
  const server = useReferenceServer({ database: "pglite" });
  const ready = seededServer(server);
  const path = `customers/${customer.id}/erasure`;
  const rowsOf = async (collection: string, customerId = customer.id) =>
    (
      await server().db.query<{ id: string }>(
        "SELECT id FROM records WHERE collection = $1 AND customer_id = $2 ORDER BY id",
        [collection, customerId],
      )
    ).rows.map((r) => r.id);

  let marketingBefore: string[] = [];
  it("is fulfilled by head office's privacy officer only; a preview changes nothing", async () => {
    const s = await ready();
    marketingBefore = await marketingMembers(s, manager);
    expect((await call(s, rm, "GET", path)).status).toBe(403);
    expect((await call(s, manager, "POST", path)).status).toBe(403);
    expect((await call(s, officer, "GET", `${path}?locale=fr`)).status).toBe(400);
    expect((await call(s, officer, "GET", "customers/CU-NOBODY/erasure")).status).toBe(404);
    const preview = await call(s, officer, "GET", `${path}?locale=en`);
    expect(preview.status, preview.text).toBe(200);
    const { plan, answer } = preview.json() as {
      plan: { steps: { collection: string; action: string }[] };
      answer: string;
    };
    expect(plan.steps.filter((x) => x.collection === "interactions").map((x) => x.action)).toEqual(
      theirs("interactions").map(() => "erase"),
    );
    expect(answer).toContain("Your relationship with the bank continues");
    expect(await rowsOf("interactions")).toEqual(
      theirs("interactions")
        .map((r) => r.id)
        .sort(),
    );
  });

  it("keeps, restricted, what the law holds, erases and anonymises the rest, and answers with the reasons", async () => {
    const s = await ready();
    // A note written with an Idempotency-Key: its stored answer is the note itself, and goes with it.
    const key = crypto.randomUUID();
    const noted = await call(s, rm, "POST", "interactions", callNote("IN-ERASED-KEY", customer.id), {
      "Idempotency-Key": key,
    });
    expect(noted.status, noted.text).toBe(201);
    const answers = () => s.db.query("SELECT 1 FROM idempotency WHERE key LIKE $1", [`%:${key}`]);
    expect((await answers()).rows).toHaveLength(1);
    const done = await call(s, officer, "POST", path);
    expect(done.status, done.text).toBe(200);
    const { applied, answer } = done.json() as { applied: Record<string, number>; answer: string };
    expect(applied.erased).toBeGreaterThanOrEqual(theirs("interactions").length);
    expect(applied.anonymised).toBeGreaterThanOrEqual(theirs("campaignMembers").length);
    expect(answer).toContain("反洗钱法");
    // Erased: their contacts; anonymised: their place in campaigns (no longer theirs); held: identity, holdings.
    expect(await rowsOf("interactions")).toEqual([]);
    expect((await answers()).rows).toEqual([]);
    expect(await rowsOf("campaignMembers")).toEqual([]);
    expect((await rowsOf("campaignMembers", "anonymised")).length).toBeGreaterThanOrEqual(
      theirs("campaignMembers").length,
    );
    expect(await rowsOf("holdings")).toEqual(
      theirs("holdings")
        .map((r) => r.id)
        .sort(),
    );
    const stored = (await s.db.get("customers", customer.id))!.body as {
      restrictedAt?: string;
      consents: { purpose: string; channel: string; granted: boolean }[];
    };
    expect(stored.restrictedAt).toBeDefined();
    const latest = new Map(stored.consents.map((c) => [`${c.purpose}|${c.channel}`, c.granted]));
    expect([...latest.values()].every((granted) => !granted)).toBe(true);
    expect((await rowsOf("customerChanges")).length).toBeGreaterThan(0); // each withdrawal in their history
    // The person reads the answer in the portal; the officer's and the chain's records hold.
    const mine = await callAsCustomer(s, customer.id, "GET", "me/erasure?locale=en");
    expect(mine.status).toBe(200);
    expect(JSON.parse(mine.text).answer).toContain("The AML law keeps identity data for 10 years");
    expect((await callAsCustomer(s, book.customers[0]!.id, "GET", "me/erasure")).status).toBe(404);
    const rows = (await call(s, auditor, "GET", `audit?action=erasure&customerId=${customer.id}`)).json().items as {
      actorId: string;
    }[];
    expect(rows.map((r) => r.actorId)).toEqual([officer.id]);
    expect((await call(s, auditor, "GET", "audit/verify")).json()).toMatchObject({ ok: true });
  });

  it("leaves them out of a marketing segment at once", async () => {
    const s = await ready();
    // Before the request (the first test only previewed it) they were in; the erasure withdrew every consent.
    expect(marketingBefore).toContain(customer.id);
    expect(await marketingMembers(s, manager)).not.toContain(customer.id);
  });

  it("purges what closed relationships no longer need, audited, and only that", async () => {
    const s = await ready();
    expect((await call(s, rm, "POST", "retention/purge")).status).toBe(403);
    const now = await call(s, officer, "POST", "retention/purge");
    expect(now.status, now.text).toBe(200);
    expect(now.json()).toMatchObject({ customers: 3 }); // the demo book's closed relationships, all held today
    const closed = book.customers.filter((c) => c.status === "closed");
    const count = async (where: string, values: unknown[] = []) =>
      (await s.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM records WHERE ${where}`, values)).rows[0]!.n;
    const ofClosed = () =>
      count("customer_id = ANY($1) OR (collection = 'customers' AND id = ANY($1))", [closed.map((c) => c.id)]);
    const anonymous = () => count("customer_id = 'anonymised'");
    const [theirsBefore, allBefore, anonymousBefore] = [await ofClosed(), await count("true"), await anonymous()];
    expect(theirsBefore).toBeGreaterThan(closed.length); // held today: their records are all still there
    // Twenty years on, nothing holds them: every record of theirs goes (erased or anonymised), and no one else's.
    const report = await purge(s.db, { at: "2046-12-01T00:00:00.000Z", actor: officer });
    expect(report).toMatchObject({ customers: 3, changed: 3 });
    expect(await ofClosed()).toBe(0);
    const anonymised = (await anonymous()) - anonymousBefore;
    expect(report.anonymised).toBe(anonymised);
    expect(allBefore - (await count("true"))).toBe(theirsBefore - anonymised);
    expect(report.erased).toBe(theirsBefore - anonymised);
    const purged = (await call(s, auditor, "GET", "audit?action=retention_purge")).json().items as unknown[];
    expect(purged).toHaveLength(3);
    expect((await call(s, auditor, "GET", "audit/verify")).json()).toMatchObject({ ok: true });
  });
});
