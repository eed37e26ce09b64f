/** What the target progress says, in zh-CN and English (with the shared words of work-messages.ts, then core's messages). */
import type { Label } from "@bankcrm/core";
import { speaker } from "./speak.js";
import { WORK_MESSAGES } from "./work-messages.js";

export const TARGET_PROGRESS_MESSAGES = {
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
export const messages = TARGET_PROGRESS_MESSAGES;
export type TargetProgressMessageKey = keyof typeof TARGET_PROGRESS_MESSAGES;

/** A message of the target progress in a locale, with `{name}` placeholders filled from `params`. */
export const say = /* @__PURE__ */ speaker(TARGET_PROGRESS_MESSAGES, WORK_MESSAGES);
