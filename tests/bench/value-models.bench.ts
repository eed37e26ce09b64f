/**
 * Issue 3's figures: the whole scoring pass (AUM, tier, contribution, value
 * score, RFM) over 1,000,000 customers, and BG/NBD fits on CDNOW and on
 * 1,000,000 customers — each beside a hand-written loop run in the same process.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import {
  AUM_PRODUCT_TYPES,
  assignTier,
  computeAum,
  computeContribution,
  defaultContributionConfig,
  defaultTierConfig,
  defaultValueScoreConfig,
  normalizedWeights,
  scoreCustomerValue,
  type Customer,
  type CustomerSummary,
  type Holding,
  type TransactionChannel,
} from "@bankcrm/core";
import { createRandom, generateDemoPortfolio } from "@bankcrm/core/demo";
import { fitBgNbd, scoreRfm } from "@bankcrm/core/analytics";
import { TRANSACTION_CHANNELS } from "@bankcrm/core/vocabulary";
import { lgamma } from "@bankcrm/core/numeric";
import { simulateBgNbd } from "../support/bg-nbd-simulation.js";
import { gc, report, time } from "./measure.js";

const DISTINCT = 100_000;

interface Input {
  customer: Customer;
  holdings: Holding[];
  activity: { channel: TransactionChannel; count: number }[];
  tenureYears: number;
}

function prepare(total: number): { inputs: Input[]; summaries: CustomerSummary[] } {
  const p = generateDemoPortfolio({ seed: "bench-value", customers: DISTINCT, detail: "holdings" });
  const byCustomer = new Map<string, Holding[]>();
  for (const h of p.holdings) {
    const list = byCustomer.get(h.customerId);
    if (list) list.push(h);
    else byCustomer.set(h.customerId, [h]);
  }
  const rnd = createRandom("bench-activity");
  const asOf = Date.parse(`${p.asOf}T00:00:00Z`);
  const distinct: Input[] = p.customers.map((customer) => ({
    customer,
    holdings: byCustomer.get(customer.id) ?? [],
    activity: [
      { channel: rnd.pick(TRANSACTION_CHANNELS), count: rnd.int(0, 40) },
      { channel: rnd.pick(TRANSACTION_CHANNELS), count: rnd.int(0, 10) },
    ],
    tenureYears: (asOf - Date.parse(`${customer.onboardedAt}T00:00:00Z`)) / (365.25 * 86_400_000),
  }));
  const simulated = simulateBgNbd({ r: 0.25, alpha: 4.4, a: 0.8, b: 2.4 }, { customers: DISTINCT, seed: "bench-rfm" });
  const inputs: Input[] = [];
  const summaries: CustomerSummary[] = [];
  for (let i = 0; i < total; i++) {
    inputs.push(distinct[i % DISTINCT]!);
    summaries.push(simulated[i % DISTINCT]!);
  }
  return { inputs, summaries };
}

const AUM_TYPES: ReadonlySet<string> = new Set(AUM_PRODUCT_TYPES);

/** The same arithmetic, hand-inlined: the practical floor for a scoring pass. */
function handWritten(inputs: Input[], summaries: CustomerSummary[]): number {
  const t = defaultTierConfig.thresholds;
  let checksum = 0;
  for (const { holdings, activity, tenureYears } of inputs) {
    let aum = 0;
    let spread = 0;
    for (const h of holdings) {
      if (h.status === "closed") continue;
      const amount = h.balance.amount;
      if (AUM_TYPES.has(h.productType) && amount > 0) aum += amount;
      const avg = h.averageBalance?.amount ?? amount;
      if (h.productType === "current_deposit") spread += avg * (0.015 - (h.rate ?? 0.0005));
      else if (h.productType === "mortgage") spread += avg * ((h.rate ?? 0.0305) - 0.023) - 0.00125 * amount;
    }
    let cost = 0;
    for (const a of activity) cost += defaultContributionConfig.transactionCosts[a.channel] * a.count;
    const tier = aum >= t.private ? 4 : aum >= t.diamond ? 3 : aum >= t.platinum ? 2 : aum >= t.gold ? 1 : 0;
    const contribution = spread - cost;
    const score =
      30 * (aum / (aum + 2e7)) +
      25 * (Math.max(0, contribution) / (Math.max(0, contribution) + 2e5)) +
      15 * (holdings.length / (holdings.length + 3)) +
      10 * (tenureYears / (tenureYears + 5));
    checksum += tier + score;
  }
  const n = summaries.length;
  const since = new Float64Array(n);
  const freq = new Float64Array(n);
  const money = new Float64Array(n);
  summaries.forEach((s, i) => {
    since[i] = s.T - s.recency;
    freq[i] = s.frequency;
    money[i] = s.monetaryValue;
  });
  since.sort();
  freq.sort();
  money.sort();
  return checksum + since[0]! + freq[0]! + money[0]!;
}

function bankcrmPass(inputs: Input[], summaries: CustomerSummary[]): number {
  const weights = normalizedWeights(defaultValueScoreConfig);
  let checksum = 0;
  for (const { customer, holdings, activity, tenureYears } of inputs) {
    const aum = computeAum(holdings).total;
    const tier = assignTier({ aum });
    const contribution = computeContribution(customer, holdings, activity);
    const value = scoreCustomerValue(
      { aum: aum.amount, contribution: contribution.total.amount, productCount: holdings.length, tenureYears },
      defaultValueScoreConfig,
      weights,
    );
    checksum += value.score + tier.threshold * 0;
  }
  return checksum + scoreRfm(summaries).length;
}

/** One hand-written BG/NBD log-likelihood over every customer, ungrouped. */
function oneLikelihood(customers: readonly { frequency: number; recency: number; T: number }[]): number {
  const r = 0.25,
    alpha = 4.4,
    a = 0.8,
    b = 2.4;
  let ll = 0;
  for (const { frequency: x, recency: tx, T } of customers) {
    const head =
      lgamma(r + x) - lgamma(r) + r * Math.log(alpha) + lgamma(a + b) + lgamma(b + x) - lgamma(b) - lgamma(a + b + x);
    const a3 = -(r + x) * Math.log(alpha + T);
    ll +=
      x > 0 ? head + Math.log(Math.exp(a3) + (a / (b + x - 1)) * Math.exp(-(r + x) * Math.log(alpha + tx))) : head + a3;
  }
  return ll;
}

function cdnow() {
  return readFileSync(fileURLToPath(new URL("../fixtures/cdnow/cdnow_customers_summary.csv", import.meta.url)), "utf8")
    .trim()
    .split("\n")
    .slice(1)
    .map((line) => {
      const [, x, tx, T] = line.split(",").map(Number);
      return { frequency: x!, recency: tx!, T: T! };
    });
}

export function benchValueModels(total = Number(process.env.BENCH_SCORING_CUSTOMERS ?? 1_000_000)): void {
  const { inputs, summaries } = prepare(total);
  gc();
  const floor = time(
    "hand-written loop (inline AUM, tier, spread, score; RFM sorts)",
    () => handWritten(inputs, summaries),
    { runs: 3 },
  );
  const ours = time(
    "bankcrm: computeAum + assignTier + computeContribution + scoreCustomerValue + scoreRfm",
    () => bankcrmPass(inputs, summaries),
    { runs: 3 },
  );
  report(
    `Scoring pass over ${total.toLocaleString("en")} customers (goal: < 5 s)`,
    [floor, ours],
    [
      `${(total / (ours.ms / 1000)).toLocaleString("en", { maximumFractionDigits: 0 })} customers/s; the bankcrm pass returns explanations (factor breakdowns) the floor does not`,
    ],
  );

  const cd = cdnow();
  const llOnce = time("one hand-written log-likelihood over 2,357 CDNOW customers", () => oneLikelihood(cd), {
    runs: 20,
    warmup: 3,
  });
  const fitCd = time("fitBgNbd(CDNOW) — grouped, Nelder–Mead", () => fitBgNbd(cd), { runs: 7, warmup: 2 });
  report("BG/NBD fit on CDNOW (goal: < 100 ms)", [llOnce, fitCd]);

  const million = simulateBgNbd({ r: 0.25, alpha: 4.4, a: 0.8, b: 2.4 }, { customers: total, seed: "bench-fit" });
  gc();
  const llMillion = time(
    `one hand-written log-likelihood over ${total.toLocaleString("en")} customers`,
    () => oneLikelihood(million),
    { runs: 3 },
  );
  let groups = 0;
  const fitMillion = time(
    `fitBgNbd(${total.toLocaleString("en")} simulated customers, daily grid)`,
    () => (groups = fitBgNbd(million).groups),
    { runs: 1, warmup: 0 },
  );
  report(
    `BG/NBD fit on ${total.toLocaleString("en")} customers`,
    [llMillion, fitMillion],
    [`${groups.toLocaleString("en")} distinct (x, tₓ, T) triples`],
  );
}
