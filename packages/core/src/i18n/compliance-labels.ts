/** The words of KYC and of a person's rights over their personal information (compliance/). */
import type { Labels } from "./labels.js";

export const amlRiskRatingLabels = {
  low: { "zh-CN": "低风险", en: "Low risk" },
  medium: { "zh-CN": "中风险", en: "Medium risk" },
  high: { "zh-CN": "高风险", en: "High risk" },
} as const satisfies Labels["amlRiskRating"];
export const privacyRightLabels = {
  access: { "zh-CN": "查阅", en: "Access" },
  copy: { "zh-CN": "复制（获取副本）", en: "A copy" },
  correction: { "zh-CN": "更正、补充", en: "Correction" },
  deletion: { "zh-CN": "删除", en: "Deletion" },
} as const satisfies Labels["privacyRight"];
