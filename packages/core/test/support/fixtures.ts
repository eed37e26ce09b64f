/** Reads the public reference data sets the tests use, from tests/fixtures/ in this repository (see its README). */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../../../tests/fixtures/", import.meta.url));

export function fixture(path: string): string {
  return readFileSync(`${root}${path}`, "utf8");
}

/** CDNOW_sample.txt as transactions in cents, keyed by the sample id (1..2357). */
export function cdnowTransactions() {
  return fixture("cdnow/CDNOW_sample.txt")
    .trim()
    .split("\n")
    .map((line) => {
      const [, sampleId, date, , dollars] = line.trim().split(/\s+/);
      return {
        customerId: String(Number(sampleId)),
        at: `${date!.slice(0, 4)}-${date!.slice(4, 6)}-${date!.slice(6, 8)}`,
        amount: Math.round(Number(dollars) * 100),
      };
    });
}

/** cdnow_customers_summary_with_transactions.csv: ID, x, t_x, T, zbar. */
export function cdnowSummary() {
  return fixture("cdnow/cdnow_customers_summary_with_transactions.csv")
    .trim()
    .split("\n")
    .slice(1)
    .map((line) => {
      const [id, x, tx, T, zbar] = line.split(",");
      return { customerId: id!, frequency: Number(x), recency: Number(tx), T: Number(T), monetaryValue: Number(zbar) };
    });
}

export function groceries(): string[][] {
  return fixture("groceries/groceries.csv")
    .trim()
    .split("\n")
    .map((line) => line.trim().split(","));
}
