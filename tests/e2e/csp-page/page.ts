/** Every element, rendered under the strict CSP the e2e server sends. */
import "@bankcrm/elements/provider.js";
import "@bankcrm/elements/tier-badge.js";
import "@bankcrm/elements/value-badge.js";
import "@bankcrm/elements/customer-card.js";
import { generateDemoPortfolio, scoreCustomerValue } from "@bankcrm/core";

const p = generateDemoPortfolio({ seed: "csp", customers: 10 });
const value = scoreCustomerValue({
  aum: 60_000_000,
  contribution: 300_000,
  productCount: 3,
  tenureYears: 5,
  engagement: 9,
});

const provider = document.createElement("bankcrm-provider");
provider.setAttribute("theme", "dark");
const tier = document.createElement("bankcrm-tier-badge");
tier.setAttribute("tier", "private");
const badge = document.createElement("bankcrm-value-badge");
badge.tier = "gold";
badge.value = value;
const card = document.createElement("bankcrm-customer-card");
card.customer = { ...p.customers[0]!, tags: ['<img src=x onerror="window.__xss=1">'] };
card.value = value;
card.figures = { aum: { amount: 60_000_000, currency: "CNY" }, productCount: 3 };
provider.append(tier, badge, card);
document.body.append(provider);
(window as unknown as { __rendered: Promise<unknown> }).__rendered = Promise.all(
  [tier, badge, card].map((el) => (el as unknown as { updateComplete: Promise<unknown> }).updateComplete),
);
