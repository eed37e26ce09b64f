/** A service request or complaint, tracked against its SLA. */
import * as z from "zod";
import { rejectC3 } from "../privacy/c3.js";
import { C1, C2, defineRecord } from "../privacy/sensitivity.js";
import { IdSchema, IsoDateTimeSchema, text } from "./common.js";
import {
  InteractionChannelSchema,
  PrioritySchema,
  ServiceCaseStatusSchema,
  ServiceCaseTypeSchema,
  PrivacyRightSchema,
  ServiceCategorySchema,
  ResolutionCodeSchema,
} from "./enums.js";
import { historyClasses, historyFields, writeMetadataClasses, writeMetadataFields } from "./write-metadata.js";

/** An extension of a complaint's regulatory limit: when, why (a business reason, never personal data), who, approved by. */
export const ComplaintExtensionFields = defineRecord(
  "ComplaintExtension",
  { at: IsoDateTimeSchema, reason: text(500), by: IdSchema, approvedBy: IdSchema.optional() },
  { at: C1, reason: C1, by: C1, approvedBy: C1 },
);

export const ServiceCaseFields = defineRecord(
  "ServiceCase",
  {
    id: IdSchema,
    customerId: IdSchema,
    type: ServiceCaseTypeSchema,
    /** The product area it is about. */
    category: ServiceCategorySchema.optional(),
    /** A personal-information request's right (个人信息保护法 Arts. 44–47): access, a copy, correction, deletion. */
    privacyRight: PrivacyRightSchema.optional(),
    priority: PrioritySchema,
    channel: InteractionChannelSchema,
    status: ServiceCaseStatusSchema,
    subject: text(120),
    description: text(2000).optional(),
    assignedTo: IdSchema.optional(),
    /** A complaint about a member of staff: who (they may not handle it — the 回避 rule). */
    aboutStaffId: IdSchema.optional(),
    openedAt: IsoDateTimeSchema,
    slaDueAt: IsoDateTimeSchema,
    /**
     * The regulator's limit, derived by the writer — never taken from input (service/regulatory.ts): a complaint's
     * (calendar days from receipt: 15, extended to 30, then 60 with approval), a personal-information request's (30).
     */
    regulatoryDueAt: IsoDateTimeSchema.optional(),
    /** A complaint's extensions of the regulatory limit: why, by whom, and the senior manager who approved the second. */
    extensions: z.array(ComplaintExtensionFields).max(2).optional(),
    resolvedAt: IsoDateTimeSchema.optional(),
    /** Customer satisfaction after resolution, 1 (very unhappy) – 5 (very happy). */
    satisfaction: z.int().min(1).max(5).optional(),
    /** How the case was resolved, as told to the customer. */
    resolution: text(1000).optional(),
    resolutionCode: ResolutionCodeSchema.optional(),
    /** The customer's comment with their rating. */
    satisfactionComment: text(500).optional(),
    /** How many times the case was escalated (each raises the priority a step). */
    escalationLevel: z.int().min(0).max(10).optional(),
    createdBy: IdSchema.optional(),
    ...writeMetadataFields,
    ...historyFields,
  },
  {
    id: C1,
    customerId: C1,
    type: C1,
    category: C1,
    privacyRight: C1,
    priority: C1,
    channel: C1,
    status: C1,
    subject: C1,
    description: C2,
    assignedTo: C1,
    aboutStaffId: C1,
    openedAt: C1,
    slaDueAt: C1,
    regulatoryDueAt: C1,
    extensions: C1,
    resolvedAt: C1,
    satisfaction: C1,
    resolution: C2,
    resolutionCode: C1,
    satisfactionComment: C2,
    escalationLevel: C1,
    createdBy: C1,
    ...writeMetadataClasses,
    ...historyClasses,
  },
  (ctx) => {
    const c = ctx.value;
    const done = c.status === "resolved" || c.status === "closed";
    if (done && c.resolvedAt === undefined) {
      ctx.issues.push({
        code: "custom",
        path: ["resolvedAt"],
        message: "resolved cases need resolvedAt",
        params: { reason: "resolvedAtRequired" },
        input: undefined,
      });
    }
    if (c.resolvedAt !== undefined && Date.parse(c.resolvedAt) < Date.parse(c.openedAt)) {
      ctx.issues.push({
        code: "custom",
        path: ["resolvedAt"],
        message: "resolved before opened",
        params: { reason: "dateOrder" },
        input: undefined,
      });
    }
    if ((c.type === "personal_information") !== (c.privacyRight !== undefined)) {
      ctx.issues.push({
        code: "custom",
        path: ["privacyRight"],
        message: "a personal-information request, and only one, names its right",
        // A field error beside the right's select: "required" says it (a personal-information request's only).
        params: { reason: "required" },
        input: undefined,
      });
    }
    if (!done && c.satisfaction !== undefined) {
      ctx.issues.push({
        code: "custom",
        path: ["satisfaction"],
        message: "satisfaction is rated after resolution",
        params: { reason: "satisfactionBeforeResolution" },
        input: undefined,
      });
    }
  },
);
export const ServiceCaseSchema = rejectC3(ServiceCaseFields);
export type ServiceCase = z.infer<typeof ServiceCaseSchema>;
