import { describe, expect, it } from "vitest";
import { applyTransition, applyUpdate, availableTransitions, stampCreate, type Actor } from "../src/index.js";
import type { PreferentialPrice } from "../src/schemas/index.js";
import { concessionBp, pricingInForce } from "../src/branch/index.js";
import { generateDemoPortfolio } from "../src/demo/index.js";

const rm: Actor = { id: "S-RM1", role: "relationship_manager", branchId: "B1" };
const manager: Actor = { id: "S-BM1", role: "branch_manager", branchId: "B1" };
const otherManager: Actor = { id: "S-BM2", role: "branch_manager", branchId: "B1" };
const at = "2026-11-02T02:00:00Z";
const request = (offeredBp: number, kind: PreferentialPrice["kind"] = "loan_rate") =>
  stampCreate(
    "preferentialPrices",
    {
      id: `PP-${kind}-${offeredBp}`,
      customerId: "CU1",
      kind,
      productType: kind === "deposit_rate" ? "time_deposit" : "business_loan",
      standardBp: kind === "fee_waiver" ? 0 : 385,
      offeredBp,
      validFrom: "2026-11-02",
      validUntil: "2027-11-01",
      reason: "他行报价更低",
      status: "requested",
    },
    { actor: rm, at },
  );

describe("a preferential price", () => {
  it("concedes basis points below a loan's standard rate, above a deposit's, or the share of a fee", () => {
    expect(concessionBp({ kind: "loan_rate", standardBp: 385, offeredBp: 355 })).toBe(30);
    expect(concessionBp({ kind: "deposit_rate", standardBp: 165, offeredBp: 185 })).toBe(20);
    expect(concessionBp({ kind: "fee_waiver", standardBp: 0, offeredBp: 5_000 })).toBe(5_000);
  });

  it("is approved by a branch manager who did not request it, within their authority", () => {
    const asked = request(355);
    expect(asked.createdBy).toBe("S-RM1");
    const approved = applyTransition("preferentialPrices", asked, "approve", { actor: manager, at });
    expect(approved).toMatchObject({ status: "approved", approvedBy: "S-BM1", approvedAt: "2026-11-02T02:00:00.000Z" });
    // 60 bp off a loan is beyond a branch manager's 50: head office's pricing committee decides.
    expect(() => applyTransition("preferentialPrices", request(325), "approve", { actor: manager, at })).toThrow(
      expect.objectContaining({ reason: "pricingAuthority" }),
    );
    // The manager who requested it does not approve it.
    const own = stampCreate("preferentialPrices", { ...asked, id: "PP-OWN" }, { actor: manager, at });
    expect(() => applyTransition("preferentialPrices", own, "approve", { actor: manager, at })).toThrow(
      expect.objectContaining({ reason: "fourEyesPricing" }),
    );
    expect(applyTransition("preferentialPrices", own, "approve", { actor: otherManager, at }).status).toBe("approved");
    // An RM neither approves nor rejects; a rejection needs its reason.
    expect(availableTransitions("preferentialPrices", asked, rm)).toEqual([]);
    expect(() => applyTransition("preferentialPrices", asked, "reject", { actor: manager, at })).toThrow();
    expect(
      applyTransition("preferentialPrices", asked, "reject", { actor: manager, at, reason: "幅度过大" }).status,
    ).toBe("rejected");
  });

  it("is changed only while it waits; an approved one is revoked, and applies only within its dates", () => {
    const asked = request(355);
    expect(applyUpdate("preferentialPrices", asked, { offeredBp: 360 }, { actor: rm, at }).offeredBp).toBe(360);
    const approved = applyTransition("preferentialPrices", asked, "approve", { actor: manager, at });
    expect(() => applyUpdate("preferentialPrices", approved, { offeredBp: 300 }, { actor: rm, at })).toThrow(
      expect.objectContaining({ reason: "frozen" }),
    );
    expect(pricingInForce(approved, "2026-12-01")).toBe(true);
    expect(pricingInForce(approved, "2027-11-02")).toBe(false);
    expect(pricingInForce(asked, "2026-12-01")).toBe(false);
    const revoked = applyTransition("preferentialPrices", approved, "revoke", {
      actor: manager,
      at,
      reason: "客户结算账户转出",
    });
    expect(pricingInForce(revoked, "2026-12-01")).toBe(false);
  });

  it("gives the demo's companies approved prices within a branch manager's authority", () => {
    const p = generateDemoPortfolio({ seed: "pricing", customers: 400 });
    const companies = new Set(p.customers.filter((c) => c.kind === "corporate").map((c) => c.id));
    expect(p.preferentialPrices.length).toBeGreaterThan(0);
    for (const price of p.preferentialPrices) {
      expect(companies.has(price.customerId)).toBe(true);
      expect(concessionBp(price)).toBeLessThanOrEqual(50);
      if (price.status === "approved") expect(price.approvedBy).not.toBe(price.createdBy);
    }
  });
});
