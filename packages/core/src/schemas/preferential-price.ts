/**
 * A preferential price for a company (中小企业优惠定价): a loan rate below the bank's standard, a deposit rate above
 * it, or a fee waived — for one product, for a period, requested by the relationship manager with the reason, approved
 * by a branch manager who did not request it and whose authority covers the discount (授权管理), or rejected; an
 * approved one may be revoked. Rates in basis points (1 bp = 0.01%), as pricing desks quote them.
 */
import * as z from "zod";
import { rejectC3 } from "../privacy/c3.js";
import { C1, defineRecord } from "../privacy/sensitivity.js";
import { MoneySchema } from "../money/money-schema.js";
import { IdSchema, IsoDateSchema, IsoDateTimeSchema, text } from "./common.js";
import { ProductTypeSchema } from "./enums.js";
import { PRICING_KINDS, PRICING_STATUSES } from "../vocabulary.js";
import { historyClasses, historyFields, writeMetadataClasses, writeMetadataFields } from "./write-metadata.js";

const Bp = z.int().min(-10_000).max(10_000);

export const PreferentialPriceFields = defineRecord(
  "PreferentialPrice",
  {
    id: IdSchema,
    customerId: IdSchema,
    kind: z.enum(PRICING_KINDS),
    productType: ProductTypeSchema,
    /** The bank's standard rate for the product now (a loan: LPR plus its spread), in basis points a year. */
    standardBp: Bp,
    /** The rate offered; for a fee waived, the share waived in basis points of the fee (10,000: all of it). */
    offeredBp: Bp,
    /** The facility or deposit it applies to. */
    amount: MoneySchema.optional(),
    validFrom: IsoDateSchema,
    validUntil: IsoDateSchema,
    /** Why the bank should give it: the relationship, the competing offer, the deposits it brings. */
    reason: text(500),
    status: z.enum(PRICING_STATUSES),
    createdBy: IdSchema.optional(),
    createdAt: IsoDateTimeSchema.optional(),
    /** Who approved it and when (the approve transition's effect). */
    approvedBy: IdSchema.optional(),
    approvedAt: IsoDateTimeSchema.optional(),
    ...writeMetadataFields,
    ...historyFields,
  },
  {
    id: C1,
    customerId: C1,
    kind: C1,
    productType: C1,
    standardBp: C1,
    offeredBp: C1,
    amount: C1,
    validFrom: C1,
    validUntil: C1,
    reason: C1,
    status: C1,
    createdBy: C1,
    createdAt: C1,
    approvedBy: C1,
    approvedAt: C1,
    ...writeMetadataClasses,
    ...historyClasses,
  },
  (ctx) => {
    const p = ctx.value;
    if (p.validUntil < p.validFrom)
      ctx.issues.push({
        code: "custom",
        path: ["validUntil"],
        message: "ends before it starts",
        params: { reason: "dateOrder" },
        input: p.validUntil,
      });
  },
);
export const PreferentialPriceSchema = rejectC3(PreferentialPriceFields);
export type PreferentialPrice = z.infer<typeof PreferentialPriceSchema>;
