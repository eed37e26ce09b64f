import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  computeContribution,
  type BookCustomer,
  type Customer,
  type CustomerValue,
  type Holding,
  type Transaction,
} from "../src/index.js";
import {
  churnAlerts,
  computeBookMetrics,
  createBookMetricsJob,
  findGoldCustomers,
  fitBgNbd,
  goldBars,
  isNearNextTier,
  topShareBar,
  scoreCustomer,
  scoreRfm,
  summarizeTransactions,
  valueReasonText,
} from "../src/analytics/index.js";
import { generateDemoPortfolio } from "../src/demo/index.js";
import { packValues, unpackValues } from "../src/analytics/packed-values.js";
import { fitBookModels, summaryFigures } from "../src/analytics/book-metrics.js";
import { byCustomer } from "./support/by-customer.js";

function demoBook(customers: number): { book: BookCustomer[]; asOf: string } {
  const p = generateDemoPortfolio({ seed: "book-metrics", customers });
  const holdings = byCustomer(p.holdings);
  const transactions = byCustomer(p.transactions);
  const cases = byCustomer(p.serviceCases);
  return {
    asOf: p.asOf,
    book: p.customers.map((customer) => ({
      customer,
      holdings: holdings.get(customer.id) ?? [],
      transactions: transactions.get(customer.id) ?? [],
      serviceCases: cases.get(customer.id) ?? [],
    })),
  };
}

describe("computeBookMetrics", () => {
  const { book, asOf } = demoBook(400);
  const progress: [number, number][] = [];
  const { customers, models } = computeBookMetrics(book, {
    asOf,
    progressEvery: 100,
    onProgress: (done, total) => progress.push([done, total]),
  });

  it("scores every customer with the same models core gives one by one", () => {
    expect(customers).toHaveLength(400);
    expect(progress).toEqual([
      [100, 400],
      [200, 400],
      [300, 400],
      [400, 400],
    ]);
    const summaries = summarizeTransactions(
      book.flatMap((b) => b.transactions.map((t) => ({ customerId: b.customer.id, at: t.at, amount: t.amount }))),
      { calibrationEnd: asOf },
    );
    const fit = fitBgNbd(summaries);
    expect(models.bgNbd).toEqual(fit.params);
    const rfm = new Map(scoreRfm(summaries).map((s) => [s.customerId, s]));
    const summaryOf = new Map(summaries.map((s) => [s.customerId, s]));
    let withHistory = 0;
    for (const [i, v] of customers.entries()) {
      const b = book[i]!;
      expect(v.customerId).toBe(b.customer.id);
      expect(v.contribution).toBe(computeContribution(b.customer, b.holdings, b.transactions).total.amount);
      const s = summaryOf.get(v.customerId);
      if (!s) continue;
      withHistory++;
      expect(v.probabilityAlive).toBeCloseTo(fit.probabilityAlive(s), 12);
      // RFM as scoreRfm scores it over the whole book (the cut points are the book itself below 2,001 customers).
      const r = rfm.get(v.customerId)!;
      expect([v.rfmR, v.rfmF, v.rfmM, v.rfmSegment]).toEqual([r.r, r.f, r.m, r.segment]);
      expect(v.churnRisk).toBeGreaterThanOrEqual(0);
      expect(v.churnRisk).toBeLessThanOrEqual(1);
    }
    expect(withHistory).toBeGreaterThan(300);
    expect(customers.filter((c) => c.clv !== undefined).length).toBe(withHistory);
  });

  it("scores one customer again from the stored models exactly as the book did", () => {
    for (const i of [0, 17, 123, 399]) expect(scoreCustomer(book[i]!, models)).toEqual(customers[i]);
  });

  it("gives the same metrics over batches in two passes (a worker's or a server job's way)", () => {
    const job = createBookMetricsJob({ asOf });
    for (let i = 0; i < book.length; i += 64) job.summarize(book.slice(i, i + 64));
    expect(job.fit()).toEqual(models);
    const batched = [];
    for (let i = 0; i < book.length; i += 64) batched.push(...job.score(book.slice(i, i + 64)));
    expect(batched).toEqual(customers);
    expect(() => job.summarize(book.slice(0, 1))).toThrow(/before fit/);
    expect(() => createBookMetricsJob({ asOf }).score(book.slice(0, 1))).toThrow(/fit\(\) before/);
  });

  it("scores from the figures kept in pass 1 exactly as from the records read again (keep)", () => {
    const job = createBookMetricsJob({ asOf, keep: true });
    for (let i = 0; i < book.length; i += 64) job.summarize(book.slice(i, i + 64));
    expect(job.fit()).toEqual(models);
    // A batch scored for each batch summarised.
    const batches = [...job.scoreKept()];
    expect(batches.map((b) => b.length)).toEqual([64, 64, 64, 64, 64, 64, 16]);
    // score() on a kept job: the same figures from the records.
    expect(job.score(book.slice(0, 5))).toEqual(customers.slice(0, 5));
    expect(batches.flat()).toEqual(customers);
    // Its figures went as they were scored: a second pass cannot read them.
    expect(() => [...job.scoreKept()]).toThrow(/once/);
    const plain = createBookMetricsJob({ asOf });
    plain.summarize(book);
    plain.fit();
    expect(() => [...plain.scoreKept()]).toThrow(/keep/);
  });

  it("packs scored customers into columns (a worker's batch) and back into the same objects", () => {
    const packed = packValues(customers);
    expect(packed.numbers).toBeInstanceOf(Float64Array);
    // Every kind the book has: with and without P(alive), CLV, RFM, next tier, recorded tier, churn reasons.
    expect(customers.some((c) => c.clv === undefined) && customers.some((c) => c.clv !== undefined)).toBe(true);
    expect(customers.some((c) => c.next === undefined) && customers.some((c) => c.next !== undefined)).toBe(true);
    expect(customers.some((c) => c.churnReasons.length >= 2)).toBe(true);
    expect(unpackValues(packed)).toStrictEqual(customers);
    const many: CustomerValue = {
      ...customers[0]!,
      churnReasons: ["modelDropout", "inactive180", "balanceCollapsing", "complaints"],
    };
    expect(unpackValues(packValues([many]))).toStrictEqual([many]);
  });

  it("fits a large book on a sample spread evenly over it, from objects or columns alike", () => {
    // 25,000 summaries (the demo's 400, repeated with shifted frequencies): above FIT_SAMPLE (10,000).
    const base = summarizeTransactions(
      book.flatMap((b) => b.transactions.map((t) => ({ customerId: b.customer.id, at: t.at, amount: t.amount }))),
      { calibrationEnd: asOf },
    );
    const large = Array.from({ length: 25_000 }, (_, i) => {
      const s = base[i % base.length]!;
      return { ...s, customerId: `X${i}`, frequency: s.frequency + (i % 3 === 0 && s.frequency > 0 ? 1 : 0) };
    });
    const fromObjects = fitBookModels(large, { asOf });
    expect(fitBookModels(summaryFigures(large), { asOf })).toEqual(fromObjects);
    // The sample: every 2.5th customer from the first, 10,000 of them.
    const sampled = Array.from({ length: 10_000 }, (_, i) => large[Math.floor(i * 2.5)]!);
    expect(fromObjects.bgNbd).toEqual(fitBgNbd(sampled).params);
    // The RFM cut points come from the whole book, not the sample.
    expect(fromObjects.rfm!.frequency.at(-1)).toBe(Math.max(...large.map((x) => x.frequency)));
    // A job's columns are its summaries'.
    const job = createBookMetricsJob({ asOf, keep: true });
    job.summarize(book);
    expect(job.summaryFigures()).toEqual(summaryFigures(job.summaries()));
  });

  it("fits the book when a customer's first purchase is on the as-of day (T = 0: nothing for the fit, not an error)", () => {
    // A new customer's first purchase on the day the metrics are for: in a bank's nightly job, every night.
    const first = book[0]!;
    const newcomer = { ...first, transactions: [{ ...first.transactions[0]!, at: `${asOf}T09:30:00+08:00` }] };
    const withNewcomer = [newcomer, ...book.slice(1)];
    const { customers: scored, models: fitted } = computeBookMetrics(withNewcomer, { asOf });
    // The fit is the one without them (their likelihood is 1 whatever the parameters); they are scored with it.
    expect(fitted.bgNbd).toBeDefined();
    expect(fitted.bgNbd).toEqual(computeBookMetrics(book.slice(1), { asOf }).models.bgNbd);
    expect(scored[0]!.probabilityAlive).toBe(1);
  });

  it("refuses a day that is not one", () => {
    expect(() => computeBookMetrics(book.slice(0, 3), { asOf: "yesterday" })).toThrow(/asOf/);
  });
});

/** A hand-made value: only what the lists read matters. */
function value(id: string, v: Partial<CustomerValue>): CustomerValue {
  return {
    customerId: id,
    aum: 0,
    tier: "standard",
    productCount: 1,
    contribution: 0,
    valueScore: 0,
    churnRisk: 0,
    churnLevel: "low",
    churnReasons: [],
    recentComplaints: 0,
    ...v,
  };
}

describe("findGoldCustomers", () => {
  it("finds the under-served (top 10% by contribution or CLV below platinum) and those within reach of the next tier", () => {
    const values = Array.from({ length: 10 }, (_, i) =>
      value(`C${i + 1}`, { contribution: (i + 1) * 100_000, tier: "gold", aum: 10_000_000 }),
    );
    // C10: top 10% (9 of 10 below it) and only gold → under-served. C9: 8 of 10 below (80%) → not.
    values[9]!.recordedTier = "gold";
    // C8 served as platinum: its contribution says nothing.
    values[7] = { ...values[7]!, recordedTier: "platinum", tier: "platinum" };
    // C3: ¥45,000, ¥5,000 short of gold (gap ≤ 20% of ¥50,000) → near. C2: ¥30,000 → not.
    values[2] = { ...values[2]!, aum: 4_500_000, tier: "standard", next: { tier: "gold", gap: 500_000 } };
    values[1] = { ...values[1]!, aum: 3_000_000, tier: "standard", next: { tier: "gold", gap: 2_000_000 } };
    // C5: CLV in the top 10% of those with one.
    values.forEach((v, i) => (v.clv = (i + 1) * 1000));
    values[4]!.clv = 999_999;
    const gold = findGoldCustomers(values);
    expect(gold.map((g) => [g.customerId, g.reasons.map((r) => r.code)])).toEqual([
      ["C10", ["topContribution"]],
      ["C5", ["topLifetimeValue"]],
      ["C3", ["nearNextTier"]],
    ]);
    expect(gold[0]!.reasons[0]!.params).toEqual({ percentile: 0.9, contribution: 1_000_000, tier: "gold" });
    expect(valueReasonText(gold[0]!.reasons[0]!, "zh-CN")).toBe("年度贡献 ¥10,000，居全行前 10%，但仅为金卡客户");
    expect(valueReasonText(gold[2]!.reasons[0]!, "en")).toBe("CN¥5,000 short of Gold");
    // Without the money (a role that may not see amounts: the server leaves them out), said without it.
    const unquoted = <R extends { params: Record<string, unknown> }>(r: R, key: string): R => {
      const { [key]: _, ...params } = r.params;
      return { ...r, params };
    };
    expect(valueReasonText(unquoted(gold[0]!.reasons[0]!, "contribution"), "zh-CN")).toBe(
      "年度贡献居全行前 10%，但仅为金卡客户",
    );
    expect(valueReasonText(unquoted(gold[1]!.reasons[0]!, "clv"), "en")).toMatch(
      /^Predicted lifetime value in the bank's top \d+%, yet only /,
    );
    expect(valueReasonText(unquoted(gold[2]!.reasons[0]!, "gap"), "en")).toBe("Close to Gold");
    expect(() => findGoldCustomers(values, { topShare: 1.5 })).toThrow(/topShare/);
    // The same bars as single numbers, for a database: C10's contribution and C5's CLV are above them.
    const bars = goldBars(
      values.map((v) => v.contribution),
      values.map((v) => v.clv!),
    );
    expect(bars).toEqual({ contribution: 900_000, clv: 10_000, servedAt: 2 });
    expect(values.filter((v) => isNearNextTier(v)).map((v) => v.customerId)).toEqual(["C3"]);
  });

  it("says a value is in the top share exactly when it is above the bar (any book, any share)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -5, max: 40 }), { minLength: 0, maxLength: 60 }),
        fc.integer({ min: -6, max: 41 }),
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        (book, v, top) => {
          const sorted = Float64Array.from(book).sort();
          const below = book.filter((x) => x < v).length;
          const inTop = book.length > 0 && below / book.length >= 1 - top;
          expect(v > topShareBar(sorted, top)).toBe(inTop);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe("churnAlerts", () => {
  const customer = (id: string) => ({ id }) as Customer;
  const debit = (at: string, amount: number) =>
    ({ at, amount: { amount, currency: "CNY" }, direction: "debit", channel: "mobile_app" }) as Transaction;
  const credit = (at: string, amount: number) => ({ ...debit(at, amount), direction: "credit" }) as Transaction;

  it("lists profitable customers slipping away with each signal, the newest first", () => {
    const book: BookCustomer[] = [
      // ¥3,000 out, ¥1,000 in within 30 days: net ¥2,000 of ¥5,000 held at the start (40%) → outflow30 on 11-20.
      {
        customer: customer("A"),
        holdings: [],
        transactions: [debit("2026-11-20T10:00:00Z", 300_000), credit("2026-11-25T10:00:00Z", 100_000)],
      },
      // A complaint on 11-28 and a closed time deposit matured 10-15.
      {
        customer: customer("B"),
        holdings: [{ status: "closed", maturityDate: "2026-10-15" } as Holding],
        transactions: [],
        serviceCases: [{ type: "complaint", openedAt: "2026-11-28T02:00:00Z" }],
      },
      // P(alive) from 0.9 to 0.5.
      { customer: customer("C"), holdings: [], transactions: [] },
      // Unprofitable: no alert whatever it does.
      { customer: customer("D"), holdings: [], transactions: [debit("2026-11-29T10:00:00Z", 900_000)] },
      // Small outflow (10%): no alert.
      { customer: customer("E"), holdings: [], transactions: [debit("2026-11-29T10:00:00Z", 100_000)] },
    ];
    const values = [
      value("A", { aum: 300_000, contribution: 50_000 }),
      value("B", { aum: 1_000_000, contribution: 80_000 }),
      value("C", { aum: 1_000_000, contribution: 10_000, probabilityAlive: 0.5 }),
      value("D", { aum: 0, contribution: -5_000 }),
      value("E", { aum: 900_000, contribution: 10_000 }),
    ];
    const alerts = churnAlerts(book, values, {
      asOf: "2026-11-30",
      previous: new Map([["C", { probabilityAlive: 0.9 }]]),
    });
    expect(alerts.map((a) => [a.customerId, a.at, a.reasons.map((r) => r.code)])).toEqual([
      ["C", "2026-11-30", ["aliveFalling"]],
      ["B", "2026-11-28", ["complaints", "productsClosed"]],
      ["A", "2026-11-20", ["outflow30"]],
    ]);
    const outflow = alerts[2]!.reasons[0]!;
    expect(outflow.params).toEqual({ amount: 200_000, share: 0.4 });
    expect(valueReasonText(outflow, "zh-CN")).toBe("近 30 天资金净流出 ¥2,000（占 40%）");
    expect(valueReasonText({ ...outflow, params: { share: 0.4 } }, "zh-CN")).toBe("近 30 天资金净流出占 40%");
    expect(valueReasonText({ ...outflow, code: "outflow90", params: { share: 0.4 } }, "en")).toBe(
      "40% of holdings flowed out in 90 days",
    );
    expect(valueReasonText(alerts[0]!.reasons[0]!, "en")).toBe("Probability alive fell from 90% to 50%");
  });
});
