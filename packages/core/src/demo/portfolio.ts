/**
 * `generateDemoPortfolio`: a deterministic, realistic book of a Chinese
 * commercial bank's customers for demos, tests and benchmarks. Every record
 * passes the core schemas.
 */
import { BankcrmInvalidArgumentError } from "../errors/invalid-argument-error.js";
import type { Campaign } from "../schemas/campaign.js";
import type { Customer } from "../schemas/customer.js";
import { DEFAULT_STAGE_PROBABILITY } from "../machines/machines.js";
import type { Lead } from "../schemas/lead.js";
import type { SalesTarget } from "../schemas/sales-target.js";
import type { Staff } from "../schemas/staff.js";
import type { CollectionName, CollectionRecords } from "../collections/table.js";
import type { CampaignResponseType, LeadPurpose, OpportunityStage, ProductType } from "../schemas/enums.js";
import { productTypeLabels } from "../i18n/labels.js";
import { computeAum } from "../scoring/aum.js";
import { assignTier } from "../scoring/tier.js";
import { generateCustomer, householdName, type DemoContext } from "./customers.js";
import { generateCustomerHistory } from "./history.js";
import { campaignsFor, segmentsFor } from "./marketing.js";
import { knowledgeFor } from "./knowledge.js";
import { demoLedgerFor, demoPricesFor } from "./loyalty.js";
import { createRandom, type Random } from "./random.js";
import { BRANCHES, GIVEN_FEMALE, GIVEN_MALE, SURNAMES } from "./reference-data.js";
import { generateStaff } from "./staff.js";
import { allocateTarget } from "../sales/targets.js";
import { quarterOf } from "../sales/performance.js";
import { addDays, isoDate, isoDateTime, parseDate } from "./time.js";

/** The default "today" of demo data, so a seed alone reproduces a portfolio. */
export const DEMO_AS_OF = "2026-11-30";

export interface DemoPortfolioOptions {
  /** Same seed, same options → the same portfolio. Default "bankcrm". */
  seed?: string;
  /** Number of customers. Default 1,000. */
  customers?: number;
  /** Months of history. Default 12. */
  months?: number;
  /** The demo's "today", YYYY-MM-DD. Default DEMO_AS_OF. */
  asOf?: string;
  /** "holdings": customers and holdings only (no transactions, interactions, cases). */
  detail?: "full" | "holdings";
  /** Called every 1,000 customers with (done, total). */
  onProgress?: (done: number, total: number) => void;
}

/** A generated bank: every collection of the table (customer changes empty: none yet), its staff and their targets. */
export type DemoPortfolio = { [C in CollectionName]: CollectionRecords[C][] } & {
  asOf: string;
  staff: Staff[];
};

function checkOptions(o: DemoPortfolioOptions): Required<Omit<DemoPortfolioOptions, "onProgress">> {
  const customers = o.customers ?? 1000;
  const months = o.months ?? 12;
  const asOf = o.asOf ?? DEMO_AS_OF;
  if (!Number.isSafeInteger(customers) || customers < 0 || customers > 10_000_000) {
    throw new BankcrmInvalidArgumentError("customers", "a whole number from 0 to 10,000,000");
  }
  if (!Number.isSafeInteger(months) || months < 1 || months > 120) {
    throw new BankcrmInvalidArgumentError("months", "a whole number from 1 to 120");
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || Number.isNaN(parseDate(asOf).getTime())) {
    throw new BankcrmInvalidArgumentError("asOf", "a date, YYYY-MM-DD");
  }
  return { seed: o.seed ?? "bankcrm", customers, months, asOf, detail: o.detail ?? "full" };
}

const FUNNEL: readonly CampaignResponseType[] = ["sent", "delivered", "opened", "clicked", "responded", "converted"];

function audienceMatches(campaign: Campaign, customer: Customer, tierIndex: number): boolean {
  if (campaign.id === "CMP-SME-LOAN") return customer.kind === "corporate";
  if (customer.kind === "corporate") return false;
  if (campaign.id === "CMP-WM-SPRING") return tierIndex >= 1 && customer.riskTolerance !== undefined;
  return true;
}

export interface DemoCustomersOptions {
  seed?: string;
  /** Index of the first customer (customers are numbered from 0). Default 0. */
  start?: number;
  count: number;
  asOf?: string;
}

/**
 * Customers `start … start + count - 1` of the portfolio the same seed gives,
 * each with the tier its holdings earn — for generating a large book in chunks
 * (e.g. into IndexedDB with a progress bar) without holding the whole portfolio.
 */
export function generateDemoCustomers(options: DemoCustomersOptions): Customer[] {
  const o = checkOptions({ seed: options.seed, customers: options.count, asOf: options.asOf });
  const start = options.start ?? 0;
  if (!Number.isSafeInteger(start) || start < 0)
    throw new BankcrmInvalidArgumentError("start", "a whole number from 0");
  const ctx: DemoContext = { seed: o.seed, asOf: o.asOf, staff: generateStaff(o.seed) };
  const customers: Customer[] = [];
  for (let i = start; i < start + o.customers; i++) {
    const customer = generateCustomer(i, ctx);
    const { holdings } = generateCustomerHistory(customer, { seed: o.seed, asOf: o.asOf, detail: "holdings" });
    customer.tier = assignTier({ aum: computeAum(holdings).total }).tier;
    customers.push(customer);
  }
  return customers;
}

export function generateDemoPortfolio(options: DemoPortfolioOptions = {}): DemoPortfolio {
  const o = checkOptions(options);
  const asOf = parseDate(o.asOf);
  const staff = generateStaff(o.seed);
  const ctx: DemoContext = { seed: o.seed, asOf: o.asOf, staff };
  const p: DemoPortfolio = {
    asOf: o.asOf,
    staff: staff.all,
    customers: [],
    holdings: [],
    transactions: [],
    interactions: [],
    serviceCases: [],
    leads: [],
    opportunities: [],
    customerChanges: [],
    campaigns: campaignsFor(asOf),
    segments: segmentsFor(asOf),
    campaignResponses: [],
    campaignMembers: [],
    tasks: [],
    relationshipGroups: [],
    salesTargets: [],
    knowledgeArticles: knowledgeFor(asOf),
    loyaltyEntries: [],
    preferentialPrices: [],
  };
  // Portfolio-level records (leads, campaigns, groups…) use their own stream, so
  // per-customer streams stay independent of how many customers are generated.
  const r = createRandom(`${o.seed}:portfolio`);
  const spouseWaiting = new Map<string, Customer>();
  let parentCompany: Customer | undefined;
  const push = <T>(target: T[], items: T[]) => {
    for (const item of items) target.push(item);
  };

  for (let i = 0; i < o.customers; i++) {
    const customer = generateCustomer(i, ctx);
    const history = generateCustomerHistory(customer, {
      seed: o.seed,
      asOf: o.asOf,
      months: o.months,
      detail: o.detail,
    });
    const assignment = assignTier({ aum: computeAum(history.holdings).total });
    customer.tier = assignment.tier;
    p.customers.push(customer);
    push(p.holdings, history.holdings);
    push(p.transactions, history.transactions);
    push(p.interactions, history.interactions);
    push(p.serviceCases, history.serviceCases);
    if (o.detail === "full") {
      push(p.loyaltyEntries, demoLedgerFor(customer, history, o.seed, o.asOf));
      push(p.preferentialPrices, demoPricesFor(customer, staff.all, o.seed, o.asOf));
      portfolioRecords(r, p, customer, asOf, spouseWaiting, (c) => (parentCompany = c), parentCompany);
    }
    if (options.onProgress && (i + 1) % 1000 === 0) options.onProgress(i + 1, o.customers);
  }
  if (o.detail === "full") {
    push(p.leads, prospectLeads(r, Math.round(o.customers * 0.01), asOf));
    p.salesTargets = salesTargets(staff.all, asOf);
  }
  options.onProgress?.(o.customers, o.customers);
  return p;
}

const TIER_INDEX = { standard: 0, gold: 1, platinum: 2, diamond: 3, private: 4 } as const;

/** The demo's launched campaigns that reached a customer: their membership of the treatment group and their response. */
function campaignRecords(r: Random, p: DemoPortfolio, customer: Customer, tierIndex: number): void {
  for (const campaign of p.campaigns) {
    if (campaign.status === "scheduled" || !audienceMatches(campaign, customer, tierIndex) || !r.bool(0.3)) continue;
    let stage = 0;
    while (stage < FUNNEL.length - 1 && r.bool(0.55)) stage++;
    const start = parseDate(campaign.startDate);
    const channel = r.pick(campaign.channels);
    // The launch that reached them (the demo keeps the treatment group only).
    p.campaignMembers.push({
      id: `${campaign.id}--${customer.id}`,
      campaignId: campaign.id,
      customerId: customer.id,
      group: "treatment",
      ...(customer.tier ? { tier: customer.tier } : {}),
      channel,
      at: `${campaign.startDate}T01:00:00.000Z`,
    });
    p.campaignResponses.push({
      id: `${campaign.id}-${customer.id}`,
      campaignId: campaign.id,
      customerId: customer.id,
      channel,
      type: r.bool(0.02) ? "opted_out" : FUNNEL[stage]!,
      at: isoDateTime(addDays(start, r.int(0, 20)), r.int(0, 10 * 3600)),
    });
  }
}

function portfolioRecords(
  r: Random,
  p: DemoPortfolio,
  customer: Customer,
  asOf: Date,
  spouseWaiting: Map<string, Customer>,
  setParent: (c: Customer | undefined) => void,
  parent: Customer | undefined,
): void {
  if (customer.status === "closed") return;
  const marketing = customer.consents.some((c) => c.purpose === "marketing" && c.granted);
  const tierIndex = TIER_INDEX[customer.tier ?? "standard"];
  if (marketing && customer.status === "active") campaignRecords(r, p, customer, tierIndex);
  const owner = customer.relationshipManagerId;
  if (r.bool(0.03)) {
    const purpose = r.pick<LeadPurpose>(
      customer.kind === "corporate"
        ? ["business_loan", "wealth_consultation"]
        : ["wealth_consultation", "mortgage", "consumer_loan", "credit_card", "insurance"],
    );
    const createdAt = isoDateTime(addDays(asOf, -r.int(0, 90)), r.int(0, 10 * 3600));
    p.leads.push({
      id: `LD-${customer.id}`,
      customerId: customer.id,
      name: customer.kind === "individual" ? customer.name : customer.legalRepresentative,
      mobile: customer.contact.mobile ?? `138${r.digits(8)}`,
      purpose,
      source: r.pick([
        "branch_walk_in",
        "internet_banking",
        "mobile_app",
        "call_center",
        "campaign",
        "rm_outreach",
      ] as const),
      status: r.weighted([
        ["new", 35],
        ["contacted", 30],
        ["qualified", 20],
        ["converted", 10],
        ["disqualified", 5],
      ] as const),
      branchId: customer.branchId,
      ...(owner ? { assignedTo: owner } : {}),
      consent: { purpose: "marketing", channel: "phone", granted: true, textVersion: "2025-01", recordedAt: createdAt },
      createdAt,
    });
  }
  if (owner && r.bool(0.02)) {
    const stage = r.weighted<OpportunityStage>([
      ["prospecting", 15],
      ["qualification", 15],
      ["needs_analysis", 15],
      ["proposal", 15],
      ["negotiation", 10],
      ["won", 20],
      ["lost", 10],
    ]);
    const productType = r.pick<ProductType>(
      customer.kind === "corporate"
        ? ["business_loan", "time_deposit"]
        : ["wealth_management", "fund", "insurance", "certificate_of_deposit", "mortgage"],
    );
    const created = addDays(asOf, -r.int(10, 200));
    const closed = stage === "won" || stage === "lost";
    p.opportunities.push({
      id: `OP-${customer.id}`,
      customerId: customer.id,
      // A title is free text every role reads unmasked: it names the deal, never the customer.
      title: `${productTypeLabels[productType]["zh-CN"]}配置方案`,
      productType,
      stage,
      amount: { amount: Math.round(r.logNormal(30_000_000, 0.8)), currency: "CNY" },
      probability: DEFAULT_STAGE_PROBABILITY[stage],
      expectedClose: isoDate(addDays(created, r.int(20, 120))),
      ownerId: owner,
      ...(stage === "lost" ? { lostReason: "客户选择他行产品" } : {}),
      createdAt: isoDateTime(created, 3600),
      ...(closed ? { closedAt: isoDateTime(addDays(created, r.int(5, 9)), 7200) } : {}),
    });
  }
  if (owner && r.bool(0.03)) {
    const dueAt = isoDateTime(addDays(asOf, r.int(-5, 20)), 3600);
    const status = r.weighted([
      ["open", 60],
      ["in_progress", 20],
      ["done", 20],
    ] as const);
    p.tasks.push({
      id: `TK-${customer.id}`,
      assigneeId: owner,
      customerId: customer.id,
      type: r.pick(["call", "visit", "follow_up", "review"] as const),
      title: r.pick([
        "定期存款到期提醒",
        "理财产品到期续作沟通",
        "风险测评过期，提醒重新评估",
        "生日关怀",
        "大额资金流出挽留",
      ]),
      priority: r.pick(["low", "medium", "high"] as const),
      status,
      dueAt,
      ...(status === "done" ? { completedAt: dueAt } : {}),
    });
  }
  if (customer.kind === "individual" && customer.maritalStatus === "married" && r.bool(0.3)) {
    const waiting = spouseWaiting.get(customer.branchId);
    if (waiting && waiting.kind === "individual" && waiting.gender !== customer.gender) {
      spouseWaiting.delete(customer.branchId);
      p.relationshipGroups.push({
        id: `HH-${waiting.id}`,
        kind: "household",
        name: householdName(waiting.name),
        members: [
          { customerId: waiting.id, role: "head" },
          { customerId: customer.id, role: "spouse" },
        ],
      });
    } else {
      spouseWaiting.set(customer.branchId, customer);
    }
  }
  if (customer.kind === "corporate" && r.bool(0.2)) {
    if (parent) {
      p.relationshipGroups.push({
        id: `CG-${parent.id}`,
        kind: "corporate_group",
        name: `${parent.name}集团`,
        members: [
          { customerId: parent.id, role: "parent_company" },
          { customerId: customer.id, role: "subsidiary", share: Math.round(r.next() * 100) / 100 },
        ],
      });
      setParent(undefined);
    } else {
      setParent(customer);
    }
  }
}

function prospectLeads(r: Random, count: number, asOf: Date): Lead[] {
  const leads: Lead[] = [];
  for (let i = 0; i < count; i++) {
    const branch = r.pick(BRANCHES);
    const createdAt = isoDateTime(addDays(asOf, -r.int(0, 60)), r.int(0, 10 * 3600));
    leads.push({
      id: `LD-P${String(i + 1).padStart(7, "0")}`,
      name: r.weighted(SURNAMES) + r.pick(r.bool(0.5) ? GIVEN_MALE : GIVEN_FEMALE),
      mobile: `1${r.pick(["35", "38", "58", "86", "89", "99"])}${r.digits(8)}`,
      purpose: r.pick(["account_opening", "mortgage", "credit_card", "wealth_consultation"] as const),
      source: r.pick(["internet_banking", "mobile_app", "referral", "event"] as const),
      status: r.weighted([
        ["new", 60],
        ["contacted", 30],
        ["disqualified", 10],
      ] as const),
      branchId: branch.id,
      consent: { purpose: "marketing", channel: "phone", granted: true, textVersion: "2025-01", recordedAt: createdAt },
      createdAt,
    });
  }
  return leads;
}

/**
 * The quarter's targets: each branch's own (new customers, AUM growth, products sold, wealth sales) allocated evenly to
 * its RMs (`allocateTarget`); achievement is computed from the records, never generated.
 */
function salesTargets(staff: Staff[], asOf: Date): SalesTarget[] {
  const period = quarterOf(isoDate(asOf));
  const targets: SalesTarget[] = [];
  for (const b of BRANCHES) {
    const rms = staff.filter((s) => s.role === "relationship_manager" && s.branchId === b.id);
    const parts = rms.map((s) => ({ staffId: s.id, weight: 1 }));
    const own = (code: string, metric: SalesTarget["metric"], perRm: number, money = false): SalesTarget => ({
      id: `TG-${b.id}-${code}`,
      branchId: b.id,
      metric,
      ...period,
      target: perRm * rms.length,
      ...(money ? { currency: "CNY" } : {}),
    });
    for (const t of [
      own("NC", "new_customers", 30),
      own("AUM", "aum_growth", 2_000_000_000, true),
      own("PS", "product_sales_count", 40),
      own("WM", "wealth_sales", 1_000_000_000, true),
    ])
      targets.push(t, ...(parts.length > 0 ? allocateTarget(t, parts) : []));
  }
  return targets;
}
