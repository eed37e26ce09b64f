/** Marketing campaigns and each customer's response to them. */
import * as z from "zod";
import { MoneySchema } from "../money/money-schema.js";
import { rejectC3 } from "../privacy/c3.js";
import { C1, defineRecord } from "../privacy/sensitivity.js";
import { IdSchema, IsoDateSchema, IsoDateTimeSchema, text } from "./common.js";
import {
  AudienceExclusionSchema,
  CampaignChannelSchema,
  CampaignResponseTypeSchema,
  CampaignStatusSchema,
  ConsentPurposeSchema,
  ProductRiskLevelSchema,
  ProductTypeSchema,
  TierSchema,
  TransactionCategorySchema,
} from "./enums.js";
import { historyClasses, historyFields, writeMetadataClasses, writeMetadataFields } from "./write-metadata.js";

/**
 * A campaign's goal: a product of a type opened (the default, with the campaign's product), a transaction of a
 * category (at least an amount, when given), or the member's AUM up by at least an amount (holdings of AUM products
 * opened less those closed) — by a member of the treatment or the control group, within the window.
 */
export const CampaignGoalSchema = z.discriminatedUnion("kind", [
  defineRecord(
    "ProductOpenedGoal",
    { kind: z.literal("productOpened"), productType: ProductTypeSchema },
    { kind: C1, productType: C1 },
  ),
  defineRecord(
    "TransactionGoal",
    { kind: z.literal("transaction"), category: TransactionCategorySchema, minAmount: MoneySchema.optional() },
    { kind: C1, category: C1, minAmount: C1 },
  ),
  defineRecord(
    "AumGrowthGoal",
    { kind: z.literal("aumGrowth"), minIncrease: MoneySchema },
    { kind: C1, minIncrease: C1 },
  ),
]);
export type CampaignGoal = z.infer<typeof CampaignGoalSchema>;

export const CampaignFields = defineRecord(
  "Campaign",
  {
    id: IdSchema,
    name: text(120),
    description: text(1000).optional(),
    status: CampaignStatusSchema,
    channels: z.array(CampaignChannelSchema).min(1),
    productType: ProductTypeSchema.optional(),
    /** The product's risk level (R1–R5): a launch leaves out customers it is not suitable for. */
    productRisk: ProductRiskLevelSchema.optional(),
    /** Id of the segment definition that selects the audience. */
    segmentId: IdSchema.optional(),
    /** The consent the audience must have given (usually marketing). */
    requiredConsent: ConsentPurposeSchema,
    startDate: IsoDateSchema,
    endDate: IsoDateSchema,
    budget: MoneySchema.optional(),
    /** What counts as the campaign working, for a member of either group: marketing/measure.ts. */
    goal: CampaignGoalSchema.optional(),
    /** Days after the launch the goal is measured over (default 28). */
    measureDays: z.int().min(1).max(366).optional(),
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
    productRisk: C1,
    segmentId: C1,
    requiredConsent: C1,
    startDate: C1,
    endDate: C1,
    budget: C1,
    goal: C1,
    measureDays: C1,
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

/** Where a launch put a segment's member: contacted, held out to measure against, or left out (with why). */
export const CAMPAIGN_GROUPS = ["treatment", "control", "excluded"] as const;
export type CampaignGroup = (typeof CAMPAIGN_GROUPS)[number];

/**
 * One customer of a campaign's launch (营销名单): the audience as it stood when the campaign was launched — each
 * member of its segment in the treatment group (contacted), the control group (held out, to measure against), or
 * excluded with the reason. Written once, by the launch; the frequency cap counts a customer's treatments.
 */
export const CampaignMemberFields = defineRecord(
  "CampaignMember",
  {
    /** `<campaignId>--<customerId>`: a customer is in a campaign once. */
    id: IdSchema,
    campaignId: IdSchema,
    customerId: IdSchema,
    group: z.enum(CAMPAIGN_GROUPS),
    /** Why an excluded customer was left out. */
    reason: AudienceExclusionSchema.optional(),
    /** Their tier at the launch (the control group is drawn tier by tier). */
    tier: TierSchema.optional(),
    channel: CampaignChannelSchema,
    /** When the campaign was launched. */
    at: IsoDateTimeSchema,
  },
  { id: C1, campaignId: C1, customerId: C1, group: C1, reason: C1, tier: C1, channel: C1, at: C1 },
  (ctx) => {
    // An excluded member has a reason (required), and only they do (invalid on another).
    const excluded = ctx.value.group === "excluded";
    if (excluded !== (ctx.value.reason !== undefined))
      ctx.issues.push({
        code: "custom",
        path: ["reason"],
        message: "an excluded member has a reason, and only they do",
        params: { reason: excluded ? "required" : "invalid" },
        input: ctx.value.reason,
      });
  },
);
export const CampaignMemberSchema = rejectC3(CampaignMemberFields);
export type CampaignMember = z.infer<typeof CampaignMemberSchema>;
