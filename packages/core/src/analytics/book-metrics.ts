/**
 * The value models over the whole book (全量客户价值): for every customer the
 * contribution, the value score, RFM, P(alive), the 12-month lifetime value and
 * the churn risk with its reasons — the `CustomerMetrics` segments test and the
 * lists sort by.
 *
 * Two passes: the book's transactions are summarised and the BG/NBD and
 * Gamma-Gamma models fitted once on all of them (or a saved fit is reused),
 * then each customer is scored. Scoring one customer again when their records
 * change needs only the fitted models and the book's RFM cut points
 * (`scoreCustomer`), so nothing is refitted for a single change.
 */
import { DAY_MS, instantMs, isoDay } from "../time.js";
import { BankcrmInvalidArgumentError } from "../errors/invalid-argument-error.js";
import type { Customer } from "../schemas/customer.js";
import type { Holding } from "../schemas/holding.js";
import type { Transaction } from "../schemas/transaction.js";
import type { ServiceCase } from "../schemas/service-case.js";
import type { ChurnLevel, ChurnReasonCode, RfmSegment, Tier } from "../schemas/enums.js";
import { computeAum } from "../scoring/aum.js";
import { computeContribution } from "../scoring/contribution.js";
import { defaultValueScoreConfig, normalizedWeights, scoreCustomerValue } from "../scoring/value-score.js";
import { assignTier } from "../scoring/tier.js";
import { summarizeCustomer, type CustomerSummary } from "./summarize.js";
import { bound, rfmSegment } from "./rfm.js";
import { bgNbdModel, fitBgNbd, type BgNbdModel, type BgNbdParams } from "./bg-nbd.js";
import {
  customerLifetimeValue,
  fitGammaGamma,
  gammaGammaModel,
  type ClvOptions,
  type GammaGammaModel,
  type GammaGammaParams,
} from "./gamma-gamma.js";
import { churnRisk } from "./churn.js";

/** What the models read about one customer. */
export interface BookCustomer {
  customer: Customer;
  holdings: readonly Holding[];
  transactions: readonly Pick<Transaction, "at" | "amount" | "channel" | "fee" | "direction">[];
  /** Their service cases (complaints of the last 90 days raise the churn risk). */
  serviceCases?: readonly Pick<ServiceCase, "type" | "openedAt">[];
}

/** A customer's value, as the book's models see it. */
export interface CustomerValue {
  customerId: string;
  /** AUM, minor units. */
  aum: number;
  /** The tier the AUM earns (`assignTier`); the customer's recorded tier may lag. */
  tier: Tier;
  recordedTier?: Tier;
  /** AUM still missing to reach the next tier, and which; absent at the top. */
  next?: { tier: Tier; gap: number };
  productCount: number;
  /** Annual contribution, minor units. */
  contribution: number;
  valueScore: number;
  rfmR?: number;
  rfmF?: number;
  rfmM?: number;
  rfmSegment?: RfmSegment;
  probabilityAlive?: number;
  /** Predicted 12-month lifetime value, minor units (transaction value, as the models see spend). */
  clv?: number;
  churnRisk: number;
  churnLevel: ChurnLevel;
  churnReasons: ChurnReasonCode[];
  daysSinceLastTransaction?: number;
  /** Complaints opened in the last 90 days. */
  recentComplaints: number;
}

/** What scoring one customer needs from the whole book. */
export interface BookModels {
  asOf: string;
  bgNbd?: BgNbdParams;
  gammaGamma?: GammaGammaParams;
  /** Sorted ascending: the book's days since the last purchase, frequencies and monetary values (RFM cut points). */
  rfm?: { since: number[]; frequency: number[]; monetary: number[] };
}

export interface BookMetricsOptions {
  /** The day the metrics are for (ISO date or Date). */
  asOf: string | Date;
  /** A saved fit to reuse instead of fitting on this book. */
  models?: Pick<BookModels, "bgNbd" | "gammaGamma">;
  clv?: ClvOptions;
  /** Called every `progressEvery` customers scored (default 5,000) and at the end. */
  onProgress?: (done: number, total: number) => void;
  progressEvery?: number;
}

export interface BookMetrics {
  customers: CustomerValue[];
  models: BookModels;
}

const RFM_BINS = 5;
/** A sample of this many points is enough for quintile cut points. */
const RFM_POINTS = 2001;

/** Evenly spaced quantiles of ascending `sorted` (all of it when small): cut points that stay small to store. */
function thin(sorted: Float64Array): number[] {
  if (sorted.length <= RFM_POINTS) return [...sorted];
  const out: number[] = [];
  for (let i = 0; i < RFM_POINTS; i++) out.push(sorted[Math.round((i * (sorted.length - 1)) / (RFM_POINTS - 1))]!);
  return out;
}

/**
 * The score `scoreRfm` gives: 1 + ⌊bins · (share of the book ranked below)⌋,
 * ties sharing a score — "below" being smaller values when higher is better,
 * larger ones otherwise (recency: days since the last purchase).
 */
function rank(sorted: readonly number[], v: number, higherIsBetter: boolean): number {
  const n = sorted.length;
  const below = higherIsBetter ? bound(sorted, v, false) : n - bound(sorted, v, true);
  return Math.min(RFM_BINS, 1 + Math.floor((RFM_BINS * below) / Math.max(1, n)));
}

/**
 * The models are the population's: fitted on up to this many customers, spread
 * evenly over the book (deterministic). More adds time, not precision — a fit on
 * a million distinct histories would take minutes.
 */
export const FIT_SAMPLE = 10_000;

function sample<T>(xs: readonly T[]): readonly T[] {
  if (xs.length <= FIT_SAMPLE) return xs;
  const step = xs.length / FIT_SAMPLE;
  return Array.from({ length: FIT_SAMPLE }, (_, i) => xs[Math.floor(i * step)]!);
}

function fitModels(all: readonly CustomerSummary[], saved: BookMetricsOptions["models"]) {
  const summaries = sample(all);
  let bgNbd: BgNbdModel | undefined;
  let gammaGamma: GammaGammaModel | undefined;
  if (saved?.bgNbd) bgNbd = bgNbdModel(saved.bgNbd);
  else if (summaries.some((s) => s.frequency > 0))
    try {
      bgNbd = fitBgNbd(summaries);
    } catch {
      bgNbd = undefined; // too little history to fit: P(alive) and CLV stay unknown
    }
  if (saved?.gammaGamma) gammaGamma = gammaGammaModel(saved.gammaGamma);
  else {
    const repeat = summaries.filter((s) => s.frequency > 0 && s.monetaryValue > 0);
    if (repeat.length >= 10)
      try {
        gammaGamma = fitGammaGamma(repeat);
      } catch {
        gammaGamma = undefined;
      }
  }
  return { bgNbd, gammaGamma };
}

/**
 * The book in two passes over batches, for books that do not fit in memory at
 * once (a worker over a million customers, a server job streaming rows from
 * its database): `summarize` every batch, `fit` once, then `score` every batch
 * again. Only five numbers per customer are kept between the passes.
 */
export interface BookMetricsJob {
  /** Pass 1: a batch's purchase history (same-day purchases merged). */
  summarize(batch: readonly BookCustomer[]): void;
  /** Fits the models (or takes the saved ones) and the RFM cut points on what was summarised. */
  fit(): BookModels;
  /** What pass 1 kept, in the book's order: for fitting on a book split between jobs (`fitBookModels`). */
  summaries(): CustomerSummary[];
  /** Scores with models fitted elsewhere — the whole book's, when this job summarised only a part of it. */
  use(models: BookModels): void;
  /** Pass 2: a batch's metrics. */
  score(batch: readonly BookCustomer[]): CustomerValue[];
}

export function createBookMetricsJob(
  options: Omit<BookMetricsOptions, "onProgress" | "progressEvery">,
): BookMetricsJob {
  const asOf = isoDay(options.asOf);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw new BankcrmInvalidArgumentError("asOf", "a date, YYYY-MM-DD");
  const summaries = new Map<string, CustomerSummary>();
  const calibration = { calibrationEnd: asOf };
  let scorer: ((b: BookCustomer, s: CustomerSummary | undefined) => CustomerValue) | undefined;
  const use = (models: BookModels) => {
    scorer = modelsScorer(
      models,
      models.bgNbd ? bgNbdModel(models.bgNbd) : undefined,
      models.gammaGamma ? gammaGammaModel(models.gammaGamma) : undefined,
      options.clv,
    );
  };
  return {
    summarize(batch) {
      if (scorer) throw new BankcrmInvalidArgumentError("batch", "summarize every batch before fit()");
      // Each customer's transactions together: one small day map per customer, no book-wide grouping.
      for (const b of batch) {
        const s = summarizeCustomer(b.customer.id, b.transactions, calibration);
        if (s) summaries.set(s.customerId, s);
      }
    },
    fit() {
      const models = fitBookModels([...summaries.values()], {
        asOf,
        ...(options.models ? { models: options.models } : {}),
      });
      use(models);
      return models;
    },
    summaries: () => [...summaries.values()],
    use,
    score(batch) {
      if (!scorer) throw new BankcrmInvalidArgumentError("batch", "fit() before scoring");
      const score = scorer;
      return batch.map((b) => score(b, summaries.get(b.customer.id)));
    },
  };
}

/**
 * The book's models from every customer's summary (in the book's order): the
 * BG/NBD and Gamma-Gamma fits on a sample spread over the book (or the saved
 * ones) and the RFM cut points. What `fit()` does, for summaries gathered from
 * several jobs — two workers on two halves give the same models as one.
 */
export function fitBookModels(
  all: readonly CustomerSummary[],
  options: { asOf: string | Date; models?: BookMetricsOptions["models"] },
): BookModels {
  const asOf = isoDay(options.asOf);
  const { bgNbd, gammaGamma } = fitModels(all, options.models);
  return {
    asOf,
    ...(bgNbd ? { bgNbd: bgNbd.params } : {}),
    ...(gammaGamma ? { gammaGamma: gammaGamma.params } : {}),
    ...(all.length > 0
      ? {
          rfm: {
            since: thin(Float64Array.from(all, (s) => s.T - s.recency).sort()),
            frequency: thin(Float64Array.from(all, (s) => s.frequency).sort()),
            monetary: thin(Float64Array.from(all, (s) => s.monetaryValue).sort()),
          },
        }
      : {}),
  };
}

/** Metrics of every customer of a book held in memory (`createBookMetricsJob` in one batch). */
export function computeBookMetrics(book: readonly BookCustomer[], options: BookMetricsOptions): BookMetrics {
  const job = createBookMetricsJob(options);
  job.summarize(book);
  const models = job.fit();
  const every = options.progressEvery ?? 5000;
  const customers: CustomerValue[] = [];
  for (let i = 0; i < book.length; i += every) {
    customers.push(...job.score(book.slice(i, i + every)));
    options.onProgress?.(customers.length, book.length);
  }
  return { customers, models };
}

/** One customer scored again (their records changed) against the book's models and cut points. */
export function scoreCustomer(b: BookCustomer, models: BookModels, clv?: ClvOptions): CustomerValue {
  const summary = summarizeCustomer(b.customer.id, b.transactions, { calibrationEnd: models.asOf });
  return modelsScorer(
    models,
    models.bgNbd ? bgNbdModel(models.bgNbd) : undefined,
    models.gammaGamma ? gammaGammaModel(models.gammaGamma) : undefined,
    clv,
  )(b, summary);
}

function modelsScorer(
  models: BookModels,
  bgNbd: BgNbdModel | undefined,
  gammaGamma: GammaGammaModel | undefined,
  clvOptions: ClvOptions | undefined,
): (b: BookCustomer, summary: CustomerSummary | undefined) => CustomerValue {
  const asOfMs = Date.parse(`${models.asOf}T00:00:00Z`);
  const since90 = asOfMs - 90 * DAY_MS;
  // Checked and normalised once, not per customer.
  const weights = normalizedWeights(defaultValueScoreConfig);
  return (b, summary) => {
    const { customer, holdings, transactions } = b;
    const open = holdings.filter((h) => h.status !== "closed");
    const aum = computeAum(open).total.amount;
    const productCount = new Set(open.map((h) => h.productType)).size;
    const contribution = computeContribution(customer, holdings, transactions).total.amount;
    let last = -Infinity;
    let recent = 0;
    for (const t of transactions) {
      const at = instantMs(t.at);
      if (at > last) last = at;
      if (at >= since90 && at <= asOfMs + DAY_MS) recent++;
    }
    const daysSince = Number.isFinite(last) ? Math.max(0, Math.floor((asOfMs + DAY_MS - last) / DAY_MS)) : undefined;
    let probabilityAlive: number | undefined;
    let clv: number | undefined;
    let rfm: Pick<CustomerValue, "rfmR" | "rfmF" | "rfmM" | "rfmSegment"> = {};
    if (summary) {
      if (bgNbd) probabilityAlive = bgNbd.probabilityAlive(summary);
      if (bgNbd && gammaGamma) clv = Math.round(customerLifetimeValue(bgNbd, gammaGamma, summary, clvOptions));
      if (models.rfm) {
        // Recency: the fewer days since the last purchase, the higher R.
        const r = rank(models.rfm.since, summary.T - summary.recency, false);
        const f = rank(models.rfm.frequency, summary.frequency, true);
        const m = rank(models.rfm.monetary, summary.monetaryValue, true);
        rfm = { rfmR: r, rfmF: f, rfmM: m, rfmSegment: rfmSegment(r, Math.round((f + m) / 2)) };
      }
    }
    const recentComplaints = (b.serviceCases ?? []).filter(
      (c) => c.type === "complaint" && Date.parse(c.openedAt) >= since90,
    ).length;
    let averaged = 0;
    let current = 0;
    for (const h of open)
      if (h.averageBalance && h.averageBalance.currency === h.balance.currency) {
        averaged += h.averageBalance.amount;
        current += h.balance.amount;
      }
    const churn = churnRisk({
      ...(probabilityAlive !== undefined ? { probabilityAlive } : {}),
      ...(daysSince !== undefined ? { daysSinceLastTransaction: daysSince } : {}),
      ...(averaged > 0 ? { balanceRatio: current / averaged } : {}),
      recentComplaints,
    });
    const tiered = assignTier({ aum: { amount: aum, currency: "CNY" } });
    const valueScore = scoreCustomerValue(
      {
        aum,
        contribution,
        productCount,
        tenureYears: (asOfMs - Date.parse(customer.onboardedAt)) / (365.25 * DAY_MS),
        engagement: recent,
        ...(clv !== undefined ? { lifetimeValue: clv } : {}),
      },
      defaultValueScoreConfig,
      weights,
    ).score;
    return {
      customerId: customer.id,
      aum,
      tier: tiered.tier,
      ...(customer.tier ? { recordedTier: customer.tier } : {}),
      ...(tiered.next ? { next: { tier: tiered.next.tier, gap: tiered.next.gap } } : {}),
      productCount,
      contribution,
      valueScore,
      ...rfm,
      ...(probabilityAlive !== undefined ? { probabilityAlive } : {}),
      ...(clv !== undefined ? { clv } : {}),
      churnRisk: churn.risk,
      churnLevel: churn.level,
      churnReasons: churn.reasons.map((r) => r.code),
      ...(daysSince !== undefined ? { daysSinceLastTransaction: daysSince } : {}),
      recentComplaints,
    };
  };
}
