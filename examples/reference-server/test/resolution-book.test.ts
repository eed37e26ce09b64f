/**
 * The book resolved set-based in the database (src/resolution-book.ts, migration 019) against core's resolution of
 * the same labelled book: the SQL comparisons give core's levels for every candidate pair, blocking in SQL finds
 * core's candidates, and with core's model the database's decisions are core's — then, fitting its own model from
 * counts, it meets the quality goals. Folding is incremental: a record folds again only when it changed.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateDemoPortfolio } from "@bankcrm/core/demo";
import { generateDuplicatedBook } from "@bankcrm/core/demo/duplicates";
import { candidatePairs, evaluate, levelsOf, partyOf, resolve, type Party } from "@bankcrm/core/resolution";
import { openDatabase, type Database } from "../src/database.js";
import { resolveBook } from "../src/resolution/job.js";
import { unmergeRecords } from "../src/resolution/merge.js";
import { foldParties, resolveInDatabase } from "../src/resolution/book.js";
import { contentSnapshot, orphans } from "./support/snapshot.js";

// A fifth of the other systems' records hold a passport instead of the resident ID (core and SQL compare no documents of two kinds).
const generated = generateDuplicatedBook({ seed: "resolution-book", customers: 1_500, otherDocument: 0.2 });
// Some companies also carry their old registration number (the same one in each record of one company).
const book = {
  ...generated,
  records: generated.records.map((r, i) =>
    r.kind === "corporate" && i % 3 !== 0
      ? {
          ...r,
          registrationNumber: `440301${String(generated.truth.get(r.id)!.replace(/\D/g, "")).padStart(9, "0").slice(-9)}`,
        }
      : r,
  ),
};

describe("resolving the book in the database", () => {
  let db: Database;
  let parties: Party[];
  beforeAll(async () => {
    db = await openDatabase();
    await db.load("customers", book.records, { quiet: true });
    parties = book.records.map(partyOf);
  });
  afterAll(() => db.driver.close());

  it("folds every customer record once, and again only those that changed or went", async () => {
    expect(await foldParties(db, { batch: 400 })).toEqual({ folded: book.records.length, removed: 0, unreadable: [] });
    expect((await foldParties(db)).folded).toBe(0);
    const [changed, gone] = book.records;
    await db.put("customers", { ...changed!, name: "欧阳明", version: (changed!.version ?? 0) + 1 });
    await db.query("DELETE FROM records WHERE collection = 'customers' AND id = $1", [gone!.id]);
    expect(await foldParties(db)).toEqual({ folded: 1, removed: 1, unreadable: [] });
    const { rows } = await db.query<{ surname: string; surname_pinyin: string }>(
      "SELECT surname, surname_pinyin FROM resolution_parties WHERE record_id = $1",
      [changed!.id],
    );
    expect(rows).toEqual([{ surname: "欧阳", surname_pinyin: "ouyang" }]);
    // Back as generated, for the comparisons below.
    await db.put("customers", { ...changed!, version: (changed!.version ?? 0) + 2 });
    await db.put("customers", gone!);
    expect(await foldParties(db)).toEqual({ folded: 2, removed: 0, unreadable: [] });
  });

  it("compares every candidate pair at core's levels", async () => {
    for (const kind of ["individual", "corporate"] as const) {
      const own = parties.filter((p) => p.kind === kind);
      const pairs = candidatePairs(own).pairs.map(([i, j]) => [own[i]!, own[j]!] as const);
      expect(pairs.length).toBeGreaterThan(kind === "individual" ? 500 : 10);
      const { rows } = await db.query<{ a: string; b: string; levels: (number | null)[] }>(
        `SELECT t.a, t.b, resolution_levels(pa, pb) AS levels
         FROM jsonb_to_recordset($1::jsonb) AS t(a text, b text)
         JOIN resolution_parties pa ON pa.record_id = t.a JOIN resolution_parties pb ON pb.record_id = t.b`,
        [JSON.stringify(pairs.map(([a, b]) => ({ a: a.id, b: b.id })))],
      );
      const sql = new Map(rows.map((r) => [`${r.a}|${r.b}`, r.levels.map((l) => (l === null ? null : Number(l)))]));
      const differing = pairs.filter(([a, b]) => {
        const expected = levelsOf(kind, a, b);
        return JSON.stringify(sql.get(`${a.id}|${b.id}`)) !== JSON.stringify(expected);
      });
      expect(differing.map(([a, b]) => [a.id, b.id, sql.get(`${a.id}|${b.id}`), levelsOf(kind, a, b)])).toEqual([]);
    }
  });

  it("blocks and decides as core does, given core's model", async () => {
    const core = resolve(parties);
    const inDb = await resolveInDatabase(db, { models: core.models });
    const expectedCandidates = (["individual", "corporate"] as const).reduce(
      (n, kind) => n + candidatePairs(parties.filter((p) => p.kind === kind)).pairs.length,
      0,
    );
    expect(inDb.candidates).toBe(expectedCandidates);
    const decisions = (pairs: typeof core.pairs) => pairs.map((p) => `${p.a}|${p.b}:${p.decision}`).sort();
    expect(decisions(inDb.pairs)).toEqual(decisions(core.pairs));
    const sorted = (clusters: string[][]) => clusters.map((c) => [...c].sort().join(",")).sort();
    expect(sorted(inDb.clusters)).toEqual(sorted(core.clusters.filter((c) => c.length > 1)));
  });

  it("fits its own model from counts and meets the quality goals", async () => {
    const { clusters, models } = await resolveInDatabase(db, { sample: 10_000 });
    expect(models.individual!.lambda).toBeGreaterThan(0);
    const clustered = new Set(clusters.flat());
    const all = [...clusters, ...book.records.filter((r) => !clustered.has(r.id)).map((r) => [r.id])];
    const quality = evaluate(all, book.truth);
    expect(quality.pairPrecision).toBeGreaterThanOrEqual(0.995);
    expect(quality.pairRecall).toBeGreaterThanOrEqual(0.98);
    expect(quality.bcubedF1).toBeGreaterThanOrEqual(0.98);
  });

  it("merges every resolved customer set-based, and undoing each merge, latest first, gives the book back", async () => {
    // Some records hold an account: a merge moves it to the golden record, an unmerge back.
    const [template] = generateDemoPortfolio({ seed: "resolution-book", customers: 3, months: 1 }).holdings;
    const holders = book.records.filter((_, i) => i % 7 === 0);
    await db.load(
      "holdings",
      holders.map((c, i) => ({ ...template!, id: `HD-BOOK-${i}`, customerId: c.id })),
      { quiet: true },
    );
    // And one record a person must look at: the same name, birthday and mobile, but an ID number two digits off
    // (no longer valid, so not a typo the check would catch, nor proof of two people).
    const twin = book.records.find(
      (r) => r.kind === "individual" && r.contact.mobile,
    )! as (typeof book.records)[number] & {
      idDocument: { type: string; number: string };
    };
    const number = twin.idDocument.number;
    const doubtful = {
      ...twin,
      id: "SRC-DOUBT",
      idDocument: {
        type: "resident_id",
        number: `${number.slice(0, 14)}${(Number(number.slice(14, 16)) + 37) % 100}`.padEnd(18, "0"),
      },
    };
    await db.put("customers", doubtful);
    const { clusters } = await resolveInDatabase(db, { sample: 10_000 });
    const before = await contentSnapshot(db);
    const actor = { id: "SYSTEM-RESOLUTION", role: "system" };
    const result = await resolveBook(db, actor, { sample: 10_000, batch: 64 });
    expect(result.merged).toBe(clusters.reduce((n, c) => n + c.length - 1, 0));
    const { rows: left } = await db.query<{ n: string }>(
      "SELECT count(*) AS n FROM records WHERE collection = 'customers'",
    );
    expect(Number(left[0]!.n)).toBe(book.records.length + 1 - result.merged);
    expect(await orphans(db)).toEqual([]);
    const { rows: held } = await db.query<{ n: string }>(
      "SELECT count(*) AS n FROM records WHERE collection = 'holdings'",
    );
    expect(Number(held[0]!.n)).toBe(holders.length);
    const { rows: audited } = await db.query<{ n: string }>(
      "SELECT count(*) AS n FROM audit_log WHERE action = 'customer_merge'",
    );
    expect(Number(audited[0]!.n)).toBe(result.merged);
    // The review queue names records as they are after the merges: both of each pair still there.
    const { rows: queue } = await db.query<{ a: string; b: string; there: string }>(
      `SELECT q.a, q.b, (SELECT count(*) FROM records r WHERE r.collection = 'customers' AND r.id IN (q.a, q.b)) AS there
       FROM resolution_reviews q`,
    );
    expect(queue.length).toBe(result.review);
    expect(queue.map((q) => [q.a, q.b].includes(doubtful.id))).toContain(true);
    expect(queue.filter((q) => Number(q.there) !== 2)).toEqual([]);
    expect((await resolveBook(db, actor, { sample: 10_000 })).merged).toBe(0);
    const { rows: merges } = await db.query<{ id: string }>(
      "SELECT id FROM customer_merges WHERE unmerged_at IS NULL ORDER BY id DESC",
    );
    for (const m of merges) await unmergeRecords(db, Number(m.id), actor);
    expect(await contentSnapshot(db)).toEqual(before);
  });
});
