/**
 * A sales lead: a customer's or prospect's expressed interest. Captured on
 * internet banking (by the customer) or in a branch (by staff). Only what the
 * purpose needs is collected (PIPL, minimum necessary).
 */
import * as z from "zod";
import { MobileSchema } from "../identifiers/mobile.js";
import { MoneySchema } from "../money/money-schema.js";
import { rejectC3 } from "../privacy/c3.js";
import { C1, C2, c2, defineRecord } from "../privacy/sensitivity.js";
import { IdSchema, IsoDateTimeSchema, text } from "./common.js";
import { ConsentFields } from "./consent.js";
import { historyClasses, historyFields, writeMetadataClasses, writeMetadataFields } from "./write-metadata.js";
import {
  ContactTimeSchema,
  LeadPurposeSchema,
  LeadSourceSchema,
  LeadStatusSchema,
  ProductTypeSchema,
} from "./enums.js";

export const LeadFields = defineRecord(
  "Lead",
  {
    id: IdSchema,
    /** Set when the lead is an existing customer. */
    customerId: IdSchema.optional(),
    /** The person's name and mobile: a prospect's, as given. A customer's lead leaves them out (the customer record has them: minimum necessary). */
    name: text(60).optional(),
    mobile: MobileSchema.optional(),
    purpose: LeadPurposeSchema,
    productInterest: ProductTypeSchema.optional(),
    /** The amount the person has in mind (loan size, amount to invest). */
    expectedAmount: MoneySchema.optional(),
    preferredContactTime: ContactTimeSchema.optional(),
    source: LeadSourceSchema,
    status: LeadStatusSchema,
    branchId: IdSchema.optional(),
    assignedTo: IdSchema.optional(),
    campaignId: IdSchema.optional(),
    notes: text(500).optional(),
    /** The consent to be contacted about this lead, as given on the form. */
    consent: ConsentFields,
    createdAt: IsoDateTimeSchema,
    createdBy: IdSchema.optional(),
    /** Set when converted: the opportunity the lead became. */
    opportunityId: IdSchema.optional(),
    /** Why the lead was disqualified. */
    disqualifiedReason: text(200).optional(),
    ...writeMetadataFields,
    ...historyFields,
  },
  {
    id: C1,
    customerId: C1,
    name: c2("name"),
    mobile: c2("mobile"),
    purpose: C1,
    productInterest: C1,
    expectedAmount: C2,
    preferredContactTime: C1,
    source: C1,
    status: C1,
    branchId: C1,
    assignedTo: C1,
    campaignId: C1,
    notes: C2,
    consent: C1,
    createdAt: C1,
    createdBy: C1,
    opportunityId: C1,
    disqualifiedReason: C1,
    ...writeMetadataClasses,
    ...historyClasses,
  },
  (ctx) => {
    // Each message is the key of the localized one (i18n/validate.ts).
    const v = ctx.value;
    const problem = (path: string[], message: string) =>
      ctx.issues.push({ code: "custom", path, message, input: undefined });
    // A prospect is known only by the lead: a name and a mobile to reach them by.
    if (!v.customerId) for (const f of ["name", "mobile"]) if (!v[f as "name"]) problem([f], "required");
    if (!v.consent.granted) problem(["consent", "granted"], "consentRequired");
  },
);
export const LeadSchema = rejectC3(LeadFields);
export type Lead = z.infer<typeof LeadSchema>;
