/** The zod enums of the vocabularies in vocabulary.ts (re-exported here with them). */
import { z } from "../zod.js";
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
  TIERS,
  CONSENT_PURPOSES,
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
  SERVICE_CASE_TYPES,
  PRIORITIES,
  SERVICE_CASE_STATUSES,
  TASK_TYPES,
  TASK_STATUSES,
  STAFF_ROLES,
  SALES_METRICS,
  RELATIONSHIP_GROUP_KINDS,
  RELATIONSHIP_ROLES,
} from "./vocabulary.js";

export * from "./vocabulary.js";

export const CustomerKindSchema = z.enum(CUSTOMER_KINDS);
export const GenderSchema = z.enum(GENDERS);
export const CustomerStatusSchema = z.enum(CUSTOMER_STATUSES);
export const IdDocumentTypeSchema = z.enum(ID_DOCUMENT_TYPES);
export const EducationSchema = z.enum(EDUCATION_LEVELS);
export const MaritalStatusSchema = z.enum(MARITAL_STATUSES);
export const OccupationSchema = z.enum(OCCUPATIONS);
export const IndustrySchema = z.enum(INDUSTRIES);
export const EnterpriseSizeSchema = z.enum(ENTERPRISE_SIZES);
export const ContactChannelSchema = z.enum(CONTACT_CHANNELS);
export const ContactTimeSchema = z.enum(CONTACT_TIMES);
export const RiskToleranceSchema = z.enum(RISK_TOLERANCE_LEVELS);
export const ProductRiskLevelSchema = z.enum(PRODUCT_RISK_LEVELS);
export const KycStatusSchema = z.enum(KYC_STATUSES);
export const TierSchema = z.enum(TIERS);
export const ConsentPurposeSchema = z.enum(CONSENT_PURPOSES);
export const ConsentChannelSchema = z.enum(CONSENT_CHANNELS);
export const ProductTypeSchema = z.enum(PRODUCT_TYPES);
export const HoldingStatusSchema = z.enum(HOLDING_STATUSES);
export const TransactionDirectionSchema = z.enum(TRANSACTION_DIRECTIONS);
export const TransactionChannelSchema = z.enum(TRANSACTION_CHANNELS);
export const TransactionCategorySchema = z.enum(TRANSACTION_CATEGORIES);
export const InteractionChannelSchema = z.enum(INTERACTION_CHANNELS);
export const InteractionTypeSchema = z.enum(INTERACTION_TYPES);
export const InteractionOutcomeSchema = z.enum(INTERACTION_OUTCOMES);
export const LeadStatusSchema = z.enum(LEAD_STATUSES);
export const LeadSourceSchema = z.enum(LEAD_SOURCES);
export const LeadPurposeSchema = z.enum(LEAD_PURPOSES);
export const OpportunityStageSchema = z.enum(OPPORTUNITY_STAGES);
export const CampaignStatusSchema = z.enum(CAMPAIGN_STATUSES);
export const CampaignChannelSchema = z.enum(CAMPAIGN_CHANNELS);
export const CampaignResponseTypeSchema = z.enum(CAMPAIGN_RESPONSE_TYPES);
export const ServiceCaseTypeSchema = z.enum(SERVICE_CASE_TYPES);
export const PrioritySchema = z.enum(PRIORITIES);
export const ServiceCaseStatusSchema = z.enum(SERVICE_CASE_STATUSES);
export const TaskTypeSchema = z.enum(TASK_TYPES);
export const TaskStatusSchema = z.enum(TASK_STATUSES);
export const StaffRoleSchema = z.enum(STAFF_ROLES);
export const SalesMetricSchema = z.enum(SALES_METRICS);
export const RelationshipGroupKindSchema = z.enum(RELATIONSHIP_GROUP_KINDS);
export const RelationshipRoleSchema = z.enum(RELATIONSHIP_ROLES);
