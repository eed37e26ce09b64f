/**
 * One entry of a customer's points ledger (积分台账): points earned on a transaction (with the day they lapse), redeemed
 * for a reward, expired by the nightly job, or adjusted by hand with a reason. The ledger is written once and never
 * changed: a balance is the sum of its entries (loyalty/ledger.ts), so a wrong entry is answered by another one.
 */
import * as z from "zod";
import { rejectC3 } from "../privacy/c3.js";
import { C1, defineRecord } from "../privacy/sensitivity.js";
import { IdSchema, IsoDateSchema, IsoDateTimeSchema, text } from "./common.js";
import { LOYALTY_ENTRY_KINDS } from "../vocabulary.js";
import { writeMetadataClasses, writeMetadataFields } from "./write-metadata.js";

export const LoyaltyEntryFields = defineRecord(
  "LoyaltyEntry",
  {
    id: IdSchema,
    customerId: IdSchema,
    kind: z.enum(LOYALTY_ENTRY_KINDS),
    /** Whole points: positive when earned, negative when redeemed or expired; an adjustment either way. */
    points: z.int().min(-100_000_000).max(100_000_000),
    at: IsoDateTimeSchema,
    /** The last day points earned here count (Beijing): required on an earn, on a positive adjustment optional. */
    expiresOn: IsoDateSchema.optional(),
    /** The transaction an earn came from. */
    transactionId: IdSchema.optional(),
    /** The reward a redemption bought (the programme's catalogue). */
    rewardCode: IdSchema.optional(),
    /** Why points were adjusted by hand (a goodwill credit, a correction): a business reason, never personal data. */
    reason: text(200).optional(),
    createdBy: IdSchema.optional(),
    ...writeMetadataFields,
  },
  {
    id: C1,
    customerId: C1,
    kind: C1,
    points: C1,
    at: C1,
    expiresOn: C1,
    transactionId: C1,
    rewardCode: C1,
    reason: C1,
    createdBy: C1,
    ...writeMetadataClasses,
  },
  (ctx) => {
    const e = ctx.value;
    const bound = (code: "too_small" | "too_big", limit: number) =>
      ctx.issues.push({
        ...(code === "too_small" ? { code, minimum: limit } : { code, maximum: limit }),
        origin: "number",
        inclusive: true,
        path: ["points"],
        message: `an entry of kind ${e.kind} has points of the other sign`,
        input: e.points,
      });
    // Earned points come in, redeemed and expired ones go out; an adjustment is never nothing.
    if (e.kind === "earn" && e.points < 1) bound("too_small", 1);
    if ((e.kind === "redeem" || e.kind === "expire") && e.points > -1) bound("too_big", -1);
    if (e.kind === "adjust" && e.points === 0) bound("too_small", 1);
    const need = (field: "expiresOn" | "rewardCode" | "reason") =>
      ctx.issues.push({
        code: "invalid_type",
        expected: "string",
        path: [field],
        message: `an entry of kind ${e.kind} needs ${field}`,
        input: undefined,
      });
    if (e.kind === "earn" && e.expiresOn === undefined) need("expiresOn");
    if (e.kind === "redeem" && e.rewardCode === undefined) need("rewardCode");
    if (e.kind === "adjust" && e.reason === undefined) need("reason");
  },
);
export const LoyaltyEntrySchema = rejectC3(LoyaltyEntryFields);
export type LoyaltyEntry = z.infer<typeof LoyaltyEntrySchema>;
