/** Why a customer deserves a call (客户关怀) and why an offer is not made: the relationship manager's words. */
import type { Labels } from "./labels.js";

export const careReasonLabels = {
  birthday: { "zh-CN": "生日将至", en: "Birthday coming up" },
  depositMaturity: { "zh-CN": "定期存款即将到期", en: "A time deposit matures soon" },
  wealthMaturity: { "zh-CN": "理财产品即将到期", en: "A wealth product matures soon" },
  riskAssessmentExpired: { "zh-CN": "风险测评已超过一年", en: "Risk assessment over a year old" },
  idDocumentExpiring: { "zh-CN": "身份证件即将到期", en: "ID document about to expire" },
  dormantAccount: { "zh-CN": "账户已转为睡眠户", en: "An account has gone dormant" },
  dueDiligenceReview: { "zh-CN": "客户尽职调查复核到期", en: "Customer due-diligence review due" },
} as const satisfies Labels["careReason"];
export const offerExclusionLabels = {
  held: { "zh-CN": "客户已持有", en: "Already held" },
  aboveRiskTolerance: {
    "zh-CN": "产品风险等级高于客户风险承受能力",
    en: "Product risk above the customer's risk tolerance",
  },
  noRiskAssessment: { "zh-CN": "客户未做风险测评", en: "No risk assessment on file" },
  riskAssessmentExpired: { "zh-CN": "风险测评已过期", en: "Risk assessment has expired" },
  noMarketingConsent: { "zh-CN": "客户未同意营销", en: "No marketing consent" },
  dismissed: { "zh-CN": "客户近期已婉拒", en: "Turned down recently" },
  inProgress: { "zh-CN": "已有跟进中的销售线索或商机", en: "A lead or opportunity is already open" },
} as const satisfies Labels["offerExclusion"];
export const offerDismissalLabels = {
  not_interested: { "zh-CN": "不感兴趣", en: "Not interested" },
  held_elsewhere: { "zh-CN": "已在他行办理", en: "Has it with another bank" },
  not_now: { "zh-CN": "暂不需要", en: "Not now" },
  too_costly: { "zh-CN": "费用或门槛过高", en: "Too costly" },
  other: { "zh-CN": "其他原因", en: "Another reason" },
} as const satisfies Labels["offerDismissal"];
