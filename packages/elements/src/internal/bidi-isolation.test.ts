/**
 * Text shows what it is, in every element: every piece of customer- or
 * staff-supplied text is set in an isolate, so nothing in it reorders what is
 * shown around it. Each element renders with every text slot ending in a
 * Hebrew word and a right-to-left override left open — a right-to-left name
 * is enough to turn the masked mobile after it, `181****9432`, into
 * `9432****181`; the override is what a hostile source system sends. Then every
 * text node the element shows is measured in Chromium: its letters, digits and
 * mask characters must run left to right on each line, in the order stored.
 */
import { fixture, fixtureCleanup, html } from "@open-wc/testing";
import type { TemplateResult } from "lit";
import { afterEach, describe, expect, it } from "vitest";
import {
  campaignEffectiveness,
  computeAchievement,
  customerFieldCatalog,
  scoreCustomerValue,
  type Customer,
  type GroupSummary,
} from "@bankcrm/core";
import { generateDemoCustomers, knowledgeFor } from "@bankcrm/core/demo";
import { createCrmClient, createMemoryStore } from "@bankcrm/data";
import { NOW, RM, customers, demoRecords, serviceCase, STAFF } from "../../test/fixtures/sales.js";
import { segmentRows } from "../../test/fixtures/segment-rows.js";
import { OFFER_CATALOG, OFFER_RULES, offerCustomer, offerHoldings } from "../../test/fixtures/offers.js";
import { syntheticTimeline } from "../../test/fixtures/timeline.js";
import { createSegmentCounter } from "../segment-counter.js";
import "../components/activity-form/activity-form.js";
import "../components/campaign-report/campaign-report.js";
import "../components/case-form/case-form.js";
import "../components/case-queue/case-queue.js";
import "../components/chart/chart.js";
import "../components/customer-card/customer-card.js";
import "../components/customer-form/customer-form.js";
import "../components/customer-timeline/customer-timeline.js";
import "../components/kpi-tile/kpi-tile.js";
import "../components/lead-form/lead-form.js";
import "../components/lead-queue/lead-queue.js";
import "../components/offer-list/offer-list.js";
import "../components/knowledge-search/knowledge-search.js";
import "../components/pipeline/pipeline.js";
import "../components/provider/provider.js";
import "../components/relationship-group/relationship-group.js";
import "../components/satisfaction-survey/satisfaction-survey.js";
import "../components/segment-builder/segment-builder.js";
import "../components/target-progress/target-progress.js";
import "../components/task-list/task-list.js";
import "../components/tier-badge/tier-badge.js";
import "../components/value-badge/value-badge.js";
import "../components/value-breakdown/value-breakdown.js";
import "../components/match-review/match-review.js";

declare global {
  interface ImportMeta {
    /** Vite's module glob (the test runs under Vite): the files matching a pattern. */
    glob(pattern: string): Record<string, () => Promise<unknown>>;
  }
}

/** What a hostile or simply right-to-left source ends a text with. */
const TAIL = " שלום\u202E";
/** The record fields people and source systems write freely. */
const FREE_TEXT = new Set([
  "name",
  "body",
  "title",
  "summary",
  "subject",
  "description",
  "notes",
  "nextStep",
  "resolution",
  "productName",
  "counterparty",
  "legalRepresentative",
  "city",
  "address",
  "satisfactionComment",
  "lostReason",
  "disqualifiedReason",
  "label",
]);
/** Every free-text string of `value` with the tail on it. */
function poison<T>(value: T, tail = TAIL): T {
  const walk = (v: unknown, key?: string): unknown => {
    if (typeof v === "string") return key !== undefined && FREE_TEXT.has(key) ? v + tail : v;
    if (Array.isArray(v)) return v.map((x) => walk(x));
    if (typeof v === "object" && v !== null)
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x, k)]));
    return v;
  };
  return walk(value) as T;
}

/** Text nodes the element shows, through its shadow root and every one nested in it. */
function shownText(root: Node): Text[] {
  const out: Text[] = [];
  const visit = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) out.push(node as Text);
    if (node instanceof Element && node.shadowRoot) visit(node.shadowRoot);
    for (const child of node.childNodes) visit(child);
  };
  visit(root);
  return out;
}

/** Characters whose order on screen is checked: Han, Latin, digits and the mask character. */
const CHECKED = /[\p{Script=Han}\p{Script=Latin}\p{Nd}*]/u;

/** Pairs of neighbouring checked characters on one line of one text node that are drawn right to left. */
function reversed(root: Node): string[] {
  const found: string[] = [];
  const range = document.createRange();
  for (const node of shownText(root)) {
    let previous: { ch: string; rect: DOMRect } | undefined;
    let offset = 0;
    for (const ch of node.data) {
      const start = offset;
      offset += ch.length;
      if (!CHECKED.test(ch)) continue;
      range.setStart(node, start);
      range.setEnd(node, offset);
      const rect = range.getClientRects()[0];
      if (!rect || rect.width === 0) continue;
      if (previous && Math.abs(previous.rect.top - rect.top) < rect.height / 2 && rect.left < previous.rect.left)
        found.push(`"${previous.ch}${ch}" in ${JSON.stringify(node.data.trim().slice(0, 60))}`);
      previous = { ch, rect };
    }
  }
  return found;
}

/** Where a text node's own paragraph-like box keeps its direction to itself. */
const ISOLATING = new Set(["isolate", "isolate-override", "plaintext"]);
/**
 * Text nodes showing supplied text that is not isolated: neither set between FSI and PDI in the node, nor the
 * whole text of an element that isolates it (`<bdi>`, `unicode-bidi: isolate`, an SVG text or a select's option).
 */
function unisolated(root: Node): string[] {
  const found: string[] = [];
  for (const node of shownText(root)) {
    const at = node.data.indexOf("שלום");
    if (at < 0) continue;
    const fsi = node.data.lastIndexOf("\u2068", at);
    if (fsi >= 0 && node.data.indexOf("\u2069", fsi) > at) continue;
    const parent = node.parentElement;
    const alone = parent !== null && (parent.textContent ?? "").trim() === node.data.trim();
    const own =
      parent !== null &&
      (ISOLATING.has(getComputedStyle(parent).unicodeBidi) ||
        parent instanceof SVGTextContentElement ||
        parent.localName === "option");
    if (!(alone && own)) found.push(JSON.stringify(node.data.trim().slice(0, 60)));
  }
  return found;
}

const settle = async (el: Element) => {
  for (let i = 0; i < 8; i++) {
    await new Promise((r) => setTimeout(r, 25));
    await (el as Element & { updateComplete?: Promise<unknown> }).updateComplete;
  }
};

/** A branch whose every free text ends in the tail: stored so, and read through the client (which closes the override). */
async function poisonedBranch() {
  const people = poison(customers());
  const records = poison({
    ...demoRecords(),
    serviceCases: [
      serviceCase("CS-1", { customerId: people[0]!.id, description: "转账失败", assignedTo: RM.id }),
      serviceCase("CS-2", {
        customerId: people[1]!.id,
        status: "resolved",
        resolution: "已退回手续费",
        resolvedAt: NOW.toISOString(),
      }),
    ],
  });
  const store = createMemoryStore();
  await store.put("customers", people);
  await store.put("leads", records.leads);
  await store.put("opportunities", records.opportunities);
  await store.put("tasks", records.tasks);
  await store.put("serviceCases", records.serviceCases);
  // The customer offers are made to (consents and risk assessment on file), and what they hold.
  const offered = poison(offerCustomer());
  await store.put("customers", [offered]);
  await store.put("holdings", poison(offerHoldings(offered.id)));
  await store.put("knowledgeArticles", poison(knowledgeFor(NOW)));
  const client = createCrmClient({ store, user: RM, onAudit: () => {}, now: () => NOW });
  return { client, people, staff: poison(STAFF), offered };
}

const group: GroupSummary = poison({
  groupId: "HH-1",
  kind: "household",
  name: "王建国家庭",
  currency: "CNY",
  members: [
    { customerId: "CU1", role: "head", kind: "individual", name: "王建国", aum: 300_000_00, creditExposure: 0 },
    {
      customerId: "CU3",
      role: "shareholder",
      share: 0.6,
      kind: "corporate",
      name: "北京建国贸易有限公司",
      aum: 800_000_00,
      creditExposure: 5_000_000_00,
      contribution: 40_000_00,
    },
  ],
  aum: 1_100_000_00,
  creditExposure: 5_000_000_00,
  contribution: 40_000_00,
  missing: [],
} satisfies GroupSummary);

const COMPANY = poison(
  generateDemoCustomers({ seed: "bidi-company", count: 60 }).find((c) => c.kind === "corporate")!,
) as Customer;

type Branch = Awaited<ReturnType<typeof poisonedBranch>>;
/**
 * The elements that show no supplied text as text: only the bank's own labels and figures, masked values, or
 * supplied text inside form fields (an input is a box of its own, isolated by the browser).
 */
const NO_SUPPLIED_TEXT = new Set([
  "bankcrm-customer-form",
  "bankcrm-activity-form",
  "bankcrm-tier-badge",
  "bankcrm-value-badge",
  "bankcrm-value-breakdown",
  "bankcrm-provider",
  "bankcrm-lead-form",
]);
/** Every element, rendered with poisoned text in every slot it has. */
const CASES: Record<string, (b: Branch) => TemplateResult> = {
  // A company: its name is shown unmasked (a person's is masked, which drops what it cannot show).
  "bankcrm-customer-card": () => html`<bankcrm-customer-card .customer=${COMPANY}></bankcrm-customer-card>`,
  "bankcrm-customer-timeline": () =>
    html`<bankcrm-customer-timeline .entries=${poison(syntheticTimeline(12))} .user=${RM}></bankcrm-customer-timeline>`,
  "bankcrm-lead-queue": ({ client, staff }) =>
    html`<bankcrm-lead-queue .client=${client} .now=${NOW} .staff=${staff}></bankcrm-lead-queue>`,
  "bankcrm-offer-list": ({ client, offered }) =>
    html`<bankcrm-offer-list
      .client=${client}
      .now=${NOW}
      .catalog=${poison(OFFER_CATALOG)}
      .rules=${OFFER_RULES}
      customer-id=${offered.id}
    ></bankcrm-offer-list>`,
  "bankcrm-knowledge-search": ({ client }) =>
    html`<bankcrm-knowledge-search .client=${client} query="理财"></bankcrm-knowledge-search>`,
  "bankcrm-pipeline": ({ client }) =>
    html`<bankcrm-pipeline .client=${client} .now=${NOW} owner-id=${RM.id}></bankcrm-pipeline>`,
  "bankcrm-task-list": ({ client }) => html`<bankcrm-task-list .client=${client} .now=${NOW}></bankcrm-task-list>`,
  "bankcrm-case-queue": ({ client, staff }) =>
    html`<bankcrm-case-queue .client=${client} .now=${NOW} .staff=${staff}></bankcrm-case-queue>`,
  "bankcrm-case-form": ({ client, people }) =>
    html`<bankcrm-case-form customer-id=${people[0]!.id} .client=${client} .now=${NOW}></bankcrm-case-form>`,
  "bankcrm-customer-form": ({ client, people }) =>
    html`<bankcrm-customer-form customer-id=${people[0]!.id} .client=${client} .now=${NOW}></bankcrm-customer-form>`,
  "bankcrm-activity-form": ({ client, people }) =>
    html`<bankcrm-activity-form customer-id=${people[0]!.id} .client=${client}></bankcrm-activity-form>`,
  "bankcrm-satisfaction-survey": ({ client }) =>
    html`<bankcrm-satisfaction-survey case-id="CS-2" .client=${client}></bankcrm-satisfaction-survey>`,
  "bankcrm-lead-form": () => html`<bankcrm-lead-form purpose="mortgage" audience="staff"></bankcrm-lead-form>`,
  "bankcrm-target-progress": ({ staff }) => {
    const period = { periodStart: "2026-10-01", periodEnd: "2026-12-31", branchId: "BR-1" };
    const achievements = computeAchievement(
      [
        { id: "T-1", staffId: STAFF[0]!.id, metric: "new_customers", target: 30, ...period },
        { id: "T-2", staffId: STAFF[1]!.id, metric: "new_customers", target: 30, ...period },
      ],
      { customers: [] },
      { asOf: "2026-11-30" },
    );
    const names = Object.fromEntries(staff.map((s) => [s.id, s.name]));
    return html`<bankcrm-target-progress
      mode="team"
      .achievements=${achievements}
      .names=${names}
    ></bankcrm-target-progress>`;
  },
  "bankcrm-relationship-group": () =>
    html`<bankcrm-relationship-group customer-id="CU1" .summary=${group}></bankcrm-relationship-group>`,
  "bankcrm-campaign-report": () =>
    html`<bankcrm-campaign-report
      name=${`大额存单季末营销${TAIL}`}
      .effect=${campaignEffectiveness(
        { id: "CP-R", budget: { amount: 5_000_000, currency: "CNY" } },
        {
          targeted: ["CU1", "CU2", "CU3"],
          responses: [{ customerId: "CU1", channel: "sms", type: "converted" }],
          control: { size: 1, conversions: 0 },
          revenuePerConversion: 200_000,
        },
      )}
    ></bankcrm-campaign-report>`,
  "bankcrm-chart": () =>
    html`<bankcrm-chart
      label=${`各网点年度贡献${TAIL}`}
      .data=${[
        { label: `朝阳支行${TAIL}`, value: 120 },
        { label: `海淀支行${TAIL}`, value: 80 },
      ]}
    ></bankcrm-chart>`,
  "bankcrm-kpi-tile": () =>
    html`<bankcrm-kpi-tile
      label=${`管理资产 AUM${TAIL}`}
      .value=${12_345_600}
      .previous=${11_000_000}
    ></bankcrm-kpi-tile>`,
  "bankcrm-segment-builder": () => {
    // Right-to-left text only: a definition whose values carry an open override is refused (validateSegment).
    const rows = poison(segmentRows(40), " שלום");
    const city = rows.find((r) => typeof r.city === "string")!.city!;
    return html`<bankcrm-segment-builder
      .catalog=${customerFieldCatalog}
      .counter=${createSegmentCounter(rows, customerFieldCatalog, { now: NOW })}
      .definition=${{ schemaVersion: 1, id: "hnw", version: 1, name: `高净值客户${TAIL}`, rule: { all: [{ field: "city", op: "in", value: [city] }] } }}
    ></bankcrm-segment-builder>`;
  },
  "bankcrm-value-badge": () => {
    const value = scoreCustomerValue({
      aum: 60_000_000,
      contribution: 350_000,
      productCount: 4,
      tenureYears: 8,
      engagement: 12,
    });
    return html`<bankcrm-value-badge tier="platinum" .value=${value}></bankcrm-value-badge>`;
  },
  "bankcrm-value-breakdown": () => html`<bankcrm-value-breakdown loading></bankcrm-value-breakdown>`,
  "bankcrm-match-review": ({ people }) =>
    html`<bankcrm-match-review
      .pair=${{
        ids: [people[0]!.id, people[1]!.id],
        probability: 0.9,
        weight: 3.2,
        evidence: [{ comparison: "surname", level: "exact", weight: 3.2 }],
      }}
      .records=${[people[0]!, people[1]!]}
    ></bankcrm-match-review>`,
  "bankcrm-tier-badge": () => html`<bankcrm-tier-badge tier="private"></bankcrm-tier-badge>`,
  "bankcrm-provider": ({ client }) =>
    html`<bankcrm-provider .client=${client} .user=${RM}
      ><bankcrm-tier-badge tier="gold"></bankcrm-tier-badge
    ></bankcrm-provider>`,
};

describe("supplied text is isolated in every element", () => {
  afterEach(() => fixtureCleanup());

  it("has a case for every element", () => {
    const folders = Object.keys(import.meta.glob("../components/*/*.component.ts")).map(
      (path) => `bankcrm-${path.split("/")[2]}`,
    );
    expect(Object.keys(CASES).sort()).toEqual(folders.sort());
  });

  it("finds what it looks for: a right-to-left name before a masked mobile, not isolated, turns it around", async () => {
    const el = await fixture(html`<p><span>王小明 שלום</span> <span>181****9432</span></p>`);
    expect(reversed(el).length).toBeGreaterThan(0);
    const isolated = await fixture(html`<p><bdi>王小明 שלום</bdi> <span>181****9432</span></p>`);
    expect(reversed(isolated)).toEqual([]);
  });

  for (const [tag, render] of Object.entries(CASES))
    it(`<${tag}> keeps the order of everything around a right-to-left or overriding text`, async () => {
      const branch = await poisonedBranch();
      const el = await fixture(render(branch));
      await settle(el);
      const shown = shownText(el)
        .map((t) => t.data)
        .join("");
      // The poisoned text is on screen (or, for elements that show none, is not): the check is not vacuous.
      expect(shown.includes("שלום"), shown.slice(0, 400)).toBe(!NO_SUPPLIED_TEXT.has(tag));
      expect(unisolated(el), "supplied text not isolated").toEqual([]);
      expect(reversed(el), shown.slice(0, 400)).toEqual([]);
    });
});
