/**
 * Service statistics for a branch manager (客户服务与支持): cases by type and
 * category, the share that went past their time limit, mean time to resolve,
 * repeat complaints, and satisfaction (CSAT) with its response rate.
 */
import type { ServiceCase } from "../schemas/service-case.js";
import type { ServiceCaseType, ServiceCategory } from "../vocabulary.js";
import { DAY_MS } from "../time.js";

export interface ServiceStatistics {
  total: number;
  open: number;
  byType: Partial<Record<ServiceCaseType, number>>;
  /** Cases without a category are counted under `uncategorized`. */
  byCategory: Partial<Record<ServiceCategory | "uncategorized", number>>;
  /** Cases past their limit: open ones now, resolved ones when they were resolved; share of all cases. */
  overdue: number;
  overdueShare: number;
  /** Mean hours from opening to resolution, over resolved cases (undefined when none). */
  meanHoursToResolve: number | undefined;
  /** Customers with two or more complaints opened within `repeatWindowDays` of each other. */
  repeatComplaints: { customerId: string; complaints: number }[];
  satisfaction: {
    /** Resolved or closed cases (asked for a rating). */
    asked: number;
    /** Of those, rated. */
    responses: number;
    responseRate: number;
    /** Ratings of 4 or 5 among responses: CSAT. */
    csat: number | undefined;
    mean: number | undefined;
  };
}

const ratio = (n: number, d: number) => (d === 0 ? 0 : n / d);

export function serviceStatistics(
  cases: readonly ServiceCase[],
  options: { asOf: string | Date; repeatWindowDays?: number },
): ServiceStatistics {
  const now = typeof options.asOf === "string" ? Date.parse(options.asOf) : options.asOf.getTime();
  const window = (options.repeatWindowDays ?? 90) * DAY_MS;
  const byType: ServiceStatistics["byType"] = {};
  const byCategory: ServiceStatistics["byCategory"] = {};
  let open = 0;
  let overdue = 0;
  let resolvedCount = 0;
  let resolvedHours = 0;
  let asked = 0;
  const ratings: number[] = [];
  const complaints = new Map<string, number[]>();
  for (const c of cases) {
    byType[c.type] = (byType[c.type] ?? 0) + 1;
    const category = c.category ?? "uncategorized";
    byCategory[category] = (byCategory[category] ?? 0) + 1;
    const done = c.status === "resolved" || c.status === "closed";
    if (!done) open++;
    const end = done && c.resolvedAt ? Date.parse(c.resolvedAt) : now;
    if (end > Date.parse(c.slaDueAt)) overdue++;
    if (done && c.resolvedAt) {
      resolvedCount++;
      resolvedHours += (Date.parse(c.resolvedAt) - Date.parse(c.openedAt)) / 3_600_000;
    }
    if (done) {
      asked++;
      if (c.satisfaction !== undefined) ratings.push(c.satisfaction);
    }
    if (c.type === "complaint")
      complaints.set(c.customerId, [...(complaints.get(c.customerId) ?? []), Date.parse(c.openedAt)]);
  }
  const repeatComplaints = [...complaints.entries()]
    .map(([customerId, times]) => {
      times.sort((a, b) => a - b);
      const repeated = times.some((t, i) => i > 0 && t - times[i - 1]! <= window);
      return { customerId, complaints: repeated ? times.length : 0 };
    })
    .filter((r) => r.complaints > 1)
    .sort((a, b) => b.complaints - a.complaints || (a.customerId < b.customerId ? -1 : 1));
  const satisfied = ratings.filter((r) => r >= 4).length;
  return {
    total: cases.length,
    open,
    byType,
    byCategory,
    overdue,
    overdueShare: ratio(overdue, cases.length),
    meanHoursToResolve: resolvedCount === 0 ? undefined : resolvedHours / resolvedCount,
    repeatComplaints,
    satisfaction: {
      asked,
      responses: ratings.length,
      responseRate: ratio(ratings.length, asked),
      csat: ratings.length === 0 ? undefined : satisfied / ratings.length,
      mean: ratings.length === 0 ? undefined : ratings.reduce((s, r) => s + r, 0) / ratings.length,
    },
  };
}
