/** The knowledge base's words (营销知识管理): what an article is and where it stands. */
import type { Labels } from "./labels.js";

export const knowledgeKindLabels = {
  script: { "zh-CN": "营销话术", en: "Product script" },
  faq: { "zh-CN": "常见问题", en: "FAQ" },
  objection: { "zh-CN": "异议处理", en: "Objection handling" },
} as const satisfies Labels["knowledgeKind"];
export const knowledgeStatusLabels = {
  draft: { "zh-CN": "草稿", en: "Draft" },
  published: { "zh-CN": "已发布", en: "Published" },
  retired: { "zh-CN": "已停用", en: "Retired" },
} as const satisfies Labels["knowledgeStatus"];
