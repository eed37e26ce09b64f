/** Reads the reference data sets in ../shared/data (beside the repository), or BANKCRM_SHARED_DATA. */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = process.env.BANKCRM_SHARED_DATA ?? fileURLToPath(new URL("../../../../../shared/data/", import.meta.url));

export function sharedData(path: string): string {
  return readFileSync(`${root.replace(/\/?$/, "/")}${path}`, "utf8");
}

/** CDNOW_sample.txt as transactions in cents, keyed by the sample id (1..2357). */
export function cdnowTransactions() {
  return sharedData("cdnow/CDNOW_sample.txt")
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
  return sharedData("cdnow/cdnow_customers_summary_with_transactions.csv")
    .trim()
    .split("\n")
    .slice(1)
    .map((line) => {
      const [id, x, tx, T, zbar] = line.split(",");
      return { customerId: id!, frequency: Number(x), recency: Number(tx), T: Number(T), monetaryValue: Number(zbar) };
    });
}

export function groceries(): string[][] {
  return sharedData("groceries/groceries.csv")
    .trim()
    .split("\n")
    .map((line) => line.trim().split(","));
}
