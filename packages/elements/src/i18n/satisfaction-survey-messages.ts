/** What the satisfaction survey says, in zh-CN and English (with the shared words of work-messages.ts, then core's messages). */
import type { Label } from "@bankcrm/core";
import { speaker } from "./speak.js";
import { WORK_MESSAGES } from "./work-messages.js";

export const SATISFACTION_SURVEY_MESSAGES = {
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
} as const satisfies Record<string, Label>;
export const messages = SATISFACTION_SURVEY_MESSAGES;
export type SatisfactionSurveyMessageKey = keyof typeof SATISFACTION_SURVEY_MESSAGES;

/** A message of the satisfaction survey in a locale, with `{name}` placeholders filled from `params`. */
export const sayService = /* @__PURE__ */ speaker(SATISFACTION_SURVEY_MESSAGES, WORK_MESSAGES);
