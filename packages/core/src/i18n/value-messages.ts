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
  kpiUp: { "zh-CN": "上升 {change}", en: "up {change}" },
  kpiDown: { "zh-CN": "下降 {change}", en: "down {change}" },
  kpiFlat: { "zh-CN": "持平", en: "unchanged" },
  kpiVersus: { "zh-CN": "较上期", en: "on the previous period" },
  kpiGood: { "zh-CN": "向好", en: "for the better" },
  kpiBad: { "zh-CN": "需关注", en: "worth a look" },
  kpiNone: { "zh-CN": "暂无数据", en: "No figure yet" },
  groupAum: { "zh-CN": "合计资产（AUM）", en: "Combined AUM" },
  groupExposure: { "zh-CN": "合计授信敞口", en: "Credit exposure" },
  groupContribution: { "zh-CN": "合计年度贡献", en: "Combined annual contribution" },
  groupMembers: { "zh-CN": "成员", en: "Members" },
  groupMember: { "zh-CN": "客户", en: "Customer" },
  groupRole: { "zh-CN": "关系", en: "Role" },
  groupShare: { "zh-CN": "持股 {share}", en: "{share} held" },
  groupMissing: {
    "zh-CN": "另有 {count} 位成员未显示（不在您的客户范围内），未计入合计",
    en: "{count} more member(s) not shown (outside your book) and not in the totals",
  },
  groupMasked: { "zh-CN": "当前角色不显示金额", en: "Amounts are not shown to your role" },
  groupEmpty: { "zh-CN": "该客户不属于任何家庭或集团", en: "Not part of a household or group" },
  groupLoading: { "zh-CN": "正在读取关系群…", en: "Reading the group…" },
} as const satisfies Record<string, Label>;

export type ValueMessageKey = keyof typeof VALUE_MESSAGES;

const VALUE_MESSAGES_TABLE = /* @__PURE__ */ messageTable<ValueMessageKey>(VALUE_MESSAGES);
/** A value-list message in a locale, with `{name}` placeholders filled from `params`. */
export const valueMessage = VALUE_MESSAGES_TABLE.text;
export const valueMessageKeys = VALUE_MESSAGES_TABLE.keys;
