/** Outbound calling's words (电话营销): what came of a call, and why a campaign member is not on the call list now. */
import type { CallLeftOut, OutboundOutcome } from "../marketing/outbound.js";
import type { Label } from "./locale.js";

export const outboundOutcomeLabels = {
  noAnswer: { "zh-CN": "未接通", en: "No answer" },
  notInterested: { "zh-CN": "接通，暂无意向", en: "Reached, not interested" },
  interested: { "zh-CN": "有意向", en: "Interested" },
  converted: { "zh-CN": "已办理", en: "Signed up" },
  doNotCall: { "zh-CN": "要求不再来电", en: "Asked not to be called again" },
} as const satisfies Record<OutboundOutcome, Label>;

export const callLeftOutLabels = {
  noConsent: { "zh-CN": "未同意电话营销（或已撤回）", en: "No consent to marketing calls (or withdrawn)" },
  deceased: { "zh-CN": "客户已身故", en: "Deceased" },
  closed: { "zh-CN": "客户关系已终止", en: "Relationship closed" },
  answered: { "zh-CN": "已有结果", en: "Already answered" },
  attempts: { "zh-CN": "多次未接通", en: "No answer too many times" },
  retryLater: { "zh-CN": "稍后再拨", en: "Try again later" },
  unknown: { "zh-CN": "客户记录不可见", en: "Customer record not visible" },
} as const satisfies Record<CallLeftOut, Label>;
