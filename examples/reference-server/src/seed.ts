/** Seeds the database with the deterministic demo portfolio. */
import { generateDemoPortfolio } from "@bankcrm/core";
import type { Collection, Database } from "./database.js";

export async function seedDemo(db: Database, customers: number, seed = "bankcrm"): Promise<number> {
  const p = generateDemoPortfolio({ seed, customers });
  const collections: [Collection, { id: string }[]][] = [
    ["customers", p.customers],
    ["holdings", p.holdings],
    ["transactions", p.transactions],
    ["interactions", p.interactions],
    ["serviceCases", p.serviceCases],
    ["campaignResponses", p.campaignResponses],
    ["leads", p.leads],
    ["opportunities", p.opportunities],
    ["campaigns", p.campaigns],
    ["tasks", p.tasks],
    ["relationshipGroups", p.relationshipGroups],
  ];
  let written = 0;
  for (const [collection, records] of collections) {
    await db.putMany(collection, records);
    written += records.length;
  }
  return written;
}
