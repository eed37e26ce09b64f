/**
 * The closed vocabularies of the domain as const tuples (the single source) and
 * their types — no zod here, so a formatter or an element can import a
 * vocabulary without pulling in the schemas. Every value has a zh-CN and an en
 * label in `i18n/labels.ts`; a test fails when one is missing.
 */

export const CUSTOMER_KINDS = ["individual", "corporate"] as const;
export const GENDERS = ["male", "female"] as const;
export const CUSTOMER_STATUSES = ["active", "dormant", "closed"] as const;
export const ID_DOCUMENT_TYPES = [
  "resident_id",
  "passport",
  "hk_macao_permit",
  "taiwan_permit",
  "foreign_permanent_resident_id",
  "other",
] as const;
export const EDUCATION_LEVELS = [
  "primary",
  "secondary",
  "vocational",
  "associate",
  "bachelor",
  "master",
  "doctorate",
] as const;
export const MARITAL_STATUSES = ["single", "married", "divorced", "widowed"] as const;
export const OCCUPATIONS = [
  "civil_servant",
  "executive",
  "professional",
  "office_worker",
  "worker",
  "business_owner",
  "self_employed",
  "farmer",
  "military",
  "retired",
  "student",
  "freelancer",
  "unemployed",
] as const;
export const INDUSTRIES = [
  "agriculture",
  "mining",
  "manufacturing",
  "utilities",
  "construction",
  "wholesale_retail",
  "transport_logistics",
  "hospitality_catering",
  "information_technology",
  "finance",
  "real_estate",
  "business_services",
  "research_technology",
  "education",
  "healthcare",
  "culture_sports",
  "other",
] as const;
/** Enterprise size classes of the MIIT classification (大型 / 中型 / 小型 / 微型). */
export const ENTERPRISE_SIZES = ["large", "medium", "small", "micro"] as const;
export const CONTACT_CHANNELS = [
  "branch",
  "phone",
  "sms",
  "email",
  "wechat",
  "mobile_app",
  "online_banking",
  "visit",
] as const;
export const CONTACT_TIMES = ["morning", "noon", "afternoon", "evening", "weekend", "anytime"] as const;
/** Investor suitability level of a customer (投资者风险承受能力), C1 lowest. */
export const RISK_TOLERANCE_LEVELS = ["C1", "C2", "C3", "C4", "C5"] as const;
/** Risk level of an investment product, R1 lowest; never above the customer's C level. */
export const PRODUCT_RISK_LEVELS = ["R1", "R2", "R3", "R4", "R5"] as const;
export const KYC_STATUSES = ["pending", "verified", "expired", "rejected"] as const;
/** A customer's money-laundering risk rating (洗钱风险等级): how often their due diligence is reviewed. */
export const AML_RISK_RATINGS = ["low", "medium", "high"] as const;
/** Customer tiers (客户等级): 普通 / 金卡 / 白金 / 钻石 / 私人银行. */
export const TIERS = ["standard", "gold", "platinum", "diamond", "private"] as const;
/** `sensitive_processing`: the separate consent to process financial account information (PIPL Arts. 28–29). */
// prettier-ignore
export const CONSENT_PURPOSES = [
  "marketing", "profiling", "third_party_sharing", "cross_border_transfer", "sensitive_processing",
] as const;
/** What a segment or an export is for: every consent purpose but the separate one, which only adds to another. */
export const SEGMENT_PURPOSES = ["marketing", "profiling", "third_party_sharing", "cross_border_transfer"] as const;
export const CONSENT_CHANNELS = ["sms", "phone", "email", "wechat", "mobile_app", "all"] as const;
export const PRODUCT_TYPES = [
  "current_deposit",
  "time_deposit",
  "certificate_of_deposit",
  "mortgage",
  "consumer_loan",
  "business_loan",
  "credit_card",
  "wealth_management",
  "fund",
  "insurance",
  "precious_metal",
  "treasury_bond",
] as const;
export const HOLDING_STATUSES = ["active", "dormant", "frozen", "overdue", "matured", "closed"] as const;
export const TRANSACTION_DIRECTIONS = ["credit", "debit"] as const;
export const TRANSACTION_CHANNELS = [
  "branch_counter",
  "atm",
  "online_banking",
  "mobile_app",
  "phone_banking",
  "pos",
  "wechat",
] as const;
export const TRANSACTION_CATEGORIES = [
  "salary",
  "transfer",
  "consumption",
  "cash_deposit",
  "cash_withdrawal",
  "loan_disbursement",
  "loan_repayment",
  "card_repayment",
  "investment_purchase",
  "investment_redemption",
  "interest",
  "fee",
  "utility",
  "insurance_premium",
  "other",
] as const;
export const INTERACTION_CHANNELS = [
  "branch",
  "phone",
  "call_center_inbound",
  "call_center_outbound",
  "online_banking",
  "mobile_app",
  "wechat",
  "email",
  "sms",
  "visit",
] as const;
export const INTERACTION_TYPES = [
  "visit",
  "call",
  "inquiry",
  "complaint",
  "service",
  "campaign_contact",
  "note",
] as const;
export const INTERACTION_OUTCOMES = [
  "successful",
  "follow_up",
  "no_answer",
  "declined",
  "resolved",
  "escalated",
  "informational",
] as const;
export const LEAD_STATUSES = ["new", "contacted", "qualified", "converted", "disqualified"] as const;
export const LEAD_SOURCES = [
  "branch_walk_in",
  "internet_banking",
  "mobile_app",
  "call_center",
  "referral",
  "campaign",
  "event",
  "rm_outreach",
] as const;
/** What the lead is about; a lead form collects only what its purpose needs (PIPL). */
export const LEAD_PURPOSES = [
  "wealth_consultation",
  "mortgage",
  "consumer_loan",
  "business_loan",
  "credit_card",
  "account_opening",
  "insurance",
  "other",
] as const;
export const OPPORTUNITY_STAGES = [
  "prospecting",
  "qualification",
  "needs_analysis",
  "proposal",
  "negotiation",
  "won",
  "lost",
] as const;
/** What a knowledge-base article is (营销知识管理): a product script, a question customers ask, an objection's answer. */
export const KNOWLEDGE_KINDS = ["script", "faq", "objection"] as const;
/** A points ledger's entries (积分): earned on a transaction, redeemed for a reward, expired, or adjusted by hand. */
export const LOYALTY_ENTRY_KINDS = ["earn", "redeem", "expire", "adjust"] as const;
/** What a preferential price (优惠定价) gives an SME: a lower loan rate, a higher deposit rate, fees waived. */
export const PRICING_KINDS = ["loan_rate", "deposit_rate", "fee_waiver"] as const;
/** A preferential price's approval: requested by the RM, approved or rejected by the branch manager, revoked. */
export const PRICING_STATUSES = ["requested", "approved", "rejected", "revoked"] as const;
/** Written as a draft, published by a second person (four eyes), retired when out of date. */
export const KNOWLEDGE_STATUSES = ["draft", "published", "retired"] as const;
export const CAMPAIGN_STATUSES = ["draft", "scheduled", "active", "completed", "cancelled"] as const;
export const CAMPAIGN_CHANNELS = [
  "sms",
  "phone",
  "email",
  "wechat",
  "mobile_app_push",
  "online_banking_banner",
  "branch",
  "direct_mail",
] as const;
export const CAMPAIGN_RESPONSE_TYPES = [
  "sent",
  "delivered",
  "opened",
  "clicked",
  "responded",
  "converted",
  "opted_out",
  "bounced",
] as const;
export const SERVICE_CASE_TYPES = [
  "inquiry",
  "complaint",
  "account_service",
  "card_service",
  "transaction_dispute",
  "fraud_report",
  "loan_service",
  "information_update",
  "personal_information",
  "other",
] as const;
/** The rights a person exercises over their personal information (个人信息保护法 Arts. 44–47): a request's kind. */
export const PRIVACY_RIGHTS = ["access", "copy", "correction", "deletion"] as const;
/** What a case is about (the product area), beside its type. */
export const SERVICE_CATEGORIES = [
  "account",
  "card",
  "deposit",
  "loan",
  "wealth",
  "payment",
  "digital_banking",
  "branch_service",
  "fees",
  "other",
] as const;
/** How a case was resolved (told to the customer beside the resolution text). */
export const RESOLUTION_CODES = ["explained", "corrected", "refunded", "compensated", "rejected", "referred"] as const;
/** Why a segment member is left out of a campaign's audience: may not be contacted, or the product is not for them. */
// prettier-ignore
export const AUDIENCE_EXCLUSIONS = [
  "deceased", "closed", "doNotContact", "noConsent", "consentWithdrawn", "frequencyCap", "holdsProduct", "unsuitable",
] as const;
export const PRIORITIES = ["low", "medium", "high", "urgent"] as const;
export const SERVICE_CASE_STATUSES = ["open", "in_progress", "pending_customer", "resolved", "closed"] as const;
export const TASK_TYPES = ["call", "visit", "follow_up", "review", "document", "other"] as const;
export const TASK_STATUSES = ["open", "in_progress", "done", "cancelled"] as const;
export const STAFF_ROLES = [
  "relationship_manager",
  "teller",
  "branch_manager",
  "marketing",
  "service_agent",
  "auditor",
  /** Head office's 个人信息保护负责人 (PIPL Art. 52): fulfils the people's requests about their data. */
  "privacy_officer",
] as const;
export const SALES_METRICS = [
  "new_customers",
  "aum_growth",
  "deposit_balance",
  "loan_disbursement",
  "wealth_sales",
  "credit_cards_issued",
  "insurance_premium",
  "product_sales_count",
  "product_sales_amount",
  "card_activations",
] as const;
export const RELATIONSHIP_GROUP_KINDS = ["household", "corporate_group"] as const;
/** Who a company's contact person is to it (对公客户联系人). */
export const CONTACT_PERSON_ROLES = [
  "legal_representative",
  "actual_controller",
  "finance_manager",
  "authorized_agent",
  "other",
] as const;
export const RELATIONSHIP_ROLES = [
  "head",
  "spouse",
  "child",
  "parent",
  "sibling",
  "guarantor",
  "legal_representative",
  "shareholder",
  "actual_controller",
  "parent_company",
  "subsidiary",
  "affiliate",
] as const;

export type CustomerKind = (typeof CUSTOMER_KINDS)[number];
export type Gender = (typeof GENDERS)[number];
export type CustomerStatus = (typeof CUSTOMER_STATUSES)[number];
export type IdDocumentType = (typeof ID_DOCUMENT_TYPES)[number];
export type Education = (typeof EDUCATION_LEVELS)[number];
export type MaritalStatus = (typeof MARITAL_STATUSES)[number];
export type Occupation = (typeof OCCUPATIONS)[number];
export type Industry = (typeof INDUSTRIES)[number];
export type EnterpriseSize = (typeof ENTERPRISE_SIZES)[number];
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];
export type ContactTime = (typeof CONTACT_TIMES)[number];
export type RiskTolerance = (typeof RISK_TOLERANCE_LEVELS)[number];
export type ProductRiskLevel = (typeof PRODUCT_RISK_LEVELS)[number];
export type KycStatus = (typeof KYC_STATUSES)[number];
export type AmlRiskRating = (typeof AML_RISK_RATINGS)[number];
export type PrivacyRight = (typeof PRIVACY_RIGHTS)[number];
export type Tier = (typeof TIERS)[number];
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];
export type SegmentPurpose = (typeof SEGMENT_PURPOSES)[number];
export type ConsentChannel = (typeof CONSENT_CHANNELS)[number];
export type ProductType = (typeof PRODUCT_TYPES)[number];
export type HoldingStatus = (typeof HOLDING_STATUSES)[number];
export type TransactionDirection = (typeof TRANSACTION_DIRECTIONS)[number];
export type TransactionChannel = (typeof TRANSACTION_CHANNELS)[number];
export type TransactionCategory = (typeof TRANSACTION_CATEGORIES)[number];
export type InteractionChannel = (typeof INTERACTION_CHANNELS)[number];
export type InteractionType = (typeof INTERACTION_TYPES)[number];
export type InteractionOutcome = (typeof INTERACTION_OUTCOMES)[number];
export type LeadStatus = (typeof LEAD_STATUSES)[number];
export type LeadSource = (typeof LEAD_SOURCES)[number];
export type LeadPurpose = (typeof LEAD_PURPOSES)[number];
export type OpportunityStage = (typeof OPPORTUNITY_STAGES)[number];
export type KnowledgeKind = (typeof KNOWLEDGE_KINDS)[number];
export type LoyaltyEntryKind = (typeof LOYALTY_ENTRY_KINDS)[number];
export type PricingKind = (typeof PRICING_KINDS)[number];
export type PricingStatus = (typeof PRICING_STATUSES)[number];
export type KnowledgeStatus = (typeof KNOWLEDGE_STATUSES)[number];
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];
export type CampaignChannel = (typeof CAMPAIGN_CHANNELS)[number];
export type CampaignResponseType = (typeof CAMPAIGN_RESPONSE_TYPES)[number];
export type ServiceCaseType = (typeof SERVICE_CASE_TYPES)[number];
export type Priority = (typeof PRIORITIES)[number];
export type ServiceCategory = (typeof SERVICE_CATEGORIES)[number];
export type ResolutionCode = (typeof RESOLUTION_CODES)[number];
export type AudienceExclusion = (typeof AUDIENCE_EXCLUSIONS)[number];
export type ServiceCaseStatus = (typeof SERVICE_CASE_STATUSES)[number];
export type TaskType = (typeof TASK_TYPES)[number];
export type TaskStatus = (typeof TASK_STATUSES)[number];
export type StaffRole = (typeof STAFF_ROLES)[number];
export type SalesMetric = (typeof SALES_METRICS)[number];
export type RelationshipGroupKind = (typeof RELATIONSHIP_GROUP_KINDS)[number];
export type RelationshipRole = (typeof RELATIONSHIP_ROLES)[number];
export type ContactPersonRole = (typeof CONTACT_PERSON_ROLES)[number];

// The value models' vocabularies (RFM, churn, contribution, care, offers) stand in their own file.
export * from "./vocabulary-value.js";
import {
  RFM_SEGMENTS,
  CHURN_LEVELS,
  CONTRIBUTION_FACTORS,
  VALUE_FACTORS,
  CHURN_REASONS,
  CARE_REASONS,
  OFFER_EXCLUSIONS,
  OFFER_DISMISSAL_REASONS,
} from "./vocabulary-value.js";

/** Every vocabulary by name, for labels, docs and the completeness test. */
export const vocabularies = {
  customerKind: CUSTOMER_KINDS,
  gender: GENDERS,
  customerStatus: CUSTOMER_STATUSES,
  idDocumentType: ID_DOCUMENT_TYPES,
  education: EDUCATION_LEVELS,
  maritalStatus: MARITAL_STATUSES,
  occupation: OCCUPATIONS,
  industry: INDUSTRIES,
  enterpriseSize: ENTERPRISE_SIZES,
  contactChannel: CONTACT_CHANNELS,
  contactTime: CONTACT_TIMES,
  riskTolerance: RISK_TOLERANCE_LEVELS,
  productRiskLevel: PRODUCT_RISK_LEVELS,
  kycStatus: KYC_STATUSES,
  amlRiskRating: AML_RISK_RATINGS,
  privacyRight: PRIVACY_RIGHTS,
  tier: TIERS,
  consentPurpose: CONSENT_PURPOSES,
  consentChannel: CONSENT_CHANNELS,
  productType: PRODUCT_TYPES,
  holdingStatus: HOLDING_STATUSES,
  transactionDirection: TRANSACTION_DIRECTIONS,
  transactionChannel: TRANSACTION_CHANNELS,
  transactionCategory: TRANSACTION_CATEGORIES,
  interactionChannel: INTERACTION_CHANNELS,
  interactionType: INTERACTION_TYPES,
  interactionOutcome: INTERACTION_OUTCOMES,
  leadStatus: LEAD_STATUSES,
  leadSource: LEAD_SOURCES,
  leadPurpose: LEAD_PURPOSES,
  opportunityStage: OPPORTUNITY_STAGES,
  campaignStatus: CAMPAIGN_STATUSES,
  knowledgeKind: KNOWLEDGE_KINDS,
  loyaltyEntryKind: LOYALTY_ENTRY_KINDS,
  pricingKind: PRICING_KINDS,
  pricingStatus: PRICING_STATUSES,
  knowledgeStatus: KNOWLEDGE_STATUSES,
  campaignChannel: CAMPAIGN_CHANNELS,
  campaignResponseType: CAMPAIGN_RESPONSE_TYPES,
  serviceCaseType: SERVICE_CASE_TYPES,
  serviceCategory: SERVICE_CATEGORIES,
  resolutionCode: RESOLUTION_CODES,
  audienceExclusion: AUDIENCE_EXCLUSIONS,
  priority: PRIORITIES,
  serviceCaseStatus: SERVICE_CASE_STATUSES,
  taskType: TASK_TYPES,
  taskStatus: TASK_STATUSES,
  staffRole: STAFF_ROLES,
  salesMetric: SALES_METRICS,
  relationshipGroupKind: RELATIONSHIP_GROUP_KINDS,
  relationshipRole: RELATIONSHIP_ROLES,
  contactPersonRole: CONTACT_PERSON_ROLES,
  rfmSegment: RFM_SEGMENTS,
  churnLevel: CHURN_LEVELS,
  contributionFactor: CONTRIBUTION_FACTORS,
  valueFactor: VALUE_FACTORS,
  churnReason: CHURN_REASONS,
  careReason: CARE_REASONS,
  offerExclusion: OFFER_EXCLUSIONS,
  offerDismissal: OFFER_DISMISSAL_REASONS,
} as const;
export type VocabularyName = keyof typeof vocabularies;
