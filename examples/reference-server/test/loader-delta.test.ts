/**
 * Daily delta files: a CIF and an account file loaded on day one, the bank's own changes made on the records, then
 * the next day's deltas — rows inserted, updated (the bank's own fields kept, the body replaced kept in the history,
 * the version raised), an account closed (closed, not deleted), a customer who died flagged and left out of every
 * campaign, a close of a key nobody holds refused — and a key repeated across batches found in the database.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { campaignAudience, type Customer } from "@bankcrm/core";
import { formatResidentIdNumber } from "@bankcrm/core/identifiers";
import { freshPostgresSchema } from "../../../packages/data/test/support/postgres.js";
import { openDatabase, type Database } from "../src/database.js";
import { loadFile, type LoadOptions } from "../src/loader/load.js";
import { parseMapping, type Mapping } from "../src/loader/mapping.js";
import { qualityReports } from "../src/loader/quality.js";
import type { Reject } from "../src/loader/rows.js";
import { CUSTOMER_CONSTANTS } from "./support/loaded.js";

const dir = mkdtempSync(join(tmpdir(), "bankcrm-delta-"));
const CIF = parseMapping(`source: CORE
collection: customers
encoding: utf-8
key: CUST_NO
action: { column: CHG, values: { A: put, U: put, D: close, X: deceased }, date: { column: CHG_DT, date: YYYYMMDD } }
fields:
  id: { column: CUST_NO, prefix: "CU-CORE-" }
  kind: { value: individual }
  name: { column: NAME }
  gender: { column: SEX, values: { "1": male, "2": female } }
  birthDate: { column: BIRTH, date: YYYYMMDD }
  idDocument.type: { value: resident_id }
  idDocument.number: { column: ID, identifier: residentId }
  contact: { value: {} }
  contact.mobile: { column: MOBILE, identifier: mobile }
${CUSTOMER_CONSTANTS}`);
const ACCOUNTS = parseMapping(`source: CORE
collection: holdings
encoding: utf-8
key: ACCT_NO
action: { column: CHG, values: { A: put, U: put, D: close }, date: { column: CHG_DT, date: YYYYMMDD } }
fields:
  id: { column: ACCT_NO, prefix: "HD-CORE-" }
  customerId: { column: CUST_NO, prefix: "CU-CORE-" }
  productType: { value: current_deposit }
  productCode: { value: DEP-101 }
  accountNumber: { column: ACCT_NO }
  balance.amount: { column: BAL, amount: yuan }
  balance.currency: { value: CNY }
  openedAt: { value: "2020-01-05" }
  status: { value: active }
`);
const id = (birthDate: string, sequence: string) =>
  formatResidentIdNumber({ regionCode: "110105", birthDate, sequence });
/** A CIF row (its sex as the ID number's sequence says: odd is male). */
const person = (no: number, name: string, birth: string, mobile: string, chg = "A", date = "") =>
  `${chg},${date},${no},${name},${no % 2 === 1 ? 1 : 2},${birth.replaceAll("-", "")},${id(birth, String(no).slice(-3))},${mobile}`;
const CIF_HEADER = "CHG,CHG_DT,CUST_NO,NAME,SEX,BIRTH,ID,MOBILE";
const ACCOUNT_HEADER = "CHG,CHG_DT,ACCT_NO,CUST_NO,BAL";
let files = 0;
const write = (header: string, lines: string[]) => {
  const path = join(dir, `file-${++files}.csv`);
  writeFileSync(path, [header, ...lines].join("\n") + "\n");
  return path;
};

describe("daily delta files", () => {
  let db: Database;
  beforeAll(async () => {
    db = await openDatabase();
  });
  afterAll(() => db.driver.close());
  const body = async (collection: "customers" | "holdings", recordId: string) =>
    (await db.get(collection, recordId))?.body;
  const load = async (mapping: typeof CIF, path: string, o: LoadOptions = {}) => {
    const rejects: Reject[] = [];
    const summary = await loadFile(db, mapping, path, { ...o, onReject: (r) => rejects.push(r) });
    return { summary, rejects: rejects.map((r) => [r.line, r.code, r.key]) };
  };
  const history = async (recordId: string) =>
    (
      await db.query<{ body: Record<string, unknown> }>(
        "SELECT body FROM load_history WHERE record_id = $1 ORDER BY id",
        [recordId],
      )
    ).rows.map((r) => r.body);

  it("insert, update and close: the bank's own fields kept, history kept, a death flagged, nothing deleted", async () => {
    await load(
      CIF,
      write(CIF_HEADER, [
        person(100001, "王建国", "1985-03-12", "13800138000"),
        person(100002, "李秀英", "1949-03-01", "13900139000"),
      ]),
    );
    await load(
      ACCOUNTS,
      write(ACCOUNT_HEADER, ["A,,6222000000000001,100001,1000.00", "A,,6222000000000002,100002,250.50"]),
    );
    // The relationship manager adds an e-mail and a tag in bankcrm; the core system knows neither.
    const wang = (await body("customers", "CU-CORE-100001"))!;
    await db.put("customers", {
      ...wang,
      tags: ["watch"],
      contact: { ...(wang.contact as object), email: "wang@example.cn" },
      version: 1,
    });

    const cifDelta = await load(
      CIF,
      write(CIF_HEADER, [
        person(100001, "王建国", "1985-03-12", "13700137000", "U"), // a new mobile
        person(100002, "李秀英", "1949-03-01", "13900139000", "X", "20261130"), // died
        person(100003, "张伟", "1990-01-01", "13600136000", "A"), // new
        "D,20261201,100077,,,,,", // a close of a customer nobody holds
      ]),
    );
    expect(cifDelta.rejects).toEqual([[5, "unknownKey", "100077"]]);
    expect(cifDelta.summary).toMatchObject({ rows: 4, loaded: 3, rejected: 1 });
    const updated = (await body("customers", "CU-CORE-100001"))!;
    expect(updated).toMatchObject({
      tags: ["watch"],
      contact: { mobile: "13700137000", email: "wang@example.cn" },
      version: 2,
    });
    expect((await history("CU-CORE-100001")).map((b) => (b.contact as { mobile: string }).mobile)).toEqual([
      "13800138000",
    ]);
    const li = (await body("customers", "CU-CORE-100002"))!;
    expect(li).toMatchObject({ status: "closed", closedAt: "2026-11-30", deceasedOn: "2026-11-30", name: "李秀英" });
    expect(await body("customers", "CU-CORE-100003")).toMatchObject({ name: "张伟", status: "active" });
    const audience = campaignAudience(() => true, [li as unknown as Customer], { channel: "sms", asOf: "2026-12-02" });
    expect(audience.excluded).toEqual([{ customerId: "CU-CORE-100002", reason: "deceased" }]);

    const accountDelta = await load(
      ACCOUNTS,
      write(ACCOUNT_HEADER, ["D,20261201,6222000000000002,,", 'U,,6222000000000001,100001,"2,000.00"']),
    );
    expect(accountDelta.rejects).toEqual([]);
    expect(await body("holdings", "HD-CORE-6222000000000002")).toMatchObject({
      status: "closed",
      closedAt: "2026-12-01",
      balance: { amount: 25_050 },
    });
    expect(await body("holdings", "HD-CORE-6222000000000001")).toMatchObject({ balance: { amount: 200_000 } });
    expect((await history("HD-CORE-6222000000000002"))[0]).toMatchObject({ status: "active" });
  });

  it("a delta loaded again changes nothing and says the same rejects; a key repeated across batches is refused", async () => {
    const lines = [
      person(200001, "甲", "1980-01-01", "13800000001"),
      person(200002, "乙", "1980-01-02", "13800000002"),
      person(200003, "丙", "1980-01-03", "13800000003"),
      person(200001, "甲", "1980-01-01", "13800000009"), // the first key again, two batches later
      person(200004, "丁", "1980-01-04", "13800000004"),
    ];
    const path = write(CIF_HEADER, lines);
    const first = await load(CIF, path, { batchSize: 2 });
    expect(first.rejects).toEqual([[5, "duplicateKey", "200001"]]);
    expect(first.summary).toMatchObject({ loaded: 4, rejected: 1 });
    expect(await body("customers", "CU-CORE-200001")).toMatchObject({ contact: { mobile: "13800000001" } });
    const feed = async () => (await db.query<{ n: string }>("SELECT count(*) AS n FROM change_log")).rows[0]!.n;
    const before = await feed();
    const again = await load(CIF, path, { batchSize: 3 });
    expect(again.rejects).toEqual(first.rejects);
    expect(again.summary).toMatchObject({ loaded: 0, resumedFrom: 4, rejected: 1 });
    expect(await feed()).toBe(before);
  });

  it("reports each load's quality: one person under two source keys, an account nobody's, refused cells by column", async () => {
    // The branch system's own customer file: 王建国 again (his ID number) under its key, and a mobile that is not one.
    const branch: Mapping = {
      ...CIF,
      source: "BRANCH",
      fields: { ...CIF.fields, id: { column: "CUST_NO", prefix: "CU-BRANCH-" } },
    };
    delete branch.action; // its file is a full one: every row a put
    const cif = await loadFile(
      db,
      branch,
      write(CIF_HEADER, [
        person(100001, "王建国", "1985-03-12", "13800138000"),
        person(300001, "戊", "1980-01-05", "123"),
      ]),
    );
    expect(cif.quality!.validity).toEqual([{ column: "MOBILE", code: "identifier", refused: 1 }]);
    expect(cif.quality!.records).toBe(1);
    expect(cif.quality!.completeness.find((f) => f.field === "contact.mobile")).toEqual({
      field: "contact.mobile",
      column: "MOBILE",
      filled: 1,
    });
    const wangId = id("1985-03-12", "001");
    expect(cif.quality!.duplicates).toEqual({
      groups: 1,
      examples: [{ key: `**************${wangId.slice(-4)}`, records: ["CU-BRANCH-100001", "CU-CORE-100001"] }],
    });
    const accounts = await loadFile(
      db,
      ACCOUNTS,
      write(ACCOUNT_HEADER, ["A,,6222000000000009,999999,1.00", "A,,6222000000000010,100001,2.00"]),
    );
    expect(accounts.quality!.orphans).toEqual({ count: 1, examples: ["HD-CORE-6222000000000009"] });
    // Head office reads them newest first: a trend across loads.
    const kept = await qualityReports(db, { system: "CORE", collection: "holdings", limit: 2 });
    expect(kept.map((r) => r.orphans?.count)).toEqual([1, 0]);
  });
});

describe("a batch's new rows, COPY'd straight in, on PostgreSQL", () => {
  it("merges the batch again when another writer takes a new row's id between the look-up and the COPY", async () => {
    const schema = await freshPostgresSchema();
    const db = await openDatabase({ url: schema.url });
    try {
      // The other writer (an RM's own record, through another connection) strikes once, right after the look-up.
      let struck = false;
      const racing: Database = {
        ...db,
        transaction: (work) =>
          db.transaction((tx) =>
            work({
              ...tx,
              query: async (text, values) => {
                const result = await tx.query(text, values);
                if (text.includes("load_known") && !struck) {
                  struck = true;
                  await db.query(
                    `INSERT INTO records (collection, id, body, etag) VALUES ('customers', 'CU-CORE-100002', $1, '"v1"')`,
                    [JSON.stringify({ id: "CU-CORE-100002", name: "旧名", tags: ["vip"], version: 1 })],
                  );
                }
                return result as never;
              },
            }),
          ),
      };
      const summary = await loadFile(
        racing,
        CIF,
        write(CIF_HEADER, [
          person(100001, "王建国", "1985-03-12", "13800138000"),
          person(100002, "李秀英", "1949-03-01", "13900139000"),
          person(100003, "张伟", "1990-07-21", "13600136000"),
        ]),
      );
      expect(struck).toBe(true);
      expect([summary.loaded, summary.rejected]).toEqual([3, 0]);
      // Nothing lost on either side: the source's fields laid over the writer's record, its own fields kept.
      const li = (await db.get("customers", "CU-CORE-100002"))!.body as Customer;
      expect([li.name, li.tags, li.version]).toEqual(["李秀英", ["vip"], 2]);
      const { rows } = await db.query<{ key: string; id: string }>(
        "SELECT source_key AS key, record_id AS id FROM source_identities WHERE system = 'CORE' ORDER BY source_key",
      );
      expect(rows).toEqual(["100001", "100002", "100003"].map((k) => ({ key: k, id: `CU-CORE-${k}` })));
      expect(summary.quality!.records).toBe(3);
    } finally {
      await db.driver.close();
      await schema.drop();
    }
  });
});
