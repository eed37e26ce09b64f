/**
 * Seeds the database with the deterministic demo portfolio: every collection of core's table — quietly, outside the
 * change feed (an empty database has no client following it; a client's first read takes the seeded bank whole).
 */
import { COLLECTION_NAMES } from "@bankcrm/core";
import { generateDemoPortfolio } from "@bankcrm/core/demo";
import type { Database } from "./database.js";

export async function seedDemo(db: Database, customers: number, seed = "bankcrm"): Promise<number> {
  const p = generateDemoPortfolio({ seed, customers });
  let written = 0;
  // Customers come first in the table: every other record may point at one.
  for (const collection of COLLECTION_NAMES) {
    await db.putMany(collection, p[collection], { quiet: true });
    written += p[collection].length;
  }
  return written;
}
