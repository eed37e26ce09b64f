// A bank's portal page, as its front-end team would write it after
// `npm install @bankcrm/core @bankcrm/data @bankcrm/elements` — copied into a
// fresh folder outside the workspace by tests/e2e/packed-install.e2e.test.ts.
import { type Customer } from "@bankcrm/core";
import { generateDemoPortfolio } from "@bankcrm/core/demo";
import { createCrmClient, createMemoryStore } from "@bankcrm/data";
import type { BankcrmCustomerCard, BankcrmCustomerTimeline, BankcrmProvider, TimelineItem } from "@bankcrm/elements";
import "@bankcrm/elements/provider.js";
import "@bankcrm/elements/customer-card.js";
import "@bankcrm/elements/customer-timeline.js";
import "@bankcrm/elements/lead-form.js";

const bank = generateDemoPortfolio({ seed: "fresh-host", customers: 40, months: 3 });
const store = createMemoryStore();
await store.put("customers", bank.customers);
await store.put("interactions", bank.interactions);
await store.put("transactions", bank.transactions);
const client = createCrmClient({
  store,
  user: { id: "ST-HOST-1", role: "relationship_manager" },
  onAudit: () => {},
});
const customerId: string = bank.interactions[0]!.customerId;
const customer: Customer | undefined = await client.customers.get(customerId);

const provider = document.querySelector<BankcrmProvider>("bankcrm-provider")!;
provider.client = client;
provider.locale = "zh-CN";
document.querySelector<BankcrmCustomerCard>("bankcrm-customer-card")!.customer = customer;
document.querySelector("bankcrm-customer-timeline")!.setAttribute("customer-id", customerId);
document.querySelector("bankcrm-lead-form")!.setAttribute("customer-id", customerId);
// A long history given as entries: 10,000 calls, one a minute, newest first.
const start = Date.parse("2026-11-28T04:00:00Z");
const long: TimelineItem[] = Array.from({ length: 10_000 }, (_, i) => {
  const at = new Date(start - i * 60_000).toISOString();
  const id = `IN-LONG-${i}`;
  return {
    kind: "interaction",
    id,
    customerId,
    at,
    record: { id, customerId, at, channel: "phone", type: "call", summary: `Call ${i}`, confidential: false },
  };
});
document.querySelector<BankcrmCustomerTimeline>("#long")!.entries = long;
document.body.dataset.ready = "true";
