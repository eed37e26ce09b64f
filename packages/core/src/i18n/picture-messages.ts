/**
 * What the pictures say (charts, the value breakdown, the data table behind
 * them), in zh-CN and English — a table of its own, so a page with a KPI tile
 * or a value list does not carry it.
 */
import { messageTable, type Label } from "./locale.js";

const PICTURE_MESSAGES = {
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

export type PictureMessageKey = keyof typeof PICTURE_MESSAGES;

const PICTURE_MESSAGES_TABLE = /* @__PURE__ */ messageTable<PictureMessageKey>(PICTURE_MESSAGES);
/** A chart's or the value breakdown's message in a locale, with `{name}` placeholders filled from `params`. */
export const pictureMessage = PICTURE_MESSAGES_TABLE.text;
export const pictureMessageKeys = PICTURE_MESSAGES_TABLE.keys;
