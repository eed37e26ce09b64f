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
/** What an RFM segment means for the relationship manager: how the customer buys, and what to do. */
export const rfmMeaningLabels = {
  champions: {
    "zh-CN": "近期有交易、交易频繁、金额高：最有价值的客户，维护关系、优先服务",
    en: "Bought recently, often and for much: the best customers; look after them first",
  },
  loyal: {
    "zh-CN": "交易频繁、金额较高：稳定的忠诚客户，适合交叉销售",
    en: "Buy often and for a good amount: steady and loyal; right for cross-selling",
  },
  potential_loyalists: {
    "zh-CN": "近期有交易、频次和金额中等：可培养为忠诚客户",
    en: "Recent, with middling frequency and amounts: can be grown into loyal customers",
  },
  new: {
    "zh-CN": "刚有交易、次数还少：新客户，做好首次服务和产品介绍",
    en: "Bought very recently, but rarely so far: new; welcome them and introduce the products",
  },
  promising: {
    "zh-CN": "近期有交易但次数和金额少：有发展潜力",
    en: "Recent but few and small purchases: worth developing",
  },
  need_attention: {
    "zh-CN": "交易时间、频次和金额都居中：需要关注，避免滑向沉睡",
    en: "Middling on all three: needs attention before they drift away",
  },
  about_to_sleep: {
    "zh-CN": "一段时间未交易、频次和金额偏低：即将沉睡，适时联系",
    en: "Not for a while, and little: about to go quiet; get in touch",
  },
  at_risk: {
    "zh-CN": "曾经交易频繁、金额较高，但很久没有交易：有流失风险，尽快挽留",
    en: "Used to buy often and for much, but not for a long time: at risk; win them back soon",
  },
  cant_lose: {
    "zh-CN": "曾是最有价值的客户，但很久没有交易：重要挽留对象",
    en: "Were among the best, but not for a long time: must not be lost",
  },
  hibernating: {
    "zh-CN": "很久没有交易、频次和金额低：沉睡客户",
    en: "Long quiet, with few and small purchases: hibernating",
  },
  lost: {
    "zh-CN": "很久没有交易、次数最少、金额最低：基本流失",
    en: "Longest quiet, fewest and smallest purchases: lost",
  },
} as const satisfies Labels["rfmSegment"];
