/**
 * A sales target (销售目标): what a relationship manager, a team or a branch is to achieve in a metric over a period.
 * Only the target is stored; what has been achieved is computed from the records (sales/achievement.ts). A branch's
 * target is allocated to its RMs (`allocateTarget`): each part names the target it came from (`parentId`).
 */
import * as z from "zod";
import { rejectC3 } from "../privacy/c3.js";
import { C1, defineRecord } from "../privacy/sensitivity.js";
import { CurrencyCodeSchema } from "../money/money-schema.js";
import { IdSchema, IsoDateTimeSchema, IsoDateSchema } from "./common.js";
import { ProductTypeSchema, SalesMetricSchema } from "./enums.js";
import { writeMetadataClasses, writeMetadataFields } from "./write-metadata.js";

/** Metrics counted in units (customers, products, cards); the rest are money in minor units. */
export const COUNT_METRICS = [
  "new_customers",
  "credit_cards_issued",
  "product_sales_count",
  "card_activations",
] as const;

/** Whether a metric is counted in units (else money in minor units). */
export const isCountMetric = (metric: string): boolean => (COUNT_METRICS as readonly string[]).includes(metric);

export const SalesTargetFields = defineRecord(
  "SalesTarget",
  {
    id: IdSchema,
    /** The branch the target is set in: a branch's own target, or the branch of the team or RM it is for. */
    branchId: IdSchema,
    /** An RM's target (at most one of staffId and teamId; neither for the branch's own). */
    staffId: IdSchema.optional(),
    teamId: IdSchema.optional(),
    /** The target this one was allocated from (a branch's or a team's). */
    parentId: IdSchema.optional(),
    metric: SalesMetricSchema,
    /** For product sales: the product types that count (all when absent). */
    productTypes: z.array(ProductTypeSchema).min(1).max(30).optional(),
    periodStart: IsoDateSchema,
    periodEnd: IsoDateSchema,
    /** Count for count metrics, minor units for money metrics. */
    target: z.int().min(0).max(Number.MAX_SAFE_INTEGER),
    /** For money metrics. */
    currency: CurrencyCodeSchema.optional(),
    createdBy: IdSchema.optional(),
    createdAt: IsoDateTimeSchema.optional(),
    ...writeMetadataFields,
  },
  {
    id: C1,
    branchId: C1,
    staffId: C1,
    teamId: C1,
    parentId: C1,
    metric: C1,
    productTypes: C1,
    periodStart: C1,
    periodEnd: C1,
    target: C1,
    currency: C1,
    createdBy: C1,
    createdAt: C1,
    ...writeMetadataClasses,
  },
  (ctx) => {
    const t = ctx.value;
    if (t.staffId !== undefined && t.teamId !== undefined) {
      ctx.issues.push({
        code: "custom",
        path: ["teamId"],
        message: "a target belongs to one staff member, one team or one branch",
        params: { reason: "targetOwner" },
        input: undefined,
      });
    }
    if (t.periodEnd < t.periodStart) {
      ctx.issues.push({
        code: "custom",
        path: ["periodEnd"],
        message: "period ends before it starts",
        params: { reason: "dateOrder" },
        input: undefined,
      });
    }
    if (!isCountMetric(t.metric) && t.currency === undefined) {
      ctx.issues.push({
        code: "custom",
        path: ["currency"],
        message: "money targets need a currency",
        params: { reason: "currencyRequired" },
        input: undefined,
      });
    }
  },
);
export const SalesTargetSchema = rejectC3(SalesTargetFields);
export type SalesTarget = z.infer<typeof SalesTargetSchema>;

/** Whose target it is. */
export const targetOwner = (t: Pick<SalesTarget, "staffId" | "teamId" | "branchId">) =>
  t.staffId !== undefined
    ? ({ staffId: t.staffId } as const)
    : t.teamId !== undefined
      ? ({ teamId: t.teamId } as const)
      : ({ branchId: t.branchId } as const);
