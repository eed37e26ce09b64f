/**
 * What the service elements say (cases, surveys, customer details), in zh-CN
 * and English — a table of its own, so the sales elements do not carry it.
 */
import { messageTable, type Label } from "./locale.js";

const SERVICE_MESSAGES = {
  caseFormTitle: { "zh-CN": "受理客户诉求", en: "Take in a case" },
  caseType: { "zh-CN": "诉求类型", en: "Type" },
  caseCategory: { "zh-CN": "业务类别", en: "About" },
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
  caseDueEstimated: {
    "zh-CN": "（超出节假日表的年份，仅按周末计算）",
    en: "(beyond the holiday table: weekends only)",
  },
  caseSameOpen: {
    "zh-CN": "该客户已有 {count} 个未结的同类工单：{subjects}",
    en: "This customer already has {count} open case(s) of this kind: {subjects}",
  },
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
  caseActions: { "zh-CN": "工单“{subject}”的操作", en: "Actions for case “{subject}”" },
  caseAssign: { "zh-CN": "分派", en: "Assign" },
  caseEscalate: { "zh-CN": "升级", en: "Escalate" },
  caseEscalateReason: { "zh-CN": "升级原因", en: "Why escalate" },
  caseResolve: { "zh-CN": "办结", en: "Resolve" },
  caseResolution: { "zh-CN": "处理结果", en: "Resolution" },
  caseResolutionCode: { "zh-CN": "结果类别", en: "Outcome" },
  caseReopen: { "zh-CN": "重新打开", en: "Reopen" },
  caseReopenReason: { "zh-CN": "重开原因", en: "Why reopen" },
  caseStart: { "zh-CN": "开始处理", en: "Start" },
  caseChanged: { "zh-CN": "工单已更新", en: "Case updated" },
  caseEscalated: { "zh-CN": "已升级 {level} 次", en: "Escalated {level}×" },
  surveyTitle: { "zh-CN": "请为本次服务评分", en: "How did we do?" },
  surveyCase: { "zh-CN": "关于：{subject}", en: "About: {subject}" },
  surveyRating: { "zh-CN": "满意度（1 分最差，5 分最好）", en: "Satisfaction (1 worst, 5 best)" },
  surveyStars: { "zh-CN": "{n} 分", en: "{n} of 5" },
  surveyComment: { "zh-CN": "意见或建议", en: "Comment" },
  surveySubmit: { "zh-CN": "提交评价", en: "Send" },
  surveyThanks: { "zh-CN": "感谢您的评价", en: "Thank you for your rating" },
  surveyNotResolved: { "zh-CN": "工单办结后才能评价", en: "A case can be rated once it is resolved" },
  surveyAlready: { "zh-CN": "已评价：{n} 分", en: "Already rated: {n} of 5" },
  surveySummary: {
    "zh-CN": "满意度 {csat}（{responses} 份评价，回复率 {rate}）",
    en: "CSAT {csat} ({responses} ratings, {rate} response rate)",
  },
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

export type ServiceMessageKey = keyof typeof SERVICE_MESSAGES;

const SERVICE_MESSAGES_TABLE = /* @__PURE__ */ messageTable<ServiceMessageKey>(SERVICE_MESSAGES);
/** A service message in a locale, with `{name}` placeholders filled from `params`. */
export const serviceMessage = SERVICE_MESSAGES_TABLE.text;
export const serviceMessageKeys = SERVICE_MESSAGES_TABLE.keys;
