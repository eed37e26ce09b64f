/** What the customer form says, in zh-CN and English (with the shared words of work-messages.ts, then core's messages). */
import type { Label } from "@bankcrm/core";
import { speaker } from "./speak.js";
import { WORK_MESSAGES } from "./work-messages.js";

export const CUSTOMER_FORM_MESSAGES = {
  customerFormTitle: { "zh-CN": "客户信息维护", en: "Customer details" },
  customerContact: { "zh-CN": "联系方式", en: "Contact details" },
  customerMobile: { "zh-CN": "手机号码", en: "Mobile" },
  customerEmail: { "zh-CN": "电子邮箱", en: "Email" },
  customerAddress: { "zh-CN": "联系地址", en: "Address" },
  customerRisk: { "zh-CN": "风险评估", en: "Risk assessment" },
  customerRiskLevel: { "zh-CN": "风险承受能力", en: "Risk tolerance" },
  customerRiskDate: { "zh-CN": "评估日期", en: "Assessed on" },
  customerConsents: { "zh-CN": "授权管理", en: "Consents" },
  customerGrant: { "zh-CN": "授权", en: "Grant" },
  customerWithdraw: { "zh-CN": "撤回", en: "Withdraw" },
  customerConsentState: { "zh-CN": "{purpose}授权状态：{state}", en: "{purpose}: {state}" },
  customerGranted: { "zh-CN": "已授权", en: "granted" },
  customerWithdrawn: { "zh-CN": "已撤回", en: "withdrawn" },
  customerNotAsked: { "zh-CN": "未授权", en: "not given" },
  customerReason: { "zh-CN": "变更原因", en: "Reason" },
  customerSave: { "zh-CN": "保存", en: "Save" },
  customerSaved: { "zh-CN": "已保存，变更已记录", en: "Saved; the change is kept" },
  customerHistory: { "zh-CN": "变更记录", en: "Change history" },
  customerNoHistory: { "zh-CN": "暂无变更记录", en: "No changes yet" },
} as const satisfies Record<string, Label>;
export const messages = CUSTOMER_FORM_MESSAGES;
export type CustomerFormMessageKey = keyof typeof CUSTOMER_FORM_MESSAGES;

/** A message of the customer form in a locale, with `{name}` placeholders filled from `params`. */
export const sayService = /* @__PURE__ */ speaker(CUSTOMER_FORM_MESSAGES, WORK_MESSAGES);
