/** The customer card, value badge and tier badge's own words, in zh-CN and English (core keeps the domain's labels and validation messages). */
import { messageTable, type Label } from "@bankcrm/core";

export const MESSAGES = {
  tierUnknown: { "zh-CN": "等级未知", en: "Tier unknown" },
  notScored: { "zh-CN": "暂无价值评分", en: "Not scored yet" },
  explainScore: { "zh-CN": "评分说明", en: "Why this score" },
  hideExplanation: { "zh-CN": "收起说明", en: "Hide explanation" },
  points: { "zh-CN": "{points} 分", en: "{points} pts" },
  revealLabel: { "zh-CN": "显示完整{field}", en: "Show the full {field}" },
  revealFailed: { "zh-CN": "无法显示：{reason}", en: "Could not show it: {reason}" },
  offlineNoReveal: { "zh-CN": "离线时不能查看完整信息", en: "Full details cannot be shown offline" },
  noCustomer: { "zh-CN": "未选择客户", en: "No customer selected" },
  mobileLabel: { "zh-CN": "手机", en: "Mobile" },
  idLabel: { "zh-CN": "证件号", en: "ID number" },
  usccLabel: { "zh-CN": "统一社会信用代码", en: "Unified social credit code" },
  relationshipManager: { "zh-CN": "客户经理", en: "Relationship manager" },
  branchLabel: { "zh-CN": "网点", en: "Branch" },
  aumLabel: { "zh-CN": "资产（AUM）", en: "AUM" },
  contributionLabel: { "zh-CN": "年度贡献", en: "Annual contribution" },
  productCountLabel: { "zh-CN": "持有产品", en: "Products held" },
  loyaltyPointsLabel: { "zh-CN": "积分", en: "Loyalty points" },
  contactPersonsLabel: { "zh-CN": "联系人", en: "Contact persons" },
  primaryContact: { "zh-CN": "首选联系人", en: "called first" },
  pointsExpiring: { "zh-CN": "{points} 分将于 {date} 到期", en: "{points} expire on {date}" },
  creditLineLabel: { "zh-CN": "授信额度", en: "Credit line" },
  creditLineUsed: { "zh-CN": "已用 {used}（{share}）", en: "{used} used ({share})" },
  tagsLabel: { "zh-CN": "标签", en: "Tags" },
} as const satisfies Record<string, Label>;

export type CardMessageKey = keyof typeof MESSAGES;
const TABLE = /* @__PURE__ */ messageTable<CardMessageKey>(MESSAGES);
/** A message in a locale, with `{name}` placeholders filled from `params`. */
export const cardMessage = TABLE.text;
export const cardMessageKeys = TABLE.keys;
/** The table itself (for the completeness test). */
export const messages = MESSAGES;
