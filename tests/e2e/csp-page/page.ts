/** Every element, rendered under the strict CSP the e2e server sends. */
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
import "@bankcrm/elements/relationship-group.js";
import "@bankcrm/elements/match-review.js";
import "@bankcrm/elements/offer-list.js";
import "@bankcrm/elements/knowledge-search.js";
import { createModuleWorker, createSegmentCounter } from "@bankcrm/elements/segment-counter.js";
import {
  buildCustomerView,
  campaignEffectiveness,
  computeAchievement,
  customerFieldCatalog,
  scoreCustomerValue,
} from "@bankcrm/core";
import { generateDemoPortfolio } from "@bankcrm/core/demo";
import segmentWorkerUrl from "./segment-worker.ts?worker&url";
import { syntheticTimeline } from "../../../packages/elements/test/fixtures/timeline.js";
import {
  NOW,
  demoRecords,
  lead,
  opportunity,
  salesClient,
  serviceCase,
  task,
} from "../../../packages/elements/test/fixtures/sales.js";
import { OFFER_CATALOG, OFFER_RULES, offerClient } from "../../../packages/elements/test/fixtures/offers.js";
import { knowledgeClient } from "../../../packages/elements/test/fixtures/knowledge.js";

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

// The sales elements, on a real client over a memory store, with hostile text in the records.
const hostile = '<img src=x onerror="window.__xss=1">';
const records = demoRecords();
const sales = salesClient({
  leads: [...records.leads, lead("L-X", { name: hostile })],
  opportunities: [...records.opportunities, opportunity("OP-X", "proposal", { title: hostile })],
  tasks: [...records.tasks, task("T-X", 2, { title: hostile })],
  serviceCases: [
    serviceCase("SC-X", { subject: hostile }),
    serviceCase("SC-R", { status: "resolved", resolvedAt: NOW.toISOString(), resolution: hostile }),
  ],
});
const caseForm = document.createElement("bankcrm-case-form");
const caseQueue = document.createElement("bankcrm-case-queue");
const survey = document.createElement("bankcrm-satisfaction-survey");
const customerForm = document.createElement("bankcrm-customer-form");
const report = document.createElement("bankcrm-campaign-report");
report.name = hostile;
report.effect = campaignEffectiveness(
  { id: "CP-CSP" },
  {
    targeted: ["A", "B", "C", "D"],
    responses: [{ customerId: "A", channel: "sms", type: "converted" }],
    control: { size: 4, conversions: 0 },
    revenuePerConversion: 10_000,
    cost: 5_000,
  },
);
const kpi = document.createElement("bankcrm-kpi-tile");
kpi.label = hostile;
kpi.format = "money";
kpi.value = 12_345_600_000;
kpi.previous = 11_000_000_000;
const breakdown = document.createElement("bankcrm-value-breakdown");
breakdown.label = hostile;
breakdown.contribution = {
  customerId: "CU-CSP",
  total: { amount: 900_000, currency: "CNY" },
  factors: [
    { code: "depositSpread", amount: 1_200_000 },
    { code: "costToServe", amount: -300_000 },
  ],
  skippedHoldings: [],
};
const group = document.createElement("bankcrm-relationship-group");
group.summary = {
  groupId: "CG-CSP",
  kind: "corporate_group",
  name: hostile,
  currency: "CNY",
  members: [
    { customerId: "C1", role: "parent_company", kind: "corporate", name: hostile, aum: 100_00, creditExposure: 0 },
    {
      customerId: "C2",
      role: "subsidiary",
      share: 0.51,
      kind: "corporate",
      name: "子公司",
      aum: 0,
      creditExposure: 500_00,
    },
  ],
  aum: 100_00,
  creditExposure: 500_00,
  missing: [],
};
const chart = document.createElement("bankcrm-chart");
chart.type = "donut";
chart.label = hostile;
chart.data = [
  { label: hostile, value: 3 },
  { label: "存款", value: 1 },
];
// The builder counts in a module worker started through the `bankcrm-worker` Trusted Types policy.
const builder = document.createElement("bankcrm-segment-builder");
builder.catalog = customerFieldCatalog;
builder.definition = {
  schemaVersion: 1,
  id: "csp-segment",
  name: hostile,
  version: 1,
  rule: {
    all: [
      { field: "kind", op: "in", value: ["individual", "corporate"] },
      { field: "age", op: "gte", value: "x" },
    ],
  },
};
builder.counter = createSegmentCounter(
  p.customers.map((c) => ({ ...buildCustomerView(c), name: hostile })),
  customerFieldCatalog as never,
  { worker: createModuleWorker(segmentWorkerUrl) },
);
caseQueue.now = NOW;
survey.caseId = "SC-R";
const tasks = document.createElement("bankcrm-task-list");
const activity = document.createElement("bankcrm-activity-form");
const pipeline = document.createElement("bankcrm-pipeline");
const queue = document.createElement("bankcrm-lead-queue");
const targets = document.createElement("bankcrm-target-progress");
for (const el of [tasks, pipeline, queue]) el.now = NOW;
targets.mode = "team";
targets.names = { "ST-1": hostile };
targets.achievements = computeAchievement(
  [
    {
      id: "T1",
      branchId: "BR-1",
      staffId: "ST-1",
      metric: "new_customers",
      periodStart: "2026-10-01",
      periodEnd: "2026-12-31",
      target: 10,
    },
  ],
  { customers: [] },
  { asOf: "2026-11-30" },
);
// Two records that may be one person, one of them named by a hostile source.
const review = document.createElement("bankcrm-match-review");
review.pair = {
  ids: [p.customers[0]!.id, "WEALTH-CSP"],
  probability: 0.99,
  weight: 7.5,
  evidence: [{ comparison: "surname", level: "exact", weight: 7.5 }],
};
review.records = [p.customers[0]!, { ...p.customers[0]!, id: "WEALTH-CSP", name: hostile }];
// A customer's offers, one of them named by a hostile catalogue feed.
const offers = document.createElement("bankcrm-offer-list");
offers.now = NOW;
offers.rules = OFFER_RULES;
offers.catalog = [{ code: "WM-CSP", name: hostile, type: "wealth_management", risk: "R1" }, ...OFFER_CATALOG];
// The knowledge base searched, one article's title hostile markup, the words searched for marked.
const knowledge = document.createElement("bankcrm-knowledge-search");
knowledge.query = "赎回";
document.body.append(
  tasks,
  activity,
  pipeline,
  queue,
  targets,
  caseForm,
  caseQueue,
  survey,
  customerForm,
  report,
  builder,
  kpi,
  chart,
  breakdown,
  group,
  review,
  offers,
  knowledge,
);

(window as unknown as { __rendered: Promise<unknown> }).__rendered = (async () => {
  const { client, customers } = await sales;
  const offered = await offerClient();
  offers.client = offered.client;
  offers.customerId = offered.customer.id;
  const known = await knowledgeClient(hostile);
  knowledge.client = known.client;
  for (const el of [tasks, activity, pipeline, queue, caseForm, caseQueue, survey, customerForm]) el.client = client;
  activity.customerId = customers[0]!.id;
  caseForm.customerId = customers[0]!.id;
  customerForm.customerId = customers[0]!.id;
  await Promise.all(
    [tier, badge, card, timeline, form, tasks, activity, pipeline, queue, targets].map((el) => el.updateComplete),
  );
  await Promise.all([
    tasks.load(),
    pipeline.load(),
    queue.load(),
    caseQueue.load(),
    customerForm.load(),
    offers.load(),
    knowledge.search(),
  ]);
  await new Promise((r) => setTimeout(r, 100));
  // An invalid case (subject missing) and an invalid mobile: messages at their fields under the policy.
  caseForm.shadowRoot!.querySelector("form")!.requestSubmit();
  customerForm.shadowRoot!.querySelector<HTMLInputElement>('input[name="mobile"]')!.value = "123";
  customerForm.shadowRoot!.querySelector<HTMLFormElement>('[data-section="contact"]')!.requestSubmit();
  await Promise.all([tasks, pipeline, queue].map((el) => el.updateComplete));
  // A move (shown at once, written through the client) and the won dialog, under the policy.
  await pipeline.move("OP-1", "qualification");
  pipeline
    .shadowRoot!.querySelector<HTMLElement>('[data-id="OP-2"]')!
    .dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true }));
  await pipeline.updateComplete;
  // An invalid contact: messages at their fields.
  activity.shadowRoot!.querySelector("form")!.requestSubmit();
  // Invalid submit: messages, aria-invalid and focus under the policy too.
  await form.submit();
  // Focusing invalid fields scrolled the page down; the timeline lays out rows only while in view.
  timeline.scrollIntoView();
  // Let the virtualizer lay out and scroll (it positions rows through the CSSOM).
  for (let i = 0; i < 60 && !timeline.shadowRoot!.querySelector("article"); i++)
    await new Promise((r) => requestAnimationFrame(r));
  timeline.shadowRoot!.querySelector<HTMLElement>('[role="feed"]')!.scrollTop = 5_000;
  await new Promise((r) => setTimeout(r, 100));
  // The builder's issue was shown at its place; fixed, the worker counts the ten customers.
  builder.shadowRoot!.querySelector("details")!.open = true;
  const value = builder.shadowRoot!.querySelectorAll<HTMLInputElement>('input[name="value"]');
  value[value.length - 1]!.value = "0";
  value[value.length - 1]!.dispatchEvent(new Event("input"));
  for (let i = 0; i < 500 && !builder.shadowRoot!.textContent.includes("位客户"); i++)
    await new Promise((r) => setTimeout(r, 20));
  (window as unknown as { __individuals: number }).__individuals = p.customers.filter(
    (c) => c.kind === "individual",
  ).length;
})();
