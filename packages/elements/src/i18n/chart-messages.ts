/** What the chart says, in zh-CN and English (with the data table's words). */
import type { Label } from "@bankcrm/core";
import { speaker } from "./speak.js";
import { PICTURE_MESSAGES } from "./picture-messages.js";

export const CHART_MESSAGES = {
  chartNoData: { "zh-CN": "暂无数据", en: "No data" },
  chartItem: { "zh-CN": "项目", en: "Item" },
  chartValue: { "zh-CN": "数值", en: "Value" },
  chartShare: { "zh-CN": "占比", en: "Share" },
  chartRange: { "zh-CN": "区间", en: "Range" },
  chartCount: { "zh-CN": "数量", en: "Count" },
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
export const messages = CHART_MESSAGES;
export type ChartMessageKey = keyof typeof CHART_MESSAGES;

/** A message of the chart in a locale, with `{name}` placeholders filled from `params`. */
export const pictureMessage = /* @__PURE__ */ speaker(CHART_MESSAGES, PICTURE_MESSAGES);
