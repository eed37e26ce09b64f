/**
 * KYC kept current (客户身份识别, 持续尽职调查): an identity document in force, and a due-diligence review on the
 * cycle the customer's AML risk rating sets (high risk more often). A customer whose KYC is not current is
 * restricted — no new investment or insurance sale (sale-check.ts) — until it is refreshed; relationship managers
 * get care tasks before the day (care.ts) and head office sees the overdue by branch (`kycByBranch`).
 */
import type { Customer } from "../schemas/customer.js";
import type { AmlRiskRating } from "../vocabulary.js";
import { DAY_MS } from "../time.js";
import { bankDay } from "../sales/day.js";

export interface KycPolicy {
  /** Days between due-diligence reviews, by AML risk rating. */
  reviewDays: Readonly<Record<AmlRiskRating, number>>;
  /** How far ahead an expiring document or a review falls due counts as "due soon". Default 30 days. */
  windowDays: number;
}

/**
 * The default cycle: high-risk customers reviewed at least every half year, medium every two years, low every three
 * (a bank sets its own in its AML procedures).
 */
export const DEFAULT_KYC_POLICY: KycPolicy = { reviewDays: { high: 182, medium: 730, low: 1095 }, windowDays: 30 };

export type DocumentState = "valid" | "expiring" | "expired" | "unknown";
export type ReviewState = "current" | "due" | "overdue" | "unrated";

export interface KycState {
  document: DocumentState;
  /** The day the identity document lapses, if known. */
  documentValidUntil?: string;
  review: ReviewState;
  /** The day the next due-diligence review is due (the last review, or onboarding, plus the rating's cycle). */
  reviewDueOn?: string;
  /** KYC is not current: the identity document expired, the review is overdue, or verification not complete. */
  restricted: boolean;
}

const plusDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
const isDate = (v: unknown): v is string => typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v);

/** Where a customer's KYC stands on the bank's day of `at`. */
export function kycState(customer: Customer, at: string | Date, policy: KycPolicy = DEFAULT_KYC_POLICY): KycState {
  const today = bankDay(at);
  const horizon = plusDays(today, policy.windowDays);
  const validUntil = customer.kind === "individual" ? customer.idDocument?.validUntil : undefined;
  const document: DocumentState = !isDate(validUntil)
    ? "unknown"
    : validUntil < today
      ? "expired"
      : validUntil <= horizon
        ? "expiring"
        : "valid";
  const rating = customer.amlRiskRating;
  const since = isDate(customer.dueDiligenceAt) ? customer.dueDiligenceAt : customer.onboardedAt;
  const reviewDueOn = rating && isDate(since) ? plusDays(since, policy.reviewDays[rating]) : undefined;
  const review: ReviewState = !reviewDueOn
    ? "unrated"
    : reviewDueOn < today
      ? "overdue"
      : reviewDueOn <= horizon
        ? "due"
        : "current";
  return {
    document,
    ...(isDate(validUntil) ? { documentValidUntil: validUntil } : {}),
    review,
    ...(reviewDueOn ? { reviewDueOn } : {}),
    restricted:
      document === "expired" ||
      review === "overdue" ||
      (customer.kycStatus !== undefined && customer.kycStatus !== "verified"),
  };
}

export interface BranchKyc {
  branchId: string;
  customers: number;
  documentsExpired: number;
  documentsExpiring: number;
  reviewsOverdue: number;
  reviewsDue: number;
  /** Customers whose KYC is not current (each counted once, whatever the reasons). */
  restricted: number;
}

/** Head office's view: per branch, how many customers' KYC lapsed or is about to — most restricted first. */
export function kycByBranch(
  customers: Iterable<Customer>,
  at: string | Date,
  policy: KycPolicy = DEFAULT_KYC_POLICY,
): BranchKyc[] {
  const rows = new Map<string, BranchKyc>();
  for (const c of customers) {
    if (c.status === "closed") continue;
    const row = rows.get(c.branchId) ?? {
      branchId: c.branchId,
      customers: 0,
      documentsExpired: 0,
      documentsExpiring: 0,
      reviewsOverdue: 0,
      reviewsDue: 0,
      restricted: 0,
    };
    const s = kycState(c, at, policy);
    row.customers++;
    if (s.document === "expired") row.documentsExpired++;
    if (s.document === "expiring") row.documentsExpiring++;
    if (s.review === "overdue") row.reviewsOverdue++;
    if (s.review === "due") row.reviewsDue++;
    if (s.restricted) row.restricted++;
    rows.set(c.branchId, row);
  }
  return [...rows.values()].sort((a, b) => b.restricted - a.restricted || (a.branchId < b.branchId ? -1 : 1));
}
