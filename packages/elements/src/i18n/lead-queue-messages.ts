/** What the lead queue says, in zh-CN and English (with the shared words of work-messages.ts, then core's messages). */
import type { Label } from "@bankcrm/core";
import { speaker } from "./speak.js";
import { WORK_MESSAGES } from "./work-messages.js";

export const LEAD_QUEUE_MESSAGES = {
  leadQueueTitle: { "zh-CN": "待跟进线索", en: "Leads to work" },
  leadQueueEmpty: { "zh-CN": "没有待跟进的线索", en: "No leads waiting" },
  leadsNew: { "zh-CN": "待首次联系", en: "Waiting for first contact" },
  leadsContacted: { "zh-CN": "已联系", en: "Contacted" },
  leadsQualified: { "zh-CN": "已确认意向", en: "Qualified" },
  leadClockLeft: { "zh-CN": "剩余 {hours} 小时 {minutes} 分", en: "{hours} h {minutes} min left" },
  leadClockOverdue: { "zh-CN": "已超时 {hours} 小时 {minutes} 分", en: "Overdue by {hours} h {minutes} min" },
  leadActions: { "zh-CN": "线索“{name}”的操作", en: "Actions for lead “{name}”" },
  leadAssign: { "zh-CN": "分配", en: "Assign" },
  leadUnassigned: { "zh-CN": "未分配", en: "Unassigned" },
  leadContact: { "zh-CN": "已联系", en: "Contacted" },
  leadQualify: { "zh-CN": "确认意向", en: "Qualify" },
  leadConvert: { "zh-CN": "转为商机", en: "Convert to opportunity" },
  leadDisqualify: { "zh-CN": "判定无效", en: "Disqualify" },
  leadDisqualifyReason: { "zh-CN": "无效原因", en: "Why disqualified" },
  leadNeedsCustomer: {
    "zh-CN": "请先关联客户（开户或匹配已有客户）再转为商机",
    en: "Link a customer first (open an account or match an existing one)",
  },
  leadMatches: { "zh-CN": "手机号与 {count} 位已有客户相符：", en: "The mobile matches {count} existing customer(s):" },
  leadLinkTo: { "zh-CN": "关联 {name}", en: "Link to {name}" },
  leadChanged: { "zh-CN": "线索已更新", en: "Lead updated" },
} as const satisfies Record<string, Label>;
export const messages = LEAD_QUEUE_MESSAGES;
export type LeadQueueMessageKey = keyof typeof LEAD_QUEUE_MESSAGES;

/** A message of the lead queue in a locale, with `{name}` placeholders filled from `params`. */
export const say = /* @__PURE__ */ speaker(LEAD_QUEUE_MESSAGES, WORK_MESSAGES);
