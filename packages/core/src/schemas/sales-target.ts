/** A sales target for a member of staff or a branch over a period, with progress. */
import * as z from "zod";
import { rejectC3 } from "../privacy/c3.js";
import { C1, defineRecord } from "../privacy/sensitivity.js";
import { CurrencyCodeSchema } from "../money/money-schema.js";
import { IdSchema, IsoDateSchema } from "./common.js";
import { SalesMetricSchema } from "./enums.js";

/** Metrics counted in units (customers, cards); the rest are money in minor units. */
export const COUNT_METRICS = ["new_customers", "credit_cards_issued"] as const;

export const SalesTargetFields = defineRecord(
  "SalesTarget",
  {
    id: IdSchema,
    /** Exactly one of staffId or branchId. */
    staffId: IdSchema.optional(),
    branchId: IdSchema.optional(),
    metric: SalesMetricSchema,
    periodStart: IsoDateSchema,
    periodEnd: IsoDateSchema,
    /** Count for count metrics, minor units for money metrics. */
    target: z.int().min(0),
    achieved: z.int(),
    /** For money metrics. */
    currency: CurrencyCodeSchema.optional(),
  },
  {
    id: C1,
    staffId: C1,
    branchId: C1,
    metric: C1,
    periodStart: C1,
    periodEnd: C1,
    target: C1,
    achieved: C1,
    currency: C1,
  },
  (ctx) => {
    const t = ctx.value;
    if ((t.staffId === undefined) === (t.branchId === undefined)) {
      ctx.issues.push({
        code: "custom",
        path: ["staffId"],
        message: "a target belongs to one staff member or one branch",
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
    const isCount = (COUNT_METRICS as readonly string[]).includes(t.metric);
    if (!isCount && t.currency === undefined) {
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
