/**
 * The default catalog: customer attributes and derived metrics, over a flat
 * `CustomerView` that `buildCustomerView` derives from a customer, their
 * holdings and transactions, and the value models' outputs.
 */
import { DAY_MS } from "../time.js";
import { computeAum } from "../scoring/aum.js";
import {
  CONSENT_PURPOSES,
  CONTACT_CHANNELS,
  CUSTOMER_KINDS,
  CUSTOMER_STATUSES,
  GENDERS,
  OCCUPATIONS,
  PRODUCT_TYPES,
  RISK_TOLERANCE_LEVELS,
  TIERS,
  type ProductType,
} from "../schemas/enums.js";
import type { Customer } from "../schemas/customer.js";
import type { Holding } from "../schemas/holding.js";
import type { Transaction } from "../schemas/transaction.js";
import type { Label } from "../i18n/locale.js";
import {
  consentPurposeLabels,
  contactChannelLabels,
  customerKindLabels,
  customerStatusLabels,
  genderLabels,
  occupationLabels,
  productTypeLabels,
  riskToleranceLabels,
  tierLabels,
} from "../i18n/labels.js";
import { createFieldCatalog, type FieldDefinition } from "./catalog.js";
import { METRICS } from "../metrics/table.js";

/** Outputs of the value models, carried into the view. */
export interface CustomerMetrics {
  contribution?: number;
  valueScore?: number;
  rfmR?: number;
  rfmF?: number;
  rfmM?: number;
  rfmSegment?: string;
  probabilityAlive?: number;
  clv?: number;
  churnRisk?: number;
  churnLevel?: string;
  /** Worth far more than the tier says (`findGoldCustomers`'s top-share reasons). */
  underServed?: boolean;
  /** Within reach of the next tier. */
  nearNextTier?: boolean;
  /** Has a churn alert (`churnAlerts`). */
  churnAlert?: boolean;
}

/** What segments test about a customer: attributes, holdings, activity and the value models' outputs. */
export interface CustomerView extends CustomerMetrics {
  id: string;
  kind: string;
  status: string;
  tier?: string;
  gender?: string;
  age?: number;
  city?: string;
  occupation?: string;
  annualIncome?: number;
  branchId: string;
  relationshipManagerId?: string;
  riskTolerance?: string;
  preferredChannel?: string;
  tags: string[];
  onboardedAt: string;
  aum?: number;
  /** Balance by product type, minor units; 0 when not held. */
  balances?: Partial<Record<ProductType, number>>;
  productTypes?: string[];
  productCount?: number;
  lastTransactionAt?: string;
  daysSinceLastTransaction?: number;
  transactionCount30d?: number;
  transactionCount90d?: number;
  transactionCount365d?: number;
  transactionAmount30d?: number;
  transactionAmount90d?: number;
  transactionAmount365d?: number;
  marketingConsent?: boolean;
  /** Purposes the customer has consented to. */
  consents?: string[];
}

/** The flat view segments test, from a customer and what is known about them. */
export function buildCustomerView(
  customer: Customer,
  context: {
    holdings?: readonly Holding[];
    transactions?: readonly Pick<Transaction, "at" | "amount">[];
    metrics?: CustomerMetrics;
    now?: Date;
  } = {},
): CustomerView {
  const now = context.now ?? new Date();
  const view: CustomerView = {
    id: customer.id,
    kind: customer.kind,
    status: customer.status,
    ...(customer.tier ? { tier: customer.tier } : {}),
    branchId: customer.branchId,
    ...(customer.relationshipManagerId ? { relationshipManagerId: customer.relationshipManagerId } : {}),
    ...(customer.riskTolerance ? { riskTolerance: customer.riskTolerance } : {}),
    ...(customer.contact.preferredChannel ? { preferredChannel: customer.contact.preferredChannel } : {}),
    ...(customer.contact.city ? { city: customer.contact.city } : {}),
    tags: [...customer.tags],
    onboardedAt: customer.onboardedAt,
    ...context.metrics,
  };
  if (customer.kind === "individual") {
    view.gender = customer.gender;
    const birth = new Date(`${customer.birthDate}T00:00:00Z`);
    let age = now.getUTCFullYear() - birth.getUTCFullYear();
    if (
      now.getUTCMonth() < birth.getUTCMonth() ||
      (now.getUTCMonth() === birth.getUTCMonth() && now.getUTCDate() < birth.getUTCDate())
    )
      age--;
    view.age = age;
    if (customer.occupation) view.occupation = customer.occupation;
    if (customer.annualIncome) view.annualIncome = customer.annualIncome.amount;
  }
  const latest = new Map<string, { granted: boolean; at: string }>();
  for (const c of customer.consents) {
    const previous = latest.get(c.purpose);
    if (!previous || c.recordedAt >= previous.at) latest.set(c.purpose, { granted: c.granted, at: c.recordedAt });
  }
  view.consents = [...latest].filter(([, c]) => c.granted).map(([purpose]) => purpose);
  view.marketingConsent = view.consents.includes("marketing");
  if (context.holdings) {
    const open = context.holdings.filter((h) => h.status !== "closed");
    view.aum = computeAum(open).total.amount;
    view.balances = {};
    for (const h of open) view.balances[h.productType] = (view.balances[h.productType] ?? 0) + h.balance.amount;
    view.productTypes = [...new Set(open.map((h) => h.productType))];
    view.productCount = view.productTypes.length;
  }
  if (context.transactions) {
    let last = "";
    const windows = [30, 90, 365] as const;
    const counts = [0, 0, 0];
    const amounts = [0, 0, 0];
    for (const t of context.transactions) {
      if (t.at > last) last = t.at;
      const age = (now.getTime() - Date.parse(t.at)) / DAY_MS;
      windows.forEach((w, i) => {
        if (age >= 0 && age <= w) {
          counts[i]!++;
          amounts[i]! += t.amount.amount;
        }
      });
    }
    [view.transactionCount30d, view.transactionCount90d, view.transactionCount365d] = counts;
    [view.transactionAmount30d, view.transactionAmount90d, view.transactionAmount365d] = amounts;
    if (last) {
      view.lastTransactionAt = last.slice(0, 10);
      view.daysSinceLastTransaction = Math.floor((now.getTime() - Date.parse(last)) / DAY_MS);
    }
  }
  return view;
}

type Field = FieldDefinition<CustomerView>;
/** Financial account information — balances, holdings, transactions and what is figured from them (PIPL Art. 28). */
const SENSITIVE = { sensitive: true } as const;
const f = (id: string, type: Field["type"], zh: string, en: string, extra: Partial<Field> = {}): Field => ({
  id,
  type,
  label: { "zh-CN": zh, en },
  ...extra,
});

const PRODUCT_LABELS: Record<ProductType, Label> = {
  current_deposit: { "zh-CN": "活期存款余额", en: "Current deposit balance" },
  time_deposit: { "zh-CN": "定期存款余额", en: "Time deposit balance" },
  certificate_of_deposit: { "zh-CN": "大额存单余额", en: "CD balance" },
  mortgage: { "zh-CN": "房贷余额", en: "Mortgage balance" },
  consumer_loan: { "zh-CN": "消费贷余额", en: "Consumer loan balance" },
  business_loan: { "zh-CN": "经营贷余额", en: "Business loan balance" },
  credit_card: { "zh-CN": "信用卡欠款", en: "Credit card balance" },
  wealth_management: { "zh-CN": "理财余额", en: "Wealth management balance" },
  fund: { "zh-CN": "基金市值", en: "Fund balance" },
  insurance: { "zh-CN": "保险现金价值", en: "Insurance cash value" },
  precious_metal: { "zh-CN": "贵金属市值", en: "Precious metals balance" },
  treasury_bond: { "zh-CN": "国债余额", en: "Treasury bond balance" },
};

export const customerFieldCatalog = createFieldCatalog<CustomerView>([
  f("age", "number", "年龄", "Age"),
  f("gender", "enum", "性别", "Gender", { values: GENDERS, valueLabels: genderLabels }),
  f("city", "string", "城市", "City"),
  f("occupation", "enum", "职业", "Occupation", { values: OCCUPATIONS, valueLabels: occupationLabels }),
  f("annualIncome", "money", "年收入", "Annual income"),
  f("kind", "enum", "客户类型", "Customer type", { values: CUSTOMER_KINDS, valueLabels: customerKindLabels }),
  f("status", "enum", "客户状态", "Status", { values: CUSTOMER_STATUSES, valueLabels: customerStatusLabels }),
  f("tier", "enum", "客户等级", "Tier", { values: TIERS, valueLabels: tierLabels }),
  f("aum", "money", "资产规模（AUM）", "AUM", SENSITIVE),
  ...PRODUCT_TYPES.map((type) =>
    f(`balance.${type}`, "money", PRODUCT_LABELS[type]["zh-CN"], PRODUCT_LABELS[type].en, {
      get: (r) => r.balances?.[type] ?? (r.balances ? 0 : undefined),
      ...SENSITIVE,
    }),
  ),
  f("productTypes", "stringList", "持有产品类型", "Holds product type", {
    ...SENSITIVE,
    cost: 2,
    values: PRODUCT_TYPES,
    valueLabels: productTypeLabels,
  }),
  f("productCount", "number", "持有产品数", "Product count", SENSITIVE),
  // The value metrics segments can test, from the metric table.
  ...METRICS.filter((metric) => metric.segment).map((metric) =>
    f(metric.name, metric.kind as Field["type"], metric.label["zh-CN"], metric.label.en, {
      ...(metric.values ? { values: metric.values, valueLabels: metric.valueLabels } : {}),
      // Every value metric is figured from the customer's accounts and transactions.
      ...SENSITIVE,
    }),
  ),
  f("lastTransactionAt", "date", "最近交易日期", "Last transaction date", SENSITIVE),
  f("daysSinceLastTransaction", "number", "距最近交易天数", "Days since last transaction", SENSITIVE),
  f("transactionCount30d", "number", "近30天交易笔数", "Transactions in 30 days", SENSITIVE),
  f("transactionCount90d", "number", "近90天交易笔数", "Transactions in 90 days", SENSITIVE),
  f("transactionCount365d", "number", "近一年交易笔数", "Transactions in a year", SENSITIVE),
  f("transactionAmount30d", "money", "近30天交易金额", "Transaction amount in 30 days", SENSITIVE),
  f("transactionAmount90d", "money", "近90天交易金额", "Transaction amount in 90 days", SENSITIVE),
  f("transactionAmount365d", "money", "近一年交易金额", "Transaction amount in a year", SENSITIVE),
  f("preferredChannel", "enum", "偏好渠道", "Preferred channel", {
    values: CONTACT_CHANNELS,
    valueLabels: contactChannelLabels,
  }),
  f("riskTolerance", "enum", "风险承受能力", "Risk tolerance", {
    values: RISK_TOLERANCE_LEVELS,
    valueLabels: riskToleranceLabels,
  }),
  f("marketingConsent", "boolean", "同意营销", "Marketing consent"),
  f("consents", "stringList", "已授权用途", "Consents given", {
    cost: 2,
    values: CONSENT_PURPOSES,
    valueLabels: consentPurposeLabels,
  }),
  f("tags", "stringList", "客户标签", "Tags", { cost: 2 }),
  f("branchId", "string", "所属网点", "Branch"),
  f("relationshipManagerId", "string", "客户经理", "Relationship manager"),
  f("onboardedAt", "date", "开户日期", "Onboarding date"),
]);
