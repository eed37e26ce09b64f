/// <reference types="vite/client" />
// The docs' browser samples' page: every element registered, a demo client on
// every provider, each script sample loadable by number.
import "@bankcrm/elements/provider.js";
import "@bankcrm/elements/tier-badge.js";
import "@bankcrm/elements/value-badge.js";
import "@bankcrm/elements/customer-card.js";
import "@bankcrm/elements/customer-timeline.js";
import "@bankcrm/elements/lead-form.js";
import "@bankcrm/elements/task-list.js";
import "@bankcrm/elements/activity-form.js";
import "@bankcrm/elements/pipeline.js";
import "@bankcrm/elements/lead-queue.js";
import "@bankcrm/elements/offer-list.js";
import "@bankcrm/elements/knowledge-search.js";
import "@bankcrm/elements/target-progress.js";
import "@bankcrm/elements/case-form.js";
import "@bankcrm/elements/case-queue.js";
import "@bankcrm/elements/satisfaction-survey.js";
import "@bankcrm/elements/customer-form.js";
import "@bankcrm/elements/campaign-report.js";
import "@bankcrm/elements/segment-builder.js";
import "@bankcrm/elements/kpi-tile.js";
import "@bankcrm/elements/chart.js";
import "@bankcrm/elements/value-breakdown.js";
import "@bankcrm/elements/match-review.js";
import "@bankcrm/elements/relationship-group.js";
import { generateDemoPortfolio } from "@bankcrm/core/demo";
import { createCrmClient, createMemoryStore } from "@bankcrm/data";

const scripts = import.meta.glob("./samples/*.ts");
const bank = generateDemoPortfolio({ seed: "bankcrm", customers: 5, months: 2 });
const store = createMemoryStore();
const ready = (async () => {
  for (const c of [
    "customers",
    "holdings",
    "transactions",
    "interactions",
    "serviceCases",
    "leads",
    "opportunities",
    "tasks",
  ] as const)
    await store.put(c, bank[c]);
})();
const client = createCrmClient({ store, user: { id: "ST-DOCS", role: "relationship_manager" }, onAudit: () => {} });

(window as unknown as Record<string, unknown>).__sample = async (index: number, lang: string, code: string) => {
  await ready;
  if (lang !== "html") {
    await scripts[`./samples/sample-${index}.ts`]!();
    return [];
  }
  const host = document.createElement("div");
  // A test page without a CSP: the sample is the docs' own markup.
  host.innerHTML = code.replace(/<script[\s\S]*?<\/script>/g, "");
  document.body.replaceChildren(host);
  for (const p of host.querySelectorAll("bankcrm-provider")) (p as unknown as { client: unknown }).client = client;
  const elements = [...host.querySelectorAll("*")].filter(
    (e) => e.tagName.startsWith("BANKCRM-") && e.tagName !== "BANKCRM-PROVIDER",
  );
  for (let i = 0; i < 100; i++) {
    await new Promise((r) => setTimeout(r, 20));
    if (
      elements.every(
        (e) => (e.shadowRoot?.textContent ?? "").trim().length > 0 && !e.shadowRoot!.querySelector("[aria-busy=true]"),
      )
    )
      break;
  }
  return elements.map((e) => (e.shadowRoot?.textContent ?? "").trim());
};
