/**
 * What must hold before a sale of a wealth, fund, insurance or agency product to a person can be won (适当性管理 and
 * 双录): the product's risk level within the customer's assessed class, on an assessment that has not lapsed, the
 * bank's own extra rules, an identity document still valid, and the sale's dual-recording evidence. One function for
 * the client's pipeline and the server's transition route, so the browser cannot allow what the server refuses.
 * KYC not current (kyc.ts) restricts the sale too.
 */
import type { Customer } from "../schemas/customer.js";
import type { Opportunity } from "../schemas/opportunity.js";
import type { ProductRiskLevel, ProductType, StaffRole } from "../vocabulary.js";
import { unsuitability } from "../analytics/suitability.js";
import { INVESTMENT_PRODUCT_TYPES } from "../schemas/holding.js";
import { bankDay } from "../sales/day.js";
import { kycState, type KycPolicy } from "./kyc.js";

/** Products whose sale to a person is checked: investments (资管产品) and insurance sold as the insurer's agent. */
export const SALE_CHECKED_PRODUCT_TYPES: readonly ProductType[] = [...INVESTMENT_PRODUCT_TYPES, "insurance"];

/** Why a sale cannot be won, in the order they are reported. */
export const SALE_REFUSAL_CODES = [
  "customerUnknown",
  "productRiskUnknown",
  "noRiskAssessment",
  "riskAssessmentExpired",
  "aboveRiskTolerance",
  "bankRule",
  "idDocumentExpired",
  "kycReviewOverdue",
  "kycNotVerified",
  "processingRestricted",
  "dualRecordingMissing",
  "dualRecordingLate",
] as const; // `out.push({ code: why })` below checks every Unsuitability is here
export type SaleRefusalCode = (typeof SALE_REFUSAL_CODES)[number];

export interface SaleRefusal {
  code: SaleRefusalCode;
  /** The bank's rule (`bankRule`): its id and its words. */
  rule?: { id: string; label: { "zh-CN": string; en: string } };
}

/**
 * An extra rule of the bank's: customers it applies to may buy products up to `maxRisk` (for example customers aged
 * 65 and over, R3 at most). A rule is data, never code: its conditions are the fields below, all of which must hold.
 */
export interface SaleRule {
  id: string;
  label: { "zh-CN": string; en: string };
  maxRisk: ProductRiskLevel;
  /** Applies from this age (whole years on the day of the sale). */
  minAge?: number;
  /** Applies up to and including this age. */
  maxAge?: number;
  /** Applies to these product types only (default: every checked type). */
  productTypes?: readonly ProductType[];
}

export interface SalePolicy {
  /** How long a risk assessment holds, in days (default 365: one year). */
  assessmentValidDays: number;
  /** Whether a sale needs its dual-recording reference (双录) before it is won. Default true. */
  requireDualRecording: boolean;
  /**
   * Whether KYC not current stops the sale (the bank's restriction until it is refreshed): an expired identity
   * document, an overdue due-diligence review, verification not complete. Default true.
   */
  kycRestricts: boolean;
  /** The due-diligence cycle KYC is judged by (default `DEFAULT_KYC_POLICY`). */
  kyc?: KycPolicy;
  rules: readonly SaleRule[];
  /** Refusals a branch manager may override with a reason (recorded on the sale and in the audit). */
  overridable: readonly SaleRefusalCode[];
  /** Who may override. */
  overriders: readonly StaffRole[];
}

/** An example of a bank's own rule, used by the demo bank: no R4 or R5 products for customers aged 65 and over. */
export const ELDER_SALE_RULE: SaleRule = {
  id: "elder-r3",
  label: {
    "zh-CN": "65 周岁及以上客户只可购买 R3 及以下产品",
    en: "Customers aged 65 and over may buy R3 products at most",
  },
  maxRisk: "R3",
  minAge: 65,
};

/**
 * The default: one year's assessment, dual recording required, expired IDs refused, no extra rules. A customer's
 * insistence on a product above their class may be overridden by a branch manager (the fund rules allow it with the
 * customer's written confirmation); nothing else may — a lapsed assessment is renewed, a recording made.
 */
export const DEFAULT_SALE_POLICY: SalePolicy = {
  assessmentValidDays: 365,
  requireDualRecording: true,
  kycRestricts: true,
  rules: [],
  overridable: ["aboveRiskTolerance", "bankRule"],
  overriders: ["branch_manager"],
};

/** Whole years from `birthDate` to the day `at` (both ISO). */
export function ageOn(birthDate: string, at: string): number {
  const [by, bm, bd] = birthDate.split("-").map(Number) as [number, number, number];
  const [ay, am, ad] = bankDay(at).split("-").map(Number) as [number, number, number];
  return ay - by - (am < bm || (am === bm && ad < bd) ? 1 : 0);
}

const riskNumber = (risk: ProductRiskLevel) => Number(risk.slice(1));

function ruleApplies(rule: SaleRule, o: Pick<Opportunity, "productType">, customer: Customer, at: string) {
  if (rule.productTypes && !rule.productTypes.includes(o.productType)) return false;
  if (rule.minAge === undefined && rule.maxAge === undefined) return true;
  // A reader without the birth date (masked on the client) cannot tell; the server, which reads it, decides.
  const birthDate = customer.kind === "individual" ? (customer as { birthDate?: string }).birthDate : undefined;
  if (!birthDate || !/^\d{4}-\d{2}-\d{2}$/.test(birthDate)) return false;
  const age = ageOn(birthDate, at);
  return (rule.minAge === undefined || age >= rule.minAge) && (rule.maxAge === undefined || age <= rule.maxAge);
}

/** Whether winning this opportunity is checked at all: a checked product sold to a person (or to nobody known). */
export function saleChecked(o: Pick<Opportunity, "productType">, customer: Customer | undefined): boolean {
  return SALE_CHECKED_PRODUCT_TYPES.includes(o.productType) && customer?.kind !== "corporate";
}

/**
 * Every reason the sale cannot be won at `at` (ISO instant), in a fixed order; empty when it can. Sales of other
 * products and sales to companies are not checked here (the corporate rules are the bank's credit process).
 */
export function saleRefusals(
  o: Pick<Opportunity, "productType" | "productRisk" | "dualRecording">,
  customer: Customer | undefined,
  at: string,
  policy: SalePolicy = DEFAULT_SALE_POLICY,
): SaleRefusal[] {
  if (!saleChecked(o, customer)) return [];
  const out: SaleRefusal[] = [];
  if (!customer) out.push({ code: "customerUnknown" });
  if (!o.productRisk) out.push({ code: "productRiskUnknown" });
  if (customer && o.productRisk) {
    const why = unsuitability(customer, o.productRisk, {
      now: new Date(at),
      assessmentValidDays: policy.assessmentValidDays,
    });
    if (why) out.push({ code: why });
    for (const rule of policy.rules)
      if (riskNumber(o.productRisk) > riskNumber(rule.maxRisk) && ruleApplies(rule, o, customer, at))
        out.push({ code: "bankRule", rule: { id: rule.id, label: rule.label } });
  }
  if (customer && policy.kycRestricts) {
    const kyc = kycState(customer, at, policy.kyc);
    if (kyc.document === "expired") out.push({ code: "idDocumentExpired" });
    if (kyc.review === "overdue") out.push({ code: "kycReviewOverdue" });
    if (customer.kycStatus !== undefined && customer.kycStatus !== "verified") out.push({ code: "kycNotVerified" });
  }
  // A person who asked for their data to be deleted is no longer sold to (个人信息保护法 Art. 47 ¶2; retention.ts).
  if (customer?.restrictedAt !== undefined) out.push({ code: "processingRestricted" });
  if (policy.requireDualRecording) {
    if (!o.dualRecording) out.push({ code: "dualRecordingMissing" });
    else if (!(Date.parse(o.dualRecording.recordedAt) <= Date.parse(at))) out.push({ code: "dualRecordingLate" });
  }
  return out;
}

/** Whether these refusals may be overridden by this role under the policy (none left that may not). */
export function saleOverridable(
  refusals: readonly SaleRefusal[],
  role: StaffRole,
  policy: SalePolicy = DEFAULT_SALE_POLICY,
) {
  return (
    refusals.length > 0 &&
    policy.overriders.includes(role) &&
    refusals.every((r) => policy.overridable.includes(r.code))
  );
}
