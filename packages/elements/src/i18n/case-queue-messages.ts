/** What the case queue says, in zh-CN and English (with the shared words of work-messages.ts, then core's messages). */
import type { Label } from "@bankcrm/core";
import { speaker } from "./speak.js";
import { WORK_MESSAGES } from "./work-messages.js";

export const CASE_QUEUE_MESSAGES = {
  caseQueueTitle: { "zh-CN": "工单队列", en: "Case queue" },
  caseQueueEmpty: { "zh-CN": "没有工单", en: "No cases" },
  slaOverdue: { "zh-CN": "已超时", en: "Overdue" },
  slaDueSoon: { "zh-CN": "即将到期", en: "Due soon" },
  slaOnTime: { "zh-CN": "时限内", en: "On time" },
  slaResolved: { "zh-CN": "已办结", en: "Resolved" },
  slaDaysLeft: { "zh-CN": "剩 {days} 个工作日", en: "{days} working day(s) left" },
  slaDaysOver: { "zh-CN": "超时 {days} 个工作日", en: "{days} working day(s) overdue" },
  slaMet: { "zh-CN": "按时办结", en: "Resolved on time" },
  slaMissed: { "zh-CN": "超时办结", en: "Resolved late" },
  slaRegulatory: {
    "zh-CN": "监管投诉时限（自然日，早于本行时限）",
    en: "Regulatory complaint limit (calendar days, before the bank's own)",
  },
  caseActions: { "zh-CN": "工单“{subject}”的操作", en: "Actions for case “{subject}”" },
  caseAssign: { "zh-CN": "分派", en: "Assign" },
  caseEscalate: { "zh-CN": "升级", en: "Escalate" },
  caseExtend: { "zh-CN": "延长监管时限", en: "Extend the regulatory limit" },
  caseExtendReason: { "zh-CN": "延长原因（复杂投诉）", en: "Why extend (a complex complaint)" },
  caseEscalateReason: { "zh-CN": "升级原因", en: "Why escalate" },
  caseResolve: { "zh-CN": "办结", en: "Resolve" },
  caseResolution: { "zh-CN": "处理结果", en: "Resolution" },
  caseResolutionCode: { "zh-CN": "结果类别", en: "Outcome" },
  caseReopen: { "zh-CN": "重新打开", en: "Reopen" },
  caseReopenReason: { "zh-CN": "重开原因", en: "Why reopen" },
  caseStart: { "zh-CN": "开始处理", en: "Start" },
  caseChanged: { "zh-CN": "工单已更新", en: "Case updated" },
  caseEscalated: { "zh-CN": "已升级 {level} 次", en: "Escalated {level}×" },
} as const satisfies Record<string, Label>;
export const messages = CASE_QUEUE_MESSAGES;
export type CaseQueueMessageKey = keyof typeof CASE_QUEUE_MESSAGES;

/** A message of the case queue in a locale, with `{name}` placeholders filled from `params`. */
export const sayService = /* @__PURE__ */ speaker(CASE_QUEUE_MESSAGES, WORK_MESSAGES);
