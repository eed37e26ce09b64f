/**
 * The one table of the value metrics a bank's metrics job writes per customer
 * (客户价值, 流失预警): each metric's name (on the wire, in segments), its column
 * and SQL type in the reference server's `customer_metrics`, its kind, its
 * label in both languages, whether it is money (shown only to roles that read
 * financial data), and whether segments can test it. From it follow the segment
 * catalog's metric fields, the metrics job's columns, the `/metrics` answer and
 * its contract, and the workstation's value columns. The server's migrations
 * create the columns; a server test checks they agree with this table.
 */
import { CHURN_LEVELS, RFM_SEGMENTS, TIERS } from "../vocabulary.js";
import { churnLevelLabels, rfmSegmentLabels, tierLabels } from "../i18n/labels.js";

export type MetricKind = "number" | "money" | "enum" | "boolean" | "date" | "codes" | "reasons";
export type MetricSqlType = "bigint" | "double precision" | "text" | "text[]" | "boolean" | "date" | "jsonb";

export interface MetricSpec {
  /** Its name in the `/metrics` answer, the segment catalog and the client. */
  readonly name: string;
  /** Its column in `customer_metrics`. */
  readonly column: string;
  readonly sql: MetricSqlType;
  /** `money`: minor units, only for roles that read financial data; `codes`: a list of reason codes; `reasons`: coded reasons with figures. */
  readonly kind: MetricKind;
  readonly label: { readonly "zh-CN": string; readonly en: string };
  /** An enum's values and their labels. */
  readonly values?: readonly string[];
  readonly valueLabels?: Readonly<Record<string, { readonly "zh-CN": string; readonly en: string }>>;
  /** Segments can test it (a field of the customer catalog, by its name). */
  readonly segment?: boolean;
  /** Written with each customer's scores (absent: set once the whole book is ranked). */
  readonly perCustomer?: boolean;
  /** Kept for the job's own use, not in the `/metrics` answer. */
  readonly internal?: boolean;
}

const m = (
  name: string,
  column: string,
  sql: MetricSqlType,
  kind: MetricKind,
  zh: string,
  en: string,
  extra: Partial<MetricSpec> = {},
): MetricSpec => Object.freeze({ name, column, sql, kind, label: Object.freeze({ "zh-CN": zh, en }), ...extra });

const scored = { segment: true, perCustomer: true } as const;
/** An enum metric's values and their labels. */
const choice = (values: readonly string[], valueLabels: MetricSpec["valueLabels"]) => ({ values, valueLabels });
const tiers = choice(TIERS, tierLabels);

/** In the segment catalog's order; the columns' order in the metrics job's writes. */
export const METRICS: readonly MetricSpec[] = Object.freeze([
  m("contribution", "contribution", "bigint", "money", "年度贡献度", "Annual contribution", scored),
  m("valueScore", "value_score", "double precision", "number", "价值评分", "Value score", scored),
  m("rfmR", "rfm_r", "double precision", "number", "RFM 最近度得分", "RFM recency score", scored),
  m("rfmF", "rfm_f", "double precision", "number", "RFM 频度得分", "RFM frequency score", scored),
  m("rfmM", "rfm_m", "double precision", "number", "RFM 金额得分", "RFM monetary score", scored),
  m("rfmSegment", "rfm_segment", "text", "enum", "RFM 客户分群", "RFM segment", {
    ...scored,
    ...choice(RFM_SEGMENTS, rfmSegmentLabels),
  }),
  m("probabilityAlive", "probability_alive", "double precision", "number", "活跃概率", "Probability alive", scored),
  m("clv", "clv", "bigint", "money", "预测终身价值", "Predicted lifetime value", scored),
  m("churnRisk", "churn_risk", "double precision", "number", "流失风险", "Churn risk", scored),
  m("churnLevel", "churn_level", "text", "enum", "流失风险等级", "Churn risk level", {
    ...scored,
    ...choice(CHURN_LEVELS, churnLevelLabels),
  }),
  m("underServed", "under_served", "boolean", "boolean", "高价值但服务等级偏低", "Worth more than their tier", {
    segment: true,
  }),
  m("nearNextTier", "near_next_tier", "boolean", "boolean", "接近升级", "Within reach of the next tier", scored),
  m("churnAlert", "churn_alert", "boolean", "boolean", "有流失预警", "Has a churn alert", scored),
  m("churnReasons", "churn_reasons", "text[]", "codes", "流失风险原因", "Churn risk reasons", { perCustomer: true }),
  m("tierEarned", "tier_earned", "text", "enum", "应得等级", "Tier earned", { ...tiers, perCustomer: true }),
  m("churnAlertAt", "churn_alert_at", "date", "date", "流失预警日期", "Churn alert day", { perCustomer: true }),
  m("churnAlertReasons", "churn_alert_reasons", "jsonb", "reasons", "流失预警信号", "Churn alert signals", {
    perCustomer: true,
  }),
  m("goldReasons", "gold_reasons", "jsonb", "reasons", "高价值原因", "Why of high value", {}),
  m("nextTier", "next_tier", "text", "enum", "下一等级", "Next tier", { ...tiers, perCustomer: true, internal: true }),
  m("nextGap", "next_gap", "bigint", "money", "距下一等级差额", "Gap to the next tier", {
    perCustomer: true,
    internal: true,
  }),
]);

/** A metric by name. */
export function metricSpec(name: string): MetricSpec | undefined {
  return METRICS.find((metric) => metric.name === name);
}
