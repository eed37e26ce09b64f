/** What the relationship group says, in zh-CN and English. */
import type { Label } from "@bankcrm/core";
import { speaker } from "./speak.js";

export const RELATIONSHIP_GROUP_MESSAGES = {
  groupAum: { "zh-CN": "合计资产（AUM）", en: "Combined AUM" },
  groupExposure: { "zh-CN": "合计授信敞口", en: "Credit exposure" },
  groupContribution: { "zh-CN": "合计年度贡献", en: "Combined annual contribution" },
  groupMembers: { "zh-CN": "成员", en: "Members" },
  groupMember: { "zh-CN": "客户", en: "Customer" },
  groupRole: { "zh-CN": "关系", en: "Role" },
  groupShare: { "zh-CN": "持股 {share}", en: "{share} held" },
  groupMissing: {
    "zh-CN": "另有 {count} 位成员未显示（不在您的客户范围内），未计入合计",
    en: "{count} more member(s) not shown (outside your book) and not in the totals",
  },
  groupMasked: { "zh-CN": "当前角色不显示金额", en: "Amounts are not shown to your role" },
  groupEmpty: { "zh-CN": "该客户不属于任何家庭或集团", en: "Not part of a household or group" },
  groupLoading: { "zh-CN": "正在读取关系群…", en: "Reading the group…" },
} as const satisfies Record<string, Label>;
export const messages = RELATIONSHIP_GROUP_MESSAGES;
export type RelationshipGroupMessageKey = keyof typeof RELATIONSHIP_GROUP_MESSAGES;

/** A message of the relationship group in a locale, with `{name}` placeholders filled from `params`. */
export const valueMessage = /* @__PURE__ */ speaker(RELATIONSHIP_GROUP_MESSAGES);
