/**
 * Merging two customer records of one person and undoing it, on the embedded PostgreSQL: nothing orphaned or
 * duplicated by a merge, and merge then unmerge gives back exactly what was there (property-tested over pairs of
 * the demo bank's customers), kept-apart pairs refused, merges undone latest first.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "../src/database.js";
import { keepApart, mergeRecords, ResolutionError, unmergeRecords } from "../src/resolution.js";
import { seedDemo } from "../src/seed.js";

const ACTOR = { id: "HQ-001", role: "head_office" };
const VOLATILE = new Set(["version", "updatedAt", "updatedBy"]);

describe("merging customer records on the server", () => {
  let db: Database;
  let people: string[] = [];
  beforeAll(async () => {
    db = await openDatabase();
    await seedDemo(db, 24, "merge");
    const { rows } = await db.query<{ id: string }>(
      "SELECT id FROM records WHERE collection = 'customers' AND body ->> 'kind' = 'individual' ORDER BY id",
    );
    people = rows.map((r) => r.id);
    // Two source systems know some of them.
    for (const [i, id] of people.entries())
      await db.query(
        "INSERT INTO source_identities (system, source_key, collection, record_id) VALUES ($1, $2, 'customers', $3)",
        [i % 2 === 0 ? "CORE" : "WEALTH", `K${i}`, id],
      );
  });
  afterAll(() => db.driver.close());

  /** Everything a merge may touch, as content: each record's body less its version and audit fields, the identities. */
  const snapshot = async () => {
    const { rows } = await db.query<{
      collection: string;
      id: string;
      customer_id: string | null;
      body: Record<string, unknown>;
    }>("SELECT collection, id, customer_id, body FROM records ORDER BY collection, id");
    const { rows: identities } = await db.query(
      "SELECT system, source_key, record_id FROM source_identities ORDER BY system, source_key",
    );
    return {
      records: rows.map((r) => ({
        ...r,
        body: Object.fromEntries(Object.entries(r.body).filter(([k]) => !VOLATILE.has(k))),
      })),
      identities,
    };
  };
  const orphans = async () =>
    (
      await db.query(
        `SELECT r.collection, r.id FROM records r WHERE r.customer_id IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM records c WHERE c.collection = 'customers' AND c.id = r.customer_id)`,
      )
    ).rows;

  it("merges then unmerges to exactly what was there, orphaning and duplicating nothing on the way", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.integer({ min: 0, max: 11 }), { minLength: 2, maxLength: 2 }),
        async ([i, j]) => {
          const [a, b] = [people[i!]!, people[j!]!];
          const before = await snapshot();
          const merged = await mergeRecords(db, [a, b], ACTOR, { priority: ["CORE", "WEALTH"] });
          const golden = merged.customer.id;
          const other = golden === a ? b : a;
          // The other record is gone; its records are the golden customer's; nothing points nowhere; none doubled.
          const after = await snapshot();
          expect(after.records.some((r) => r.collection === "customers" && r.id === other)).toBe(false);
          expect(await orphans()).toEqual([]);
          expect(after.records.length).toBe(before.records.length - 1);
          const children = before.records.filter((r) => r.customer_id === other && r.collection !== "customers");
          for (const child of children)
            expect(after.records.find((r) => r.collection === child.collection && r.id === child.id)?.customer_id).toBe(
              golden,
            );
          expect(after.identities.filter((x) => x.record_id === other)).toEqual([]);
          // The golden record is CORE's when one of them is (the more trusted source).
          const coreIds = before.identities.filter((x) => x.system === "CORE").map((x) => x.record_id);
          if (coreIds.includes(a) !== coreIds.includes(b)) expect(coreIds).toContain(golden);
          await unmergeRecords(db, merged.mergeId, ACTOR);
          expect(await snapshot()).toEqual(before);
        },
      ),
      { numRuns: 6 },
    );
  });

  it("tells whoever could see the other record that it left, and audits the merge and the unmerge", async () => {
    const merged = await mergeRecords(db, [people[12]!, people[13]!], ACTOR);
    const { rows } = await db.query<{ record_id: string; was: Record<string, unknown> }>(
      "SELECT record_id, was FROM change_log WHERE collection = 'customers' AND record_id = $1",
      [merged.mergedId],
    );
    expect(rows.at(-1)?.was).toHaveProperty("branchId");
    await unmergeRecords(db, merged.mergeId, ACTOR);
    const { rows: audit } = await db.query<{ action: string; customer_id: string }>(
      "SELECT action, customer_id FROM audit_log WHERE action LIKE 'customer_%merge' ORDER BY seq DESC LIMIT 2",
    );
    expect(audit.map((r) => r.action)).toEqual(["customer_unmerge", "customer_merge"]);
    expect(audit[0]!.customer_id).toBe(merged.customer.id);
  });

  it("refuses a pair kept apart, a record with itself, and an unmerge out of turn", async () => {
    await keepApart(db, [people[14]!, people[15]!], ACTOR);
    await expect(mergeRecords(db, [people[15]!, people[14]!], ACTOR)).rejects.toMatchObject({ code: "keptApart" });
    await expect(mergeRecords(db, [people[14]!, people[14]!], ACTOR)).rejects.toBeInstanceOf(ResolutionError);
    const before = await snapshot();
    const first = await mergeRecords(db, [people[16]!, people[17]!], ACTOR, { priority: ["CORE", "WEALTH"] });
    const golden = first.customer.id;
    // people[19] is WEALTH's: the golden record stays CORE's people[16], and holds two merges.
    const second = await mergeRecords(db, [golden, people[19]!], ACTOR, { priority: ["CORE", "WEALTH"] });
    expect([golden, second.customer.id]).toEqual([people[16], people[16]]);
    await expect(unmergeRecords(db, first.mergeId, ACTOR)).rejects.toMatchObject({ code: "notLatest" });
    await unmergeRecords(db, second.mergeId, ACTOR);
    await unmergeRecords(db, first.mergeId, ACTOR);
    await expect(unmergeRecords(db, first.mergeId, ACTOR)).rejects.toMatchObject({ code: "alreadyUnmerged" });
    expect(await snapshot()).toEqual(before);
  });
});
