import { describe, expect, it } from "vitest";
import { careEvents, careTask, type Customer } from "../src/index.js";
import { DEFAULT_SALE_POLICY, kycByBranch, kycState, saleRefusals, saleOverridable } from "../src/compliance/index.js";
import { generateDemoPortfolio } from "../src/demo/index.js";

type Person = Extract<Customer, { kind: "individual" }>;
const demo = generateDemoPortfolio({ customers: 120, seed: "kyc" });
const base = demo.customers.find((c): c is Person => c.kind === "individual")!;
const AT = "2026-11-30T03:00:00Z";
const person = (changes: Partial<Person>): Person => ({
  ...base,
  status: "active",
  kycStatus: "verified",
  onboardedAt: "2020-01-01",
  amlRiskRating: undefined,
  dueDiligenceAt: undefined,
  idDocument: { ...base.idDocument, validUntil: "2035-01-01" },
  ...changes,
});

describe("kycState: KYC kept current", () => {
  it("judges the identity document on the bank's day: valid, expiring within the window, expired, unknown", () => {
    const doc = (validUntil?: string) =>
      kycState(person({ idDocument: { ...base.idDocument, validUntil } }), AT).document;
    expect(doc("2027-06-01")).toBe("valid");
    expect(doc("2026-12-30")).toBe("expiring"); // 30 days on
    expect(doc("2026-11-30")).toBe("expiring"); // still valid today
    expect(doc("2026-11-29")).toBe("expired");
    expect(doc(undefined)).toBe("unknown");
    // 07:00 on 1 December in Beijing is 23:00 UTC on 30 November: a document valid to the 30th has lapsed there.
    expect(
      kycState(person({ idDocument: { ...base.idDocument, validUntil: "2026-11-30" } }), "2026-11-30T23:00:00Z")
        .document,
    ).toBe("expired");
  });

  it("sets the next review by the AML rating's cycle from the last review (or onboarding)", () => {
    const high = kycState(person({ amlRiskRating: "high", dueDiligenceAt: "2026-06-01" }), AT);
    expect(high).toMatchObject({ review: "due", reviewDueOn: "2026-11-30", restricted: false });
    const overdue = kycState(person({ amlRiskRating: "high", dueDiligenceAt: "2026-05-01" }), AT);
    expect(overdue).toMatchObject({ review: "overdue", reviewDueOn: "2026-10-30", restricted: true });
    // The same day, a medium-risk customer is two years from their review.
    expect(kycState(person({ amlRiskRating: "medium", dueDiligenceAt: "2026-05-01" }), AT)).toMatchObject({
      review: "current",
      reviewDueOn: "2028-04-30",
    });
    // Never reviewed since onboarding in 2020: low risk, three years on, is overdue.
    expect(kycState(person({ amlRiskRating: "low" }), AT)).toMatchObject({
      review: "overdue",
      reviewDueOn: "2022-12-31",
    });
    expect(kycState(person({}), AT)).toMatchObject({ review: "unrated", restricted: false });
    expect(kycState(person({ kycStatus: "expired" }), AT).restricted).toBe(true);
  });

  it("gives the relationship manager a review task a fortnight before it falls due, with its reason", () => {
    const due = person({ id: "CU-KYC-1", amlRiskRating: "high", dueDiligenceAt: "2026-06-20" }); // due 19 December
    const events = careEvents([due], [], { asOf: "2026-11-30", windowDays: 30 });
    expect(events.filter((e) => e.reason === "dueDiligenceReview")).toEqual([
      { customerId: "CU-KYC-1", reason: "dueDiligenceReview", dueOn: "2026-12-19" },
    ]);
    const task = careTask(
      events.find((e) => e.reason === "dueDiligenceReview")!,
      {
        assigneeId: "ST-RM-1",
        asOf: AT,
      },
    );
    expect(task).toMatchObject({ type: "review", priority: "high", title: "客户尽职调查复核到期" });
    expect(task.dueAt).toBe("2026-12-05T01:00:00.000Z"); // 09:00 on 5 December, fourteen days before
  });

  it("restricts a sale until KYC is refreshed — a restriction no override lifts", () => {
    const recording = { recordingId: "R", recordedAt: "2026-11-30T02:00:00Z", staffId: "ST-RM-1", location: "Room 2" };
    const fund = { productType: "fund" as const, productRisk: "R2" as const, dualRecording: recording };
    const assessed = { riskTolerance: "C3" as const, riskAssessedAt: "2026-06-01" };
    const lapsed = person({ ...assessed, amlRiskRating: "high", dueDiligenceAt: "2026-05-01" });
    const refusals = saleRefusals(fund, lapsed, AT);
    expect(refusals.map((r) => r.code)).toEqual(["kycReviewOverdue"]);
    expect(saleOverridable(refusals, "branch_manager")).toBe(false);
    expect(saleRefusals(fund, { ...lapsed, dueDiligenceAt: "2026-11-01" }, AT)).toEqual([]);
    expect(saleRefusals(fund, person({ ...assessed, kycStatus: "pending" }), AT).map((r) => r.code)).toEqual([
      "kycNotVerified",
    ]);
    expect(saleRefusals(fund, lapsed, AT, { ...DEFAULT_SALE_POLICY, kycRestricts: false })).toEqual([]);
  });

  it("counts head office's overdue KYC by branch, most restricted first, each customer once", () => {
    const customers = [
      person({ id: "A1", branchId: "BR-A", amlRiskRating: "high", dueDiligenceAt: "2026-01-01" }),
      person({ id: "A2", branchId: "BR-A", idDocument: { ...base.idDocument, validUntil: "2026-01-01" } }),
      person({
        id: "A3",
        branchId: "BR-A",
        amlRiskRating: "high",
        dueDiligenceAt: "2026-01-01",
        idDocument: { ...base.idDocument, validUntil: "2026-01-01" },
      }),
      person({ id: "B1", branchId: "BR-B", idDocument: { ...base.idDocument, validUntil: "2026-12-15" } }),
      person({ id: "B2", branchId: "BR-B", status: "closed", kycStatus: "expired" }),
    ];
    expect(kycByBranch(customers, AT)).toEqual([
      {
        branchId: "BR-A",
        customers: 3,
        documentsExpired: 2,
        documentsExpiring: 0,
        reviewsOverdue: 2,
        reviewsDue: 0,
        restricted: 3,
      },
      {
        branchId: "BR-B",
        customers: 1,
        documentsExpired: 0,
        documentsExpiring: 1,
        reviewsOverdue: 0,
        reviewsDue: 0,
        restricted: 0,
      },
    ]);
  });
});
