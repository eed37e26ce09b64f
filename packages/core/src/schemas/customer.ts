/**
 * Customers, individual (个人客户) and corporate / SME (对公客户), discriminated by
 * `kind`. Contact, identity document and consents are nested records with their
 * own sensitivity classes.
 */
import * as z from "zod";
import { MobileSchema } from "../identifiers/mobile.js";
import { isValidResidentIdNumber, parseResidentIdNumber } from "../identifiers/resident-id.js";
import { UsccSchema } from "../identifiers/uscc.js";
import { MoneySchema } from "../money/money-schema.js";
import { rejectC3 } from "../privacy/c3.js";
import { C1, C2, c2, defineRecord } from "../privacy/sensitivity.js";
import { IdSchema, IsoDateSchema, IsoDateTimeSchema, TagsSchema, text } from "./common.js";
import { ConsentFields } from "./consent.js";
import { VersionSchema } from "./write-metadata.js";
import { CONTACT_PERSON_ROLES } from "../vocabulary.js";
import {
  ContactChannelSchema,
  ContactTimeSchema,
  CustomerStatusSchema,
  EducationSchema,
  EnterpriseSizeSchema,
  GenderSchema,
  IdDocumentTypeSchema,
  IndustrySchema,
  KycStatusSchema,
  AmlRiskRatingSchema,
  MaritalStatusSchema,
  OccupationSchema,
  RiskToleranceSchema,
  TierSchema,
} from "./enums.js";

export const IdentityDocumentFields = defineRecord(
  "IdentityDocument",
  {
    type: IdDocumentTypeSchema,
    number: z.string().trim().toUpperCase().min(5).max(32),
    /** The last day the document is valid (a resident ID card's 有效期限); absent for long-term ones. */
    validUntil: IsoDateSchema.optional(),
    /** The issuing country of a passport or other foreign document (ISO 3166-1 alpha-3, as in its machine-readable zone). */
    country: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{3}$/)
      .optional(),
  },
  { type: C1, number: c2("idNumber"), validUntil: C1, country: C1 },
  (ctx) => {
    if (ctx.value.type === "resident_id" && !isValidResidentIdNumber(ctx.value.number)) {
      ctx.issues.push({
        code: "custom",
        path: ["number"],
        message: "invalid resident ID number",
        params: { reason: "residentId" },
        input: undefined,
      });
    }
  },
);
export type IdentityDocument = z.infer<typeof IdentityDocumentFields>;

export const ContactFields = defineRecord(
  "Contact",
  {
    mobile: MobileSchema.optional(),
    email: z.email().max(254).optional(),
    address: text(200).optional(),
    city: text(40).optional(),
    preferredChannel: ContactChannelSchema.optional(),
    preferredContactTime: ContactTimeSchema.optional(),
  },
  {
    mobile: c2("mobile"),
    email: c2("email"),
    address: c2("address"),
    city: C1,
    preferredChannel: C1,
    preferredContactTime: C1,
  },
);
export type Contact = z.infer<typeof ContactFields>;

export { ConsentFields, type Consent } from "./consent.js";

/** A company's contact person (对公客户联系人): who they are to it and how to reach them — personal information. */
export const ContactPersonFields = defineRecord(
  "ContactPerson",
  {
    name: text(60),
    role: z.enum(CONTACT_PERSON_ROLES),
    mobile: MobileSchema.optional(),
    email: z.email().max(254).optional(),
    /** The one the bank calls first. */
    primary: z.boolean().optional(),
  },
  { name: c2("name"), role: C1, mobile: c2("mobile"), email: c2("email"), primary: C1 },
);
export type ContactPerson = z.infer<typeof ContactPersonFields>;

const common = {
  id: IdSchema,
  status: CustomerStatusSchema,
  onboardedAt: IsoDateSchema,
  branchId: IdSchema,
  relationshipManagerId: IdSchema.optional(),
  riskTolerance: RiskToleranceSchema.optional(),
  /** Date the risk questionnaire was last assessed; suitability expires. */
  riskAssessedAt: IsoDateSchema.optional(),
  kycStatus: KycStatusSchema,
  /** The AML risk rating (洗钱风险等级) that sets how often due diligence is reviewed (compliance/kyc.ts). */
  amlRiskRating: AmlRiskRatingSchema.optional(),
  /** The day the last due-diligence review was completed (onboarding counts as the first). */
  dueDiligenceAt: IsoDateSchema.optional(),
  /** When the relationship ended (status `closed`): the source system's closing date. The record is kept. */
  closedAt: IsoDateSchema.optional(),
  /**
   * When the person asked for their data to be deleted and the law kept some of it (个人信息保护法 Art. 47 ¶2):
   * stored, no longer processed — every consent withdrawn, no new sale (compliance/retention.ts).
   */
  restrictedAt: IsoDateTimeSchema.optional(),
  tier: TierSchema.optional(),
  loyaltyPoints: z.int().min(0),
  tags: TagsSchema,
  consents: z.array(ConsentFields).max(100),
  contact: ContactFields,
  updatedAt: IsoDateTimeSchema.optional(),
  updatedBy: IdSchema.optional(),
  version: VersionSchema.optional(),
};
const commonClasses = {
  id: C1,
  status: C1,
  onboardedAt: C1,
  branchId: C1,
  relationshipManagerId: C1,
  riskTolerance: C1,
  riskAssessedAt: C1,
  kycStatus: C1,
  amlRiskRating: C2,
  dueDiligenceAt: C1,
  closedAt: C1,
  restrictedAt: C1,
  tier: C1,
  loyaltyPoints: C1,
  tags: C1,
  consents: C1,
  contact: C2,
  updatedAt: C1,
  updatedBy: C1,
  version: C1,
} as const;

export const IndividualCustomerFields = defineRecord(
  "IndividualCustomer",
  {
    ...common,
    kind: z.literal("individual"),
    name: text(60),
    gender: GenderSchema,
    birthDate: IsoDateSchema,
    idDocument: IdentityDocumentFields,
    /** The customer has died (the core system's flag, with the date it gives): no contact, no marketing. */
    deceasedOn: IsoDateSchema.optional(),
    occupation: OccupationSchema.optional(),
    annualIncome: MoneySchema.optional(),
    education: EducationSchema.optional(),
    maritalStatus: MaritalStatusSchema.optional(),
  },
  {
    ...commonClasses,
    kind: C1,
    name: c2("name"),
    gender: C1,
    birthDate: C2,
    idDocument: C2,
    deceasedOn: C2,
    occupation: C1,
    annualIncome: C2,
    education: C1,
    maritalStatus: C1,
  },
  (ctx) => {
    // A resident ID encodes birth date and gender; the record must agree with it.
    const { idDocument, birthDate, gender } = ctx.value;
    if (idDocument.type !== "resident_id") return;
    const parsed = parseResidentIdNumber(idDocument.number);
    if (!parsed) return;
    if (parsed.birthDate !== birthDate) {
      ctx.issues.push({
        code: "custom",
        path: ["birthDate"],
        message: "birth date differs from the resident ID",
        params: { reason: "birthDateMismatch" },
        input: undefined,
      });
    }
    if (parsed.gender !== gender) {
      ctx.issues.push({
        code: "custom",
        path: ["gender"],
        message: "gender differs from the resident ID",
        params: { reason: "genderMismatch" },
        input: undefined,
      });
    }
  },
);

export const CorporateCustomerFields = defineRecord(
  "CorporateCustomer",
  {
    ...common,
    kind: z.literal("corporate"),
    name: text(120),
    uscc: UsccSchema,
    industry: IndustrySchema,
    sizeClass: EnterpriseSizeSchema,
    registeredCapital: MoneySchema.optional(),
    employeeCount: z.int().min(0).optional(),
    legalRepresentative: text(60),
    /** Whom the bank deals with (changed through `customers.change`, kind `contact_persons`, history kept). */
    contactPersons: z.array(ContactPersonFields).max(20).optional(),
    creditLine: MoneySchema.optional(),
    /** The registration number from before the USCC (工商注册号: 15 digits, 13 for the oldest), as older systems keep it. */
    registrationNumber: z
      .string()
      .trim()
      .regex(/^(\d{13}|\d{15})$/)
      .optional(),
  },
  {
    ...commonClasses,
    kind: C1,
    name: C1,
    // A USCC is public in the national enterprise credit registry.
    uscc: C1,
    industry: C1,
    sizeClass: C1,
    registeredCapital: C1,
    employeeCount: C1,
    legalRepresentative: c2("name"),
    contactPersons: C2,
    creditLine: C2,
    // Public in the enterprise credit registry, as the USCC.
    registrationNumber: C1,
  },
);

export const CustomerSchema = rejectC3(
  z.discriminatedUnion("kind", [IndividualCustomerFields, CorporateCustomerFields]),
);
export type Customer = z.infer<typeof CustomerSchema>;
export type IndividualCustomer = z.infer<typeof IndividualCustomerFields>;
export type CorporateCustomer = z.infer<typeof CorporateCustomerFields>;
export const IndividualCustomerSchema = rejectC3(IndividualCustomerFields);
export const CorporateCustomerSchema = rejectC3(CorporateCustomerFields);
