/**
 * Customer care (客户关怀): the moments a relationship manager should call —
 * a birthday, a deposit or wealth product maturing (the money is about to move),
 * a risk assessment over a year old (suitability lapses), an ID document about
 * to expire, an account gone dormant, a due-diligence review falling due (KYC) —
 * each with its reason and the day it is due, as candidate tasks.
 */
import type { Customer } from "../schemas/customer.js";
import type { Holding } from "../schemas/holding.js";
import type { CareReason, ProductType } from "../vocabulary.js";
import { DAY_MS, isoDay } from "../time.js";
import { DEFAULT_KYC_POLICY, kycState, type KycPolicy } from "../compliance/kyc.js";

export interface CareEvent {
  customerId: string;
  reason: CareReason;
  /** The day it happens or happened (ISO date); today for standing conditions (dormant, assessment lapsed). */
  dueOn: string;
  /** The holding it is about, for maturities and dormant accounts. */
  holdingId?: string;
}

export interface CareOptions {
  /** Today (ISO date or Date). */
  asOf: string | Date;
  /** How far ahead to look for birthdays, maturities and expiring documents. Default 30 days. */
  windowDays?: number;
  /** How long a risk assessment holds. Default 365 days. */
  riskValidityDays?: number;
  /** The due-diligence review cycle by AML rating (default `DEFAULT_KYC_POLICY`); the window is `windowDays`. */
  kyc?: KycPolicy;
}

const DEPOSITS: readonly ProductType[] = ["time_deposit", "certificate_of_deposit"];
const WEALTH: readonly ProductType[] = ["wealth_management", "fund", "treasury_bond"];

const plusDays = (date: string, days: number) => new Date(Date.parse(date) + days * DAY_MS).toISOString().slice(0, 10);
const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** The next birthday on or after `today` (29 February is kept on 28 February in other years). */
export function nextBirthday(birthDate: string, today: string): string {
  const [, month, day] = birthDate.split("-");
  const at = (year: number) => `${year}-${month}-${month === "02" && day === "29" && !isLeap(year) ? "28" : day}`;
  const year = Number(today.slice(0, 4));
  return at(year) >= today ? at(year) : at(year + 1);
}

/** Care events for these customers and their holdings, soonest first (then by customer and reason). */
export function careEvents(
  customers: readonly Customer[],
  holdings: readonly Holding[],
  options: CareOptions,
): CareEvent[] {
  const today = isoDay(options.asOf);
  const horizon = plusDays(today, options.windowDays ?? 30);
  const lapsedBefore = plusDays(today, -(options.riskValidityDays ?? 365));
  const known = new Set(customers.map((c) => c.id));
  const events: CareEvent[] = [];
  const within = (date: string | undefined) => date !== undefined && date >= today && date <= horizon;
  for (const c of customers) {
    if (c.status === "closed") continue;
    if (c.kind === "individual") {
      const birthday = nextBirthday(c.birthDate, today);
      if (birthday <= horizon) events.push({ customerId: c.id, reason: "birthday", dueOn: birthday });
      const validUntil = c.idDocument.validUntil;
      if (validUntil !== undefined && validUntil <= horizon)
        events.push({ customerId: c.id, reason: "idDocumentExpiring", dueOn: validUntil < today ? today : validUntil });
    }
    if (c.riskAssessedAt !== undefined && c.riskAssessedAt < lapsedBefore)
      events.push({ customerId: c.id, reason: "riskAssessmentExpired", dueOn: today });
    const review = kycState(c, today, { ...(options.kyc ?? DEFAULT_KYC_POLICY), windowDays: options.windowDays ?? 30 });
    if (review.review === "due" || review.review === "overdue")
      events.push({
        customerId: c.id,
        reason: "dueDiligenceReview",
        dueOn: review.reviewDueOn! < today ? today : review.reviewDueOn!,
      });
  }
  for (const h of holdings) {
    if (!known.has(h.customerId)) continue;
    if (h.status === "active" && within(h.maturityDate)) {
      if (DEPOSITS.includes(h.productType))
        events.push({ customerId: h.customerId, reason: "depositMaturity", dueOn: h.maturityDate!, holdingId: h.id });
      else if (WEALTH.includes(h.productType))
        events.push({ customerId: h.customerId, reason: "wealthMaturity", dueOn: h.maturityDate!, holdingId: h.id });
    }
    if (h.status === "dormant")
      events.push({ customerId: h.customerId, reason: "dormantAccount", dueOn: today, holdingId: h.id });
  }
  return events.sort(
    (a, b) =>
      (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0) ||
      (a.customerId < b.customerId ? -1 : a.customerId > b.customerId ? 1 : 0) ||
      (a.reason < b.reason ? -1 : a.reason > b.reason ? 1 : 0),
  );
}
