/**
 * The desk's demo bank: its customers generated into this browser's IndexedDB
 * (encrypted) on the first start, in chunks with progress; the cross-sell
 * rules mined from what they hold; head office's knowledge base; and the card system's answer (card and
 * account numbers to their customer), kept in memory only, never shown.
 */
import { type AssociationRule, type Customer, type Locale, type ProductType } from "@bankcrm/core";
import {
  campaignsFor,
  DEMO_AS_OF,
  generateCustomerHistory,
  generateDemoCustomers,
  knowledgeFor,
} from "@bankcrm/core/demo";
import { planLaunch } from "@bankcrm/core/marketing";
import { mineAssociationRules } from "@bankcrm/core/analytics";
import { createIndexedDbStore, type IndexedDbStore } from "@bankcrm/data";

export interface DeskBook {
  store: IndexedDbStore;
  rules: readonly AssociationRule[];
  /** Card and account numbers to their customer: the lookup a bank's card system answers. */
  cards: Map<string, string>;
}

export async function openDeskBook(o: {
  name: string;
  seed: string;
  total: number;
  locale: Locale;
  onProgress: (done: number) => void;
}): Promise<DeskBook> {
  const store = await createIndexedDbStore({ name: o.name, locale: o.locale });
  const baskets: string[][] = [];
  const cards = new Map<string, string>();
  const have = (await store.listCustomers({ limit: 1 })).items.length > 0;
  const asOf = new Date(`${DEMO_AS_OF}T00:00:00Z`);
  // Head office's knowledge base: the scripts and answers agents search on a call.
  if ((await store.records("knowledgeArticles", { limit: 1 })).items.length === 0)
    await store.put("knowledgeArticles", knowledgeFor(asOf));
  const everyone: Customer[] = [];
  const holds = new Map<string, Set<ProductType>>();
  for (let start = 0; start < o.total; start += 500) {
    const customers = generateDemoCustomers({ seed: o.seed, start, count: Math.min(500, o.total - start) });
    if (!have) await store.importCustomers(customers);
    everyone.push(...customers);
    for (const c of customers) {
      const { holdings } = generateCustomerHistory(c, { seed: o.seed, asOf: DEMO_AS_OF, detail: "holdings" });
      holds.set(c.id, new Set(holdings.map((h) => h.productType)));
      baskets.push([...new Set(holdings.map((h) => h.productType))]);
      for (const h of holdings) cards.set(h.accountNumber, c.id);
    }
    o.onProgress(Math.min(o.total, start + 500));
  }
  if ((await store.records("campaigns", { limit: 1 })).items.length === 0)
    await launchPhoneCampaigns(store, asOf, everyone, holds);
  const rules = mineAssociationRules(
    baskets.filter((b) => b.length > 0),
    { minSupport: 0.02, minConfidence: 0.2, minLength: 2, maxLength: 3 },
  );
  return { store, rules, cards };
}

/**
 * The demo bank's campaigns, and the launch of each one running on the phone over the book (its segment here: every
 * customer) — what marketing's launch gives the call centre to call. Once, with the book.
 */
async function launchPhoneCampaigns(
  store: IndexedDbStore,
  asOf: Date,
  customers: readonly Customer[],
  holds: ReadonlyMap<string, ReadonlySet<ProductType>>,
): Promise<void> {
  const campaigns = campaignsFor(asOf);
  await store.put("campaigns", campaigns);
  for (const campaign of campaigns) {
    if (campaign.status !== "active" || campaign.channels[0] !== "phone") continue;
    const plan = planLaunch(
      campaign,
      { customers, holds, contacts: [] },
      { at: `${campaign.startDate}T01:00:00.000Z` },
    );
    await store.put("campaignMembers", plan.members);
  }
}
