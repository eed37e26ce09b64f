/**
 * Conformance of the customer-base models on CDNOW (Fader, Hardie & Lee 2005):
 * 2,357 customers, 39-week calibration ending 1997-09-30.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isConvergenceError, isInvalidArgumentError } from "../src/index.js";
import {
  bgNbdModel,
  customerLifetimeValue,
  fitBgNbd,
  fitGammaGamma,
  scoreRfm,
  summarizeTransactions,
} from "../src/analytics/index.js";
import { RFM_SEGMENTS } from "../src/vocabulary.js";
import { cdnowSummary, cdnowTransactions } from "./support/fixtures.js";

const summaries = summarizeTransactions(cdnowTransactions(), { calibrationEnd: "1997-09-30", unit: "week" });
const expected = cdnowSummary();
const sigfig3 = (v: number) => Number(v.toPrecision(3));

describe("summarizeTransactions on CDNOW", () => {
  it("reproduces the published summary exactly for all 2,357 customers", () => {
    expect(summaries).toHaveLength(2357);
    const byId = new Map(summaries.map((s) => [s.customerId, s]));
    for (const e of expected) {
      const s = byId.get(e.customerId)!;
      // zbar is published in dollars to 2 dp; our amounts are cents.
      expect(
        [s.frequency, s.recency.toFixed(2), s.T.toFixed(2), (Math.round(s.monetaryValue) / 100).toFixed(2)],
        e.customerId,
      ).toEqual([e.frequency, e.recency.toFixed(2), e.T.toFixed(2), e.monetaryValue.toFixed(2)]);
    }
    expect(summaries.reduce((n, s) => n + s.frequency, 0)).toBe(2457);
  });

  it("merges same-day purchases, ignores the holdout, and works in days", () => {
    const days = summarizeTransactions(
      [
        { customerId: "a", at: "2026-01-01T02:00:00Z", amount: 100 },
        { customerId: "a", at: "2026-01-01T09:00:00Z", amount: 50 },
        { customerId: "a", at: "2026-01-08", amount: 300 },
        { customerId: "a", at: "2026-01-15", amount: 500 },
        { customerId: "a", at: "2026-03-01", amount: 999 },
      ],
      { calibrationEnd: "2026-01-31", unit: "day" },
    );
    expect(days).toEqual([{ customerId: "a", frequency: 2, recency: 14, T: 30, monetaryValue: 400 }]);
  });

  it("refuses a bad calibration end and non-finite amounts with typed errors", () => {
    for (const run of [
      () => summarizeTransactions([], { calibrationEnd: "30/09/1997" }),
      () =>
        summarizeTransactions([{ customerId: "a", at: "2026-01-01", amount: NaN }], { calibrationEnd: "2026-02-01" }),
    ]) {
      try {
        run();
        expect.unreachable();
      } catch (error) {
        expect(isInvalidArgumentError(error)).toBe(true);
      }
    }
    expect(summarizeTransactions([], { calibrationEnd: "2026-01-01" })).toEqual([]);
  });
});

describe("BG/NBD on CDNOW", () => {
  const model = fitBgNbd(summaries);

  it("reproduces the published estimates to 3 significant figures", () => {
    expect(sigfig3(model.params.r)).toBe(0.243);
    expect(sigfig3(model.params.alpha)).toBe(4.41);
    expect(sigfig3(model.params.a)).toBe(0.793);
    expect(sigfig3(model.params.b)).toBe(2.43);
    expect(model.logLikelihood).toBeCloseTo(-9582.43, 1);
    expect(model.customers).toBe(2357);
    expect(model.groups).toBeLessThan(2357);
    expect(model.penalizer).toBe(0); // the plain maximum-likelihood fit: nothing added
  });

  it("fits a book where nobody is seen dropping out with a small penalty, and says so, instead of failing", () => {
    // Every customer bought steadily up to the end of the period (tₓ = T): the likelihood rises without end as b → ∞.
    const steady = Array.from({ length: 60 }, (_, i) => ({
      frequency: 1 + (i % 6),
      recency: 20 + (i % 4),
      T: 20 + (i % 4),
    }));
    expect(() => fitBgNbd(steady, { penalizer: 0 })).toThrow(/did not converge/);
    const penalised = fitBgNbd(steady);
    expect(penalised.penalizer).toBe(0.001);
    expect(Object.values(penalised.params).every((p) => Number.isFinite(p) && p > 0)).toBe(true);
    // Everybody still buying: P(alive) stays high for them all.
    expect(Math.min(...steady.map((c) => penalised.probabilityAlive(c)))).toBeGreaterThan(0.9);
  });

  it("gives the paper's conditional expectation for customer 1 (x = 2, tₓ = 30.43, T = 38.86): 1.226 in 39 weeks", () => {
    const c = { frequency: 2, recency: 30.43, T: 38.86 };
    expect(model.expectedTransactions(39, c)).toBeCloseTo(1.226, 3);
    expect(model.probabilityAlive(c)).toBeGreaterThan(0.7);
    expect(model.probabilityAlive({ frequency: 0, recency: 0, T: 38.86 })).toBe(1);
  });

  it("has coherent population expectations: P(X(t)=n) sums to 1 and its mean matches E[X(t)]", () => {
    let total = 0;
    let mean = 0;
    for (let n = 0; n < 200; n++) {
      const p = model.probabilityOfTransactions(n, 39);
      total += p;
      mean += n * p;
    }
    expect(total).toBeCloseTo(1, 6);
    expect(mean).toBeCloseTo(model.expectedPopulationTransactions(39), 4);
    expect(model.expectedPopulationTransactions(0)).toBe(0);
  });

  it("keeps P(alive) in [0, 1] and lower for customers who have been quiet longer", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 1, max: 100, noNaN: true }),
        (x, share, T) => {
          const p = model.probabilityAlive({ frequency: x, recency: share * T, T });
          expect(p).toBeGreaterThanOrEqual(0);
          expect(p).toBeLessThanOrEqual(1);
          expect(model.probabilityAlive({ frequency: x, recency: share * T, T: T + 10 })).toBeLessThanOrEqual(
            p + 1e-12,
          );
        },
      ),
    );
  });

  it("refuses impossible summaries and data that cannot identify the model", () => {
    try {
      fitBgNbd([{ frequency: 1, recency: 5, T: 3 }]);
      expect.unreachable();
    } catch (error) {
      expect(isInvalidArgumentError(error)).toBe(true);
    }
    try {
      fitBgNbd([
        { frequency: 0, recency: 0, T: 10 },
        { frequency: 0, recency: 0, T: 12 },
      ]);
      expect.unreachable();
    } catch (error) {
      expect(isConvergenceError(error)).toBe(true);
    }
    try {
      fitBgNbd([]);
      expect.unreachable();
    } catch (error) {
      expect(isInvalidArgumentError(error)).toBe(true);
    }
  });

  it("rebuilds a model from saved parameters", () => {
    const again = bgNbdModel(model.params);
    const c = { frequency: 3, recency: 20, T: 35 };
    expect(again.expectedTransactions(10, c)).toBe(model.expectedTransactions(10, c));
  });
});

describe("Gamma-Gamma and CLV on CDNOW", () => {
  const spenders = summaries.map((s) => ({ ...s, monetaryValue: s.monetaryValue / 100 }));
  const gg = fitGammaGamma(spenders);
  const bg = fitBgNbd(summaries);

  it("reproduces the published estimates p = 6.25, q = 3.74, γ = 15.44 (Fader, Hardie & Lee 2005)", () => {
    expect(sigfig3(gg.params.p)).toBe(6.25);
    expect(sigfig3(gg.params.q)).toBe(3.74);
    expect(gg.params.gamma).toBeCloseTo(15.44, 1);
    expect(gg.customers).toBe(946);
  });

  it("shrinks each customer's average spend toward the population mean", () => {
    const c = spenders.find((s) => s.frequency === 1 && s.monetaryValue > 100)!;
    const spend = gg.expectedAverageSpend(c);
    expect(spend).toBeLessThan(c.monetaryValue);
    expect(spend).toBeGreaterThan((gg.params.p * gg.params.gamma) / (gg.params.q - 1));
    expect(gg.expectedAverageSpend({ frequency: 0, monetaryValue: 0 })).toBeCloseTo(
      (gg.params.p * gg.params.gamma) / (gg.params.q - 1),
      10,
    );
  });

  it("fits a book whose repeat buyers all spend alike at its boundary, and still predicts that spend", () => {
    // No spread of spend between customers: the mixing distribution collapses (p, q → ∞). The fit ends at the
    // boundary with parameters no one would report, yet its predictions are the one spend there is, for everyone.
    const alike = Array.from({ length: 200 }, (_, i) => ({ frequency: 1 + (i % 5), monetaryValue: 100 }));
    const model = fitGammaGamma(alike);
    expect(model.params.q).toBeGreaterThan(1e6);
    for (const x of [0, 1, 3, 7])
      expect(model.expectedAverageSpend({ frequency: x, monetaryValue: 100 })).toBeCloseTo(100, 3);
  });

  it("values a customer's next 12 months, more for the active and less with discounting", () => {
    const active = { frequency: 10, recency: 38, T: 38.86, monetaryValue: 40 };
    const lapsed = { frequency: 10, recency: 5, T: 38.86, monetaryValue: 40 };
    const clv = customerLifetimeValue(bg, gg, active, { horizon: 12, discountRate: 0.01 });
    expect(clv).toBeGreaterThan(customerLifetimeValue(bg, gg, lapsed, { horizon: 12, discountRate: 0.01 }));
    expect(clv).toBeLessThan(customerLifetimeValue(bg, gg, active, { horizon: 12, discountRate: 0 }));
    // Undiscounted, the monthly sum telescopes to E[Y(12 months)] × E[M].
    const undiscounted = customerLifetimeValue(bg, gg, active, { horizon: 12, discountRate: 0 });
    expect(undiscounted).toBeCloseTo(bg.expectedTransactions(12 * 4.345, active) * gg.expectedAverageSpend(active), 8);
    expect(customerLifetimeValue(bg, gg, active, { horizon: 0 })).toBe(0);
  });
});

describe("RFM scores", () => {
  const scores = scoreRfm(summaries, { bins: 5 });

  it("score every customer 1–5 on each axis and name a segment", () => {
    expect(scores).toHaveLength(2357);
    for (const s of scores) {
      for (const v of [s.r, s.f, s.m]) expect(v >= 1 && v <= 5).toBe(true);
      expect(RFM_SEGMENTS).toContain(s.segment);
      expect(s.code).toBe(`${s.r}${s.f}${s.m}`);
    }
  });

  it("give equal values equal scores and rank better values no lower", () => {
    const byId = new Map(summaries.map((s) => [s.customerId, s]));
    const zeroF = scores.filter((s) => byId.get(s.customerId)!.frequency === 0);
    expect(new Set(zeroF.map((s) => s.f))).toEqual(new Set([1]));
    const sorted = [...scores].sort((a, b) => byId.get(a.customerId)!.frequency - byId.get(b.customerId)!.frequency);
    for (let i = 1; i < sorted.length; i++) expect(sorted[i]!.f).toBeGreaterThanOrEqual(sorted[i - 1]!.f);
  });

  it("call the most recent, most frequent, highest-spending customers champions and the long-gone one-timers lost", () => {
    const champion = scores.find((s) => s.r === 5 && s.f === 5 && s.m === 5);
    expect(champion?.segment).toBe("champions");
    expect(scores.filter((s) => s.r === 1 && s.f === 1 && s.m === 1).every((s) => s.segment === "lost")).toBe(true);
  });

  it("refuse non-finite summaries and bad bin counts", () => {
    expect(() => scoreRfm([{ customerId: "a", frequency: NaN, recency: 0, T: 1, monetaryValue: 0 }])).toThrow(/finite/);
    expect(() => scoreRfm(summaries, { bins: 1 })).toThrow(/bins/);
    expect(scoreRfm([])).toEqual([]);
  });
});

describe("BG/NBD parameter recovery", () => {
  it("recovers the parameters of data drawn from the model itself", async () => {
    const { simulateBgNbd } = await import("../../../tests/support/bg-nbd-simulation.js");
    const truth = { r: 0.25, alpha: 4.4, a: 0.8, b: 2.4 };
    const model = fitBgNbd(simulateBgNbd(truth, { customers: 30_000, seed: "recovery" }));
    expect(model.params.r).toBeGreaterThan(truth.r * 0.85);
    expect(model.params.r).toBeLessThan(truth.r * 1.15);
    expect(model.params.alpha).toBeGreaterThan(truth.alpha * 0.75);
    expect(model.params.alpha).toBeLessThan(truth.alpha * 1.25);
    // a and b are only weakly identified on 39 weeks; their ratio (the mean dropout probability) is stable.
    const meanP = (p: { a: number; b: number }) => p.a / (p.a + p.b);
    expect(meanP(model.params)).toBeGreaterThan(meanP(truth) * 0.8);
    expect(meanP(model.params)).toBeLessThan(meanP(truth) * 1.2);
    expect(model.groups).toBeLessThan(30_000);
  });
});
