/**
 * A knowledge-base article (营销知识管理): a product script, a question customers ask with its answer, or how to
 * answer an objection — what relationship managers and call-centre agents search while they work. Written by
 * marketing as a draft, published by a second person (four eyes: a script says what the bank promises), retired when
 * out of date. Only what people wrote: nothing here is generated. Searched on the words people type (text/search.ts).
 */
import * as z from "zod";
import { rejectC3 } from "../privacy/c3.js";
import { C1, defineRecord } from "../privacy/sensitivity.js";
import { IdSchema, IsoDateTimeSchema, TagsSchema, text } from "./common.js";
import { ProductTypeSchema } from "./enums.js";
import { KNOWLEDGE_KINDS, KNOWLEDGE_STATUSES } from "../vocabulary.js";
import { historyClasses, historyFields, writeMetadataClasses, writeMetadataFields } from "./write-metadata.js";

export const KnowledgeArticleFields = defineRecord(
  "KnowledgeArticle",
  {
    id: IdSchema,
    kind: z.enum(KNOWLEDGE_KINDS),
    /** The language it is written in: an agent answering in English finds the English script. */
    locale: z.enum(["zh-CN", "en"]),
    title: text(200),
    /** The script, the answer or the reply, as written: shown as text, line breaks kept. */
    body: text(8000),
    /** The products it is about (the offer list and the desk show a product's scripts). */
    productTypes: z.array(ProductTypeSchema).max(30).optional(),
    tags: TagsSchema.optional(),
    status: z.enum(KNOWLEDGE_STATUSES),
    createdBy: IdSchema.optional(),
    createdAt: IsoDateTimeSchema.optional(),
    /** Who published it and when (the publish transition's effect). */
    publishedBy: IdSchema.optional(),
    publishedAt: IsoDateTimeSchema.optional(),
    ...writeMetadataFields,
    ...historyFields,
  },
  {
    id: C1,
    kind: C1,
    locale: C1,
    title: C1,
    body: C1,
    productTypes: C1,
    tags: C1,
    status: C1,
    createdBy: C1,
    createdAt: C1,
    publishedBy: C1,
    publishedAt: C1,
    ...writeMetadataClasses,
    ...historyClasses,
  },
);
export const KnowledgeArticleSchema = rejectC3(KnowledgeArticleFields);
export type KnowledgeArticle = z.infer<typeof KnowledgeArticleSchema>;

/** What a search reads, and how much each field counts: the title most, then tags and products, then the body. */
export const KNOWLEDGE_SEARCH_FIELDS = [
  { field: "title", weight: "A" },
  { field: "tags", weight: "B" },
  { field: "body", weight: "C" },
] as const;
