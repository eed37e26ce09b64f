/** Money as a zod schema: integer minor units and an ISO 4217 code. */
import * as z from "zod";
import { object } from "../zod.js";

export const CurrencyCodeSchema = z.string().regex(/^[A-Z]{3}$/, { error: "currency" });

export const MoneySchema = object({
  /** Minor units (e.g. fen); a safe integer, may be negative (overdrafts, debits). */
  amount: z.int(),
  currency: CurrencyCodeSchema,
});
export type Money = z.infer<typeof MoneySchema>;
