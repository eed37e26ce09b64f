/** What the value breakdown says, in zh-CN and English (with the data table's words). */
import type { Label } from "@bankcrm/core";
import { speaker } from "./speak.js";
import { PICTURE_MESSAGES } from "./picture-messages.js";

export const VALUE_BREAKDOWN_MESSAGES = {
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
} as const satisfies Record<string, Label>;
export const messages = VALUE_BREAKDOWN_MESSAGES;
export type ValueBreakdownMessageKey = keyof typeof VALUE_BREAKDOWN_MESSAGES;

/** A message of the value breakdown in a locale, with `{name}` placeholders filled from `params`. */
export const pictureMessage = /* @__PURE__ */ speaker(VALUE_BREAKDOWN_MESSAGES, PICTURE_MESSAGES);
