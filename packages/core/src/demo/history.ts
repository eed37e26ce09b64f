/**
 * A demo customer's history — holdings, transactions, interactions and service
 * cases — derived from the seed and the customer alone, so one customer's
 * history can be generated on demand without the rest of the portfolio.
 */
import { computeSlaDue } from "../service/sla.js";
import { caseDerivedFields } from "../service/regulatory.js";
import { luhnCheckDigit } from "../identifiers/bank-card.js";
import type { Customer } from "../schemas/customer.js";
import type { Holding } from "../schemas/holding.js";
import type { Interaction } from "../schemas/interaction.js";
import type { ServiceCase } from "../schemas/service-case.js";
import type { Transaction } from "../schemas/transaction.js";
import {
  PRODUCT_RISK_LEVELS,
  RISK_TOLERANCE_LEVELS,
  type InteractionChannel,
  type InteractionType,
  type ProductType,
  type ServiceCaseType,
  type TransactionCategory,
  type TransactionChannel,
} from "../schemas/enums.js";
import { demoWealth } from "./customers.js";
import { createRandom, type Random } from "./random.js";
import { PRODUCTS, type DemoProduct } from "./reference-data.js";
import { addDays, daysBetween, isoDate, isoDateTime, parseDate } from "./time.js";

export interface HistoryOptions {
  seed: string;
  /** The "today" of the demo data, YYYY-MM-DD. */
  asOf: string;
  /** Months of transaction and interaction history. Default 12. */
  months?: number;
  /** "holdings" skips transactions, interactions and cases (fast, for large lists). */
  detail?: "full" | "holdings";
}

export interface CustomerHistory {
  holdings: Holding[];
  transactions: Transaction[];
  interactions: Interaction[];
  serviceCases: ServiceCase[];
}

const CNY = "CNY";
const money = (amount: number) => ({ amount: Math.max(1, Math.round(amount)), currency: CNY });

function productsOf(type: ProductType, tolerance: Customer["riskTolerance"]): DemoProduct[] {
  const max = tolerance ? RISK_TOLERANCE_LEVELS.indexOf(tolerance) : -1;
  return PRODUCTS.filter(
    (p) => p.type === type && (p.risk === undefined || PRODUCT_RISK_LEVELS.indexOf(p.risk) <= max),
  );
}

function accountNumber(r: Random): string {
  const payload = `621700${r.digits(12)}`;
  return payload + luhnCheckDigit(payload);
}

function holdingsFor(r: Random, customer: Customer, asOf: Date): Holding[] {
  const holdings: Holding[] = [];
  const onboarded = parseDate(customer.onboardedAt);
  const closed = customer.status === "closed";
  const add = (product: DemoProduct, balance: number, extra: Partial<Holding> = {}) => {
    const span = Math.max(0, daysBetween(onboarded, asOf) - 1);
    const termDays = product.termMonths ? product.termMonths * 30 : Infinity;
    const age = Math.min(span, r.int(0, Math.min(span, termDays - 1, 3650)));
    const opened = addDays(asOf, -age);
    const holding: Holding = {
      id: `${customer.id}-H${holdings.length + 1}`,
      customerId: customer.id,
      productType: product.type,
      productCode: product.code,
      productName: product.name,
      accountNumber: accountNumber(r),
      ...(product.risk ? { riskLevel: product.risk } : {}),
      balance: { amount: closed ? 0 : Math.round(balance), currency: CNY },
      averageBalance: { amount: closed ? 0 : Math.round(balance * (0.8 + 0.3 * r.next())), currency: CNY },
      ...(product.rate !== undefined ? { rate: product.rate } : {}),
      openedAt: isoDate(opened),
      ...(product.termMonths ? { maturityDate: isoDate(addDays(opened, product.termMonths * 30)) } : {}),
      status: closed
        ? "closed"
        : customer.status === "dormant" && product.type === "current_deposit"
          ? "dormant"
          : "active",
      ...extra,
    };
    holdings.push(holding);
  };

  const wealth = demoWealth(r, customer.kind);
  const currentShare = customer.kind === "individual" ? 0.15 + 0.5 * r.next() : 0.4 + 0.4 * r.next();
  add(PRODUCTS[0]!, wealth * currentShare);
  const rest = wealth * (1 - currentShare);
  const tolerance = customer.riskTolerance;
  const candidates: [ProductType, number][] = [
    ["time_deposit", 0.5],
    ["certificate_of_deposit", wealth > 20_000_000 ? 0.4 : 0],
    ["wealth_management", tolerance ? 0.45 : 0],
    ["fund", tolerance ? 0.3 : 0],
    ["insurance", customer.kind === "individual" ? 0.2 : 0],
    ["precious_metal", tolerance && tolerance >= "C3" ? 0.08 : 0],
    ["treasury_bond", tolerance ? 0.1 : 0],
  ];
  const chosen: [DemoProduct, number][] = [];
  for (const [type, p] of candidates) {
    const options = productsOf(type, tolerance);
    if (options.length > 0 && r.bool(p)) chosen.push([r.pick(options), 0.2 + r.next()]);
  }
  if (chosen.length === 0 && rest > 1_000_000) chosen.push([PRODUCTS[1]!, 1]);
  const weightSum = chosen.reduce((s, [, w]) => s + w, 0);
  for (const [product, w] of chosen) add(product, (rest * w) / weightSum);

  if (customer.kind === "individual") {
    const age = daysBetween(parseDate(customer.birthDate), asOf) / 365;
    if (age >= 25 && age <= 60 && r.bool(0.18))
      add(
        PRODUCTS.find((p) => p.code === "LN-MTG")!,
        r.logNormal(120_000_000, 0.6),
        // Past due since a day that follows from the customer number (no draw: the rest of the book is unchanged).
        r.bool(0.02)
          ? {
              status: "overdue",
              overdueSince: isoDate(addDays(asOf, -(15 + (Number(customer.id.replace(/\D/g, "")) % 300)))),
            }
          : {},
      );
    if (r.bool(0.08))
      add(
        PRODUCTS.find((p) => p.code === "LN-CONS")!,
        r.logNormal(8_000_000, 0.6),
      );
    if (r.bool(0.45)) {
      const limit = r.pick([10_000, 20_000, 50_000, 100_000]) * 100;
      const card =
        wealth > 50_000_000 ? PRODUCTS.find((p) => p.code === "CC-PLAT")! : PRODUCTS.find((p) => p.code === "CC-STD")!;
      add(card, limit * 0.4 * r.next(), { creditLimit: { amount: closed ? 0 : limit, currency: CNY } });
    }
  } else if (r.bool(0.4)) {
    const cap = customer.creditLine?.amount ?? Infinity;
    add(
      PRODUCTS.find((p) => p.code === "LN-BIZ")!,
      Math.min(cap, r.logNormal(500_000_000, 0.8)),
    );
  }
  return holdings;
}

const SPEND_CHANNELS: readonly (readonly [TransactionChannel, number])[] = [
  ["mobile_app", 40],
  ["wechat", 15],
  ["pos", 20],
  ["online_banking", 8],
  ["atm", 7],
  ["branch_counter", 6],
  ["phone_banking", 4],
];
const EMPLOYED = new Set(["civil_servant", "executive", "professional", "office_worker", "worker", "military"]);

function transactionsFor(
  r: Random,
  customer: Customer,
  holdings: Holding[],
  asOf: Date,
  months: number,
): Transaction[] {
  if (customer.status === "closed") return [];
  const txns: Transaction[] = [];
  const start = addDays(asOf, -months * 30);
  const lastActive = customer.status === "dormant" ? addDays(asOf, -200) : asOf;
  const from = new Date(Math.max(start.getTime(), parseDate(customer.onboardedAt).getTime()));
  const days = daysBetween(from, lastActive);
  if (days <= 0) return [];
  const current = holdings.find((h) => h.productType === "current_deposit")!;
  const card = holdings.find((h) => h.productType === "credit_card");
  const loans = holdings.filter(
    (h) => h.productType === "mortgage" || h.productType === "consumer_loan" || h.productType === "business_loan",
  );
  const push = (
    holding: Holding,
    day: Date,
    amount: number,
    direction: "credit" | "debit",
    channel: TransactionChannel,
    category: TransactionCategory,
    extra: Partial<Transaction> = {},
  ) => {
    if (day >= lastActive) return; // nothing on or after the demo's "today"
    txns.push({
      id: `${customer.id}-T${txns.length + 1}`,
      customerId: customer.id,
      holdingId: holding.id,
      at: isoDateTime(day, r.int(0, 14 * 3600)), // 08:00–22:00 Beijing time
      amount: money(amount),
      direction,
      channel,
      category,
      ...extra,
    });
  };
  // Monthly flows: salary, card and loan repayments, quarterly interest.
  for (let day = 0; day < days; day += 30) {
    const date = addDays(from, day + 9);
    if (date > lastActive) break;
    if (customer.kind === "individual" && EMPLOYED.has(customer.occupation ?? "") && customer.annualIncome) {
      push(
        current,
        date,
        (customer.annualIncome.amount / 12) * (0.9 + 0.2 * r.next()),
        "credit",
        "online_banking",
        "salary",
        { counterparty: "代发工资" },
      );
    }
    if (card && card.balance.amount > 0)
      push(
        current,
        addDays(date, 10),
        card.balance.amount * (0.5 + 0.5 * r.next()),
        "debit",
        "mobile_app",
        "card_repayment",
      );
    for (const loan of loans)
      push(current, addDays(date, 5), loan.balance.amount / 120, "debit", "online_banking", "loan_repayment");
  }
  // Day-to-day spending and transfers.
  const rate = customer.kind === "corporate" ? r.logNormal(6, 0.6) : r.logNormal(2, 0.7);
  const count = Math.min(400, r.poisson(Math.min(60, (rate * days) / 30)));
  for (let i = 0; i < count; i++) {
    const date = addDays(from, r.int(0, days - 1));
    const channel = r.weighted(SPEND_CHANNELS);
    const onCard = card !== undefined && (channel === "pos" || channel === "wechat") && r.bool(0.6);
    if (customer.kind === "corporate") {
      push(
        current,
        date,
        r.logNormal(2_000_000, 1.2),
        r.bool(0.5) ? "credit" : "debit",
        r.weighted([
          ["online_banking", 70],
          ["branch_counter", 20],
          ["mobile_app", 10],
        ] as const),
        "transfer",
      );
    } else if (channel === "atm") {
      push(current, date, r.pick([500, 1000, 2000, 3000]) * 100, "debit", "atm", "cash_withdrawal", {
        fee: { amount: r.bool(0.2) ? 200 : 0, currency: CNY },
      });
    } else {
      const category = r.weighted([
        ["consumption", 70],
        ["transfer", 15],
        ["utility", 10],
        ["insurance_premium", 2],
        ["other", 3],
      ] as const);
      push(onCard ? card : current, date, r.logNormal(15_000, 1.0), "debit", channel, category);
    }
  }
  txns.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  return txns;
}

const INTERACTION_CHANNELS: readonly (readonly [InteractionChannel, number])[] = [
  ["branch", 25],
  ["phone", 15],
  ["call_center_inbound", 15],
  ["call_center_outbound", 10],
  ["mobile_app", 10],
  ["wechat", 10],
  ["visit", 5],
  ["sms", 5],
  ["online_banking", 3],
  ["email", 2],
];
const SUMMARIES: Record<InteractionType, readonly string[]> = {
  visit: ["上门拜访，沟通资产配置需求", "拜访企业主，了解经营资金需求", "陪同客户参观私行中心"],
  call: ["电话回访，客户对近期服务表示满意", "电话提醒定期存款即将到期", "电话沟通理财产品到期续作"],
  inquiry: ["咨询大额存单利率", "咨询房贷提前还款流程", "咨询信用卡额度调整", "咨询养老金账户开立"],
  complaint: ["反映网点排队时间过长", "对信用卡年费收取有异议", "反映手机银行转账失败"],
  service: ["办理手机号变更", "办理挂失补卡", "办理定期存款转存"],
  campaign_contact: ["推介春季理财节产品", "邀请参加客户沙龙", "推介信用卡分期优惠"],
  note: ["客户近期有购房计划", "客户子女明年出国留学，关注跨境汇款", "客户对高风险产品兴趣较低"],
};
const TYPES_BY_CHANNEL: Record<InteractionChannel, readonly InteractionType[]> = {
  branch: ["inquiry", "service", "complaint", "note"],
  phone: ["call", "campaign_contact"],
  call_center_inbound: ["inquiry", "complaint", "service"],
  call_center_outbound: ["call", "campaign_contact"],
  online_banking: ["inquiry", "service"],
  mobile_app: ["inquiry", "service", "complaint"],
  wechat: ["inquiry", "campaign_contact"],
  email: ["campaign_contact", "inquiry"],
  sms: ["campaign_contact"],
  visit: ["visit", "note"],
};
const SLA_DAYS = { low: 5, medium: 3, high: 2, urgent: 1 } as const;

function contactsFor(
  r: Random,
  customer: Customer,
  asOf: Date,
  months: number,
): { interactions: Interaction[]; serviceCases: ServiceCase[] } {
  const interactions: Interaction[] = [];
  const serviceCases: ServiceCase[] = [];
  if (customer.status === "closed") return { interactions, serviceCases };
  const from = new Date(Math.max(addDays(asOf, -months * 30).getTime(), parseDate(customer.onboardedAt).getTime()));
  const days = daysBetween(from, asOf);
  if (days <= 0) return { interactions, serviceCases };
  const scale = days / 365;
  const staffId = customer.relationshipManagerId;
  const n = r.poisson((customer.status === "dormant" ? 1 : 5) * scale);
  for (let i = 0; i < n; i++) {
    const channel = r.weighted(INTERACTION_CHANNELS);
    const type = r.pick(TYPES_BY_CHANNEL[channel]);
    interactions.push({
      id: `${customer.id}-I${interactions.length + 1}`,
      customerId: customer.id,
      at: isoDateTime(addDays(from, r.int(0, days - 1)), r.int(0, 10 * 3600)),
      channel,
      type,
      summary: r.pick(SUMMARIES[type]),
      ...(staffId && (channel === "branch" || channel === "visit" || channel === "phone") ? { staffId } : {}),
      outcome:
        type === "complaint"
          ? r.pick(["resolved", "escalated"] as const)
          : r.pick(["successful", "follow_up", "informational", "no_answer"] as const),
      confidential: type === "note" && r.bool(0.3),
    });
  }
  const cases = r.poisson(0.5 * scale);
  for (let i = 0; i < cases; i++) {
    const opened = addDays(from, r.int(0, days - 1));
    const openedAt = isoDateTime(opened, r.int(0, 10 * 3600));
    const type = r.weighted<ServiceCaseType>([
      ["inquiry", 30],
      ["account_service", 20],
      ["card_service", 15],
      ["complaint", 12],
      ["transaction_dispute", 8],
      ["loan_service", 8],
      ["information_update", 5],
      ["fraud_report", 2],
    ]);
    const priority =
      type === "fraud_report" ? "urgent" : type === "complaint" ? "high" : r.pick(["low", "medium", "medium"] as const);
    const channel = r.weighted(INTERACTION_CHANNELS);
    const old = daysBetween(opened, asOf) > 10;
    const status = old
      ? r.weighted([
          ["closed", 60],
          ["resolved", 35],
          ["in_progress", 5],
        ] as const)
      : r.pick(["open", "in_progress", "pending_customer", "resolved"] as const);
    const done = status === "resolved" || status === "closed";
    const id = `${customer.id}-S${i + 1}`;
    const resolvedAt = new Date(Date.parse(openedAt) + r.int(3600, SLA_DAYS[priority] * 1.3 * 86400) * 1000);
    serviceCases.push({
      id,
      customerId: customer.id,
      type,
      priority,
      channel,
      status,
      subject: r.pick(SUMMARIES[type === "complaint" ? "complaint" : type === "inquiry" ? "inquiry" : "service"]),
      ...(staffId ? { assignedTo: staffId } : {}),
      openedAt,
      // Working days on the mainland calendar, as a bank counts them; a complaint's regulatory limit beside.
      slaDueAt: computeSlaDue(openedAt, { workingDays: SLA_DAYS[priority] }).dueAt,
      ...caseDerivedFields({ type, openedAt }),
      ...(done ? { resolvedAt: resolvedAt.toISOString() } : {}),
      ...(done && r.bool(0.7)
        ? {
            satisfaction: r.weighted([
              [5, 45],
              [4, 30],
              [3, 15],
              [2, 6],
              [1, 4],
            ] as const),
          }
        : {}),
    });
    interactions.push({
      id: `${customer.id}-I${interactions.length + 1}`,
      customerId: customer.id,
      at: openedAt,
      channel,
      type: type === "complaint" ? "complaint" : "service",
      summary: `受理工单：${serviceCases[serviceCases.length - 1]!.subject}`,
      caseId: id,
      outcome: done ? "resolved" : "follow_up",
      confidential: false,
    });
  }
  interactions.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  return { interactions, serviceCases };
}

export function generateCustomerHistory(customer: Customer, options: HistoryOptions): CustomerHistory {
  const asOf = parseDate(options.asOf);
  const months = options.months ?? 12;
  const r = createRandom(`${options.seed}:history:${customer.id}`);
  const holdings = holdingsFor(r, customer, asOf);
  if (options.detail === "holdings") return { holdings, transactions: [], interactions: [], serviceCases: [] };
  const transactions = transactionsFor(r, customer, holdings, asOf, months);
  const { interactions, serviceCases } = contactsFor(r, customer, asOf, months);
  return { holdings, transactions, interactions, serviceCases };
}
