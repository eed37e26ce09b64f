/**
 * The round trip: the demo bank → its source systems' extract (sample-extract/: a personal and a corporate CIF file,
 * deposit and loan accounts, cards, wealth, transactions — GBK, code tables, yuan, the sources' own keys) → the loader
 * → the same records. The committed sample is what the extract writes today, byte for byte.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CollectionName } from "@bankcrm/core";
import { generateDemoPortfolio } from "@bankcrm/core/demo";
import { openDatabase, type Database } from "../src/database.js";
import {
  rowOf,
  SAMPLE_DIR,
  sampleMappings,
  samplePortfolio,
  valueAt,
  writeExtract,
  type Portfolio,
} from "../src/loader/extract.js";
import type { QualityReport } from "../src/loader/quality.js";
import { loadFile } from "../src/loader/load.js";
import type { Reject } from "../src/loader/rows.js";

/**
 * What bankcrm keeps of its own on a customer and no source system of the sample sends: tags, consents, a company's
 * contact persons (kept by its RM), its last write. A load leaves them as they are on a customer already held.
 */
const CRM_OWN = ["tags", "consents", "contactPersons", "updatedAt"];
const ORDER: CollectionName[] = ["customers", "holdings", "transactions"];

describe("the sample extract", () => {
  let db: Database;
  let sample: Portfolio;
  let written: Record<string, number>;
  const dir = mkdtempSync(join(tmpdir(), "bankcrm-extract-"));
  beforeAll(async () => {
    sample = samplePortfolio(generateDemoPortfolio({ seed: "bankcrm", customers: 2000 }));
    written = await writeExtract(dir, sample);
    db = await openDatabase();
  });
  afterAll(() => db.driver.close());

  it("is what the extract of the demo bank writes, file for file", () => {
    expect(Object.keys(written).sort()).toEqual([
      "accounts.csv",
      "cards.csv",
      "cif_corporate.csv",
      "cif_personal.csv",
      "transactions.csv",
      "wealth.csv",
    ]);
    for (const file of Object.keys(written))
      expect(readFileSync(join(dir, file)).equals(readFileSync(join(SAMPLE_DIR, file))), file).toBe(true);
    const holdings = written["accounts.csv"]! + written["cards.csv"]! + written["wealth.csv"]!;
    expect(holdings).toBe(sample.holdings!.length);
    expect(written["cif_corporate.csv"]).toBeGreaterThan(0);
  });

  it("loads back to the same records: demo bank → extract → loader", async () => {
    const rejects: Reject[] = [];
    const reports: QualityReport[] = [];
    const byCollection = (c: CollectionName) => sampleMappings().filter((m) => m.mapping.collection === c);
    for (const collection of ORDER)
      for (const { file, mapping } of byCollection(collection))
        reports.push(
          (await loadFile(db, mapping, join(SAMPLE_DIR, file), { onReject: (r) => rejects.push(r) })).quality!,
        );
    expect(rejects).toEqual([]);
    for (const collection of ORDER) {
      const { rows } = await db.query<{ body: Record<string, unknown> }>(
        "SELECT body FROM records WHERE collection = $1 ORDER BY id",
        [collection],
      );
      const expected = [...(sample[collection] as Record<string, unknown>[])]
        .sort((a, b) => (String(a.id) < String(b.id) ? -1 : 1))
        .map((r) =>
          collection === "customers" ? Object.fromEntries(Object.entries(r).filter(([k]) => !CRM_OWN.includes(k))) : r,
        );
      const loaded = rows.map((r) =>
        collection === "customers"
          ? Object.fromEntries(Object.entries(r.body).filter(([k]) => !CRM_OWN.includes(k)))
          : r.body,
      );
      expect(loaded, collection).toEqual(expected);
    }
    // Each load's quality: every mapped field as complete as the demo bank's records are, nothing refused, no
    // duplicate, no orphan.
    for (const report of reports) {
      const { mapping } = sampleMappings().find((m) => report.file.endsWith(m.file))!;
      const records = (sample[mapping.collection] as Record<string, unknown>[]).filter((r) => rowOf(mapping, r));
      expect(report.records, report.file).toBe(records.length);
      for (const { field, filled } of report.completeness)
        expect(filled, `${report.file} ${field}`).toBe(records.filter((r) => valueAt(r, field) !== undefined).length);
      expect(report.validity).toEqual([]);
      if (mapping.collection === "customers") expect(report.duplicates).toEqual({ groups: 0, examples: [] });
      else expect(report.orphans).toEqual({ count: 0, examples: [] });
    }
    // Each record keeps the identity its source knows it by: the card system's cards, the wealth platform's funds.
    const systems = await db.query<{ system: string; collection: string; n: string }>(
      "SELECT system, collection, count(*) AS n FROM source_identities GROUP BY 1, 2 ORDER BY 1, 2",
    );
    expect(systems.rows.map((r) => [r.system, r.collection, Number(r.n)])).toEqual([
      ["CARD", "holdings", written["cards.csv"]],
      ["CORE", "customers", sample.customers!.length],
      ["CORE", "holdings", written["accounts.csv"]],
      ["CORE", "transactions", sample.transactions!.length],
      ["WEALTH", "holdings", written["wealth.csv"]],
    ]);
  });
});
