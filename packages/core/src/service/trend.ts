/**
 * Service figures month by month (a trend for every KPI): the cases opened in each of the last `periods` months
 * on the bank's calendar (Beijing), each month's `serviceStatistics` as it stood at the month's end (or the as-of
 * instant, for the month under way) — complaints, cases past their limit, time to resolve, CSAT — and the
 * change from the month before.
 */
import { BankcrmInvalidArgumentError } from "../errors/invalid-argument-error.js";
import type { ServiceCase } from "../schemas/service-case.js";
import { serviceStatistics, type ServiceStatistics } from "./stats.js";

export interface ServicePeriod {
  /** The month, YYYY-MM. */
  month: string;
  /** Cases opened in the month, and of them complaints. */
  opened: number;
  complaints: number;
  /** Of the month's cases, past their limit by its end (or now). */
  breached: number;
  breachShare: number;
  meanHoursToResolve: number | undefined;
  /** Of the month's cases rated, the share rating 4 or 5, and how many rated. */
  csat: number | undefined;
  ratings: number;
  byCategory: ServiceStatistics["byCategory"];
}

const BEIJING = 8 * 3_600_000;

/** The first instant of a month (YYYY-MM) in Beijing, `add` months on. */
function monthStart(month: string, add = 0): number {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return Date.UTC(y, m - 1 + add, 1) - BEIJING;
}

/** The last `periods` months up to the as-of instant's (Beijing), oldest first, each with its figures. */
export function serviceTrend(
  cases: readonly ServiceCase[],
  options: { asOf: string | Date; periods?: number },
): ServicePeriod[] {
  const asOf = typeof options.asOf === "string" ? Date.parse(options.asOf) : options.asOf.getTime();
  const periods = options.periods ?? 12;
  if (Number.isNaN(asOf)) throw new BankcrmInvalidArgumentError("asOf", "an ISO instant or a Date");
  if (!Number.isInteger(periods) || periods < 1 || periods > 120)
    throw new BankcrmInvalidArgumentError("periods", "a whole number of months from 1 to 120");
  const current = new Date(asOf + BEIJING).toISOString().slice(0, 7);
  const byMonth = new Map<string, ServiceCase[]>();
  for (const c of cases) {
    const month = new Date(Date.parse(c.openedAt) + BEIJING).toISOString().slice(0, 7);
    byMonth.set(month, [...(byMonth.get(month) ?? []), c]);
  }
  return Array.from({ length: periods }, (_, i) => {
    const start = monthStart(current, i - periods + 1);
    const month = new Date(start + BEIJING).toISOString().slice(0, 7);
    const end = Math.min(asOf, monthStart(month, 1));
    // A case resolved after the month's end was still open at it: judged as the month ended (the as-of instant
    // itself included: a case opened at it is this month's).
    const asAtEnd = (byMonth.get(month) ?? [])
      .filter((c) => Date.parse(c.openedAt) <= end)
      .map((c) =>
        c.resolvedAt && Date.parse(c.resolvedAt) > end
          ? (({ resolvedAt: _r, satisfaction: _s, ...open }) => ({ ...open, status: "in_progress" as const }))(c)
          : c,
      );
    const s = serviceStatistics(asAtEnd, { asOf: new Date(end) });
    return {
      month,
      opened: s.total,
      complaints: s.byType.complaint ?? 0,
      breached: s.overdue,
      breachShare: s.overdueShare,
      meanHoursToResolve: s.meanHoursToResolve,
      csat: s.satisfaction.csat,
      ratings: s.satisfaction.responses,
      byCategory: s.byCategory,
    };
  });
}
