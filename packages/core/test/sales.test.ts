/** The pipeline forecast and care events, on hand-computed cases. */
import { describe, expect, it } from "vitest";
import {
  careEvents,
  computeAchievement,
  isCountMetric,
  salesOf,
  CustomerSchema,
  SalesTargetSchema,
  type BalanceChange,
  type SalesTarget,
  forecastPipeline,
  opportunityMove,
  applyTransition,
  HoldingSchema,
  nextBirthday,
  OpportunitySchema,
  type Customer,
  type Holding,
  type Opportunity,
} from "../src/index.js";
import { generateDemoCustomers } from "../src/demo/index.js";

const opp = (
  id: string,
  stage: Opportunity["stage"],
  amount: number,
  probability: number,
  expectedClose: string,
  currency = "CNY",
): Opportunity =>
  OpportunitySchema.parse({
    id,
    customerId: "CU1",
    title: id,
    productType: "wealth_management",
    stage,
    amount: { amount, currency },
    probability,
    expectedClose,
    ownerId: "ST1",
    createdAt: "2026-10-01T00:00:00Z",
    ...(stage === "won" || stage === "lost" ? { closedAt: "2026-11-01T00:00:00Z" } : {}),
  });

describe("forecastPipeline", () => {
  const book = [
    opp("A", "prospecting", 100_000, 0.1, "2026-12-15"),
    opp("B", "proposal", 300_000, 0.6, "2026-12-20"),
    opp("C", "proposal", 200_000, 0.55, "2027-01-10"),
    opp("D", "negotiation", 50_001, 0.8, "2026-11-20"), // overdue by 10 days
    opp("E", "won", 999_999, 1, "2026-11-01"), // closed: not in the pipeline
    opp("F", "lost", 1, 0, "2026-11-01"),
    opp("G", "qualification", 70_000, 0.2, "2026-10-31"), // overdue by 30 days
    opp("H", "proposal", 10_000, 0.6, "2026-12-01", "USD"), // another currency: listed, not counted
  ];
  const f = forecastPipeline(book, { asOf: "2026-11-30" });

  it("sums count, amount and weighted amount per open stage, in the machine's order", () => {
    expect(f.stages).toEqual([
      { stage: "prospecting", count: 1, amount: 100_000, weighted: 10_000 },
      { stage: "qualification", count: 1, amount: 70_000, weighted: 14_000 },
      { stage: "needs_analysis", count: 0, amount: 0, weighted: 0 },
      // 300,000 × 0.6 = 180,000; 200,000 × 0.55 = 110,000
      { stage: "proposal", count: 2, amount: 500_000, weighted: 290_000 },
      // 50,001 × 0.8 = 40,000.8 → 40,001
      { stage: "negotiation", count: 1, amount: 50_001, weighted: 40_001 },
    ]);
    expect(f.total).toEqual({ count: 5, amount: 720_001, weighted: 354_001 });
  });

  it("groups by close month and quarter, flags past close dates, and lists other currencies", () => {
    expect(f.months).toEqual([
      { period: "2026-10", count: 1, amount: 70_000, weighted: 14_000 },
      { period: "2026-11", count: 1, amount: 50_001, weighted: 40_001 },
      { period: "2026-12", count: 2, amount: 400_000, weighted: 190_000 },
      { period: "2027-01", count: 1, amount: 200_000, weighted: 110_000 },
    ]);
    expect(f.quarters).toEqual([
      { period: "2026-Q4", count: 4, amount: 520_001, weighted: 244_001 },
      { period: "2027-Q1", count: 1, amount: 200_000, weighted: 110_000 },
    ]);
    expect(f.overdue).toEqual([
      { id: "G", expectedClose: "2026-10-31", daysOverdue: 30 },
      { id: "D", expectedClose: "2026-11-20", daysOverdue: 10 },
    ]);
    expect(f.otherCurrency).toEqual(["H"]);
    // asOf's month (November: D) and quarter (Q4: G, D, A, B).
    expect(f.thisMonth).toEqual({ count: 1, amount: 50_001, weighted: 40_001 });
    expect(f.thisQuarter).toEqual({ count: 4, amount: 520_001, weighted: 244_001 });
    expect(forecastPipeline(book, { asOf: "2027-06-01" }).thisMonth).toEqual({ count: 0, amount: 0, weighted: 0 });
    expect(forecastPipeline(book, { asOf: new Date("2026-11-30T10:00:00Z"), currency: "USD" }).total).toEqual({
      count: 1,
      amount: 10_000,
      weighted: 6_000,
    });
  });
});

describe("opportunityMove", () => {
  const rm = { id: "ST1", role: "relationship_manager" as const, branchId: "BR1" };
  const at = "2026-11-30T02:00:00.000Z";
  // A deposit: winning an investment is checked against its customer as well (sale-check.test.ts).
  const from = {
    ...opp("M", "proposal", 300_000, 0.6, "2026-12-20"),
    productType: "time_deposit" as const,
    version: 1,
  };

  it("asks the machine's event for each kind of move, and shows the record as the machine will leave it", () => {
    for (const [to, given] of [
      ["negotiation", {}],
      ["won", { amount: 280_000 }],
      ["won", {}],
      ["lost", { reason: "选择了他行产品" }],
    ] as const) {
      const move = opportunityMove(from, to, given, at);
      expect(move.event).toBe(to === "won" ? "win" : to === "lost" ? "lose" : "move");
      // The preview is the machine's own result, but for what the write adds (version, history, who).
      const written = applyTransition("opportunities", from, move.event, { actor: rm, at, ...move.details });
      const {
        version: _v,
        history: _h,
        updatedAt: _u,
        updatedBy: _b,
        ...machine
      } = written as Opportunity & Record<string, unknown>;
      expect(move.preview).toMatchObject(machine);
    }
    expect(opportunityMove(from, "won", {}, at).preview.amount.amount).toBe(300_000);
  });
});

describe("careEvents", () => {
  const [person, other] = generateDemoCustomers({ seed: "care", start: 0, count: 40 }).filter(
    (c): c is Extract<Customer, { kind: "individual" }> => c.kind === "individual",
  );
  const customer = (base: Extract<Customer, { kind: "individual" }>, changes: Record<string, unknown>) =>
    CustomerSchema.parse({ ...base, status: "active", ...changes }) as Extract<Customer, { kind: "individual" }>;
  const holding = (
    id: string,
    customerId: string,
    productType: Holding["productType"],
    changes: Record<string, unknown>,
  ) =>
    HoldingSchema.parse({
      id,
      customerId,
      productType,
      productCode: "P1",
      productName: "产品",
      accountNumber: "6222020200112233445",
      balance: { amount: 1_000_000, currency: "CNY" },
      openedAt: "2025-01-01",
      status: "active",
      ...changes,
    });

  it("finds birthdays (29 February on the 28th), maturities, lapsed assessments, expiring IDs and dormant accounts", () => {
    expect(nextBirthday("1990-02-29", "2027-02-01")).toBe("2027-02-28");
    expect(nextBirthday("1988-02-29", "2028-02-01")).toBe("2028-02-29");
    expect(nextBirthday("1980-11-29", "2026-11-30")).toBe("2027-11-29");
    const a = customer(person!, {
      birthDate: person!.birthDate, // kept: it must match the ID number
      riskAssessedAt: "2025-11-29", // 366 days before 2026-11-30: lapsed
      idDocument: { ...person!.idDocument, validUntil: "2026-12-20" },
    });
    const b = customer(other!, { riskAssessedAt: "2026-01-01" });
    const holdings = [
      holding("H1", a.id, "time_deposit", { maturityDate: "2026-12-05" }),
      holding("H2", a.id, "wealth_management", { maturityDate: "2026-12-30", riskLevel: "R2" }), // day 30: inside the window
      holding("H3", a.id, "certificate_of_deposit", { maturityDate: "2026-12-31" }), // day 31: outside
      holding("H4", b.id, "current_deposit", { status: "dormant" }),
      holding("H5", b.id, "time_deposit", { maturityDate: "2026-12-10", status: "closed" }),
      holding("H6", "CU-NOT-HERE", "time_deposit", { maturityDate: "2026-12-02" }),
    ];
    const events = careEvents([a, b], holdings, { asOf: "2026-11-30" });
    const birthdays = [a, b]
      .map((c) => ({ customerId: c.id, reason: "birthday" as const, dueOn: nextBirthday(c.birthDate, "2026-11-30") }))
      .filter((e) => e.dueOn <= "2026-12-30");
    const expected = [
      { customerId: a.id, reason: "riskAssessmentExpired", dueOn: "2026-11-30" },
      { customerId: b.id, reason: "dormantAccount", dueOn: "2026-11-30", holdingId: "H4" },
      { customerId: a.id, reason: "depositMaturity", dueOn: "2026-12-05", holdingId: "H1" },
      { customerId: a.id, reason: "idDocumentExpiring", dueOn: "2026-12-20" },
      { customerId: a.id, reason: "wealthMaturity", dueOn: "2026-12-30", holdingId: "H2" },
      ...birthdays,
    ].sort(
      (x, y) =>
        (x.dueOn < y.dueOn ? -1 : x.dueOn > y.dueOn ? 1 : 0) ||
        (x.customerId < y.customerId ? -1 : x.customerId > y.customerId ? 1 : 0) ||
        (x.reason < y.reason ? -1 : 1),
    );
    expect(events).toEqual(expected);
    // A closed customer gets no care events; a shorter window drops the later ones.
    expect(
      careEvents([{ ...a, status: "closed" }], holdings.slice(0, 3), { asOf: "2026-11-30" }).filter(
        (e) => e.reason !== "depositMaturity" && e.reason !== "wealthMaturity",
      ),
    ).toEqual([]);
    expect(
      careEvents([b], [], { asOf: "2026-11-30", windowDays: 0, riskValidityDays: 300 }).map((e) => e.reason),
    ).toEqual(
      [
        "riskAssessmentExpired",
        ...(nextBirthday(b.birthDate, "2026-11-30") === "2026-11-30" ? ["birthday"] : []),
      ].sort(),
    );
  });
});

describe("computeAchievement", () => {
  const target = (
    id: string,
    metric: SalesTarget["metric"],
    value: number,
    owner: { staffId?: string; teamId?: string; branchId?: string },
  ) =>
    SalesTargetSchema.parse({
      id,
      branchId: "B1",
      ...owner,
      metric,
      periodStart: "2026-11-01",
      periodEnd: "2026-11-30",
      target: value,
      ...(isCountMetric(metric) ? {} : { currency: "CNY" }),
    });
  const customers = [
    { id: "C1", onboardedAt: "2026-11-03", relationshipManagerId: "RM1", branchId: "B1" },
    { id: "C2", onboardedAt: "2026-10-31", relationshipManagerId: "RM1", branchId: "B1" }, // before the period
    { id: "C3", onboardedAt: "2026-11-20", relationshipManagerId: "RM2", branchId: "B1" },
    { id: "C4", onboardedAt: "2026-11-21", relationshipManagerId: "RM3", branchId: "B2" },
  ];
  const balanceChanges: BalanceChange[] = [
    { customerId: "C1", productType: "time_deposit", on: "2026-11-05", delta: 500_000 },
    { customerId: "C1", productType: "fund", on: "2026-11-06", delta: 200_000 },
    { customerId: "C2", productType: "current_deposit", on: "2026-11-07", delta: -100_000 },
    { customerId: "C2", productType: "mortgage", on: "2026-11-07", delta: 9_000_000 }, // a loan: not AUM
    { customerId: "C1", productType: "time_deposit", on: "2026-12-01", delta: 700_000 }, // after the period
    { customerId: "C3", productType: "wealth_management", on: "2026-11-25", delta: 300_000 },
  ];
  const sold = (
    id: string,
    customerId: string,
    productType: Holding["productType"],
    amount: number,
    openedAt: string,
    extra: Partial<Holding> = {},
  ): Holding => ({
    id,
    customerId,
    productType,
    productCode: "P-1",
    accountNumber: "6222020000000000",
    ...(["fund", "wealth_management"].includes(productType) ? { riskLevel: "R2" as const } : {}),
    balance: { amount, currency: "CNY" },
    openedAt,
    status: "active",
    ...extra,
  });
  const holdings = [
    sold("H1", "C1", "mortgage", 2_000_000, "2026-11-10", { soldBy: "RM1" }),
    sold("H2", "C2", "fund", 400_000, "2026-11-11"), // no seller kept: the customer's RM (RM1)
    sold("H3", "C2", "credit_card", 0, "2026-11-12", { soldBy: "RM1" }),
    sold("H4", "C3", "insurance", 60_000, "2026-11-13", { soldBy: "RM2" }),
    sold("H5", "C1", "wealth_management", 900_000, "2026-10-20", { soldBy: "RM1" }), // October: not this period
    sold("H6", "C4", "consumer_loan", 100_000, "2026-11-15", { soldBy: "RM3" }),
  ];
  const sales = salesOf(holdings, customers);
  const results = computeAchievement(
    [
      target("T1", "new_customers", 4, { staffId: "RM1" }),
      target("T2", "aum_growth", 1_200_000, { staffId: "RM1" }),
      target("T3", "deposit_balance", 1_000_000, { staffId: "RM1" }),
      target("T4", "loan_disbursement", 1_000_000, { staffId: "RM1" }),
      target("T5", "wealth_sales", 1_000_000, { staffId: "RM1" }),
      target("T6", "credit_cards_issued", 2, { staffId: "RM1" }),
      target("T7", "insurance_premium", 100_000, { branchId: "B1" }),
      target("T8", "new_customers", 3, { branchId: "B1" }),
      target("T9", "aum_growth", 0, { branchId: "B2" }),
    ],
    { customers, balanceChanges, sales },
    { asOf: "2026-11-15" },
  );
  const by = (id: string) => results.find((r) => r.targetId === id)!;

  it("credits each fact to the relationship manager of record or the branch, within the period", () => {
    expect(results.map((r) => [r.targetId, r.achieved])).toEqual([
      ["T1", 1], // C1 (C2 was onboarded in October)
      ["T2", 600_000], // 500,000 + 200,000 − 100,000; the mortgage and December's deposit do not count
      ["T3", 400_000], // 500,000 − 100,000
      ["T4", 2_000_000], // H1
      ["T5", 400_000], // H2 (H5 was opened in October)
      ["T6", 1], // H3
      ["T7", 60_000], // H4, C3 is in branch B1
      ["T8", 2], // C1 and C3
      ["T9", 0],
    ]);
    expect(by("T9").owner).toEqual({ branchId: "B2" });
    expect(by("T9").ratio).toBe(0); // a zero target
  });

  it("measures pace: an even share of the target by today against what is achieved", () => {
    // 15 November of a 30-day period: half elapsed.
    expect(by("T2")).toMatchObject({ elapsed: 0.5, expected: 600_000, pace: 0, ratio: 0.5 });
    expect(by("T4")).toMatchObject({ expected: 500_000, pace: 1_500_000, ratio: 2 });
    expect(by("T1")).toMatchObject({ expected: 2, pace: -1 });
    const after = computeAchievement(
      [target("T", "new_customers", 4, { staffId: "RM1" })],
      { customers },
      { asOf: "2027-01-01" },
    );
    expect(after[0]).toMatchObject({ elapsed: 1, expected: 4 });
    const before = computeAchievement(
      [target("T", "new_customers", 4, { staffId: "RM1" })],
      { customers },
      { asOf: "2026-10-01" },
    );
    expect(before[0]).toMatchObject({ elapsed: 0, expected: 0 });
  });
});
