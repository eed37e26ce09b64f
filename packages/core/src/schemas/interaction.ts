/** Every touchpoint with a customer, on any channel (以一个面孔面对客户). */
import * as z from "zod";
import { rejectC3 } from "../privacy/c3.js";
import { C1, C2, defineRecord } from "../privacy/sensitivity.js";
import { IdSchema, IsoDateTimeSchema, text } from "./common.js";
import {
  InteractionChannelSchema,
  InteractionOutcomeSchema,
  InteractionTypeSchema,
  OfferDismissalReasonSchema,
} from "./enums.js";
import { writeMetadataClasses, writeMetadataFields } from "./write-metadata.js";

/** A next best offer the customer turned down: the product's code and why. */
export const OfferDismissalFields = defineRecord(
  "OfferDismissal",
  { productCode: text(32), reason: OfferDismissalReasonSchema },
  { productCode: C1, reason: C1 },
);

export const InteractionFields = defineRecord(
  "Interaction",
  {
    id: IdSchema,
    customerId: IdSchema,
    at: IsoDateTimeSchema,
    channel: InteractionChannelSchema,
    type: InteractionTypeSchema,
    summary: text(500),
    staffId: IdSchema.optional(),
    outcome: InteractionOutcomeSchema.optional(),
    caseId: IdSchema.optional(),
    campaignId: IdSchema.optional(),
    opportunityId: IdSchema.optional(),
    /** Confidential notes are hidden from roles that may not see them. */
    confidential: z.boolean(),
    /** How long the contact took, in seconds (a call's handling time, as the desk times it). */
    durationSeconds: z.int().min(0).max(86_400).optional(),
    /** What was agreed to do next. */
    nextStep: text(200).optional(),
    /** The follow-up task created with this contact, if any. */
    taskId: IdSchema.optional(),
    /**
     * A next best offer the customer turned down, and why (the offer list's dismissal): the product's code and one
     * of the reasons. The offers leave the product out for a while; nothing else reads it.
     */
    offer: OfferDismissalFields.optional(),
    createdBy: IdSchema.optional(),
    ...writeMetadataFields,
  },
  {
    id: C1,
    customerId: C1,
    at: C1,
    channel: C1,
    type: C1,
    summary: C2,
    staffId: C1,
    outcome: C1,
    caseId: C1,
    campaignId: C1,
    opportunityId: C1,
    confidential: C1,
    durationSeconds: C1,
    nextStep: C2,
    taskId: C1,
    offer: C1,
    createdBy: C1,
    ...writeMetadataClasses,
  },
);
export const InteractionSchema = rejectC3(InteractionFields);
export type Interaction = z.infer<typeof InteractionSchema>;
