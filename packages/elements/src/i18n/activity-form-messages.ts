/** What the activity form says, in zh-CN and English (with the shared words of work-messages.ts, then core's messages). */
import type { Label } from "@bankcrm/core";
import { speaker } from "./speak.js";
import { WORK_MESSAGES } from "./work-messages.js";

export const ACTIVITY_FORM_MESSAGES = {
  readOnlyRole: { "zh-CN": "当前角色只能查看", en: "Your role can only view this" },
  activityTitle: { "zh-CN": "记录客户接触", en: "Log a contact" },
  activityKind: { "zh-CN": "接触方式", en: "How" },
  activityCall: { "zh-CN": "电话", en: "Call" },
  activityVisit: { "zh-CN": "上门拜访", en: "Visit" },
  activityMeeting: { "zh-CN": "网点面谈", en: "Meeting at the branch" },
  activityWechat: { "zh-CN": "微信", en: "WeChat" },
  activitySms: { "zh-CN": "短信", en: "SMS" },
  activityOutcome: { "zh-CN": "结果", en: "Outcome" },
  activitySummary: { "zh-CN": "内容摘要", en: "Summary" },
  activityNextStep: { "zh-CN": "下一步", en: "Next step" },
  activityConfidential: {
    "zh-CN": "私密记录（仅客户经理、行长、审计可见）",
    en: "Confidential (RM, branch manager and auditor only)",
  },
  activityFollowUp: { "zh-CN": "同时创建跟进任务", en: "Also create a follow-up task" },
  activityFollowUpDue: { "zh-CN": "跟进日期", en: "Follow up on" },
  activitySave: { "zh-CN": "保存记录", en: "Save contact" },
  activitySaved: { "zh-CN": "接触记录已保存", en: "Contact saved" },
  activitySavedWithTask: { "zh-CN": "接触记录和跟进任务已保存", en: "Contact and follow-up task saved" },
} as const satisfies Record<string, Label>;
export const messages = ACTIVITY_FORM_MESSAGES;
export type ActivityFormMessageKey = keyof typeof ACTIVITY_FORM_MESSAGES;

/** A message of the activity form in a locale, with `{name}` placeholders filled from `params`. */
export const say = /* @__PURE__ */ speaker(ACTIVITY_FORM_MESSAGES, WORK_MESSAGES);
