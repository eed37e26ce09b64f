/**
 * A change to a customer's details, kept as its own record and never
 * overwritten: new contact details, a risk re-assessment (result and date), a
 * consent granted or withdrawn, a transfer to another relationship manager. The customer record holds the current state;
 * these records are the history of how it got there, who changed it and when.
 */
import * as z from "zod";
import { rejectC3 } from "../privacy/c3.js";
import { C1, C2, defineRecord } from "../privacy/sensitivity.js";
import { IdSchema, IsoDateSchema, IsoDateTimeSchema, text } from "./common.js";
import { ConsentFields } from "./consent.js";
import { ContactFields, ContactPersonFields } from "./customer.js";
import { RiskToleranceSchema } from "./enums.js";

export const CUSTOMER_CHANGE_KINDS = ["contact", "risk_assessment", "consent", "transfer", "contact_persons"] as const;
export const CustomerChangeKindSchema = /*@__PURE__*/ z.enum(CUSTOMER_CHANGE_KINDS);
export type CustomerChangeKind = (typeof CUSTOMER_CHANGE_KINDS)[number];

export const CustomerChangeFields = defineRecord(
  "CustomerChange",
  {
    id: IdSchema,
    customerId: IdSchema,
    kind: CustomerChangeKindSchema,
    at: IsoDateTimeSchema,
    by: IdSchema,
    /** contact: the details before and after (the fields given replace the old ones). */
    previousContact: ContactFields.optional(),
    contact: ContactFields.optional(),
    /** risk_assessment: the result and the date of the questionnaire. */
    previousRiskTolerance: RiskToleranceSchema.optional(),
    riskTolerance: RiskToleranceSchema.optional(),
    riskAssessedAt: IsoDateSchema.optional(),
    /** consent: the consent granted or withdrawn (appended to the customer's consents). */
    consent: ConsentFields.optional(),
    /** transfer (客户经理制): the relationship manager and branch before and after — a branch manager's, with a reason. */
    previousRelationshipManagerId: IdSchema.optional(),
    relationshipManagerId: IdSchema.optional(),
    previousBranchId: IdSchema.optional(),
    branchId: IdSchema.optional(),
    /** contact_persons (a company's): the list before and after (the list given replaces the old one). */
    previousContactPersons: z.array(ContactPersonFields).max(20).optional(),
    contactPersons: z.array(ContactPersonFields).max(20).optional(),
    /** Why, e.g. "customer called to update the mobile". */
    reason: text(200).optional(),
  },
  {
    id: C1,
    customerId: C1,
    kind: C1,
    at: C1,
    by: C1,
    previousContact: C2,
    contact: C2,
    previousRiskTolerance: C1,
    riskTolerance: C1,
    riskAssessedAt: C1,
    consent: C1,
    previousRelationshipManagerId: C1,
    relationshipManagerId: C1,
    previousBranchId: C1,
    branchId: C1,
    previousContactPersons: C2,
    contactPersons: C2,
    reason: C1,
  },
  (ctx) => {
    const c = ctx.value;
    const missing =
      (c.kind === "contact" && c.contact === undefined && ["contact"]) ||
      (c.kind === "risk_assessment" &&
        (c.riskTolerance === undefined ? ["riskTolerance"] : c.riskAssessedAt === undefined && ["riskAssessedAt"])) ||
      (c.kind === "consent" && c.consent === undefined && ["consent"]) ||
      (c.kind === "contact_persons" && c.contactPersons === undefined && ["contactPersons"]) ||
      (c.kind === "transfer" &&
        (c.relationshipManagerId === undefined ? ["relationshipManagerId"] : c.reason === undefined && ["reason"]));
    if (missing) {
      ctx.issues.push({ code: "custom", path: missing, message: "required", input: undefined });
    }
  },
);
export const CustomerChangeSchema = rejectC3(CustomerChangeFields);
export type CustomerChange = z.infer<typeof CustomerChangeSchema>;
