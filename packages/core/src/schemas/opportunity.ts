/** A qualified sales opportunity moving through stages to won or lost. */
import * as z from "zod";
import { MoneySchema } from "../money/money-schema.js";
import { rejectC3 } from "../privacy/c3.js";
import { C1, C2, defineRecord } from "../privacy/sensitivity.js";
import { IdSchema, IsoDateSchema, IsoDateTimeSchema, text } from "./common.js";
import { OpportunityStageSchema, ProductTypeSchema } from "./enums.js";
import { historyClasses, historyFields, writeMetadataClasses, writeMetadataFields } from "./write-metadata.js";

export const OpportunityFields = defineRecord(
  "Opportunity",
  {
    id: IdSchema,
    customerId: IdSchema,
    leadId: IdSchema.optional(),
    title: text(120),
    productType: ProductTypeSchema,
    stage: OpportunityStageSchema,
    amount: MoneySchema,
    /** Win probability, 0–1. */
    probability: z.number().min(0).max(1),
    expectedClose: IsoDateSchema,
    ownerId: IdSchema,
    lostReason: text(200).optional(),
    createdAt: IsoDateTimeSchema,
    closedAt: IsoDateTimeSchema.optional(),
    createdBy: IdSchema.optional(),
    ...writeMetadataFields,
    ...historyFields,
  },
  {
    id: C1,
    customerId: C1,
    leadId: C1,
    title: C1,
    productType: C1,
    stage: C1,
    amount: C2,
    probability: C1,
    expectedClose: C1,
    ownerId: C1,
    lostReason: C1,
    createdAt: C1,
    closedAt: C1,
    createdBy: C1,
    ...writeMetadataClasses,
    ...historyClasses,
  },
  (ctx) => {
    const o = ctx.value;
    const closed = o.stage === "won" || o.stage === "lost";
    if (closed && o.closedAt === undefined) {
      ctx.issues.push({
        code: "custom",
        path: ["closedAt"],
        message: "closed opportunities need closedAt",
        params: { reason: "closedAtRequired" },
        input: undefined,
      });
    }
    if (o.stage === "won" && o.probability !== 1) {
      ctx.issues.push({
        code: "custom",
        path: ["probability"],
        message: "a won opportunity has probability 1",
        params: { reason: "probabilityStage" },
        input: undefined,
      });
    }
    if (o.stage === "lost" && o.probability !== 0) {
      ctx.issues.push({
        code: "custom",
        path: ["probability"],
        message: "a lost opportunity has probability 0",
        params: { reason: "probabilityStage" },
        input: undefined,
      });
    }
  },
);
export const OpportunitySchema = rejectC3(OpportunityFields);
export type Opportunity = z.infer<typeof OpportunitySchema>;
