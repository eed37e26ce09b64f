/** One posted transaction on a holding. */
import * as z from "zod";
import { MoneySchema } from "../money/money-schema.js";
import { rejectC3 } from "../privacy/c3.js";
import { C1, C2, defineRecord } from "../privacy/sensitivity.js";
import { IdSchema, IsoDateTimeSchema, text } from "./common.js";
import { TransactionCategorySchema, TransactionChannelSchema, TransactionDirectionSchema } from "./enums.js";

export const TransactionFields = defineRecord(
  "Transaction",
  {
    id: IdSchema,
    customerId: IdSchema,
    holdingId: IdSchema,
    at: IsoDateTimeSchema,
    /** Always positive; `direction` says which way the money moved. */
    amount: MoneySchema.refine((m) => m.amount > 0, { params: { reason: "positiveAmount" } }),
    direction: TransactionDirectionSchema,
    channel: TransactionChannelSchema,
    category: TransactionCategorySchema,
    fee: MoneySchema.optional(),
    counterparty: text(120).optional(),
    description: text(200).optional(),
  },
  {
    id: C1,
    customerId: C1,
    holdingId: C1,
    at: C2,
    amount: C2,
    direction: C2,
    channel: C2,
    category: C2,
    fee: C2,
    counterparty: C2,
    description: C2,
  },
);
export const TransactionSchema = rejectC3(TransactionFields);
export type Transaction = z.infer<typeof TransactionSchema>;
