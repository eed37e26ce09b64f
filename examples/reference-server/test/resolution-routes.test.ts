/**
 * Entity resolution over HTTP: a branch manager reviews the pairs of their customers that may be one person — a
 * second record of one customer, as another system holds it (traditional characters, an old 15-digit ID), among
 * them — merges it, undoes the merge, and keeps a pair apart for good; nobody else may, and nothing outside the
 * manager's branch is reachable.
 */
import { describe, expect, it } from "vitest";
import type { IndividualCustomer } from "@bankcrm/core";
import { useReferenceServer } from "../../../packages/data/test/support/reference-server.js";
import { book, call, member, rm, seededServer, staff } from "./support/demo-bank.js";

const manager = member(staff.find((s) => s.role === "branch_manager" && s.branchId === rm.branchId)!.id);
const person = book.customers.find(
  (c): c is IndividualCustomer =>
    c.kind === "individual" && c.branchId === rm.branchId && c.idDocument.number.slice(6, 8) === "19",
)!;
const number = person.idDocument.number;
/** The same person as the wealth platform holds them. */
const again: IndividualCustomer = {
  ...person,
  id: "WEALTH-000001",
  name: person.name.replace("张", "張").replace("陈", "陳").replace("刘", "劉"),
  idDocument: { ...person.idDocument, number: `${number.slice(0, 6)}${number.slice(8, 17)}` },
  tags: [],
  consents: [],
};
const outside = book.customers.find((c) => c.branchId !== rm.branchId)!;
type Pair = { ids: string[]; decision: string; evidence: { comparison: string; level: string }[] };

describe("entity resolution over HTTP", () => {
  const server = useReferenceServer({ database: "pglite" });
  const ready = seededServer(server);

  it("proposes, merges, undoes and keeps apart — for branch managers, in their branch", async () => {
    const s = await ready();
    await s.db.put("customers", again);
    const review = await call(s, manager, "GET", "resolution/review?limit=200");
    expect(review.status).toBe(200);
    const pair = (review.json().items as Pair[]).find((p) => p.ids.includes(again.id))!;
    expect([...pair.ids].sort()).toEqual([person.id, again.id].sort());
    // The same resident ID once upgraded: merged by the deterministic rule, the evidence shown per field.
    expect(pair.decision).toBe("merge");
    expect(pair.evidence.find((e) => e.comparison === "idNumber")?.level).toBe("exact");
    expect((await call(s, rm, "GET", "resolution/review")).status).toBe(403);
    expect((await call(s, manager, "POST", "resolution/merge", { ids: [person.id, outside.id] })).status).toBe(404);
    expect((await call(s, manager, "POST", "resolution/merge", { ids: [person.id] })).status).toBe(400);

    const merged = await call(s, manager, "POST", "resolution/merge", { ids: [again.id, person.id] });
    expect(merged.status).toBe(200);
    const result = merged.json() as { mergeId: number; mergedId: string; customer: { id: string }; moved: number };
    expect(result.customer.id).toBe(person.id); // onboarded first, the golden record
    expect(result.mergedId).toBe(again.id);
    expect((await call(s, manager, "GET", `customers/${again.id}`)).status).toBe(404);
    const undone = await call(s, manager, "POST", `resolution/merges/${result.mergeId}/undo`);
    expect([undone.status, undone.json()]).toEqual([200, { goldenId: person.id, restoredId: again.id }]);
    expect((await call(s, manager, "GET", `customers/${again.id}`)).status).toBe(200);
    expect((await call(s, manager, "POST", `resolution/merges/${result.mergeId}/undo`)).status).toBe(409);

    expect((await call(s, manager, "POST", "resolution/apart", { ids: [person.id, again.id] })).status).toBe(204);
    const after = await call(s, manager, "GET", "resolution/review?limit=200");
    expect((after.json().items as Pair[]).some((p) => p.ids.includes(again.id))).toBe(false);
    const refused = await call(s, manager, "POST", "resolution/merge", { ids: [person.id, again.id] });
    expect([refused.status, refused.json().code]).toEqual([409, "keptApart"]);
  });

  it("once the job has run, reviews its queue: the pairs in the manager's branch, none kept apart since", async () => {
    const s = await ready();
    const mine = book.customers.filter((c) => c.branchId === rm.branchId && c.id !== person.id);
    const queue = [
      { a: mine[0]!.id, b: mine[1]!.id, weight: 3.5 },
      { a: mine[2]!.id, b: outside.id, weight: 9 }, // one side outside the branch
      { a: person.id, b: again.id, weight: 12 }, // kept apart above
    ].map((q) => ({
      ...q,
      pair: q.a < q.b ? `${q.a}|${q.b}` : `${q.b}|${q.a}`,
      probability: 1 / (1 + 2 ** -q.weight),
      evidence: [{ comparison: "surname", level: "exact", weight: 3.5 }],
    }));
    await s.db.query(
      `INSERT INTO resolution_reviews (pair, a, b, weight, probability, evidence)
       SELECT pair, a, b, weight, probability, evidence FROM jsonb_to_recordset($1::jsonb)
         AS t(pair text, a text, b text, weight float8, probability float8, evidence jsonb)`,
      [JSON.stringify(queue)],
    );
    const before = await call(s, manager, "GET", "resolution/review");
    expect(before.json().source).toBe("live"); // no run has finished yet
    await s.db.query("INSERT INTO resolution_runs (summary) VALUES ('{}')");
    const review = await call(s, manager, "GET", "resolution/review");
    expect(review.json()).toMatchObject({ source: "job", complete: true });
    expect((review.json().items as Pair[]).map((p) => p.ids)).toEqual([[mine[0]!.id, mine[1]!.id]]);
  });

  it("lists for the branch manager the merges whose two records had different relationship managers", async () => {
    const s = await ready();
    const mine = book.customers.filter((c) => c.branchId === rm.branchId && c.kind === "individual");
    const a = mine.find((c) => c.relationshipManagerId && c.id !== person.id)!;
    const b = mine.find((c) => c.relationshipManagerId && c.relationshipManagerId !== a.relationshipManagerId)!;
    const merged = await call(s, manager, "POST", "resolution/merge", { ids: [a.id, b.id] });
    expect(merged.status).toBe(200);
    const { mergeId, customer, mergedId } = merged.json() as {
      mergeId: number;
      customer: { id: string };
      mergedId: string;
    };
    const conflicts = await call(s, manager, "GET", "resolution/conflicts");
    expect(conflicts.status).toBe(200);
    const listed = (
      conflicts.json().items as { mergeId: number; goldenId: string; mergedId: string; kept: string; other: string }[]
    ).find((i) => i.mergeId === mergeId);
    expect(listed).toMatchObject({ goldenId: customer.id, mergedId });
    expect([listed!.kept, listed!.other].sort()).toEqual([a.relationshipManagerId, b.relationshipManagerId].sort());
    expect((await call(s, rm, "GET", "resolution/conflicts")).status).toBe(403);
    // Undone, it is no longer a conflict in force.
    await call(s, manager, "POST", `resolution/merges/${mergeId}/undo`);
    const after = (await call(s, manager, "GET", "resolution/conflicts")).json().items as { mergeId: number }[];
    expect(after.some((i) => i.mergeId === mergeId)).toBe(false);
  });
});
