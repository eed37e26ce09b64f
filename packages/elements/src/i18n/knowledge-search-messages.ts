/** What the knowledge search says, in zh-CN and English (with the shared words of work-messages.ts, then core's messages). */
import type { Label } from "@bankcrm/core";
import { speaker } from "./speak.js";
import { WORK_MESSAGES } from "./work-messages.js";

export const KNOWLEDGE_SEARCH_MESSAGES = {
  knowledgeTitle: { "zh-CN": "知识库", en: "Knowledge base" },
  knowledgeSearch: { "zh-CN": "搜索话术、常见问题和异议处理", en: "Search scripts, FAQs and objection answers" },
  knowledgeKind: { "zh-CN": "类型", en: "Kind" },
  knowledgeAllKinds: { "zh-CN": "全部类型", en: "All kinds" },
  knowledgePrompt: {
    "zh-CN": "输入关键词，例如“提前还款”或“收益”",
    en: "Type a few words, such as “prepayment” or “fee”",
  },
  knowledgeForProduct: { "zh-CN": "{product}的相关内容", en: "About {product}" },
  knowledgeNone: {
    "zh-CN": "没有找到包含“{query}”的已发布内容，换个说法试试",
    en: "Nothing published mentions “{query}”: try other words",
  },
  knowledgeFound: { "zh-CN": "找到 {count} 条", en: "{count} found" },
  knowledgeProducts: { "zh-CN": "适用产品", en: "Products" },
  knowledgeWrittenIn: { "zh-CN": "语言：{language}", en: "Language: {language}" },
} as const satisfies Record<string, Label>;
export const messages = KNOWLEDGE_SEARCH_MESSAGES;
export type KnowledgeSearchMessageKey = keyof typeof KNOWLEDGE_SEARCH_MESSAGES;

/** A message of the knowledge search in a locale, with `{name}` placeholders filled from `params`. */
export const say = /* @__PURE__ */ speaker(KNOWLEDGE_SEARCH_MESSAGES, WORK_MESSAGES);
