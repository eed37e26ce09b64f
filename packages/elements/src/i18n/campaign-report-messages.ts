/** What the campaign report says, in zh-CN and English (with the shared words of work-messages.ts, then core's messages). */
import type { Label } from "@bankcrm/core";
import { speaker } from "./speak.js";
import { WORK_MESSAGES } from "./work-messages.js";

export const CAMPAIGN_REPORT_MESSAGES = {
  reportTitle: { "zh-CN": "营销活动成效：{name}", en: "Campaign effect: {name}" },
  reportFunnel: { "zh-CN": "营销漏斗", en: "Funnel" },
  reportFunnelChart: {
    "zh-CN": "营销漏斗图：{summary}",
    en: "Funnel chart: {summary}",
  },
  reportStage: { "zh-CN": "环节", en: "Stage" },
  reportCount: { "zh-CN": "人数", en: "Customers" },
  reportRate: { "zh-CN": "比例", en: "Rate" },
  reportInterval: { "zh-CN": "95% 区间", en: "95% interval" },
  stageTargeted: { "zh-CN": "目标客户", en: "Targeted" },
  stageDelivered: { "zh-CN": "送达", en: "Delivered" },
  stageContacted: { "zh-CN": "触达", en: "Contacted" },
  stageResponded: { "zh-CN": "响应", en: "Responded" },
  stageConverted: { "zh-CN": "转化", en: "Converted" },
  reportUplift: {
    "zh-CN": "相对对照组转化率提升 {uplift} 个百分点（95% 区间 {low} ~ {high}），p = {p}",
    en: "Conversion {uplift} points above the control group (95% interval {low} to {high}), p = {p}",
  },
  reportSignificant: { "zh-CN": "差异显著（p < 0.05）", en: "A real difference (p < 0.05)" },
  reportNotSignificant: {
    "zh-CN": "差异不显著：可能只是偶然",
    en: "Not significant: it may be chance",
  },
  reportControl: {
    "zh-CN": "对照组 {size} 人，转化 {conversions} 人（{rate}）",
    en: "Control group: {conversions} of {size} converted ({rate})",
  },
  reportIncremental: {
    "zh-CN": "增量转化 {conversions} 人，增量收入 {revenue}",
    en: "{conversions} incremental conversions, {revenue} incremental revenue",
  },
  reportCost: {
    "zh-CN": "成本 {cost}，每次转化成本 {cpa}，ROI {roi}",
    en: "Cost {cost}, {cpa} per conversion, ROI {roi}",
  },
  reportChannels: { "zh-CN": "分渠道", en: "By channel" },
  reportChannel: { "zh-CN": "渠道", en: "Channel" },
  reportNone: { "zh-CN": "尚无成效数据", en: "No results yet" },
} as const satisfies Record<string, Label>;
export const messages = CAMPAIGN_REPORT_MESSAGES;
export type CampaignReportMessageKey = keyof typeof CAMPAIGN_REPORT_MESSAGES;

/** A message of the campaign report in a locale, with `{name}` placeholders filled from `params`. */
export const say = /* @__PURE__ */ speaker(CAMPAIGN_REPORT_MESSAGES, WORK_MESSAGES);
