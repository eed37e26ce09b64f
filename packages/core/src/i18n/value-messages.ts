/**
 * What the value lists say (gold customers, churn alerts), in zh-CN and
 * English — a table of its own, so pages that do not show them do not carry it.
 */
import { messageTable, type Label } from "./locale.js";

const VALUE_MESSAGES = {
  reasonTopContribution: {
    "zh-CN": "年度贡献 {amount}，居全行前 {top}，但仅为{tier}",
    en: "Contributes {amount} a year, in the bank's top {top}, yet only {tier}",
  },
  reasonTopLifetimeValue: {
    "zh-CN": "预测终身价值 {amount}，居全行前 {top}，但仅为{tier}",
    en: "Predicted lifetime value {amount}, in the bank's top {top}, yet only {tier}",
  },
  reasonNearNextTier: {
    "zh-CN": "距{tier}仅差 {gap}",
    en: "{gap} short of {tier}",
  },
  // The same reasons for a role that may not see amounts (the server leaves the money out).
  reasonTopContributionUnquoted: {
    "zh-CN": "年度贡献居全行前 {top}，但仅为{tier}",
    en: "Contribution in the bank's top {top}, yet only {tier}",
  },
  reasonTopLifetimeValueUnquoted: {
    "zh-CN": "预测终身价值居全行前 {top}，但仅为{tier}",
    en: "Predicted lifetime value in the bank's top {top}, yet only {tier}",
  },
  reasonNearNextTierUnquoted: {
    "zh-CN": "接近{tier}门槛",
    en: "Close to {tier}",
  },
  reasonOutflow30Unquoted: {
    "zh-CN": "近 30 天资金净流出占 {share}",
    en: "{share} of holdings flowed out in 30 days",
  },
  reasonOutflow90Unquoted: {
    "zh-CN": "近 90 天资金净流出占 {share}",
    en: "{share} of holdings flowed out in 90 days",
  },
  reasonAliveFalling: {
    "zh-CN": "活跃概率由 {from} 降至 {to}",
    en: "Probability alive fell from {from} to {to}",
  },
  reasonOutflow30: {
    "zh-CN": "近 30 天资金净流出 {amount}（占 {share}）",
    en: "{amount} flowed out in 30 days ({share} of holdings)",
  },
  reasonOutflow90: {
    "zh-CN": "近 90 天资金净流出 {amount}（占 {share}）",
    en: "{amount} flowed out in 90 days ({share} of holdings)",
  },
  reasonProductsClosed: {
    "zh-CN": "近 90 天结清 {count} 个产品",
    en: "{count} product(s) closed in 90 days",
  },
  reasonComplaints: {
    "zh-CN": "近 90 天投诉 {count} 次",
    en: "{count} complaint(s) in 90 days",
  },
} as const satisfies Record<string, Label>;

export type ValueMessageKey = keyof typeof VALUE_MESSAGES;

const VALUE_MESSAGES_TABLE = /* @__PURE__ */ messageTable<ValueMessageKey>(VALUE_MESSAGES);
/** A value-list message in a locale, with `{name}` placeholders filled from `params`. */
export const valueMessage = VALUE_MESSAGES_TABLE.text;
export const valueMessageKeys = VALUE_MESSAGES_TABLE.keys;
