/**
 * Verifying a caller (来电身份核实) before anything of theirs is shown: an
 * individual says their date of birth and the last four of their ID; a company
 * the first and last four of its unified social credit code. The answers are
 * compared with the full values where they are kept — on the server, or in the
 * embedded desk's store — and only "match" or "no match" comes back, never a
 * value. Three failed attempts lock that customer for that agent for a day.
 */
import type { Customer } from "../schemas/customer.js";

/** Failed attempts before the customer is locked for the agent. */
export const CALLER_VERIFICATION_ATTEMPTS = 3;
/** How long the lock lasts, from the last failed attempt, in hours. */
export const CALLER_LOCK_HOURS = 24;

/** What the caller says: `first` — the date of birth (YYYY-MM-DD) or the credit code's first four; `last4` — the ID's or credit code's last four. */
export interface CallerAnswers {
  first: string;
  last4: string;
}

/** Whether the caller's answers match the customer's record (trimmed; letters compared upper-case). */
export function callerAnswersMatch(customer: Customer, answers: { first?: unknown; last4?: unknown }): boolean {
  const said = (v: unknown) => (typeof v === "string" ? v.trim().toUpperCase() : "");
  const key = customer.kind === "individual" ? customer.idDocument.number : customer.uscc;
  const first = customer.kind === "individual" ? customer.birthDate : customer.uscc.slice(0, 4);
  const last4 = key.slice(-4).toUpperCase();
  return first !== undefined && said(answers.first) === first.toUpperCase() && said(answers.last4) === last4;
}

/**
 * Whether an agent's failed attempts on a customer (their instants) lock them now, and until when: the
 * `CALLER_VERIFICATION_ATTEMPTS`th failure within `CALLER_LOCK_HOURS` locks until that many hours after the latest.
 */
export function callerLock(
  failures: readonly string[],
  now: Date,
): { locked: boolean; attemptsLeft: number; until?: string } {
  const windowStart = now.getTime() - CALLER_LOCK_HOURS * 3_600_000;
  const recent = failures.map((f) => Date.parse(f)).filter((t) => t > windowStart);
  if (recent.length < CALLER_VERIFICATION_ATTEMPTS)
    return { locked: false, attemptsLeft: CALLER_VERIFICATION_ATTEMPTS - recent.length };
  const until = new Date(Math.max(...recent) + CALLER_LOCK_HOURS * 3_600_000).toISOString();
  return { locked: true, attemptsLeft: 0, until };
}
