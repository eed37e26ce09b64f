/** What the case form says, in zh-CN and English (with the shared words of work-messages.ts, then core's messages). */
import type { Label } from "@bankcrm/core";
import { speaker } from "./speak.js";
import { WORK_MESSAGES } from "./work-messages.js";

export const CASE_FORM_MESSAGES = {
  caseFormTitle: { "zh-CN": "受理客户诉求", en: "Take in a case" },
  caseType: { "zh-CN": "诉求类型", en: "Type" },
  caseCategory: { "zh-CN": "业务类别", en: "About" },
  casePrivacyRight: { "zh-CN": "请求事项", en: "The right asked for" },
  caseChannel: { "zh-CN": "受理渠道", en: "Channel" },
  casePriority: { "zh-CN": "紧急程度", en: "Priority" },
  caseSubject: { "zh-CN": "主题", en: "Subject" },
  caseDescription: { "zh-CN": "详细描述", en: "Description" },
  caseSubmit: { "zh-CN": "提交工单", en: "Open the case" },
  caseOpened: { "zh-CN": "工单已受理，办结时限 {due}", en: "Case opened; due {due}" },
  caseDuePreview: {
    "zh-CN": "办结时限：{due}（{days} 个工作日）",
    en: "Due {due} ({days} working days)",
  },
  caseRegulatoryDue: {
    "zh-CN": "监管时限：{due}（自受理起 {days} 日）",
    en: "Regulatory limit {due} ({days} calendar days from receipt)",
  },
  caseDueEstimated: {
    "zh-CN": "（超出节假日表的年份，仅按周末计算）",
    en: "(beyond the holiday table: weekends only)",
  },
  caseSameOpen: {
    "zh-CN": "该客户已有 {count} 个未结的同类工单：{subjects}",
    en: "This customer already has {count} open case(s) of this kind: {subjects}",
  },
} as const satisfies Record<string, Label>;
export const messages = CASE_FORM_MESSAGES;
export type CaseFormMessageKey = keyof typeof CASE_FORM_MESSAGES;

/** A message of the case form in a locale, with `{name}` placeholders filled from `params`. */
export const sayService = /* @__PURE__ */ speaker(CASE_FORM_MESSAGES, WORK_MESSAGES);
