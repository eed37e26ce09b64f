/**
 * Setting targets (销售目标设定): a branch's (or a team's) target allocated to its relationship managers — by weight,
 * e.g. evenly or by the size of each RM's book — so the parts add up to the whole exactly (largest remainder).
 */
import { BankcrmInvalidArgumentError } from "../errors/invalid-argument-error.js";
import type { SalesTarget } from "../schemas/sales-target.js";

export interface TargetShare {
  /** An RM's part, or a team's. */
  staffId?: string;
  teamId?: string;
  /** Any non-negative weight: 1 each for an even split, the book's AUM for a split by book. */
  weight: number;
}

/** The parts of `parent` for each share, in the shares' order; their targets sum to the parent's. */
export function allocateTarget(parent: SalesTarget, shares: readonly TargetShare[]): SalesTarget[] {
  if (parent.staffId !== undefined) throw new BankcrmInvalidArgumentError("parent", "a branch's or a team's target");
  if (shares.length === 0) throw new BankcrmInvalidArgumentError("shares", "at least one RM or team");
  const total = shares.reduce((s, x) => s + x.weight, 0);
  if (shares.some((x) => !(x.weight >= 0) || (x.staffId === undefined) === (x.teamId === undefined)) || !(total > 0))
    throw new BankcrmInvalidArgumentError("shares", "one RM or team each, weights of 0 or more and not all 0");
  const exact = shares.map((x) => (parent.target * x.weight) / total);
  const parts = exact.map(Math.floor);
  // The units left over go to the largest remainders (ties: the earlier share).
  let left = parent.target - parts.reduce((s, n) => s + n, 0);
  for (const i of exact.map((e, i) => i).sort((a, b) => exact[b]! - parts[b]! - (exact[a]! - parts[a]!) || a - b)) {
    if (left-- <= 0) break;
    parts[i]!++;
  }
  const { id, version, updatedAt, updatedBy, createdAt, createdBy, teamId, ...common } = parent;
  void [version, updatedAt, updatedBy, createdAt, createdBy, teamId];
  return shares.map((x, i) => ({
    ...common,
    id: `${id}.${x.staffId ?? x.teamId}`.slice(0, 64),
    ...(x.staffId !== undefined ? { staffId: x.staffId } : { teamId: x.teamId! }),
    parentId: id,
    target: parts[i]!,
  }));
}
