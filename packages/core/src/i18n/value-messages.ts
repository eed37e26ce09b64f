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
  chartTable: { "zh-CN": "数据表", en: "Data table" },
  chartNoData: { "zh-CN": "暂无数据", en: "No data" },
  chartItem: { "zh-CN": "项目", en: "Item" },
  chartValue: { "zh-CN": "数值", en: "Value" },
  chartShare: { "zh-CN": "占比", en: "Share" },
  chartRange: { "zh-CN": "区间", en: "Range" },
  chartCount: { "zh-CN": "数量", en: "Count" },
  chartHighlighted: { "zh-CN": "（重点）", en: " (highlighted)" },
  breakdownLabel: { "zh-CN": "价值构成（年度贡献）", en: "Where the contribution comes from" },
  breakdownTotal: { "zh-CN": "年度贡献合计", en: "Annual contribution" },
  breakdownFactor: { "zh-CN": "构成", en: "Factor" },
  breakdownAmount: { "zh-CN": "金额（年）", en: "Amount a year" },
  breakdownRunning: { "zh-CN": "累计", en: "Running total" },
  breakdownSummary: {
    "zh-CN": "年度贡献 {total}；收入最多来自{top}（{topAmount}），扣减最多的是{cost}（{costAmount}）",
    en: "Contributes {total} a year; most from {top} ({topAmount}), the largest deduction {cost} ({costAmount})",
  },
  breakdownSummaryNoCost: {
    "zh-CN": "年度贡献 {total}；收入最多来自{top}（{topAmount}）",
    en: "Contributes {total} a year; most from {top} ({topAmount})",
  },
  breakdownMasked: { "zh-CN": "当前角色不显示贡献金额", en: "Contribution amounts are not shown to your role" },
  breakdownEmpty: { "zh-CN": "暂无贡献数据", en: "No contribution yet" },
  breakdownLoading: { "zh-CN": "正在计算价值构成…", en: "Working out the contribution…" },
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
  chartSummaryBar: {
    "zh-CN": "共 {count} 项；最高：{maxLabel} {max}；最低：{minLabel} {min}",
    en: "{count} items; highest {maxLabel} at {max}, lowest {minLabel} at {min}",
  },
  chartSummaryLine: {
    "zh-CN": "共 {count} 个点，从 {firstLabel} 的 {first} 到 {lastLabel} 的 {last}；最高：{maxLabel} {max}",
    en: "{count} points, from {first} at {firstLabel} to {last} at {lastLabel}; highest {maxLabel} at {max}",
  },
  chartSummaryDonut: {
    "zh-CN": "共 {count} 部分，合计 {total}；最大：{maxLabel}，占 {share}",
    en: "{count} parts totalling {total}; largest {maxLabel} at {share}",
  },
  chartSummaryDistribution: {
    "zh-CN": "{count} 个数值分为 {bins} 个区间；最多的区间：{range}（{most} 个）",
    en: "{count} values in {bins} ranges; the most in {range} ({most})",
  },
} as const satisfies Record<string, Label>;

export type ValueMessageKey = keyof typeof VALUE_MESSAGES;

const VALUE_MESSAGES_TABLE = /* @__PURE__ */ messageTable<ValueMessageKey>(VALUE_MESSAGES);
/** A value-list message in a locale, with `{name}` placeholders filled from `params`. */
export const valueMessage = VALUE_MESSAGES_TABLE.text;
export const valueMessageKeys = VALUE_MESSAGES_TABLE.keys;
