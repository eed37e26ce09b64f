/**
 * Investor suitability (适当性管理): a product of risk R1–R5 is for a customer whose assessed tolerance (C1–C5) is
 * at least as high, on an assessment that has not lapsed. One rule for the next best offer, a campaign's audience
 * and (with compliance) the sale itself.
 */
import type { Customer } from "../schemas/customer.js";
import type { ProductRiskLevel } from "../vocabulary.js";
import { DAY_MS } from "../time.js";

/** Why a product is not suitable for a customer. */
export type Unsuitability = "noRiskAssessment" | "riskAssessmentExpired" | "aboveRiskTolerance";

export interface SuitabilityOptions {
  now?: Date;
  /** How long a risk assessment holds, in days (default 365). */
  assessmentValidDays?: number;
}

/** Undefined when a product of `risk` suits the customer; otherwise why not. */
export function unsuitability(
  customer: Pick<Customer, "riskTolerance" | "riskAssessedAt">,
  risk: ProductRiskLevel,
  options: SuitabilityOptions = {},
): Unsuitability | undefined {
  const tolerance = customer.riskTolerance;
  if (!tolerance) return "noRiskAssessment";
  const assessedAt = customer.riskAssessedAt ? Date.parse(`${customer.riskAssessedAt}T00:00:00Z`) : undefined;
  const now = (options.now ?? new Date()).getTime();
  if (assessedAt !== undefined && now - assessedAt > (options.assessmentValidDays ?? 365) * DAY_MS)
    return "riskAssessmentExpired";
  if (Number(risk.slice(1)) > Number(tolerance.slice(1))) return "aboveRiskTolerance";
  return undefined;
}
