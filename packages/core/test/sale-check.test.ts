import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  applyTransition,
  applyUpdate,
  describeError,
  opportunityMove,
  type Actor,
  type Customer,
  type Opportunity,
} from "../src/index.js";
import {
  ageOn,
  DEFAULT_SALE_POLICY,
  ELDER_SALE_RULE,
  isSaleRefusedError,
  SalePolicySchema,
  salePolicyOf,
  saleRefusals,
  transitionNeedsCustomer,
  type SalePolicy,
} from "../src/compliance/index.js";
import { generateDemoPortfolio } from "../src/demo/index.js";
import { PRODUCT_RISK_LEVELS, RISK_TOLERANCE_LEVELS } from "../src/vocabulary.js";

type Person = Extract<Customer, { kind: "individual" }>;
const rm: Actor = { id: "S-RM1", role: "relationship_manager", branchId: "B1" };
const bm: Actor = { id: "S-BM1", role: "branch_manager", branchId: "B1" };
const at = "2026-11-30T03:00:00.000Z"; // 11:00 in Beijing
const demo = generateDemoPortfolio({ customers: 200, seed: "sale-check" });
const base = demo.customers.find((c): c is Person => c.kind === "individual")!;
const company = demo.customers.find((c) => c.kind === "corporate")!;
const person = (changes: Partial<Person>): Person => ({ ...base, ...changes });
const c2 = person({ riskTolerance: "C2", riskAssessedAt: "2026-06-01", birthDate: "1980-05-05" });
const recording = {
  recordingId: "REC-2026-0001",
  recordedAt: "2026-11-30T02:30:00.000Z",
  staffId: rm.id,
  location: "Shanghai Lujiazui branch, room 2",
};
const fund = (changes: Partial<Opportunity> = {}): Opportunity => ({
  id: "OP-9",
  customerId: base.id,
  title: "Equity fund",
  productType: "fund",
  productRisk: "R4",
  stage: "negotiation",
  amount: { amount: 50_000_000, currency: "CNY" },
  probability: 0.8,
  expectedClose: "2026-12-31",
  ownerId: rm.id,
  createdAt: "2026-11-01T02:00:00.000Z",
  ...changes,
});
const amount = { amount: 50_000_000, currency: "CNY" };
const codes = (o: Opportunity, c: Customer | undefined, policy?: SalePolicy) =>
  saleRefusals(o, c, at, policy).map((r) => r.code);

describe("saleRefusals: suitability and dual recording at the sale", () => {
  it("refuses an R4 fund for a C2 customer, and a sale without its recording", () => {
    expect(codes(fund(), c2)).toEqual(["aboveRiskTolerance", "dualRecordingMissing"]);
    expect(codes(fund({ productRisk: "R2", dualRecording: recording }), c2)).toEqual([]);
  });

  it("refuses a lapsed or missing assessment, an unknown product risk and an unknown customer", () => {
    const lapsed = person({ riskTolerance: "C5", riskAssessedAt: "2025-11-29" });
    expect(codes(fund({ dualRecording: recording }), lapsed)).toEqual(["riskAssessmentExpired"]);
    // The bank's validity period: two years keeps the same assessment in force.
    expect(
      codes(fund({ dualRecording: recording }), lapsed, { ...DEFAULT_SALE_POLICY, assessmentValidDays: 730 }),
    ).toEqual([]);
    const { riskTolerance: _t, ...never } = c2;
    expect(codes(fund({ dualRecording: recording }), never as Person)).toEqual(["noRiskAssessment"]);
    expect(codes(fund({ productRisk: undefined, dualRecording: recording }), c2)).toEqual(["productRiskUnknown"]);
    expect(codes(fund({ dualRecording: recording }), undefined)).toEqual(["customerUnknown"]);
  });

  it("applies the bank's own rules from the day a customer turns 65", () => {
    const policy = { ...DEFAULT_SALE_POLICY, rules: [ELDER_SALE_RULE] };
    const o = fund({ productRisk: "R4", dualRecording: recording });
    const turns65 = person({ riskTolerance: "C5", riskAssessedAt: "2026-06-01", birthDate: "1961-11-30" });
    const day64 = person({ riskTolerance: "C5", riskAssessedAt: "2026-06-01", birthDate: "1961-12-01" });
    expect(ageOn("1961-11-30", at)).toBe(65);
    expect(ageOn("1961-12-01", at)).toBe(64);
    expect(saleRefusals(o, turns65, at, policy)).toEqual([
      { code: "bankRule", rule: { id: ELDER_SALE_RULE.id, label: ELDER_SALE_RULE.label } },
    ]);
    expect(saleRefusals(o, day64, at, policy)).toEqual([]);
    expect(saleRefusals({ ...o, productRisk: "R3" }, turns65, at, policy)).toEqual([]);
  });

  it("refuses an expired identity document and a recording made after the sale", () => {
    const expired = person({
      riskTolerance: "C5",
      riskAssessedAt: "2026-06-01",
      idDocument: { ...base.idDocument, validUntil: "2026-11-29" },
    });
    expect(codes(fund({ dualRecording: recording }), expired)).toEqual(["idDocumentExpired"]);
    const late = { ...recording, recordedAt: "2026-11-30T04:00:00+08:00" };
    expect(codes(fund({ productRisk: "R1", dualRecording: late }), c2)).toEqual([]); // 04:00 Beijing is before 11:00
    const after = { ...recording, recordedAt: "2026-11-30T12:00:00+08:00" };
    expect(codes(fund({ productRisk: "R1", dualRecording: after }), c2)).toEqual(["dualRecordingLate"]);
  });

  it("does not check deposits, loans or sales to companies", () => {
    expect(codes(fund({ productType: "time_deposit", productRisk: undefined }), c2)).toEqual([]);
    expect(codes(fund(), company)).toEqual([]);
  });
});

describe("winning a sale (the opportunity's win, as client and server apply it)", () => {
  const refusedBy = (fn: () => unknown) => {
    try {
      fn();
    } catch (error) {
      if (isSaleRefusedError(error)) return error;
      throw error;
    }
    throw new Error("not refused");
  };

  it("needs the customer, and refuses with every reason in both languages", () => {
    expect(transitionNeedsCustomer("opportunities", fund(), "win")).toBe(true);
    expect(transitionNeedsCustomer("opportunities", fund(), "lose")).toBe(false);
    const error = refusedBy(() =>
      applyTransition("opportunities", fund(), "win", { actor: rm, at, amount, customer: c2 }),
    );
    expect(error.refusals.map((r) => r.code)).toEqual(["aboveRiskTolerance", "dualRecordingMissing"]);
    expect(error.overridable).toBe(false);
    expect(describeError(error, "zh-CN")).toBe(
      "不能成交：产品风险等级高于客户的风险承受能力（适当性不匹配）；尚未登记双录（录音录像）信息",
    );
    expect(describeError(error, "en")).toContain("above the customer's risk tolerance");
    // Without the customer the sale is not won either.
    expect(
      refusedBy(() => applyTransition("opportunities", fund(), "win", { actor: rm, at, amount })).refusals[0]!.code,
    ).toBe("customerUnknown");
  });

  it("wins with a suitable product and the recording, which the sale keeps", () => {
    const won = applyTransition("opportunities", fund({ productRisk: "R2" }), "win", {
      actor: rm,
      at,
      amount,
      customer: c2,
      dualRecording: recording,
    });
    expect(won).toMatchObject({ stage: "won", dualRecording: recording });
    expect(won.saleOverride).toBeUndefined();
  });

  it("lets a branch manager override what the policy allows, with the reason on the sale; never a missing recording", () => {
    const recorded = fund({ dualRecording: recording });
    const error = refusedBy(() =>
      applyTransition("opportunities", recorded, "win", { actor: bm, at, amount, customer: c2 }),
    );
    expect(error.overridable).toBe(true);
    expect(describeError(error, "en")).toContain("A branch manager may override");
    // An RM cannot, even with a reason.
    expect(() =>
      applyTransition("opportunities", recorded, "win", {
        actor: rm,
        at,
        amount,
        customer: c2,
        overrideReason: "insists",
      }),
    ).toThrow(expect.objectContaining({ code: "sale_refused" }));
    const won = applyTransition("opportunities", recorded, "win", {
      actor: bm,
      at,
      amount,
      customer: c2,
      overrideReason: "The customer insists, signed the warning 2026-11-30",
    });
    expect(won.saleOverride).toEqual({
      by: bm.id,
      at,
      reason: "The customer insists, signed the warning 2026-11-30",
      refusals: ["aboveRiskTolerance"],
    });
    const unrecorded = refusedBy(() =>
      applyTransition("opportunities", fund(), "win", { actor: bm, at, amount, customer: c2, overrideReason: "x" }),
    );
    expect(unrecorded.overridable).toBe(false);
  });

  it("takes the product's risk level and the recording given with the win, as the pipeline's dialog sends them", () => {
    const unrated = fund({ productRisk: undefined });
    const high = opportunityMove(unrated, "won", { sale: { productRisk: "R4", dualRecording: recording } }, at);
    const refused = refusedBy(() =>
      applyTransition("opportunities", unrated, high.event, { actor: rm, at, customer: c2, ...high.details }),
    );
    expect(refused.refusals.map((r) => r.code)).toEqual(["aboveRiskTolerance"]);
    const low = opportunityMove(unrated, "won", { sale: { productRisk: "R2", dualRecording: recording } }, at);
    const won = applyTransition("opportunities", unrated, low.event, { actor: rm, at, customer: c2, ...low.details });
    expect(won).toMatchObject({ stage: "won", productRisk: "R2", dualRecording: recording });
    expect(low.preview).toMatchObject({ stage: "won", productRisk: "R2", dualRecording: recording });
  });

  it("keeps the override out of an update's reach", () => {
    const override = { by: bm.id, at, reason: "forged", refusals: ["aboveRiskTolerance"] };
    expect(() => applyUpdate("opportunities", fund(), { saleOverride: override }, { actor: rm, at })).toThrow(
      expect.objectContaining({ code: "validation_failed" }),
    );
  });

  it("never wins a sale above the customer's class or without a recording unless an override says so (property)", () => {
    const policy = { ...DEFAULT_SALE_POLICY, rules: [ELDER_SALE_RULE] };
    const arbitrary = fc.record({
      tolerance: fc.option(fc.constantFrom(...RISK_TOLERANCE_LEVELS), { nil: undefined }),
      assessedDaysAgo: fc.integer({ min: 0, max: 800 }),
      risk: fc.option(fc.constantFrom(...PRODUCT_RISK_LEVELS), { nil: undefined }),
      age: fc.integer({ min: 18, max: 90 }),
      recorded: fc.boolean(),
      actor: fc.constantFrom(rm, bm),
      overrideReason: fc.option(fc.constant("customer insists"), { nil: undefined }),
      productType: fc.constantFrom<Opportunity["productType"][]>(
        "fund",
        "insurance",
        "wealth_management",
        "time_deposit",
      ),
    });
    fc.assert(
      fc.property(arbitrary, (a) => {
        const customer = person({
          riskTolerance: a.tolerance,
          riskAssessedAt: new Date(Date.parse(at) - a.assessedDaysAgo * 86_400_000).toISOString().slice(0, 10),
          birthDate: `${2026 - a.age}-01-15`,
        });
        const o = fund({
          productType: a.productType,
          productRisk: a.risk,
          ...(a.recorded ? { dualRecording: recording } : {}),
        });
        let won: Opportunity | undefined;
        try {
          won = applyTransition("opportunities", o, "win", {
            actor: a.actor,
            at,
            amount,
            customer,
            salePolicy: policy,
            ...(a.overrideReason ? { overrideReason: a.overrideReason } : {}),
          });
        } catch (error) {
          if (!isSaleRefusedError(error)) throw error;
        }
        if (!won || a.productType === "time_deposit") return;
        const tolerance = Number((a.tolerance ?? "C0").slice(1));
        const unsuitable =
          a.risk === undefined || tolerance < Number(a.risk.slice(1)) || a.assessedDaysAgo > 365 || !a.recorded;
        if (unsuitable || (a.age >= 65 && Number(a.risk!.slice(1)) > 3)) {
          // Only an override by a branch manager, for what the policy lets them override, wins it.
          expect(won.saleOverride?.by).toBe(bm.id);
          expect(a.recorded && a.risk !== undefined && a.tolerance !== undefined && a.assessedDaysAgo <= 365).toBe(
            true,
          );
        } else expect(won.saleOverride).toBeUndefined();
      }),
      { numRuns: 400 },
    );
  });
});

describe("a bank's sale policy as it writes it (SALE_POLICY)", () => {
  it("takes the bank's own rules and validity over the default, and refuses what the regulator does not let it choose", () => {
    const written = SalePolicySchema.parse({
      assessmentValidDays: 180,
      rules: [{ ...ELDER_SALE_RULE, minAge: 70 }],
      kyc: { reviewDays: { high: 90 } },
    });
    const policy = salePolicyOf(written);
    expect(policy).toMatchObject({ assessmentValidDays: 180, requireDualRecording: true, kycRestricts: true });
    expect(policy.rules[0]!.minAge).toBe(70);
    expect(policy.kyc!.reviewDays).toEqual({ low: 1095, medium: 730, high: 90 });
    expect(policy.overridable).toEqual(DEFAULT_SALE_POLICY.overridable);
    for (const refused of [
      { overridable: ["dualRecordingMissing"] },
      { overridable: ["riskAssessmentExpired"] },
      { overriders: ["auditor"] },
      { assessmentValidDays: 0 },
      { rules: [{ id: "x", label: { "zh-CN": "规则" }, maxRisk: "R3" }] },
      { requireDualRecordings: false },
    ])
      expect(SalePolicySchema.safeParse(refused).success, JSON.stringify(refused)).toBe(false);
  });
});
