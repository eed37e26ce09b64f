/**
 * What the sales elements say (tasks, contacts, pipeline, leads, targets), in
 * zh-CN and English — a table of its own, so a page embedding only the lead form
 * or the timeline does not carry it.
 */
import { fillLabel, type Label, type Locale } from "./locale.js";

const SALES_MESSAGES = {
  noClient: { "zh-CN": "未连接数据服务", en: "Not connected to a data service" },
  readOnlyRole: { "zh-CN": "当前角色只能查看", en: "Your role can only view this" },
  fixErrors: { "zh-CN": "请修正标出的 {count} 处问题", en: "Please correct the {count} marked problem(s)" },
  confirm: { "zh-CN": "确定", en: "Confirm" },
  cancel: { "zh-CN": "取消", en: "Cancel" },
  writeQueued: {
    "zh-CN": "当前离线：已保存在本机，联网后自动发送",
    en: "Offline: saved on this device and sent when online",
  },
  writeFailed: { "zh-CN": "未能保存：{reason}", en: "Not saved: {reason}" },
  writeConflict: { "zh-CN": "保存冲突：{reason}", en: "Conflict: {reason}" },
  tasksTitle: { "zh-CN": "我的任务", en: "My tasks" },
  tasksOverdue: { "zh-CN": "已逾期", en: "Overdue" },
  tasksToday: { "zh-CN": "今天", en: "Today" },
  tasksUpcoming: { "zh-CN": "即将到期", en: "Upcoming" },
  tasksCare: { "zh-CN": "客户关怀建议", en: "Customer care suggestions" },
  tasksNone: { "zh-CN": "没有待办任务", en: "No open tasks" },
  taskActions: { "zh-CN": "任务“{title}”的操作", en: "Actions for task “{title}”" },
  taskComplete: { "zh-CN": "完成", en: "Complete" },
  taskCompleted: { "zh-CN": "任务已完成", en: "Task completed" },
  taskSnooze: { "zh-CN": "延后", en: "Snooze" },
  taskSnoozeBy: { "zh-CN": "延后多久", en: "Snooze for" },
  taskSnoozeDays: { "zh-CN": "{days} 天", en: "{days} day(s)" },
  taskSnoozed: { "zh-CN": "任务已延后", en: "Task snoozed" },
  taskAddCare: { "zh-CN": "加入任务", en: "Add as a task" },
  taskNew: { "zh-CN": "新建任务", en: "New task" },
  taskTitle: { "zh-CN": "任务内容", en: "Task" },
  taskDue: { "zh-CN": "截止日期", en: "Due on" },
  taskType: { "zh-CN": "类型", en: "Type" },
  taskPriority: { "zh-CN": "优先级", en: "Priority" },
  taskCreate: { "zh-CN": "添加任务", en: "Add task" },
  taskCreated: { "zh-CN": "任务已添加", en: "Task added" },
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
  pipelineTitle: { "zh-CN": "销售漏斗", en: "Pipeline" },
  pipelineBoard: { "zh-CN": "按阶段排列的商机", en: "Opportunities by stage" },
  pipelineTotal: { "zh-CN": "进行中", en: "Open" },
  pipelineMonth: { "zh-CN": "本月预计成交", en: "Closing this month" },
  pipelineQuarter: { "zh-CN": "本季度预计成交", en: "Closing this quarter" },
  pipelinePastClose: { "zh-CN": "已过预计成交日", en: "Past their close date" },
  pipelineFigures: {
    "zh-CN": "{count} 个 · {amount} · 加权 {weighted}",
    en: "{count} · {amount} · weighted {weighted}",
  },
  pipelineLate: { "zh-CN": "预计 {date} 成交，已过 {days} 天", en: "Was to close {date}, {days} days ago" },
  pipelineCloses: { "zh-CN": "成交日 {date}", en: "Closes {date}" },
  pipelineKeys: {
    "zh-CN": "左右方向键移到前后阶段，回车选择阶段（含赢单、输单），上下方向键切换商机，也可拖动卡片。",
    en: "Left and right arrows move to the previous or next stage; Enter chooses any stage, won or lost; up and down arrows go between cards; cards can also be dragged.",
  },
  pipelineMoveTo: { "zh-CN": "将“{title}”移至", en: "Move “{title}” to" },
  pipelineWinTitle: { "zh-CN": "“{title}”赢单", en: "“{title}” won" },
  pipelineLoseTitle: { "zh-CN": "“{title}”输单", en: "“{title}” lost" },
  pipelineWonAmount: { "zh-CN": "成交金额（元）", en: "Amount won (CNY)" },
  pipelineLostReason: { "zh-CN": "输单原因", en: "Why it was lost" },
  pipelineMoved: { "zh-CN": "“{title}”已移至{stage}", en: "“{title}” moved to {stage}" },
  pipelineMoveRefused: {
    "zh-CN": "“{title}”未能移至{stage}，已恢复原位：{reason}",
    en: "“{title}” could not move to {stage} and is back where it was: {reason}",
  },
  pipelineEmpty: { "zh-CN": "没有销售机会", en: "No opportunities" },
  leadQueueTitle: { "zh-CN": "待跟进线索", en: "Leads to work" },
  leadQueueEmpty: { "zh-CN": "没有待跟进的线索", en: "No leads waiting" },
  leadsNew: { "zh-CN": "待首次联系", en: "Waiting for first contact" },
  leadsContacted: { "zh-CN": "已联系", en: "Contacted" },
  leadsQualified: { "zh-CN": "已确认意向", en: "Qualified" },
  leadClockLeft: { "zh-CN": "剩余 {hours} 小时 {minutes} 分", en: "{hours} h {minutes} min left" },
  leadClockOverdue: { "zh-CN": "已超时 {hours} 小时 {minutes} 分", en: "Overdue by {hours} h {minutes} min" },
  leadActions: { "zh-CN": "线索“{name}”的操作", en: "Actions for lead “{name}”" },
  leadAssign: { "zh-CN": "分配", en: "Assign" },
  leadAssignedTo: { "zh-CN": "负责人 {name}", en: "Assigned to {name}" },
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
  targetTitle: { "zh-CN": "业绩目标", en: "Targets" },
  targetTeamTitle: { "zh-CN": "团队业绩", en: "Team targets" },
  targetElapsed: { "zh-CN": "考核期已过 {elapsed}", en: "{elapsed} of the period gone" },
  targetAchieved: { "zh-CN": "已完成 {achieved} / 目标 {target}（{ratio}）", en: "{achieved} of {target} ({ratio})" },
  targetAhead: { "zh-CN": "按进度应完成 {expected}，超前 {gap}", en: "Even pace: {expected} by today; ahead by {gap}" },
  targetBehind: {
    "zh-CN": "按进度应完成 {expected}，落后 {gap}",
    en: "Even pace: {expected} by today; behind by {gap}",
  },
  targetBehindShort: { "zh-CN": "落后", en: "behind" },
  targetRanking: { "zh-CN": "按平均完成率排名", en: "Ranked by mean achievement" },
  targetRank: { "zh-CN": "名次", en: "Rank" },
  targetStaff: { "zh-CN": "客户经理", en: "Relationship manager" },
  targetScore: { "zh-CN": "平均完成率", en: "Mean achievement" },
  targetNone: { "zh-CN": "本期没有业绩目标", en: "No targets this period" },
} as const satisfies Record<string, Label>;

export type SalesMessageKey = keyof typeof SALES_MESSAGES;

/** A sales message in a locale, with `{name}` placeholders filled from `params`. */
export function salesMessage(
  key: SalesMessageKey,
  locale: Locale,
  params: Record<string, string | number> = {},
): string {
  return fillLabel(SALES_MESSAGES[key], locale, params);
}

export const salesMessageKeys = Object.keys(SALES_MESSAGES) as SalesMessageKey[];
export const salesMessageTable: Readonly<Record<SalesMessageKey, Label>> = SALES_MESSAGES;
