/** The lead form's own words, in zh-CN and English (core keeps the domain's labels and validation messages). */
import { messageTable, type Label } from "@bankcrm/core";

export const MESSAGES = {
  leadFormTitle: { "zh-CN": "留下您的联系方式", en: "Leave your details" },
  leadFormTitleStaff: { "zh-CN": "录入商机线索", en: "Capture a lead" },
  leadName: { "zh-CN": "姓名", en: "Name" },
  leadMobile: { "zh-CN": "手机号码", en: "Mobile number" },
  leadProductInterest: { "zh-CN": "感兴趣的产品", en: "Product of interest" },
  leadExpectedAmount: { "zh-CN": "意向金额（元）", en: "Amount in mind (CNY)" },
  leadContactTime: { "zh-CN": "方便联系的时间", en: "Best time to call" },
  leadNotes: { "zh-CN": "备注", en: "Notes" },
  consentDefault: {
    "zh-CN": "我同意贵行就本次咨询通过电话或短信与我联系。所填信息仅用于处理本次咨询，不会用于其他用途。",
    en: "I agree that the bank may call or text me about this enquiry. My details are used for this enquiry only.",
  },
  consentVersionNote: { "zh-CN": "同意书版本 {version}", en: "Consent text version {version}" },
  leadSubmit: { "zh-CN": "提交", en: "Submit" },
  leadSubmitting: { "zh-CN": "正在提交…", en: "Submitting…" },
  leadFixErrors: { "zh-CN": "请修正标出的 {count} 处问题", en: "Please correct the {count} marked problem(s)" },
  leadSaved: { "zh-CN": "已提交，我们会尽快与您联系", en: "Sent — we will be in touch soon" },
  leadSavedStaff: { "zh-CN": "线索已保存", en: "Lead saved" },
  leadQueued: {
    "zh-CN": "当前离线：线索已保存在本机，联网后自动发送",
    en: "Offline: the lead is saved on this device and will be sent when online",
  },
  leadFailed: { "zh-CN": "提交失败：{reason}", en: "Could not send it: {reason}" },
  leadConflict: { "zh-CN": "提交冲突：{reason}", en: "Conflict: {reason}" },
} as const satisfies Record<string, Label>;

export type LeadFormMessageKey = keyof typeof MESSAGES;
const TABLE = /* @__PURE__ */ messageTable<LeadFormMessageKey>(MESSAGES);
/** A message in a locale, with `{name}` placeholders filled from `params`. */
export const leadFormMessage = TABLE.text;
export const leadFormMessageKeys = TABLE.keys;
/** The table itself (for the completeness test). */
export const messages = MESSAGES;
