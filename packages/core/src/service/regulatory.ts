/**
 * The regulator's complaint clock (银行业保险业消费投诉处理管理办法, CBIRC 2020, Art. 24): a bank decides a complaint
 * and tells the customer within 15 days of receiving it; a complex case may be extended to 30 days, and by a further
 * 30 with a senior manager's approval. Calendar days, not working days — it runs beside the bank's own working-day
 * service levels (sla.ts), and whichever limit comes first is the one a case is held to.
 */
import { bankDay, bankTime } from "../sales/day.js";
import { DAY_MS } from "../time.js";

/** Calendar days from receipt: to decide, once extended, and once extended again with approval. */
export const REGULATORY_COMPLAINT_DAYS = [15, 30, 60] as const;

/**
 * Calendar days to answer a personal-information request (GB/T 35273-2020 §8.7: thirty days, or what the law sets);
 * a bank's own, shorter limit is its service level (`DEFAULT_SLA_TABLE.personal_information`).
 */
export const PRIVACY_REQUEST_DAYS = 30;

/** The most extensions a complaint may have (the second with a senior manager's approval). */
export const MAX_COMPLAINT_EXTENSIONS = REGULATORY_COMPLAINT_DAYS.length - 1;

const plusDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);

/**
 * When the regulator's limit for a complaint received at `receivedAt` ends, after `extensions` extensions: the end
 * of the Nth calendar day after the day of receipt, on the bank's clock (Beijing). Received on 30 September 2026:
 * 15 October, 24:00.
 */
export function regulatoryDue(receivedAt: string | Date, extensions = 0): { dueAt: string; dueDay: string } {
  const days = REGULATORY_COMPLAINT_DAYS[Math.max(0, Math.min(MAX_COMPLAINT_EXTENSIONS, Math.trunc(extensions)))]!;
  const dueDay = plusDays(bankDay(receivedAt), days);
  return { dueAt: bankTime(plusDays(dueDay, 1)), dueDay };
}

/** Which limit a case is held to: the bank's service level, or the regulator's (the earlier one). */
export function bindingDue(c: { slaDueAt: string; regulatoryDueAt?: string | undefined }): {
  dueAt: string;
  binding: "sla" | "regulatory";
} {
  return c.regulatoryDueAt !== undefined && Date.parse(c.regulatoryDueAt) < Date.parse(c.slaDueAt)
    ? { dueAt: c.regulatoryDueAt, binding: "regulatory" }
    : { dueAt: c.slaDueAt, binding: "sla" };
}

/**
 * The fields the writer derives on a service case, whatever the input said: the regulator's limit — a complaint's,
 * from its receipt and extensions; a personal-information request's, thirty days from receipt.
 */
export function caseDerivedFields(c: {
  type?: unknown;
  openedAt?: unknown;
  extensions?: readonly unknown[] | undefined;
}): { regulatoryDueAt?: string } {
  if (typeof c.openedAt !== "string" || Number.isNaN(Date.parse(c.openedAt))) return {};
  if (c.type === "complaint") return { regulatoryDueAt: regulatoryDue(c.openedAt, c.extensions?.length ?? 0).dueAt };
  if (c.type !== "personal_information") return {};
  return { regulatoryDueAt: bankTime(plusDays(plusDays(bankDay(c.openedAt), PRIVACY_REQUEST_DAYS), 1)) };
}
