import { describe, expect, it } from "vitest";
import { BankcrmInvalidArgumentError, type Holding, type Transaction } from "../src/index.js";
import { creditAnalysis, creditWarningText, loanClassOf } from "../src/analytics/index.js";

const AS_OF = "2026-11-30";
const holding = (id: string, over: Partial<Holding>): Holding => ({
  id,
  customerId: "CU1",
  productType: "credit_card",
  productCode: "CC-STD",
  accountNumber: "6222021234567890",
  balance: { amount: 0, currency: "CNY" },
  openedAt: "2020-01-01",
  status: "active",
  ...over,
});
let n = 0;
const tx = (holdingId: string, day: string, yuan: number, over: Partial<Transaction> = {}): Transaction => ({
  id: `T${++n}`,
  customerId: "CU1",
  holdingId,
  at: `${day}T12:00:00+08:00`,
  amount: { amount: yuan * 100, currency: "CNY" },
  direction: "debit",
  channel: "pos",
  category: "consumption",
  ...over,
});
const yuan = (y: number) => ({ amount: y * 100, currency: "CNY" });

describe("creditAnalysis", () => {
  it("works each card's use of its limit back month by month, and warns of high and rising use and cash advances", () => {
    const holdings = [
      holding("HC1", { balance: yuan(46_000), creditLimit: yuan(50_000) }),
      holding("HC2", { productCode: "CC-PLAT", balance: yuan(3_000), creditLimit: yuan(20_000) }),
      holding("HC3", { balance: yuan(9_000), creditLimit: yuan(10_000), status: "closed" }),
      holding("HD1", { productType: "current_deposit", productCode: "DEP-CUR", balance: yuan(80_000) }),
    ];
    const txs = [
      tx("HC1", "2026-09-15", 20_000),
      tx("HC1", "2026-10-20", 2_000, { direction: "credit", category: "card_repayment" }),
      tx("HC1", "2026-11-10", 10_000),
      tx("HC2", "2026-11-25", 1_000, { category: "cash_withdrawal", channel: "atm" }),
      tx("HC2", "2026-08-25", 500, { category: "cash_withdrawal", channel: "atm" }), // too long ago
    ];
    const { lines, warnings } = creditAnalysis(holdings, txs, { asOf: AS_OF });
    expect(lines.map((l) => l.holdingId)).toEqual(["HC1", "HC2"]); // open credit lines only
    // Owed at the ends of June … October and today: 18,000 until the September charge, then 38,000, 36,000, 46,000.
    expect(lines[0]).toMatchObject({
      limit: 5_000_000,
      owed: 4_600_000,
      utilisation: 0.92,
      daysPastDue: 0,
      class: "normal",
    });
    expect(lines[0]!.trend).toEqual([0.36, 0.36, 0.36, 0.76, 0.72, 0.92]);
    expect(lines[1]!.trend!.slice(-2)).toEqual([0.1, 0.15]);
    expect(warnings.map((w) => [w.holdingId, w.code])).toEqual([
      ["HC1", "highUtilisation"],
      ["HC1", "risingUtilisation"],
      ["HC2", "cashAdvance"],
    ]);
    expect(warnings.map((w) => creditWarningText(w, "zh-CN"))).toEqual([
      "额度使用率 92%（额度 ¥50,000）",
      "额度使用率 5 个月内由 36% 升至 92%",
      "近 30 天信用卡取现 1 笔，共 ¥1,000",
    ]);
    expect(creditWarningText(warnings[1]!, "en")).toBe("Use of the limit up from 36% to 92% in 5 months");
  });

  it("counts a loan's days past due and the least risk class they put it in", () => {
    const mortgage = holding("HL1", {
      productType: "mortgage",
      productCode: "LN-MTG",
      balance: yuan(1_200_000),
      status: "overdue",
      overdueSince: "2026-08-01",
    });
    const { lines, warnings } = creditAnalysis([mortgage], [], { asOf: AS_OF });
    expect(lines[0]).toMatchObject({ daysPastDue: 121, class: "substandard" }); // 31 + 30 + 31 + 29 days
    expect(lines[0]!.trend).toBeUndefined(); // no revolving limit
    expect(creditWarningText(warnings[0]!, "zh-CN")).toBe("已逾期 121 天，欠款 ¥1,200,000，风险分类至少为次级");
    expect([0, 1, 90, 91, 270, 271, 360, 361].map(loanClassOf)).toEqual([
      "normal",
      "special_mention",
      "special_mention",
      "substandard",
      "substandard",
      "doubtful",
      "doubtful",
      "loss",
    ]);
  });

  it("refuses options it cannot judge by, and leaves out what a role may not see", () => {
    expect(() => creditAnalysis([], [], { asOf: "2026/11/30" })).toThrow(BankcrmInvalidArgumentError);
    expect(() => creditAnalysis([], [], { asOf: AS_OF, months: 0 })).toThrow(BankcrmInvalidArgumentError);
    const masked = { ...holding("HC9", { creditLimit: yuan(1) }), balance: undefined } as unknown as Holding;
    expect(creditAnalysis([masked], [], { asOf: AS_OF }).lines).toEqual([]);
  });
});
