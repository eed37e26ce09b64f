/** The zod enums of the vocabularies in vocabulary.ts (re-exported here with them). */
import * as z from "zod";
import {
  CUSTOMER_KINDS,
  GENDERS,
  CUSTOMER_STATUSES,
  ID_DOCUMENT_TYPES,
  EDUCATION_LEVELS,
  MARITAL_STATUSES,
  OCCUPATIONS,
  INDUSTRIES,
  ENTERPRISE_SIZES,
  CONTACT_CHANNELS,
  CONTACT_TIMES,
  RISK_TOLERANCE_LEVELS,
  PRODUCT_RISK_LEVELS,
  KYC_STATUSES,
  AML_RISK_RATINGS,
  PRIVACY_RIGHTS,
  TIERS,
  CONSENT_PURPOSES,
  SEGMENT_PURPOSES,
  CONSENT_CHANNELS,
  PRODUCT_TYPES,
  HOLDING_STATUSES,
  TRANSACTION_DIRECTIONS,
  TRANSACTION_CHANNELS,
  TRANSACTION_CATEGORIES,
  INTERACTION_CHANNELS,
  INTERACTION_TYPES,
  INTERACTION_OUTCOMES,
  LEAD_STATUSES,
  LEAD_SOURCES,
  LEAD_PURPOSES,
  OPPORTUNITY_STAGES,
  CAMPAIGN_STATUSES,
  CAMPAIGN_CHANNELS,
  CAMPAIGN_RESPONSE_TYPES,
  AUDIENCE_EXCLUSIONS,
  SERVICE_CASE_TYPES,
  PRIORITIES,
  SERVICE_CASE_STATUSES,
  TASK_TYPES,
  CARE_REASONS,
  OFFER_DISMISSAL_REASONS,
  SERVICE_CATEGORIES,
  RESOLUTION_CODES,
  TASK_STATUSES,
  STAFF_ROLES,
  SALES_METRICS,
  RELATIONSHIP_GROUP_KINDS,
  RELATIONSHIP_ROLES,
} from "../vocabulary.js";

export * from "../vocabulary.js";
export { ID_PATTERN } from "../id-pattern.js";

export const CustomerKindSchema = /* @__PURE__ */ z.enum(CUSTOMER_KINDS);
export const GenderSchema = /* @__PURE__ */ z.enum(GENDERS);
export const CustomerStatusSchema = /* @__PURE__ */ z.enum(CUSTOMER_STATUSES);
export const IdDocumentTypeSchema = /* @__PURE__ */ z.enum(ID_DOCUMENT_TYPES);
export const EducationSchema = /* @__PURE__ */ z.enum(EDUCATION_LEVELS);
export const MaritalStatusSchema = /* @__PURE__ */ z.enum(MARITAL_STATUSES);
export const OccupationSchema = /* @__PURE__ */ z.enum(OCCUPATIONS);
export const IndustrySchema = /* @__PURE__ */ z.enum(INDUSTRIES);
export const EnterpriseSizeSchema = /* @__PURE__ */ z.enum(ENTERPRISE_SIZES);
export const ContactChannelSchema = /* @__PURE__ */ z.enum(CONTACT_CHANNELS);
export const ContactTimeSchema = /* @__PURE__ */ z.enum(CONTACT_TIMES);
export const RiskToleranceSchema = /* @__PURE__ */ z.enum(RISK_TOLERANCE_LEVELS);
export const ProductRiskLevelSchema = /* @__PURE__ */ z.enum(PRODUCT_RISK_LEVELS);
export const KycStatusSchema = /* @__PURE__ */ z.enum(KYC_STATUSES);
export const AmlRiskRatingSchema = /* @__PURE__ */ z.enum(AML_RISK_RATINGS);
export const PrivacyRightSchema = /* @__PURE__ */ z.enum(PRIVACY_RIGHTS);
export const TierSchema = /* @__PURE__ */ z.enum(TIERS);
export const ConsentPurposeSchema = /* @__PURE__ */ z.enum(CONSENT_PURPOSES);
export const SegmentPurposeSchema = /* @__PURE__ */ z.enum(SEGMENT_PURPOSES);
export const ConsentChannelSchema = /* @__PURE__ */ z.enum(CONSENT_CHANNELS);
export const ProductTypeSchema = /* @__PURE__ */ z.enum(PRODUCT_TYPES);
export const HoldingStatusSchema = /* @__PURE__ */ z.enum(HOLDING_STATUSES);
export const TransactionDirectionSchema = /* @__PURE__ */ z.enum(TRANSACTION_DIRECTIONS);
export const TransactionChannelSchema = /* @__PURE__ */ z.enum(TRANSACTION_CHANNELS);
export const TransactionCategorySchema = /* @__PURE__ */ z.enum(TRANSACTION_CATEGORIES);
export const InteractionChannelSchema = /* @__PURE__ */ z.enum(INTERACTION_CHANNELS);
export const InteractionTypeSchema = /* @__PURE__ */ z.enum(INTERACTION_TYPES);
export const InteractionOutcomeSchema = /* @__PURE__ */ z.enum(INTERACTION_OUTCOMES);
export const LeadStatusSchema = /* @__PURE__ */ z.enum(LEAD_STATUSES);
export const LeadSourceSchema = /* @__PURE__ */ z.enum(LEAD_SOURCES);
export const LeadPurposeSchema = /* @__PURE__ */ z.enum(LEAD_PURPOSES);
export const OpportunityStageSchema = /* @__PURE__ */ z.enum(OPPORTUNITY_STAGES);
export const CampaignStatusSchema = /* @__PURE__ */ z.enum(CAMPAIGN_STATUSES);
export const CampaignChannelSchema = /* @__PURE__ */ z.enum(CAMPAIGN_CHANNELS);
export const CampaignResponseTypeSchema = /* @__PURE__ */ z.enum(CAMPAIGN_RESPONSE_TYPES);
export const AudienceExclusionSchema = /* @__PURE__ */ z.enum(AUDIENCE_EXCLUSIONS);
export const ServiceCaseTypeSchema = /* @__PURE__ */ z.enum(SERVICE_CASE_TYPES);
export const PrioritySchema = /* @__PURE__ */ z.enum(PRIORITIES);
export const ServiceCaseStatusSchema = /* @__PURE__ */ z.enum(SERVICE_CASE_STATUSES);
export const TaskTypeSchema = /* @__PURE__ */ z.enum(TASK_TYPES);
export const ServiceCategorySchema = /* @__PURE__ */ z.enum(SERVICE_CATEGORIES);
export const ResolutionCodeSchema = /* @__PURE__ */ z.enum(RESOLUTION_CODES);
export const CareReasonSchema = /* @__PURE__ */ z.enum(CARE_REASONS);
export const OfferDismissalReasonSchema = /* @__PURE__ */ z.enum(OFFER_DISMISSAL_REASONS);
export const TaskStatusSchema = /* @__PURE__ */ z.enum(TASK_STATUSES);
export const StaffRoleSchema = /* @__PURE__ */ z.enum(STAFF_ROLES);
export const SalesMetricSchema = /* @__PURE__ */ z.enum(SALES_METRICS);
export const RelationshipGroupKindSchema = /* @__PURE__ */ z.enum(RELATIONSHIP_GROUP_KINDS);
export const RelationshipRoleSchema = /* @__PURE__ */ z.enum(RELATIONSHIP_ROLES);
