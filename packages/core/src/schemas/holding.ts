/** A customer's account or product holding: deposits, loans, cards, investments. */
import * as z from "zod";
import { MoneySchema } from "../money/money-schema.js";
import { rejectC3 } from "../privacy/c3.js";
import { C1, C2, c2, defineRecord } from "../privacy/sensitivity.js";
import { IdSchema, IsoDateSchema, RateSchema, text } from "./common.js";
import { HoldingStatusSchema, ProductRiskLevelSchema, ProductTypeSchema, type ProductType } from "./enums.js";

/** Product types that are investments and so carry a risk level R1–R5 (资管产品). */
export const INVESTMENT_PRODUCT_TYPES: readonly ProductType[] = [
  "wealth_management",
  "fund",
  "precious_metal",
  "treasury_bond",
];
/** Product types where the bank lends: balances are amounts owed to the bank. */
export const CREDIT_PRODUCT_TYPES: readonly ProductType[] = [
  "mortgage",
  "consumer_loan",
  "business_loan",
  "credit_card",
];

export const HoldingFields = defineRecord(
  "Holding",
  {
    id: IdSchema,
    customerId: IdSchema,
    productType: ProductTypeSchema,
    productCode: z.string().regex(/^[A-Z0-9-]{2,32}$/, { error: "productCode" }),
    productName: text(80).optional(),
    /** Account or card number; masked for display. */
    accountNumber: z.string().regex(/^\d{8,32}$/, { error: "accountNumber" }),
    riskLevel: ProductRiskLevelSchema.optional(),
    /** Current balance; for credit products the outstanding amount owed. */
    balance: MoneySchema,
    /** Average daily balance over the last 12 months, when the bank provides it. */
    averageBalance: MoneySchema.optional(),
    /** Customer rate: deposit interest paid, or loan / card interest charged. */
    rate: RateSchema.optional(),
    creditLimit: MoneySchema.optional(),
    openedAt: IsoDateSchema,
    maturityDate: IsoDateSchema.optional(),
    status: HoldingStatusSchema,
    /** A credit product past due: the first day of the unpaid instalment (the bank's core system keeps it). */
    overdueSince: IsoDateSchema.optional(),
    /** When it was closed (a closed holding is kept, never deleted). */
    closedAt: IsoDateSchema.optional(),
    /** Who sold it: the relationship manager of record on the day it was opened (achievement, commission). */
    soldBy: IdSchema.optional(),
    /** Who referred the sale, when someone else did (a teller, another RM): commission and credit are split. */
    referredBy: IdSchema.optional(),
  },
  {
    id: C1,
    customerId: C1,
    productType: C1,
    productCode: C1,
    productName: C1,
    accountNumber: c2("bankCard"),
    riskLevel: C1,
    balance: C2,
    averageBalance: C2,
    rate: C1,
    creditLimit: C2,
    openedAt: C1,
    maturityDate: C1,
    status: C1,
    overdueSince: C2,
    closedAt: C1,
    soldBy: C1,
    referredBy: C1,
  },
  (ctx) => {
    const h = ctx.value;
    if (INVESTMENT_PRODUCT_TYPES.includes(h.productType) && h.riskLevel === undefined) {
      ctx.issues.push({
        code: "custom",
        path: ["riskLevel"],
        message: "investment products need a risk level",
        params: { reason: "riskLevelRequired" },
        input: undefined,
      });
    }
    if (h.maturityDate !== undefined && h.maturityDate < h.openedAt) {
      ctx.issues.push({
        code: "custom",
        path: ["maturityDate"],
        message: "maturity precedes opening",
        params: { reason: "dateOrder" },
        input: undefined,
      });
    }
  },
);
export const HoldingSchema = rejectC3(HoldingFields);
export type Holding = z.infer<typeof HoldingSchema>;
