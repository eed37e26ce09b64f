/**
 * Breaches of the regulator's limits, reported to head office: complaints (CBIRC 2020: 15/30/60 days) and
 * personal-information requests (GB/T 35273-2020 §8.7: 30 days) still open after their `regulatoryDueAt`, or
 * answered after it — per branch of the customer, most breaches first. The bank's own service levels are its
 * business; these are the ones a regulator counts.
 */
import type { ServiceCase } from "../schemas/service-case.js";

export interface BranchBreaches {
  branchId: string;
  /** Open past the limit now. */
  open: number;
  /** Answered (resolved) after the limit. */
  late: number;
  /** Of those, complaints and personal-information requests. */
  complaints: number;
  personalInformation: number;
}

const DONE = new Set(["resolved", "closed"]);

/** Whether a case breached the regulator's limit by `at` (ISO instant): open past it, or resolved after it. */
export function breach(c: ServiceCase, at: string): "open" | "late" | undefined {
  if (!c.regulatoryDueAt) return undefined;
  const due = Date.parse(c.regulatoryDueAt);
  if (DONE.has(c.status)) return c.resolvedAt !== undefined && Date.parse(c.resolvedAt) > due ? "late" : undefined;
  return Date.parse(at) > due ? "open" : undefined;
}

/** The breaches per branch (`branchOf` a case's customer; unknown customers are left out), most first. */
export function regulatoryBreaches(
  cases: Iterable<ServiceCase>,
  branchOf: (customerId: string) => string | undefined,
  at: string,
): BranchBreaches[] {
  const rows = new Map<string, BranchBreaches>();
  for (const c of cases) {
    const kind = breach(c, at);
    const branchId = kind && branchOf(c.customerId);
    if (!kind || !branchId) continue;
    const row = rows.get(branchId) ?? { branchId, open: 0, late: 0, complaints: 0, personalInformation: 0 };
    row[kind]++;
    if (c.type === "complaint") row.complaints++;
    else row.personalInformation++;
    rows.set(branchId, row);
  }
  const total = (r: BranchBreaches) => r.open + r.late;
  return [...rows.values()].sort((a, b) => total(b) - total(a) || (a.branchId < b.branchId ? -1 : 1));
}
