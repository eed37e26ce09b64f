/**
 * Call-centre optimisation (客户服务中心优化) from the desk's own logs: inbound calls in a period — how many,
 * how long they took to handle, how many were resolved at first contact (no call back from the same customer
 * within `repeatDays`), who called again and again, why people called, and the cases opened on calls that went
 * past their time limit, by queue (the case's type).
 */
import { BankcrmInvalidArgumentError } from "../errors/invalid-argument-error.js";
import type { Interaction } from "../schemas/interaction.js";
import type { ServiceCase } from "../schemas/service-case.js";
import type { InteractionType, ServiceCaseType, ServiceCategory } from "../vocabulary.js";
import { DAY_MS } from "../time.js";

export interface CallCentreStatistics {
  calls: number;
  /** Calls with a recorded handling time, and their mean and median in seconds (undefined with none). */
  timed: number;
  meanHandlingSeconds: number | undefined;
  medianHandlingSeconds: number | undefined;
  /** Calls not followed by another from the same customer within `repeatDays`, and their share. */
  firstContactResolved: number;
  firstContactResolution: number;
  /** Customers who called two or more times within `repeatDays` of a call of theirs, most calls first. */
  repeatCallers: { customerId: string; calls: number }[];
  /** Why people called: each call's case's category (a call without a case: `uncategorized`) … */
  byCategory: Partial<Record<ServiceCategory | "uncategorized", number>>;
  /** … and the kind of contact logged. */
  byType: Partial<Record<InteractionType, number>>;
  /** Cases opened on a call in the period, by queue (type): how many, how many past their limit, and the share. */
  breachesByQueue: Partial<Record<ServiceCaseType, { cases: number; breached: number; share: number }>>;
}

export interface CallCentreOptions {
  /** The period's first instant and the instant after it (ISO). */
  from: string;
  to: string;
  /** A call back within these days means the first was not resolved. Default 7. */
  repeatDays?: number;
}

const INBOUND = "call_center_inbound";

/** The desk's figures for one period, from its calls (interactions) and cases. */
export function callCentreStatistics(
  interactions: readonly Pick<Interaction, "customerId" | "at" | "channel" | "type" | "caseId" | "durationSeconds">[],
  cases: readonly Pick<ServiceCase, "id" | "type" | "category" | "channel" | "openedAt" | "slaDueAt" | "resolvedAt">[],
  options: CallCentreOptions,
): CallCentreStatistics {
  const from = Date.parse(options.from);
  const to = Date.parse(options.to);
  const repeat = (options.repeatDays ?? 7) * DAY_MS;
  if (Number.isNaN(from) || Number.isNaN(to) || to <= from)
    throw new BankcrmInvalidArgumentError("from", "an instant before `to`, both ISO");
  if (!(repeat > 0)) throw new BankcrmInvalidArgumentError("repeatDays", "a positive number");
  const within = (at: string) => Date.parse(at) >= from && Date.parse(at) < to;
  // Every inbound call, in time order: a call in the period is judged by the calls after it, even past its end.
  const inbound = interactions.filter((i) => i.channel === INBOUND).sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const calls = inbound.filter((i) => within(i.at));
  const caseById = new Map(cases.map((c) => [c.id, c]));

  const durations = calls
    .flatMap((c) => (c.durationSeconds !== undefined ? [c.durationSeconds] : []))
    .sort((a, b) => a - b);
  const mid = durations.length >> 1;
  const median =
    durations.length === 0
      ? undefined
      : durations.length % 2 === 1
        ? durations[mid]!
        : (durations[mid - 1]! + durations[mid]!) / 2;

  const calledBack = (call: (typeof calls)[number]) =>
    inbound.some(
      (other) =>
        other !== call &&
        other.customerId === call.customerId &&
        Date.parse(other.at) > Date.parse(call.at) &&
        Date.parse(other.at) - Date.parse(call.at) <= repeat,
    );
  const resolved = calls.filter((c) => !calledBack(c)).length;

  const perCustomer = new Map<string, number[]>();
  for (const c of calls) perCustomer.set(c.customerId, [...(perCustomer.get(c.customerId) ?? []), Date.parse(c.at)]);
  const repeatCallers = [...perCustomer]
    .filter(([, times]) => times.some((t, i) => i > 0 && t - times[i - 1]! <= repeat))
    .map(([customerId, times]) => ({ customerId, calls: times.length }))
    .sort((a, b) => b.calls - a.calls || (a.customerId < b.customerId ? -1 : 1));

  const byCategory: CallCentreStatistics["byCategory"] = {};
  const byType: CallCentreStatistics["byType"] = {};
  for (const c of calls) {
    const category = (c.caseId && caseById.get(c.caseId)?.category) || "uncategorized";
    byCategory[category] = (byCategory[category] ?? 0) + 1;
    byType[c.type] = (byType[c.type] ?? 0) + 1;
  }

  const breachesByQueue: CallCentreStatistics["breachesByQueue"] = {};
  for (const c of cases) {
    if (c.channel !== INBOUND || !within(c.openedAt)) continue;
    const end = c.resolvedAt ? Date.parse(c.resolvedAt) : to;
    const queue = (breachesByQueue[c.type] ??= { cases: 0, breached: 0, share: 0 });
    queue.cases++;
    if (end > Date.parse(c.slaDueAt)) queue.breached++;
    queue.share = queue.breached / queue.cases;
  }

  return {
    calls: calls.length,
    timed: durations.length,
    meanHandlingSeconds: durations.length === 0 ? undefined : durations.reduce((s, d) => s + d, 0) / durations.length,
    medianHandlingSeconds: median,
    firstContactResolved: resolved,
    firstContactResolution: calls.length === 0 ? 0 : resolved / calls.length,
    repeatCallers,
    byCategory,
    byType,
    breachesByQueue,
  };
}
