/**
 * Merging two customer records of one person and undoing it, on the embedded PostgreSQL: nothing orphaned or
 * duplicated by a merge, and merge then unmerge gives back exactly what was there (property-tested over pairs of
 * the demo bank's customers), kept-apart pairs refused, merges undone latest first.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assignTier, type Holding } from "@bankcrm/core";
import { formatResidentIdNumber } from "@bankcrm/core/identifiers";
import { openDatabase, type Database } from "../src/database.js";
import { loadFile } from "../src/loader/load.js";
import { resolveBook } from "../src/resolution/job.js";
import { keepApart, mergeRecords, unmergeRecords } from "../src/resolution/merge.js";
import { BankcrmMergeRefusedError } from "@bankcrm/core";
import { seedDemo } from "../src/seed.js";
import { contentSnapshot, orphans as orphansOf } from "./support/snapshot.js";
import { customerFileMapping, fundFileMapping } from "./support/source-mappings.js";

const ACTOR = { id: "HQ-001", role: "head_office" };

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

  const snapshot = () => contentSnapshot(db);
  const orphans = () => orphansOf(db);

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
    await expect(mergeRecords(db, [people[15]!, people[14]!], ACTOR)).rejects.toMatchObject({ reason: "keptApart" });
    await expect(mergeRecords(db, [people[14]!, people[14]!], ACTOR)).rejects.toBeInstanceOf(BankcrmMergeRefusedError);
    const before = await snapshot();
    const first = await mergeRecords(db, [people[16]!, people[17]!], ACTOR, { priority: ["CORE", "WEALTH"] });
    const golden = first.customer.id;
    // people[19] is WEALTH's: the golden record stays CORE's people[16], and holds two merges.
    const second = await mergeRecords(db, [golden, people[19]!], ACTOR, { priority: ["CORE", "WEALTH"] });
    expect([golden, second.customer.id]).toEqual([people[16], people[16]]);
    await expect(unmergeRecords(db, first.mergeId, ACTOR)).rejects.toMatchObject({ reason: "notLatest" });
    await unmergeRecords(db, second.mergeId, ACTOR);
    await unmergeRecords(db, first.mergeId, ACTOR);
    await expect(unmergeRecords(db, first.mergeId, ACTOR)).rejects.toMatchObject({ reason: "alreadyUnmerged" });
    expect(await snapshot()).toEqual(before);
  });

  it("gives the golden record the tier the two records' holdings earn together, and the unmerge takes it back", async () => {
    const [a, b] = [people[20]!, people[21]!];
    // Each half of one person's money: 300,000 yuan apiece, a tier of 500,000 together.
    const half = { amount: 30_000_000, currency: "CNY" };
    await db.query("UPDATE records SET customer_id = NULL WHERE collection = 'holdings' AND customer_id = ANY($1)", [
      [a, b],
    ]);
    const [template] = (
      await db.query<{ body: Holding }>("SELECT body FROM records WHERE collection = 'holdings' LIMIT 1")
    ).rows;
    for (const [i, owner] of [a, b].entries())
      await db.put("holdings", {
        ...template!.body,
        id: `HD-HALF-${i}`,
        customerId: owner,
        productType: "time_deposit",
        status: "active",
        balance: half,
      });
    for (const id of [a, b])
      await db.query(
        "UPDATE records SET body = jsonb_set(body, '{tier}', '\"standard\"') WHERE collection = 'customers' AND id = $1",
        [id],
      );
    const together = assignTier({ aum: { amount: 2 * half.amount, currency: "CNY" } }).tier;
    expect(together).not.toBe("standard");
    const merged = await mergeRecords(db, [a, b], ACTOR);
    expect(merged.customer.tier).toBe(together);
    expect((await db.get("customers", merged.customer.id))!.body.tier).toBe(together);
    await unmergeRecords(db, merged.mergeId, ACTOR);
    for (const id of [a, b]) expect((await db.get("customers", id))!.body.tier).toBe("standard");
  });
});

describe("two source systems loaded, then the resolution job", () => {
  it("makes one customer of each person both systems hold, with both systems' holdings, the rest left alone", async () => {
    const db = await openDatabase();
    try {
      const dir = mkdtempSync(join(tmpdir(), "bankcrm-resolve-"));
      const id = (birthDate: string, sequence: string) =>
        formatResidentIdNumber({ regionCode: "110105", birthDate, sequence });
      const cif = (source: string) => customerFileMapping(source, { branchId: "BR-0101", mobile: true });
      const write = (name: string, lines: string[]) => {
        const path = join(dir, name);
        writeFileSync(path, `${lines.join("\n")}\n`);
        return path;
      };
      const wang = id("1985-03-12", "001");
      const li = id("1949-03-01", "002");
      await loadFile(
        db,
        cif("CORE"),
        write("core.csv", [
          "NO,NAME,SEX,BIRTH,ID,MOBILE,OPENED",
          `1,王建国,1,19850312,${wang},13800138000,20100105`,
          `2,李秀英,2,19490301,${li},13900139000,20120105`,
          `3,赵敏,2,19900101,${id("1990-01-01", "004")},13700137000,20150105`,
        ]),
      );
      // The wealth platform: 王建國 in traditional characters under an old 15-digit ID; 李秀英 with a new mobile.
      await loadFile(
        db,
        cif("WEALTH"),
        write("wealth.csv", [
          "NO,NAME,SEX,BIRTH,ID,MOBILE,OPENED",
          `W9,王建國,1,19850312,${wang.slice(0, 6)}${wang.slice(8, 17)},13800138000,20180105`,
          `W7,李秀英,2,19490301,${li},13600136000,20190105`,
          `W5,孙丽,2,19920202,${id("1992-02-02", "006")},13500135000,20190105`,
        ]),
      );
      const funds = await loadFile(
        db,
        fundFileMapping("WEALTH", "2020-01-05"),
        write("funds.csv", [
          "ACCT,NO,BAL",
          "6222000000000001,W9,1000.00",
          "6222000000000002,W7,250.50",
          "6222000000000003,W5,10.00",
        ]),
      );
      expect(funds.loaded).toBe(3);
      const result = await resolveBook(
        db,
        { id: "SYSTEM-RESOLUTION", role: "system" },
        { priority: ["CORE", "WEALTH"] },
      );
      expect(result).toMatchObject({ folded: 6, merged: 2, review: 0 });
      const { rows } = await db.query<{ id: string }>(
        "SELECT id FROM records WHERE collection = 'customers' ORDER BY id",
      );
      expect(rows.map((r) => r.id)).toEqual(["CU-CORE-1", "CU-CORE-2", "CU-CORE-3", "CU-WEALTH-W5"]);
      // The wealth platform's funds are the golden customers' now; its keys resolve to them (a later load follows).
      expect((await db.get("holdings", "HD-WEALTH-6222000000000001"))!.body.customerId).toBe("CU-CORE-1");
      expect((await db.get("holdings", "HD-WEALTH-6222000000000002"))!.body.customerId).toBe("CU-CORE-2");
      const { rows: identities } = await db.query<{ key: string; record: string }>(
        "SELECT source_key AS key, record_id AS record FROM source_identities WHERE system = 'WEALTH' AND collection = 'customers' ORDER BY source_key",
      );
      expect(identities).toEqual([
        { key: "W5", record: "CU-WEALTH-W5" },
        { key: "W7", record: "CU-CORE-2" },
        { key: "W9", record: "CU-CORE-1" },
      ]);
      // CORE is trusted first: its mobile stays; the golden record was onboarded when the first system onboarded them.
      const li2 = (await db.get("customers", "CU-CORE-2"))!.body as {
        contact: { mobile: string };
        onboardedAt: string;
      };
      expect([li2.contact.mobile, li2.onboardedAt]).toEqual(["13900139000", "2012-01-05"]);
      // Run again: only the two golden records changed, and there is nothing more to merge.
      expect(await resolveBook(db, { id: "SYSTEM-RESOLUTION", role: "system" })).toMatchObject({
        folded: 2,
        merged: 0,
      });

      // Load-time survivorship: the wealth platform again, with another mobile and name for 李秀英 (W7, now CU-CORE-2)
      // — CORE is more trusted, so they stay CORE's; the wealth platform's own customer (W5) takes its new mobile.
      const mobileOf = async (id: string) =>
        ((await db.get("customers", id))!.body as { contact: { mobile: string } }).contact.mobile;
      await loadFile(
        db,
        cif("WEALTH"),
        write("wealth-2.csv", [
          "NO,NAME,SEX,BIRTH,ID,MOBILE,OPENED",
          `W7,李秀瑛,2,19490301,${li},13611111111,20190105`,
          `W5,孙丽,2,19920202,${id("1992-02-02", "006")},13522222222,20190105`,
        ]),
      );
      expect(await mobileOf("CU-CORE-2")).toBe("13900139000");
      expect((await db.get("customers", "CU-CORE-2"))!.body.name).toBe("李秀英");
      expect(await mobileOf("CU-WEALTH-W5")).toBe("13522222222");
      // The core system, trusted first, changes the mobile: the golden record takes it.
      await loadFile(
        db,
        cif("CORE"),
        write("core-2.csv", ["NO,NAME,SEX,BIRTH,ID,MOBILE,OPENED", `2,李秀英,2,19490301,${li},13933333333,20120105`]),
      );
      expect(await mobileOf("CU-CORE-2")).toBe("13933333333");
      const { rows: sources } = await db.query<{ fields: Record<string, string> }>(
        "SELECT fields FROM golden_sources WHERE record_id = 'CU-CORE-2'",
      );
      expect(sources[0]!.fields).toMatchObject({ "contact.mobile": "CORE", name: "CORE" });
    } finally {
      await db.driver.close();
    }
  });
});
