/**
 * Preferential pricing's approval (优惠定价审批): the concession a price gives — basis points below the standard loan
 * rate, above the standard deposit rate, or the share of a fee waived —, the authority a branch manager has to approve
 * one (授权管理: beyond it, head office's pricing committee decides — not modelled here), and the state machine:
 * requested → approved (by a branch manager who did not request it, within their authority) | rejected (with why);
 * approved → revoked (with why). A price past its `validUntil` is expired whatever its state (`pricingInForce`).
 */
import { text } from "../schemas/common.js";
import type { PreferentialPrice } from "../schemas/preferential-price.js";
import { PRICING_STATUSES, type PricingKind } from "../vocabulary.js";
import { object } from "../zod.js";
import { defineMachine } from "../machines/state-machine.js";

/** The most a branch manager may concede, in basis points, per kind (a fee waiver: the share of the fee). */
export const DEFAULT_PRICING_AUTHORITY: Readonly<Record<PricingKind, number>> = Object.freeze({
  loan_rate: 50,
  deposit_rate: 30,
  fee_waiver: 10_000,
});

/** What the price concedes, in basis points: below the standard for a loan, above it for a deposit, the fee waived. */
export function concessionBp(price: Pick<PreferentialPrice, "kind" | "standardBp" | "offeredBp">): number {
  if (price.kind === "loan_rate") return price.standardBp - price.offeredBp;
  if (price.kind === "deposit_rate") return price.offeredBp - price.standardBp;
  return price.offeredBp;
}

/** Whether an approved price applies on a day (YYYY-MM-DD): approved, and the day within its validity. */
export function pricingInForce(price: PreferentialPrice, day: string): boolean {
  return price.status === "approved" && price.validFrom <= day && day <= price.validUntil;
}

const reason = object({ reason: text(500) });
const optionalReason = object({ reason: text(500).optional() });

export const pricingMachine = defineMachine<PreferentialPrice>({
  field: "status",
  states: PRICING_STATUSES,
  initial: ["requested"],
  terminal: ["rejected", "revoked"],
  transitions: [
    {
      event: "approve",
      from: ["requested"],
      to: "approved",
      roles: ["branch_manager"],
      details: optionalReason,
      // Four eyes, and the approver's authority: what it concedes is within what a branch manager may give.
      guard: (p, { actor }) =>
        actor.id === p.createdBy
          ? { kind: "accessDenied", reason: "fourEyesPricing" }
          : concessionBp(p) > DEFAULT_PRICING_AUTHORITY[p.kind]
            ? { kind: "accessDenied", reason: "pricingAuthority" }
            : undefined,
      effect: (_p, { actor, at }) => ({ approvedBy: actor.id, approvedAt: at }),
    },
    { event: "reject", from: ["requested"], to: "rejected", roles: ["branch_manager"], details: reason },
    { event: "revoke", from: ["approved"], to: "revoked", roles: ["branch_manager"], details: reason },
  ],
});
