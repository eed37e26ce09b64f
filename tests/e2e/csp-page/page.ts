/** Every element, rendered under the strict CSP the e2e server sends. */
import "@bankcrm/elements/provider.js";
import "@bankcrm/elements/tier-badge.js";
import "@bankcrm/elements/value-badge.js";
import "@bankcrm/elements/customer-card.js";
import "@bankcrm/elements/customer-timeline.js";
import "@bankcrm/elements/lead-form.js";
import { generateDemoPortfolio, scoreCustomerValue } from "@bankcrm/core";
import { syntheticTimeline } from "../../../packages/elements/test/fixtures/timeline.js";

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
const timeline = document.createElement("bankcrm-customer-timeline");
timeline.user = { id: "ST-1", role: "relationship_manager" };
timeline.entries = syntheticTimeline(2_000, { summary: () => '<img src=x onerror="window.__xss=1">' });
const form = document.createElement("bankcrm-lead-form");
form.purpose = "wealth_consultation";
form.consentText = '<img src=x onerror="window.__xss=1">';
provider.append(tier, badge, card, timeline, form);
document.body.append(provider);
(window as unknown as { __rendered: Promise<unknown> }).__rendered = (async () => {
  await Promise.all([tier, badge, card, timeline, form].map((el) => el.updateComplete));
  // Invalid submit: messages, aria-invalid and focus under the policy too.
  await form.submit();
  // Let the virtualizer lay out and scroll (it positions rows through the CSSOM).
  for (let i = 0; i < 60 && !timeline.shadowRoot!.querySelector("article"); i++)
    await new Promise((r) => requestAnimationFrame(r));
  timeline.shadowRoot!.querySelector<HTMLElement>('[role="feed"]')!.scrollTop = 5_000;
  await new Promise((r) => setTimeout(r, 100));
})();
