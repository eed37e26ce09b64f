/** Marketing campaigns and each customer's response to them. */
import * as z from "zod";
import { MoneySchema } from "../money/money-schema.js";
import { rejectC3 } from "../privacy/c3.js";
import { C1, defineRecord } from "../privacy/sensitivity.js";
import { IdSchema, IsoDateSchema, IsoDateTimeSchema, text } from "./common.js";
import {
  CampaignChannelSchema,
  CampaignResponseTypeSchema,
  CampaignStatusSchema,
  ConsentPurposeSchema,
  ProductTypeSchema,
} from "./enums.js";
import { historyClasses, historyFields, writeMetadataClasses, writeMetadataFields } from "./write-metadata.js";

export const CampaignFields = defineRecord(
  "Campaign",
  {
    id: IdSchema,
    name: text(120),
    description: text(1000).optional(),
    status: CampaignStatusSchema,
    channels: z.array(CampaignChannelSchema).min(1),
    productType: ProductTypeSchema.optional(),
    /** Id of the segment definition that selects the audience. */
    segmentId: IdSchema.optional(),
    /** The consent the audience must have given (usually marketing). */
    requiredConsent: ConsentPurposeSchema,
    startDate: IsoDateSchema,
    endDate: IsoDateSchema,
    budget: MoneySchema.optional(),
    ownerId: IdSchema,
    /** Who approved it (four eyes: never its owner or author). */
    approvedBy: IdSchema.optional(),
    approvedAt: IsoDateTimeSchema.optional(),
    createdBy: IdSchema.optional(),
    ...writeMetadataFields,
    ...historyFields,
  },
  {
    id: C1,
    name: C1,
    description: C1,
    status: C1,
    channels: C1,
    productType: C1,
    segmentId: C1,
    requiredConsent: C1,
    startDate: C1,
    endDate: C1,
    budget: C1,
    ownerId: C1,
    approvedBy: C1,
    approvedAt: C1,
    createdBy: C1,
    ...writeMetadataClasses,
    ...historyClasses,
  },
  (ctx) => {
    if (ctx.value.endDate < ctx.value.startDate) {
      ctx.issues.push({
        code: "custom",
        path: ["endDate"],
        message: "campaign ends before it starts",
        params: { reason: "dateOrder" },
        input: undefined,
      });
    }
  },
);
export const CampaignSchema = rejectC3(CampaignFields);
export type Campaign = z.infer<typeof CampaignSchema>;

export const CampaignResponseFields = defineRecord(
  "CampaignResponse",
  {
    id: IdSchema,
    campaignId: IdSchema,
    customerId: IdSchema,
    channel: CampaignChannelSchema,
    type: CampaignResponseTypeSchema,
    at: IsoDateTimeSchema,
    /** The opportunity or holding the response converted into, if any. */
    convertedTo: IdSchema.optional(),
  },
  { id: C1, campaignId: C1, customerId: C1, channel: C1, type: C1, at: C1, convertedTo: C1 },
);
export const CampaignResponseSchema = rejectC3(CampaignResponseFields);
export type CampaignResponse = z.infer<typeof CampaignResponseSchema>;
