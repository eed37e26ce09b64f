/**
 * A household or a corporate group taken together (关系群 / 集团客户): each
 * member's AUM, credit exposure and contribution, and the group's totals — what
 * a relationship manager weighs before pricing a loan for one member or serving
 * the family as one. Credit exposure is what the members owe the bank: the
 * outstanding balances of their open credit products (loans, cards).
 */
import { BankcrmInvalidArgumentError } from "../errors/invalid-argument-error.js";
import { computeAum } from "../scoring/aum.js";
import type { Customer } from "../schemas/customer.js";
import { CREDIT_PRODUCT_TYPES, type Holding } from "../schemas/holding.js";
import type { RelationshipGroup } from "../schemas/relationship-group.js";
import type { RelationshipRole, Tier } from "../vocabulary.js";

const CREDIT = new Set(CREDIT_PRODUCT_TYPES);

export interface GroupMemberRecords {
  customer: Customer;
  holdings: readonly Holding[];
  /** Annual contribution in minor units (`computeContribution(...).total.amount`), when known. */
  contribution?: number;
}

export interface GroupMemberFigures {
  customerId: string;
  role: RelationshipRole;
  /** Shareholding, for shareholders and subsidiaries. */
  share?: number;
  kind: Customer["kind"];
  name: string;
  tier?: Tier;
  /** Minor units of `currency`. */
  aum: number;
  creditExposure: number;
  contribution?: number;
}

export interface GroupSummary {
  groupId: string;
  kind: RelationshipGroup["kind"];
  name: string;
  currency: string;
  members: GroupMemberFigures[];
  aum: number;
  creditExposure: number;
  /** The sum over the members whose contribution is known; absent when none is. */
  contribution?: number;
  /** Members whose records were not given (outside the viewer's scope, or not loaded): not in the totals. */
  missing: string[];
}

/**
 * The group's members with their figures and the totals. `records` may hold
 * any customers; those not in the group are ignored, members without records
 * are listed in `missing`. Holdings in another currency than `currency` are
 * left out of AUM and exposure (as `computeAum` does without rates).
 */
export function summarizeGroup(
  group: RelationshipGroup,
  records: readonly GroupMemberRecords[],
  options: { currency?: string } = {},
): GroupSummary {
  const currency = options.currency ?? "CNY";
  if (!/^[A-Z]{3}$/.test(currency)) throw new BankcrmInvalidArgumentError("currency", "an ISO 4217 code");
  const byId = new Map(records.map((r) => [r.customer.id, r]));
  const members: GroupMemberFigures[] = [];
  const missing: string[] = [];
  let aum = 0;
  let exposure = 0;
  let contribution: number | undefined;
  for (const m of group.members) {
    const r = byId.get(m.customerId);
    if (!r) {
      missing.push(m.customerId);
      continue;
    }
    const open = r.holdings.filter((h) => h.status !== "closed");
    const a = computeAum(open, { currency }).total.amount;
    const e = open
      .filter((h) => CREDIT.has(h.productType) && h.balance.currency === currency)
      .reduce((s, h) => s + Math.abs(h.balance.amount), 0);
    aum += a;
    exposure += e;
    if (r.contribution !== undefined && Number.isFinite(r.contribution))
      contribution = (contribution ?? 0) + r.contribution;
    members.push({
      customerId: m.customerId,
      role: m.role,
      ...(m.share !== undefined ? { share: m.share } : {}),
      kind: r.customer.kind,
      name: r.customer.name,
      ...(r.customer.tier ? { tier: r.customer.tier } : {}),
      aum: a,
      creditExposure: e,
      ...(r.contribution !== undefined && Number.isFinite(r.contribution) ? { contribution: r.contribution } : {}),
    });
  }
  return {
    groupId: group.id,
    kind: group.kind,
    name: group.name,
    currency,
    members,
    aum,
    creditExposure: exposure,
    ...(contribution !== undefined ? { contribution } : {}),
    missing,
  };
}
