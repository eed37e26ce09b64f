/**
 * The loader on a source system's own files: a CIF extract in GBK with code tables, 8-digit dates and 15-digit
 * resident IDs, and an account file with yuan amounts — every good row in, every bad one listed with its line,
 * column, code and message, a second run changing nothing, a crash resumed to exactly one clean load, and files and
 * mappings that cannot be read refused before any row is written.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import iconv from "iconv-lite";
import { beforeAll, describe, expect, it } from "vitest";
import { formatResidentIdNumber } from "@bankcrm/core/identifiers";
import { LOAD_SCOPE } from "../src/auth.js";
import { useReferenceServer, type RunningServer } from "../../../packages/data/test/support/reference-server.js";
import type { Holding } from "@bankcrm/core";
import { rowOf } from "../src/loader/extract.js";
import { loadFile, LoadError } from "../src/loader/load.js";
import { MappingError, parseMapping } from "../src/loader/mapping.js";
import type { QualityReport } from "../src/loader/quality.js";
import type { Reject } from "../src/loader/rows.js";
import { loadedCustomers } from "./support/loaded.js";

const dir = mkdtempSync(join(tmpdir(), "bankcrm-loader-"));
const CIF_MAPPING = `# The core banking customer master (CIF)
source: CORE
collection: customers
encoding: gbk
key: CUST_NO
fields:
  id: { column: CUST_NO, prefix: "CU-CORE-" }
  kind: { value: individual }
  name: { column: CUST_NAME }
  gender: { column: SEX_CD, values: { "1": male, "2": female } }
  birthDate: { column: BIRTH_DT, date: YYYYMMDD }
  idDocument.type: { value: resident_id }
  idDocument.number: { column: CERT_NO, identifier: residentId }
  contact: { value: {} }
  contact.mobile: { column: MOBILE, identifier: mobile }
  status: { column: STAT_CD, values: { A: active, D: dormant, C: closed } }
  onboardedAt: { column: OPEN_DT, date: YYYYMMDD }
  branchId: { column: BRANCH_NO, prefix: "BR-" }
  kycStatus: { value: verified }
  loyaltyPoints: { value: 0 }
  tags: { value: [] }
  consents: { value: [] }
`;
const HEADER = "CUST_NO,CUST_NAME,SEX_CD,BIRTH_DT,CERT_NO,MOBILE,STAT_CD,OPEN_DT,BRANCH_NO";
/** A valid resident ID number of Beijing Chaoyang for a birth day and sequence. */
const id = (birthDate: string, sequence: string) =>
  formatResidentIdNumber({ regionCode: "110105", birthDate, sequence });
const GOOD = [
  `100001,王建国,1,19850312,${id("1985-03-12", "001")},13800138000,A,20120105,0101`,
  "100002,李秀英,2,19490301,110105490301002,13900139000,A,20150620,0101", // a 15-digit ID: upgraded
  `100003,张伟,1,19900101,${id("1990-01-01", "011")},,D,20180101,0102`,
];
const BAD = [
  `100004,赵敏,3,19920202,${id("1992-02-02", "002")},13700137000,A,20190101,0101`, // sex code 3: not in the table
  `100005,钱多,1,1992-02-02,${id("1992-02-02", "001")},13700137001,A,20190101,0101`, // another date format
  GOOD[0]!, // the key again
  "100006,孙权,1,19930303,123456789012345678,13700137002,A,20190101,0101", // not an ID number
];
const cif = (lines: string[], encoding = "gbk") => {
  const path = join(dir, `cif-${Math.random().toString(36).slice(2)}.csv`);
  writeFileSync(path, iconv.encode([HEADER, ...lines].join("\r\n") + "\r\n", encoding));
  return path;
};

// One server for the file: the pipeline's tests use its database, the feed's tests its door.
const mappings = mkdtempSync(join(tmpdir(), "bankcrm-mappings-"));
writeFileSync(
  join(mappings, "core-cif.yaml"),
  CIF_MAPPING.replace("source: CORE", "source: FEED").replace('prefix: "CU-CORE-"', 'prefix: "CU-FEED-"'),
);
const server = useReferenceServer({ loadMappings: mappings });

describe("the loader", () => {
  let db: RunningServer["db"];
  beforeAll(() => {
    db = server().db;
  });
  const customer = async (id: string) => (await db.get("customers", id))?.body;
  const changes = async () => (await db.query<{ n: string }>("SELECT count(*) AS n FROM change_log")).rows[0]!.n;

  it("loads a GBK CIF extract row by row: good rows in, each bad one listed with its line, column, code and message", async () => {
    const file = cif([...GOOD, ...BAD]);
    const rejects: Reject[] = [];
    const summary = await loadFile(db, parseMapping(CIF_MAPPING), file, { onReject: (r) => rejects.push(r) });
    expect(summary, JSON.stringify(rejects)).toMatchObject({
      encoding: "gbk",
      rows: 7,
      loaded: 3,
      rejected: 4,
      resumedFrom: 0,
    });
    expect(summary.byReason).toEqual({ unmappedValue: 1, dateFormat: 1, duplicateKey: 1, identifier: 1 });
    expect(rejects.map((r) => [r.line, r.column, r.code])).toEqual([
      [5, "SEX_CD", "unmappedValue"],
      [6, "BIRTH_DT", "dateFormat"],
      [7, "CUST_NO", "duplicateKey"],
      [8, "CERT_NO", "identifier"],
    ]);
    expect(rejects[0]).toMatchObject({ zh: "代码“3”不在码表中", en: 'the code "3" is not in the code table' });
    expect(await customer("CU-CORE-100001")).toMatchObject({
      name: "王建国",
      gender: "male",
      birthDate: "1985-03-12",
      status: "active",
      onboardedAt: "2012-01-05",
      branchId: "BR-0101",
      contact: { mobile: "13800138000" },
    });
    expect(((await customer("CU-CORE-100002"))!.idDocument as { number: string }).number).toBe(id("1949-03-01", "002"));
    expect(await customer("CU-CORE-100003")).toMatchObject({ status: "dormant", contact: {} });
    const identity = await db.query<{ record_id: string }>(
      "SELECT record_id FROM source_identities WHERE system = 'CORE' AND source_key = '100002'",
    );
    expect(identity.rows).toEqual([{ record_id: "CU-CORE-100002" }]);

    // The same file again: nothing written, nothing in the feed.
    const before = await changes();
    const again = await loadFile(db, parseMapping(CIF_MAPPING), file);
    expect(again).toMatchObject({ loaded: 0, resumedFrom: 3, rejected: 4 });
    expect(await changes()).toBe(before);
  });

  it("resumes a run stopped between batches: the result is exactly one clean load's", async () => {
    const rows = Array.from(
      { length: 45 },
      (_, i) =>
        `${200_000 + i},客户${i},${i % 2 === 1 ? 1 : 2},19800101,${id("1980-01-01", String(100 + i))},,A,20200101,0101`,
    );
    const file = cif(rows);
    const mapping = parseMapping(CIF_MAPPING.replace("source: CORE", "source: CRASH"));
    const crash = new Error("kill -9");
    await expect(
      loadFile(db, mapping, file, {
        batchSize: 10,
        afterBatch: (n) => {
          if (n === 2) throw crash;
        },
      }),
    ).rejects.toBe(crash);
    const resumed = await loadFile(db, mapping, file, { batchSize: 10 });
    expect(resumed).toMatchObject({ resumedFrom: 20, loaded: 25, rejected: 0 });
    // One clean load of the same file under another source (its own ids): the same records, id aside.
    const clean = parseMapping(
      CIF_MAPPING.replace("source: CORE", "source: CLEAN").replace('prefix: "CU-CORE-"', 'prefix: "CU-CLEAN-"'),
    );
    const once = await loadFile(db, clean, file, { batchSize: 10 });
    const bodies = (system: string) => loadedCustomers(db, system);
    // The resumed run's quality report covers the whole file, as the clean load's does (counted batch by batch).
    expect(resumed.quality!.records).toBe(45);
    expect(resumed.quality!.completeness).toEqual(once.quality!.completeness);
    expect(once.quality!.completeness.find((f) => f.field === "name")?.filled).toBe(45);
    expect(await bodies("CRASH")).toEqual(await bodies("CLEAN"));
    expect((await bodies("CRASH")).length).toBe(45);
  });

  it("refuses a file it cannot read before any row: a wrong encoding declared, a missing column", async () => {
    const utf8 = cif(GOOD, "utf-8");
    await expect(loadFile(db, parseMapping(CIF_MAPPING), utf8)).rejects.toThrow(/declared GBK, but the file is UTF-8/);
    const gbk = cif(GOOD);
    await expect(
      loadFile(db, parseMapping(CIF_MAPPING.replace("encoding: gbk", "encoding: utf-8")), gbk),
    ).rejects.toThrow(/declared UTF-8, but its bytes are not UTF-8/);
    expect(
      (await loadFile(db, parseMapping(CIF_MAPPING.replace("encoding: gbk", "encoding: auto")), gbk)).encoding,
    ).toBe("gb18030");
    const renamed = join(dir, "renamed.csv");
    writeFileSync(renamed, iconv.encode(`${HEADER.replace("MOBILE", "MOBILE_NO")}\r\n${GOOD[0]}\r\n`, "gbk"));
    const error = await loadFile(db, parseMapping(CIF_MAPPING), renamed).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LoadError);
    expect((error as LoadError).message).toMatch(/no column MOBILE/);
  });

  it("lists a row it cannot parse and keeps the good rows around it: an unclosed quote, a truncated last line", async () => {
    const file = cif([GOOD[0]!, `"100010,断行,1,19800101`, GOOD[2]!]);
    const rejects: Reject[] = [];
    const summary = await loadFile(db, parseMapping(CIF_MAPPING.replace("source: CORE", "source: TORN")), file, {
      onReject: (r) => rejects.push(r),
    });
    expect(summary.loaded).toBeGreaterThanOrEqual(1);
    expect(summary.byReason.malformedRow).toBeGreaterThanOrEqual(1);
    expect(rejects.every((r) => r.zh.length > 0 && r.en.length > 0)).toBe(true);
  });
  it("reads a cell by the rule another column chooses: resident IDs and passports in one CIF file", async () => {
    const mapping = parseMapping(
      CIF_MAPPING.replace("source: CORE", "source: MIXED")
        .replace(
          "  idDocument.type: { value: resident_id }\n",
          '  idDocument.type: { column: CERT_TYPE, values: { "01": resident_id, "03": passport } }\n',
        )
        .replace(
          "  idDocument.number: { column: CERT_NO, identifier: residentId }\n",
          '  idDocument.number: { column: CERT_NO, by: { column: CERT_TYPE, rules: { "01": { identifier: residentId }, "03": {} } } }\n',
        ),
    );
    const path = join(dir, "cif-mixed.csv");
    const rows = [
      `${HEADER},CERT_TYPE`,
      "100031,李秀英,2,19490301,110105490301002,,A,20150620,0101,01", // 15 digits, upgraded: a resident ID
      "100032,John Smith,1,19800101,e12345678,,A,20120105,0101,03", // a passport: taken as it is
      "100033,Jane Doe,2,19800101,E7654321,,A,20120105,0101,01", // a passport number said to be a resident ID
      "100034,王五,1,19800101,X1234567,,A,20120105,0101,09", // a document type nobody listed
    ];
    writeFileSync(path, iconv.encode(rows.join("\r\n") + "\r\n", "gbk"));
    const rejects: Reject[] = [];
    const summary = await loadFile(db, mapping, path, { onReject: (r) => rejects.push(r) });
    expect(summary).toMatchObject({ rows: 4, loaded: 2, rejected: 2 });
    expect(rejects.map((r) => [r.line, r.column, r.code])).toEqual([
      [4, "CERT_NO", "identifier"],
      [5, "CERT_TYPE", "unmappedValue"],
      [5, "CERT_TYPE", "unmappedValue"],
    ]);
    expect((await customer("CU-CORE-100031"))!.idDocument).toEqual({
      type: "resident_id",
      number: id("1949-03-01", "002"),
    });
    const passport = await customer("CU-CORE-100032");
    expect(passport!.idDocument).toEqual({ type: "passport", number: "E12345678" });
    // The extract writes it back by the same choice: the passport's type code and its number as held.
    expect(Object.fromEntries(rowOf(mapping, passport!)!)).toMatchObject({ CERT_TYPE: "03", CERT_NO: "E12345678" });
  });

  it("refuses a 100 MB line as one row and loads the rows after it", async () => {
    const file = join(dir, "cif-long-line.csv");
    const long = Buffer.alloc(100 * 1024 * 1024, "x"); // a name of 100 MB: a runaway export, not a quote left open
    const rest = ["1", "19800101", id("1980-01-01", "003"), "", "A", "20120105", "0101"];
    writeFileSync(
      file,
      Buffer.concat([
        iconv.encode(`${HEADER}\r\n${GOOD[0]}\r\n100020,`, "gbk"),
        long,
        iconv.encode(`,${rest.join(",")}\r\n${GOOD[2]}\r\n`, "gbk"),
      ]),
    );
    const characters = "100020".length + long.length + rest.join("").length;
    const rejects: Reject[] = [];
    const mapping = parseMapping(CIF_MAPPING.replace("source: CORE", "source: LONG"));
    const summary = await loadFile(db, mapping, file, { onReject: (r) => rejects.push(r) });
    expect(summary).toMatchObject({ rows: 3, loaded: 2, rejected: 1 });
    expect(rejects.map((r) => [r.line, r.code, r.en])).toEqual([
      [3, "recordTooLong", `the row is too long (${characters} characters)`],
    ]);
    expect(await customer("CU-CORE-100003")).toMatchObject({ name: "张伟" }); // the row after it
  });
});

describe("a mapping file", () => {
  it("is checked before any row is read, a mistake reported with its line", () => {
    const at = (text: string) => {
      try {
        parseMapping(text, "core.yaml");
      } catch (error) {
        return error instanceof MappingError ? [error.line, error.message] : String(error);
      }
      return "no error";
    };
    expect(at(CIF_MAPPING.replace("  name: { column: CUST_NAME }", "  nmae: { column: CUST_NAME }"))).toEqual([
      9,
      'core.yaml:9: customers have no field "nmae"',
    ]);
    expect(at(CIF_MAPPING.replace("date: YYYYMMDD }\n  idDocument", "date: DD.MM.YYYY }\n  idDocument"))[0]).toBe(11);
    expect(at(CIF_MAPPING.replace("collection: customers", "collection: accounts"))[0]).toBe(3);
    expect(at("source: CORE\nfields: [\n")[1]).toMatch(/^core\.yaml:\d+: /);
  });
});

describe("the loader's door for data feeds (POST /load/{mapping})", () => {
  const feed = { id: "svc-data-feed", role: "branch_manager" as const, branchId: "HQ", scopes: [LOAD_SCOPE] };
  const post = async (path: string, body: Buffer, who: Parameters<RunningServer["tokenFor"]>[0] = feed) => {
    const s = server();
    const response = await fetch(new URL(path, s.url), {
      method: "POST",
      headers: { Authorization: `Bearer ${await s.tokenFor(who)}`, "Content-Type": "text/csv" },
      body: new Uint8Array(body),
    });
    return { status: response.status, json: (await response.json()) as Record<string, unknown> };
  };
  const file = (lines: string[], encoding = "gbk") => iconv.encode([HEADER, ...lines].join("\r\n") + "\r\n", encoding);

  it("loads a posted file by the bank's mapping through the same pipeline: the summary and every reject", async () => {
    const answer = await post("load/core-cif", file([...GOOD, ...BAD]));
    expect(answer.status).toBe(200);
    expect(answer.json.summary).toMatchObject({ file: "core-cif", rows: 7, loaded: 3, rejected: 4 });
    expect((answer.json.rejects as Reject[]).map((r) => [r.line, r.code])).toEqual([
      [5, "unmappedValue"],
      [6, "dateFormat"],
      [7, "duplicateKey"],
      [8, "identifier"],
    ]);
    expect((await server().db.get("customers", "CU-FEED-100003"))?.body).toMatchObject({ status: "dormant" });
    const again = await post("load/core-cif", file([...GOOD, ...BAD]));
    expect(again.json.summary).toMatchObject({ loaded: 0, resumedFrom: 3 });
  });

  it("shows head office each load's quality, and nobody else", async () => {
    await post("load/core-cif", file([...GOOD, ...BAD]));
    const read = async (query: string, who: Parameters<RunningServer["tokenFor"]>[0]) => {
      const s = server();
      const r = await fetch(new URL(`load/quality${query}`, s.url), {
        headers: { Authorization: `Bearer ${await s.tokenFor(who)}` },
      });
      return { status: r.status, json: (await r.json()) as { items?: QualityReport[] } };
    };
    const hq = { id: "ST-HQ-MA1", role: "marketing" as const, branchId: "HQ" };
    const answer = await read("?system=FEED&collection=customers", hq);
    expect(answer.status).toBe(200);
    expect(answer.json.items![0]).toMatchObject({ system: "FEED", collection: "customers", rows: 7, rejected: 4 });
    expect(answer.json.items![0]!.validity).toEqual(
      expect.arrayContaining([
        { column: "SEX_CD", code: "unmappedValue", refused: 1 },
        { column: "CERT_NO", code: "identifier", refused: 1 },
      ]),
    );
    const rm = { id: "ST-BJ-CY-RE1", role: "relationship_manager" as const, branchId: "BR-BJ-CY" };
    expect((await read("", rm)).status).toBe(403);
    expect((await read("?limit=0", hq)).status).toBe(400);
    expect((await read("?collection=nothing", hq)).status).toBe(400);
  });

  it("refuses a caller without the load scope, an unknown mapping, and a file it cannot read", async () => {
    expect((await post("load/core-cif", file(GOOD), { ...feed, scopes: [] })).status).toBe(403);
    expect((await post("load/no-such", file(GOOD))).status).toBe(404);
    expect((await post("load/..%2Fsecrets", file(GOOD))).status).toBe(404);
    const utf8 = await post("load/core-cif", file(GOOD, "utf-8"));
    expect(utf8.status).toBe(422);
    expect(utf8.json).toMatchObject({ code: "encoding", detail: "core-cif: declared GBK, but the file is UTF-8" });
  });
});

describe("an account file (holdings): yuan amounts, mixed date formats, hostile rows", () => {
  const ACCOUNTS = `source: CORE
collection: holdings
encoding: utf-8
key: ACCT_NO
fields:
  id: { column: ACCT_NO, prefix: "HD-CORE-" }
  customerId: { column: CUST_NO, prefix: "CU-CORE-" }
  productType: { column: PROD_CD, values: { "101": current_deposit, "102": time_deposit } }
  productCode: { column: PROD_CD, prefix: "DEP-" }
  accountNumber: { column: ACCT_NO }
  balance.amount: { column: BAL, amount: yuan }
  balance.currency: { value: CNY }
  openedAt: { column: OPEN_DT, date: [YYYYMMDD, YYYY-MM-DD, YYYY/MM/DD] }
  status: { value: active }
`;
  const lines = [
    "ACCT_NO,CUST_NO,PROD_CD,BAL,OPEN_DT",
    '6222000000000001,100001,101,"1,234.56",20200105', // thousands separators, quoted
    "6222000000000002,100001,102,50000,2021-03-04", // another date format
    "6222000000000003,100002,102,12.5,2022/7/8",
    "6222000000000004,100002,101,12.345,20200105", // a third decimal: not yuan
    "6222000000000005,100002,101,100,20200231", // 31 February
    `6222000000000006,100002,101,100,${"9".repeat(5000)}`, // a line over the limit
    "6222000000000007,100003,101,7,20200105",
  ];

  it("loads yuan as fen exactly, any of the formats the source mixes, and refuses the rest row by row", async () => {
    const path = join(dir, "accounts.csv");
    writeFileSync(path, lines.join("\n") + "\n");
    const rejects: Reject[] = [];
    const summary = await loadFile(server().db, parseMapping(ACCOUNTS), path, {
      maxRecordBytes: 1024,
      onReject: (r) => rejects.push(r),
    });
    expect(summary).toMatchObject({ encoding: "utf-8", rows: 7, loaded: 4, rejected: 3 });
    expect(rejects.map((r) => [r.line, r.code])).toEqual([
      [5, "amount"],
      [6, "dateFormat"],
      [7, "recordTooLong"],
    ]);
    const balance = async (id: string) =>
      (await server().db.get("holdings", id))?.body as { balance: { amount: number }; openedAt: string } | undefined;
    expect(await balance("HD-CORE-6222000000000001")).toMatchObject({
      balance: { amount: 123_456 },
      openedAt: "2020-01-05",
    });
    expect(await balance("HD-CORE-6222000000000002")).toMatchObject({
      balance: { amount: 5_000_000 },
      openedAt: "2021-03-04",
    });
    expect(await balance("HD-CORE-6222000000000003")).toMatchObject({
      balance: { amount: 1_250 },
      openedAt: "2022-07-08",
    });
    expect(await balance("HD-CORE-6222000000000007")).toMatchObject({ balance: { amount: 700 } }); // after the long line
  });

  it("takes each row's currency from a column: its minor units by the currency, a code not in the table refused", async () => {
    const mapping = parseMapping(
      ACCOUNTS.replace("source: CORE", "source: FX")
        .replace('"HD-CORE-"', '"HD-FX-"')
        .replace(
          "  balance.amount: { column: BAL, amount: yuan }\n  balance.currency: { value: CNY }\n",
          '  balance: { column: BAL, amount: major, currency: { column: CCY, values: { "01": CNY, "14": USD, "27": JPY } } }\n',
        ),
    );
    const path = join(dir, "fx-accounts.csv");
    writeFileSync(
      path,
      [
        "ACCT_NO,CUST_NO,PROD_CD,BAL,CCY,OPEN_DT",
        '6222000000000011,100001,101,"1,234.56",14,20200105', // dollars and cents
        "6222000000000012,100001,101,120000,27,20200105", // yen: no minor unit
        "6222000000000013,100001,101,12.5,27,20200105", // half a yen: not an amount of yen
        "6222000000000014,100001,101,10,99,20200105", // a currency code not in the table
        "6222000000000015,100001,101,88.8,01,20200105",
      ].join("\n") + "\n",
    );
    const rejects: Reject[] = [];
    const summary = await loadFile(server().db, mapping, path, { onReject: (r) => rejects.push(r) });
    expect(summary).toMatchObject({ rows: 5, loaded: 3, rejected: 2 });
    expect(rejects.map((r) => [r.line, r.column, r.code])).toEqual([
      [4, "BAL", "amount"],
      [5, "CCY", "unmappedValue"],
    ]);
    const money = async (id: string) => ((await server().db.get("holdings", `HD-FX-${id}`))?.body as Holding).balance;
    expect(await money("6222000000000011")).toEqual({ amount: 123_456, currency: "USD" });
    expect(await money("6222000000000012")).toEqual({ amount: 120_000, currency: "JPY" });
    expect(await money("6222000000000015")).toEqual({ amount: 8_880, currency: "CNY" });
    // The extract writes a record back as the source spelled it: the amount in its currency's unit, the code.
    const held = (await server().db.get("holdings", "HD-FX-6222000000000012"))!.body;
    expect(Object.fromEntries(rowOf(mapping, held)!)).toMatchObject({ BAL: "120000", CCY: "27" });
    expect(() => parseMapping(ACCOUNTS.replace("amount: yuan }", "currency: { column: CCY } }"))).toThrow(
      /balance.amount: a currency needs an amount/,
    );
  });
});
