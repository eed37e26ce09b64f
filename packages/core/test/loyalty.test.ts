import { describe, expect, it } from "vitest";
import { stampCreate, validate, type Actor, type Transaction } from "../src/index.js";
import {
  DEFAULT_LOYALTY_PROGRAM,
  LoyaltyEntrySchema,
  earnEntries,
  earnedPoints,
  expiresOnFor,
  expiryEntries,
  loyaltyRefusal,
  pointsBalance,
  type LoyaltyEntry,
} from "../src/loyalty/index.js";
import { generateDemoPortfolio } from "../src/demo/index.js";

const cny = (yuan: number) => ({ amount: Math.round(yuan * 100), currency: "CNY" });
const spend = (yuan: number, category: Transaction["category"] = "consumption") => ({
  amount: cny(yuan),
  category,
  direction: "debit" as const,
});
const earn = (id: string, points: number, at: string, expiresOn: string): LoyaltyEntry => ({
  id,
  customerId: "CU1",
  kind: "earn",
  points,
  at,
  expiresOn,
});
const redeem = (id: string, points: number, at: string, rewardCode = "cash_rebate_10"): LoyaltyEntry => ({
  id,
  customerId: "CU1",
  kind: "redeem",
  points: -points,
  at,
  rewardCode,
});

describe("earning", () => {
  it("counts whole steps of a rule, times the tier's multiplier, rounded down", () => {
    // ¥123.45 on a card: six steps of ¥20.
    expect(earnedPoints(spend(123.45), "credit_card", "standard")).toBe(6);
    expect(earnedPoints(spend(123.45), "credit_card", "gold")).toBe(7); // 7.2
    expect(earnedPoints(spend(123.45), "credit_card", "diamond")).toBe(12);
    // Three steps for a gold customer: 3.6, not 3.5999… by luck.
    expect(earnedPoints(spend(60), "credit_card", "gold")).toBe(3);
    // A debit card counts ¥50 a step; a salary paid in is flat.
    expect(earnedPoints(spend(149.99), "current_deposit", undefined)).toBe(2);
    expect(
      earnedPoints({ amount: cny(18_000), category: "salary", direction: "credit" }, "current_deposit", "platinum"),
    ).toBe(150);
    // No rule, another currency, an unknown holding: nothing.
    expect(earnedPoints(spend(500, "transfer"), "current_deposit", "standard")).toBe(0);
    expect(
      earnedPoints({ ...spend(500), amount: { amount: 50_000, currency: "USD" } }, "credit_card", "standard"),
    ).toBe(0);
    expect(earnedPoints(spend(500), undefined, "standard")).toBe(0);
  });

  it("lasts to the end of the next year, the year read in Beijing", () => {
    expect(expiresOnFor("2025-06-30T10:00:00Z")).toBe("2026-12-31");
    // 17:00 UTC on New Year's Eve is already 1 January in Beijing.
    expect(expiresOnFor("2025-12-31T17:00:00Z")).toBe("2027-12-31");
    expect(expiresOnFor("2025-12-31T15:59:59Z", { ...DEFAULT_LOYALTY_PROGRAM, validYears: 2 })).toBe("2027-12-31");
  });

  it("makes one earn entry per earning transaction of the customer's holdings", () => {
    const t = (id: string, holdingId: string, yuan: number, category: Transaction["category"] = "consumption") =>
      ({
        id,
        customerId: "CU1",
        holdingId,
        at: "2026-03-01T02:00:00Z",
        channel: "pos",
        ...spend(yuan, category),
      }) as Transaction;
    const entries = earnEntries(
      { id: "CU1", tier: "standard" },
      [t("T1", "H-CARD", 45), t("T2", "H-CARD", 10), t("T3", "H-CUR", 60, "transfer")],
      [
        { id: "H-CARD", productType: "credit_card" },
        { id: "H-CUR", productType: "current_deposit" },
      ],
    );
    expect(entries).toEqual([
      {
        id: "T1-P",
        customerId: "CU1",
        kind: "earn",
        points: 2,
        at: "2026-03-01T02:00:00Z",
        expiresOn: "2027-12-31",
        transactionId: "T1",
      },
    ]);
  });
});

describe("the balance", () => {
  it("spends the points that lapse soonest first", () => {
    const ledger = [
      earn("E1", 1000, "2025-03-01T02:00:00Z", "2026-12-31"),
      earn("E2", 500, "2026-02-01T02:00:00Z", "2027-12-31"),
      redeem("R1", 1200, "2026-06-01T02:00:00Z"), // 1,000 of E1, then 200 of E2
      earn("E3", 400, "2026-07-01T02:00:00Z", "2027-12-31"),
      earn("E4", 999, "2026-12-02T02:00:00Z", "2027-12-31"), // after the day asked about
    ];
    expect(pointsBalance(ledger, "2026-11-30T00:00:00Z")).toEqual({
      balance: 700,
      lapsed: 0,
      expiring: [{ on: "2027-12-31", points: 700 }],
      earned: 1900,
      redeemed: 1200,
      expired: 0,
    });
  });

  it("stops counting lapsed points the day after their last, before the job writes them off", () => {
    const ledger = [
      earn("E1", 1000, "2024-05-01T02:00:00Z", "2025-12-31"),
      earn("E2", 500, "2025-05-01T02:00:00Z", "2026-12-31"),
      redeem("R1", 300, "2025-06-01T02:00:00Z"),
    ];
    // 31 December 2025, 23:00 in Beijing: still 1,200.
    expect(pointsBalance(ledger, "2025-12-31T15:00:00Z")).toMatchObject({ balance: 1200, lapsed: 0 });
    const day = "2026-01-15T02:00:00Z";
    expect(pointsBalance(ledger, day)).toMatchObject({ balance: 500, lapsed: 700 });
    const written = expiryEntries("CU1", ledger, day);
    expect(written).toEqual([
      {
        id: "CU1-X2025-12-31-2026-01-15",
        customerId: "CU1",
        kind: "expire",
        points: -700,
        at: "2026-01-01T00:00:00+08:00",
      },
    ]);
    expect(written.every((e) => LoyaltyEntrySchema.safeParse(e).success)).toBe(true);
    const after = [...ledger, ...written];
    expect(pointsBalance(after, day)).toMatchObject({ balance: 500, lapsed: 0, expired: 700 });
    // The job run again the same day finds nothing more.
    expect(expiryEntries("CU1", after, day)).toEqual([]);
  });
});

describe("what staff may add to a ledger", () => {
  const ledger = [earn("E1", 1500, "2026-01-05T02:00:00Z", "2027-12-31")];
  const at = "2026-11-02T02:00:00Z";
  const gold = { tier: "gold" as const };

  it("a redemption of a catalogue reward the balance and the tier allow", () => {
    expect(loyaltyRefusal(redeem("N", 1000, at), ledger, gold, "teller")).toBeUndefined();
    expect(loyaltyRefusal(redeem("N", 3000, at, "video_membership"), ledger, gold, "teller")).toBe(
      "insufficientPoints",
    );
    expect(loyaltyRefusal(redeem("N", 20_000, at, "airport_lounge"), ledger, gold, "teller")).toBe("rewardTier");
    expect(loyaltyRefusal(redeem("N", 999, at), ledger, gold, "teller")).toBe("rewardUnknown");
    expect(loyaltyRefusal(redeem("N", 1000, at, "gold_bar"), ledger, gold, "teller")).toBe("rewardUnknown");
  });

  it("checks a redemption dated back against the balance now", () => {
    const spent = [...ledger, redeem("R1", 1000, "2026-05-01T02:00:00Z")];
    const back = redeem("N", 1000, "2026-04-01T02:00:00Z");
    expect(loyaltyRefusal(back, spent, gold, "teller", at)).toBe("insufficientPoints");
    // Judged on its own date alone it would have spent points spent since.
    expect(loyaltyRefusal(back, spent, gold, "teller", back.at)).toBeUndefined();
  });

  it("never earned or expired points; an adjustment only from a branch manager", () => {
    expect(loyaltyRefusal(earn("N", 10, at, "2027-12-31"), ledger, gold, "branch_manager")).toBe("ledgerSystem");
    const adjust: LoyaltyEntry = { id: "N", customerId: "CU1", kind: "adjust", points: 200, at, reason: "服务补偿" };
    expect(loyaltyRefusal(adjust, ledger, gold, "relationship_manager")).toBe("adjustRole");
    expect(loyaltyRefusal(adjust, ledger, gold, "branch_manager")).toBeUndefined();
  });

  it("takes the time from the writer's clock, whatever the input said", () => {
    const teller: Actor = { id: "S-TE1", role: "teller", branchId: "B1" };
    const made = stampCreate("loyaltyEntries", { ...redeem("N", 1000, "2020-01-01T00:00:00Z") }, { actor: teller, at });
    expect(made.at).toBe("2026-11-02T02:00:00.000Z");
    expect(made.createdBy).toBe("S-TE1");
  });
});

describe("a ledger entry's fields", () => {
  const check = (entry: Record<string, unknown>) => {
    const r = validate(LoyaltyEntrySchema, entry, "zh-CN");
    return r.success ? [] : r.errors.map((e) => [e.path.join("."), e.code]);
  };
  it("keeps each kind's sign and what it needs", () => {
    expect(check(earn("E", -5, "2026-01-01T00:00:00Z", "2027-12-31"))).toEqual([["points", "tooSmallNumber"]]);
    expect(check({ ...redeem("R", 1000, "2026-01-01T00:00:00Z"), points: 1000 })).toEqual([["points", "tooBigNumber"]]);
    expect(check({ ...redeem("R", 1000, "2026-01-01T00:00:00Z"), rewardCode: undefined })).toEqual([
      ["rewardCode", "required"],
    ]);
    expect(check({ id: "A", customerId: "CU1", kind: "adjust", points: 0, at: "2026-01-01T00:00:00Z" })).toEqual([
      ["points", "tooSmallNumber"],
      ["reason", "required"],
    ]);
    expect(check({ ...earn("E", 5, "2026-01-01T00:00:00Z", "2027-12-31"), expiresOn: undefined })).toEqual([
      ["expiresOn", "required"],
    ]);
  });
});

describe("the demo bank's ledgers", () => {
  it("carry the old system's balance over at the go-live, then earn and spend without going below nothing", () => {
    const p = generateDemoPortfolio({ seed: "loyalty", customers: 150 });
    const byCustomer = new Map<string, LoyaltyEntry[]>();
    for (const e of p.loyaltyEntries) byCustomer.set(e.customerId, [...(byCustomer.get(e.customerId) ?? []), e]);
    let redeemed = 0;
    for (const customer of p.customers) {
      const ledger = byCustomer.get(customer.id) ?? [];
      const carried = ledger.filter((e) => e.kind === "adjust").reduce((n, e) => n + e.points, 0);
      expect(carried).toBe(customer.loyaltyPoints);
      const b = pointsBalance(ledger, `${p.asOf}T00:00:00Z`);
      expect(b.balance).toBeGreaterThanOrEqual(0);
      expect(b.balance).toBe(customer.loyaltyPoints + b.earned - b.redeemed);
      redeemed += b.redeemed > 0 ? 1 : 0;
    }
    expect(redeemed).toBeGreaterThan(10);
    expect(p.loyaltyEntries.some((e) => e.kind === "earn")).toBe(true);
  });
});
