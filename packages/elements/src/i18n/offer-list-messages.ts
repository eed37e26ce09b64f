/** What the offer list says, in zh-CN and English (with the shared words of work-messages.ts, then core's messages). */
import type { Label } from "@bankcrm/core";
import { speaker } from "./speak.js";
import { WORK_MESSAGES } from "./work-messages.js";

export const OFFER_LIST_MESSAGES = {
  offerListTitle: { "zh-CN": "推荐产品", en: "Suggested offers" },
  offerListEmpty: { "zh-CN": "暂无适合该客户的推荐", en: "No suitable offer for this customer" },
  offerGeneral: {
    "zh-CN": "客户未同意基于个人信息的推荐：以下为本行通用推荐，未使用其数据",
    en: "The customer has not agreed to recommendations from their data: the bank's general list, chosen without it",
  },
  offerNoConsent: {
    "zh-CN": "客户未同意接收营销信息，不做任何推荐",
    en: "The customer has not agreed to marketing: nothing is offered",
  },
  offerRule: {
    "zh-CN": "持有{antecedent}的客户中，{confidence}也持有{product}（提升度 {lift}）",
    en: "{confidence} of customers holding {antecedent} also hold {product} (lift {lift})",
  },
  offerRuleAlone: {
    "zh-CN": "{confidence}的客户持有{product}",
    en: "{confidence} of customers hold {product}",
  },
  offerSuitable: {
    "zh-CN": "产品风险等级 {risk}，在客户风险承受能力 {tolerance} 之内",
    en: "Product risk {risk}, within the customer's tolerance {tolerance}",
  },
  offerFeatured: { "zh-CN": "本行通用推荐", en: "On the bank's general list" },
  offerActions: { "zh-CN": "“{product}”的操作", en: "Actions for “{product}”" },
  offerToLead: { "zh-CN": "转为销售线索", en: "Make a lead" },
  offerToTask: { "zh-CN": "建跟进任务", en: "Add a follow-up task" },
  offerDismiss: { "zh-CN": "客户婉拒", en: "Turned down" },
  offerDismissReason: { "zh-CN": "婉拒原因", en: "Why turned down" },
  offerTaskTitle: { "zh-CN": "跟进推荐产品：{product}", en: "Follow up the offer: {product}" },
  offerLeadSaved: { "zh-CN": "已转为销售线索", en: "Lead created" },
  offerTaskSaved: { "zh-CN": "已建跟进任务", en: "Follow-up task added" },
  offerDismissSaved: { "zh-CN": "已记录婉拒原因", en: "Turned down, reason recorded" },
  offerExcluded: { "zh-CN": "未推荐的产品（{count}）", en: "Not offered ({count})" },
} as const satisfies Record<string, Label>;
export const messages = OFFER_LIST_MESSAGES;
export type OfferListMessageKey = keyof typeof OFFER_LIST_MESSAGES;

/** A message of the offer list in a locale, with `{name}` placeholders filled from `params`. */
export const say = /* @__PURE__ */ speaker(OFFER_LIST_MESSAGES, WORK_MESSAGES);
