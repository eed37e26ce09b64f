import { describe, expect, it } from "vitest";
import { BankcrmInvalidArgumentError, type Transaction } from "../src/index.js";
import { anomalySignals, anomalyText } from "../src/analytics/index.js";

const AS_OF = "2026-11-30";
/** Beijing time, `daysBefore` days before the as-of day at `hour`:00. */
const at = (daysBefore: number, hour = 10) =>
  new Date(Date.parse(`${AS_OF}T${String(hour).padStart(2, "0")}:00:00+08:00`) - daysBefore * 86_400_000).toISOString();
let n = 0;
const tx = (daysBefore: number, yuan: number, over: Partial<Transaction> = {}): Transaction => ({
  id: `T${++n}`,
  customerId: "CU1",
  holdingId: "H1",
  at: at(daysBefore),
  amount: { amount: yuan * 100, currency: "CNY" },
  direction: "debit",
  channel: "mobile_app",
  category: "consumption",
  ...over,
});

/** Twelve ordinary payments over the half-year before the last week: ¥100 to ¥1,000, median ¥200. */
const usual = () =>
  [100, 150, 180, 200, 200, 200, 200, 220, 250, 300, 500, 1000].map((y, i) =>
    tx(20 + i * 10, y, { counterparty: "美团" }),
  );

describe("anomalySignals", () => {
  it("flags a recent payment above the customer's own largest and five times their median, and says so", () => {
    const history = usual();
    const large = tx(2, 8000);
    const signals = anomalySignals([...history, large, tx(1, 900), tx(3, 1500)], { asOf: AS_OF });
    // ¥900: within what they pay; ¥1,500: above the largest but under the ¥5,000 floor; ¥8,000: 40 times ¥200.
    expect(signals).toHaveLength(1);
    expect(signals[0]).toMatchObject({
      code: "unusualAmount",
      transactionIds: [large.id],
      figures: { amount: 800_000, baselineMax: 100_000, baselineMedian: 20_000, times: 40 },
    });
    expect(anomalyText(signals[0]!, "zh-CN")).toBe(
      "单笔支出 ¥8,000，超过客户近 180 天最大单笔 ¥1,000，为其中位数 ¥200 的 40.0 倍",
    );
    expect(anomalyText(signals[0]!, "en")).toBe(
      "A payment of CN¥8,000: above the largest of the last 180 days (CN¥1,000), 40.0 times the median (CN¥200)",
    );
    // With fewer than ten payments to judge by, nothing is judged unusual.
    expect(anomalySignals([...history.slice(0, 9), tx(2, 8000)], { asOf: AS_OF })).toEqual([]);
    // Money in is never a payment out.
    expect(anomalySignals([...history, tx(2, 8000, { direction: "credit" })], { asOf: AS_OF })).toEqual([]);
  });

  it("flags payments to three never-seen payees within 24 hours once, and not a known payee or a later lone one", () => {
    const burst = [
      tx(3, 3000, { category: "transfer", counterparty: "张某", at: at(3, 9) }),
      tx(3, 5000, { category: "transfer", counterparty: "美团", at: at(3, 10) }), // known: not new
      tx(3, 4000, { category: "transfer", counterparty: "李某", at: at(3, 11) }),
      tx(3, 6000, { category: "transfer", counterparty: "王某", at: at(3, 14) }),
      tx(1, 2000, { category: "transfer", counterparty: "赵某", at: at(1, 20) }),
    ];
    const signals = anomalySignals([...usual(), ...burst], { asOf: AS_OF, floor: 10_000_000 });
    expect(signals).toHaveLength(1);
    expect(signals[0]).toMatchObject({
      code: "newPayeeBurst",
      at: at(3, 14),
      transactionIds: [burst[0]!.id, burst[2]!.id, burst[3]!.id],
      figures: { payees: 3, total: 1_300_000, hours: 24 },
    });
    expect(anomalyText(signals[0]!, "zh-CN")).toBe("24 小时内向 3 个从未往来的收款方转出共 ¥13,000");
  });

  it("flags a holding quiet for 180 days or more that pays out again, with how long it was quiet", () => {
    const quiet = [
      tx(400, 500, { holdingId: "H2" }),
      tx(205, 300, { holdingId: "H2", direction: "credit" }),
      tx(4, 1200, { holdingId: "H2", direction: "credit" }),
      tx(2, 2500, { holdingId: "H2" }),
    ];
    const signals = anomalySignals(quiet, { asOf: AS_OF });
    expect(signals).toEqual([
      {
        code: "dormantReactivation",
        customerId: "CU1",
        at: at(2),
        transactionIds: [quiet[3]!.id],
        holdingId: "H2",
        currency: "CNY",
        figures: { quietDays: 201, total: 250_000 },
      },
    ]);
    expect(anomalyText(signals[0]!, "en")).toBe("CN¥2,500 paid out after 201 days without a transaction");
    // Quiet for 179 days: nothing.
    expect(
      anomalySignals([tx(183, 300, { holdingId: "H3" }), tx(4, 100, { holdingId: "H3" })], { asOf: AS_OF }),
    ).toEqual([]);
  });

  it("refuses options it cannot judge by, with a typed error", () => {
    expect(() => anomalySignals([], { asOf: "30/11/2026" })).toThrow(BankcrmInvalidArgumentError);
    expect(() => anomalySignals([], { asOf: AS_OF, recentDays: 0 })).toThrow(BankcrmInvalidArgumentError);
    expect(() => anomalySignals([], { asOf: AS_OF, multiple: Number.NaN })).toThrow(BankcrmInvalidArgumentError);
  });
});
