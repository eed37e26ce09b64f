/** A qualified sales opportunity moving through stages to won or lost. */
import * as z from "zod";
import { MoneySchema } from "../money/money-schema.js";
import { rejectC3 } from "../privacy/c3.js";
import { C1, C2, defineRecord } from "../privacy/sensitivity.js";
import { IdSchema, IsoDateSchema, IsoDateTimeSchema, text } from "./common.js";
import { SALE_REFUSAL_CODES } from "../compliance/sale-check.js";
import { OpportunityStageSchema, ProductRiskLevelSchema, ProductTypeSchema } from "./enums.js";
import { historyClasses, historyFields, writeMetadataClasses, writeMetadataFields } from "./write-metadata.js";

/** The dual recording (双录) of a sale: the recording system's id, when it was made, by whom, where. */
export const DualRecordingSchema = defineRecord(
  "DualRecording",
  { recordingId: text(64), recordedAt: IsoDateTimeSchema, staffId: IdSchema, location: text(120) },
  { recordingId: C1, recordedAt: C1, staffId: C1, location: C1 },
);
export type DualRecording = z.infer<typeof DualRecordingSchema>;

/** A branch manager's override of a sale's refusals: who, when, why, and what was overridden. Set by `win` only. */
export const SaleOverrideSchema = defineRecord(
  "SaleOverride",
  {
    by: IdSchema,
    at: IsoDateTimeSchema,
    reason: text(500),
    refusals: z.array(z.enum(SALE_REFUSAL_CODES)).min(1).max(SALE_REFUSAL_CODES.length),
  },
  { by: C1, at: C1, reason: C1, refusals: C1 },
);

export const OpportunityFields = defineRecord(
  "Opportunity",
  {
    id: IdSchema,
    customerId: IdSchema,
    leadId: IdSchema.optional(),
    title: text(120),
    productType: ProductTypeSchema,
    /** The product's risk level R1–R5: needed to win a sale of an investment or insurance product. */
    productRisk: ProductRiskLevelSchema.optional(),
    dualRecording: DualRecordingSchema.optional(),
    saleOverride: SaleOverrideSchema.optional(),
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
    productRisk: C1,
    dualRecording: C1,
    saleOverride: C1,
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
