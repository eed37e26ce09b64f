/** Test helpers shared by the data package's suites. */
import type { DemoPortfolio, Lead } from "@bankcrm/core";
import type { CollectionName, CrmClient, CrmStore, Outbox } from "../../src/index.js";

/** A customer's records as the timeline and the 360 view read them. */
export const CUSTOMER_COLLECTIONS: readonly CollectionName[] = [
  "customers",
  "holdings",
  "transactions",
  "interactions",
  "serviceCases",
  "campaignResponses",
];

/** Puts a demo portfolio's records of the named collections into a store. */
export async function fill(
  store: CrmStore,
  p: DemoPortfolio,
  collections: readonly CollectionName[] = CUSTOMER_COLLECTIONS,
): Promise<CrmStore> {
  for (const collection of collections) await store.put(collection, p[collection]);
  return store;
}

/**
 * Creates `count` leads through a client, "reloading the page" (closing the
 * outbox and opening a new client over the same database) halfway, then flushes
 * until nothing is pending — bounded in rounds. Returns the last page's outbox.
 */
export async function sendLeadsWithReload(
  open: () => Promise<{ outbox: Outbox; client: CrmClient }>,
  count: number,
  lead: (n: number) => Lead,
): Promise<Outbox> {
  let page = await open();
  for (let n = 1; n <= count; n++) {
    await page.client.leads.create(lead(n));
    if (n === Math.floor(count / 2)) {
      page.outbox.close(); // the page reloads
      page = await open();
    }
  }
  for (let round = 0; round < 2000 && (await page.outbox.status()).pending > 0; round++) {
    await page.outbox.flush();
    await new Promise((r) => setTimeout(r, 5));
  }
  return page.outbox;
}
