/** What the pipeline board says, in zh-CN and English (with the shared words of work-messages.ts, then core's messages). */
import type { Label } from "@bankcrm/core";
import { speaker } from "./speak.js";
import { WORK_MESSAGES } from "./work-messages.js";

export const PIPELINE_MESSAGES = {
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
  saleLegend: { "zh-CN": "适当性与双录", en: "Suitability and dual recording" },
  saleProductRisk: { "zh-CN": "产品风险等级", en: "Product risk level" },
  saleChooseRisk: { "zh-CN": "请选择", en: "Choose" },
  saleRecordingId: { "zh-CN": "双录编号", en: "Recording ID" },
  saleRecordedAt: { "zh-CN": "录制时间", en: "Recorded at" },
  saleRecordingPlace: { "zh-CN": "录制地点", en: "Where it was recorded" },
  saleRecordingOnFile: {
    "zh-CN": "已登记双录：{id}（{at}，{place}）",
    en: "Dual recording on file: {id} ({at}, {place})",
  },
  saleRecordingIncomplete: {
    "zh-CN": "请填写双录编号、录制时间和地点",
    en: "Give the recording's ID, time and place",
  },
  saleOverrideReason: {
    "zh-CN": "越权理由（将记入审计）",
    en: "Reason for overriding (kept in the audit)",
  },
} as const satisfies Record<string, Label>;
export const messages = PIPELINE_MESSAGES;
export type PipelineMessageKey = keyof typeof PIPELINE_MESSAGES;

/** A message of the pipeline board in a locale, with `{name}` placeholders filled from `params`. */
export const say = /* @__PURE__ */ speaker(PIPELINE_MESSAGES, WORK_MESSAGES);
