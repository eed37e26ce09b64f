/** The desk's own UI text, in zh-CN and English (core's message-table lookup). */
import { messageTable, type Label } from "@bankcrm/core";

const TEXT = {
  title: { "zh-CN": "bankcrm 客服坐席", en: "bankcrm call-centre desk" },
  agent: { "zh-CN": "坐席：{name}", en: "Agent: {name}" },
  demoDay: { "zh-CN": "演示日期 {day}", en: "demo day {day}" },
  switchLocale: { "zh-CN": "English", en: "中文" },
  opening: { "zh-CN": "正在准备演示客户：{done} / {total}", en: "Preparing demo customers: {done} / {total}" },
  findCaller: { "zh-CN": "查找来电客户", en: "Find the caller" },
  figuresTitle: { "zh-CN": "本月来电", en: "This month's calls" },
  figuresVersus: { "zh-CN": "较上月", en: "vs last month" },
  figuresCalls: { "zh-CN": "来电数", en: "Calls" },
  figuresHandling: { "zh-CN": "平均处理时长（分钟）", en: "Mean handling time (min)" },
  figuresFcr: { "zh-CN": "首次来电解决率", en: "First-contact resolution" },
  figuresRepeat: { "zh-CN": "7 天内重复来电客户", en: "Repeat callers (within 7 days)" },
  figuresReasons: { "zh-CN": "来电原因（工单类别）", en: "Why people called (case category)" },
  figuresNoCase: { "zh-CN": "未建工单", en: "No case" },
  figuresQueues: { "zh-CN": "来电工单超时限（按队列）", en: "Call cases past their limit, by queue" },
  figuresQueue: { "zh-CN": "队列", en: "Queue" },
  figuresCases: { "zh-CN": "工单", en: "Cases" },
  figuresBreached: { "zh-CN": "超时限", en: "Past limit" },
  findBy: { "zh-CN": "手机号、银行卡号，或手机号/证件号后四位", en: "Mobile, bank card, or last four of mobile or ID" },
  search: { "zh-CN": "查找", en: "Find" },
  noCandidates: { "zh-CN": "没有找到客户", en: "No customer found" },
  candidates: {
    "zh-CN": "找到 {count} 位客户（已脱敏），请选择后核实身份",
    en: "{count} customer(s) found (masked): pick one, then verify",
  },
  verify: { "zh-CN": "核实身份：{name}", en: "Verify: {name}" },
  verifyAskPerson: {
    "zh-CN": "请客户说出出生日期（YYYY-MM-DD）和证件号后四位",
    en: "Ask for the date of birth (YYYY-MM-DD) and the last four of the ID",
  },
  verifyAskCompany: {
    "zh-CN": "请客户说出统一社会信用代码前四位和后四位",
    en: "Ask for the first and last four of the credit code",
  },
  birthDate: { "zh-CN": "出生日期", en: "Date of birth" },
  usccFirst4: { "zh-CN": "信用代码前四位", en: "Credit code, first four" },
  idLast4: { "zh-CN": "证件号后四位", en: "ID, last four" },
  verifyButton: { "zh-CN": "核实", en: "Verify" },
  verifyFailed: { "zh-CN": "核实未通过，还可尝试 {left} 次", en: "Not verified; {left} attempt(s) left" },
  verifyLocked: {
    "zh-CN": "多次核实未通过，已锁定至 {until}：请结束通话并按流程处理",
    en: "Not verified too many times, locked until {until}: end the call and follow the procedure",
  },
  notThisCaller: { "zh-CN": "不是这位客户", en: "Not this caller" },
  onCall: { "zh-CN": "通话中：{name}", en: "On the call: {name}" },
  endCall: { "zh-CN": "结束通话", en: "End the call" },
  revealReason: { "zh-CN": "客服来电核实后查看", en: "Viewed on a verified call" },
  survey: { "zh-CN": "满意度回访", en: "Satisfaction" },
  surveyAfterResolve: { "zh-CN": "办结工单后在此请客户评分", en: "Once a case is resolved, ask for the rating here" },
  timeline: { "zh-CN": "客户时间线", en: "Timeline" },
} as const satisfies Record<string, Label>;

export type TextKey = keyof typeof TEXT;

export const text = messageTable<TextKey>(TEXT).text;
