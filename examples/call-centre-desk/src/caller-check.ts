/**
 * Where the desk checks what a caller says. On a server, the server: it compares with the full values, audits every
 * attempt and locks the customer for this agent after the third failure — nothing in the page can undo that. Embedded,
 * this browser: the answers checked against the stored record, and the failures kept per agent and customer in
 * localStorage, so neither "not this caller" nor a reload gives three more tries.
 */
import { callerAnswersMatch, callerLock, CALLER_VERIFICATION_ATTEMPTS } from "@bankcrm/core";
import type { HttpStore, IndexedDbStore } from "@bankcrm/data";

export interface CallerState {
  attemptsLeft: number;
  /** Set once locked: until when (an ISO instant). */
  lockedUntil?: string;
}

export interface CallerCheck extends CallerState {
  match: boolean;
}

export interface CallerChecker {
  /** What is known before an attempt (a server tells only when asked: it starts as three tries). */
  state(customerId: string): CallerState;
  check(customerId: string, answers: { first: string; last4: string }): Promise<CallerCheck>;
}

export function serverChecker(store: Pick<HttpStore, "verifyCaller">): CallerChecker {
  const known = new Map<string, CallerState>();
  return {
    state: (customerId) => known.get(customerId) ?? { attemptsLeft: CALLER_VERIFICATION_ATTEMPTS },
    async check(customerId, answers) {
      const answer = await store.verifyCaller(customerId, answers);
      const result: CallerCheck = answer.match
        ? { match: true, attemptsLeft: CALLER_VERIFICATION_ATTEMPTS }
        : {
            match: false,
            attemptsLeft: answer.attemptsLeft,
            ...(answer.lockedUntil ? { lockedUntil: answer.lockedUntil } : {}),
          };
      known.set(customerId, result);
      return result;
    },
  };
}

export function localChecker(
  store: Pick<IndexedDbStore, "getCustomer">,
  agentId: string,
  now: () => Date,
): CallerChecker {
  const key = (customerId: string) => `bankcrm-desk-failures:${agentId}:${customerId}`;
  const failures = (customerId: string): string[] => {
    try {
      const kept: unknown = JSON.parse(localStorage.getItem(key(customerId)) ?? "[]");
      return Array.isArray(kept) ? kept.filter((f): f is string => typeof f === "string") : [];
    } catch {
      return [];
    }
  };
  const state = (customerId: string): CallerState => {
    const lock = callerLock(failures(customerId), now());
    return { attemptsLeft: lock.attemptsLeft, ...(lock.until ? { lockedUntil: lock.until } : {}) };
  };
  return {
    state,
    async check(customerId, answers) {
      const before = state(customerId);
      if (before.lockedUntil) return { match: false, ...before };
      const raw = await store.getCustomer(customerId);
      if (raw && callerAnswersMatch(raw, answers)) return { match: true, ...before };
      localStorage.setItem(key(customerId), JSON.stringify([...failures(customerId), now().toISOString()]));
      return { match: false, ...state(customerId) };
    },
  };
}
