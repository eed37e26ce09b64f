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
import { defaultValueScoreConfig, normalizedWeights, valueScoreOnly } from "../scoring/value-score.js";
import { tierAssigner } from "../scoring/tier.js";
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
import {
  keepFigures,
  keptFigures,
  keptRecord,
  keptSummaries,
  keptSummary,
  newKeptBatch,
  type KeptBatch,
} from "./kept-batch.js";

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
export const RFM_POINTS = 2001;

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

/**
 * The purchase summaries of a book as columns, four numbers a customer in the
 * book's order (frequency, recency, T, monetary value): what crosses from the
 * workers to the page for the fit, without a million objects or their ids.
 */
export const SUMMARY_FIGURES = 4;

export function summaryFigures(all: readonly CustomerSummary[]): Float64Array {
  const figures = new Float64Array(all.length * SUMMARY_FIGURES);
  all.forEach((s, i) => {
    const o = i * SUMMARY_FIGURES;
    figures[o] = s.frequency;
    figures[o + 1] = s.recency;
    figures[o + 2] = s.T;
    figures[o + 3] = s.monetaryValue;
  });
  return figures;
}

/** The positions in a book of `n` the fits read: up to FIT_SAMPLE, spread evenly (deterministic). */
export function samplePositions(n: number): number[] {
  const step = n / FIT_SAMPLE;
  return Array.from({ length: Math.min(n, FIT_SAMPLE) }, (_, i) => (n <= FIT_SAMPLE ? i : Math.floor(i * step)));
}

/** Up to FIT_SAMPLE customers spread evenly over the book, as summaries (ids are not needed to fit). */
function sample(figures: Float64Array): CustomerSummary[] {
  return samplePositions(figures.length / SUMMARY_FIGURES).map((p) => {
    const o = p * SUMMARY_FIGURES;
    return {
      customerId: "",
      frequency: figures[o]!,
      recency: figures[o + 1]!,
      T: figures[o + 2]!,
      monetaryValue: figures[o + 3]!,
    };
  });
}

function fitModels(figures: Float64Array, saved: BookMetricsOptions["models"]) {
  // A customer whose first purchase is on the as-of day (T = 0) has likelihood 1 whatever the parameters: nothing
  // for the fit — and the BG/NBD refuses them — so they are left out of it (and scored with it, P(alive) 1).
  const summaries = sample(figures).filter((s) => s.T > 0);
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
  /** The same as columns (`summaryFigures`: four numbers a customer), what a worker sends to be fitted. */
  summaryFigures(): Float64Array;
  /** Scores with models fitted elsewhere — the whole book's, when this job summarised only a part of it. */
  use(models: BookModels): void;
  /**
   * Pass 2: a batch's metrics. `summaries`, by position in the batch, are its purchase summaries made elsewhere
   * (`summarizeCustomer` on the batch in hand, or a warehouse's `purchaseSummarySql`) — for a job that `use`s
   * models fitted elsewhere and so summarised nothing; without them, pass 1's.
   */
  score(batch: readonly BookCustomer[], summaries?: readonly (CustomerSummary | undefined)[]): CustomerValue[];
  /**
   * Pass 2 without reading the book again, for a job created with `keep`: every
   * summarised customer's metrics from the figures pass 1 kept, a batch for
   * each batch summarised, in order. Once: each batch's figures are let go as
   * it is scored.
   */
  scoreKept(): Generator<CustomerValue[]>;
}

export interface BookMetricsJobOptions extends Omit<BookMetricsOptions, "onProgress" | "progressEvery"> {
  /**
   * Keep each customer's record figures and summary (twelve numbers, about
   * 100 bytes) between the passes, so pass 2 (`scoreKept`) reads nothing again:
   * for a worker that generates or fetches its book, reading it once instead of
   * twice. Without it only the summaries are kept (by customer), for books
   * larger than memory. Each customer once: the figures are kept by position.
   */
  keep?: boolean;
}

export function createBookMetricsJob(options: BookMetricsJobOptions): BookMetricsJob {
  const asOf = isoDay(options.asOf);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw new BankcrmInvalidArgumentError("asOf", "a date, YYYY-MM-DD");
  const asOfMs = Date.parse(`${asOf}T00:00:00Z`);
  const summaries = new Map<string, CustomerSummary>();
  // keep: each summarised batch's figures as columns (a few objects a batch, not a few a customer).
  const kept: (KeptBatch | undefined)[] = [];
  const calibration = { calibrationEnd: asOf };
  let finish: ((f: RecordFigures, s: CustomerSummary | undefined) => CustomerValue) | undefined;
  const use = (models: BookModels) => {
    finish = figuresScorer(
      models,
      models.bgNbd ? bgNbdModel(models.bgNbd) : undefined,
      models.gammaGamma ? gammaGammaModel(models.gammaGamma) : undefined,
      options.clv,
    );
  };
  const scorer = () => {
    if (!finish) throw new BankcrmInvalidArgumentError("batch", "fit() before scoring");
    return finish;
  };
  const figures = (): Float64Array => (options.keep ? keptFigures(kept) : summaryFigures([...summaries.values()]));
  const all = (): CustomerSummary[] => (options.keep ? keptSummaries(kept) : [...summaries.values()]);
  return {
    summarize(batch) {
      if (finish) throw new BankcrmInvalidArgumentError("batch", "summarize every batch before fit()");
      const keep = options.keep ? newKeptBatch(batch.length) : undefined;
      // Each customer's transactions together: one small day map per customer, no book-wide grouping.
      batch.forEach((b, i) => {
        const s = summarizeCustomer(b.customer.id, b.transactions, calibration);
        if (keep) keepFigures(keep, i, recordFigures(b, asOfMs), s);
        else if (s) summaries.set(s.customerId, s);
      });
      if (keep) kept.push(keep);
    },
    fit() {
      const models = fitBookModels(figures(), {
        asOf,
        ...(options.models ? { models: options.models } : {}),
      });
      use(models);
      return models;
    },
    summaries: all,
    summaryFigures: figures,
    use,
    score(batch, given) {
      const score = scorer();
      if (given && given.length !== batch.length)
        throw new BankcrmInvalidArgumentError("summaries", "one per customer of the batch, in its order");
      return batch.map((b, i) =>
        score(
          recordFigures(b, asOfMs),
          given
            ? given[i]
            : // keep holds the summaries by position, not by customer: made again (the same) here.
              options.keep
              ? summarizeCustomer(b.customer.id, b.transactions, calibration)
              : summaries.get(b.customer.id),
        ),
      );
    },
    *scoreKept() {
      if (!options.keep) throw new BankcrmInvalidArgumentError("keep", "a job created with keep: true");
      const score = scorer();
      for (let j = 0; j < kept.length; j++) {
        const k = kept[j];
        if (!k) throw new BankcrmInvalidArgumentError("keep", "scoreKept() once: its figures go as they are scored");
        kept[j] = undefined;
        const out: CustomerValue[] = new Array<CustomerValue>(k.ids.length);
        for (let i = 0; i < k.ids.length; i++) out[i] = score(keptRecord(k, i), keptSummary(k, i));
        yield out;
      }
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
  all: readonly CustomerSummary[] | Float64Array,
  options: {
    asOf: string | Date;
    models?: BookMetricsOptions["models"];
    /**
     * The RFM cut points of the whole book, when `all` is only the sample the fit reads (a warehouse's
     * `bookModelsSql`): the cut points are then not taken from `all`.
     */
    rfm?: BookModels["rfm"];
  },
): BookModels {
  const asOf = isoDay(options.asOf);
  // Objects or `summaryFigures` columns: one path, the same models either way (tested).
  const figures = all instanceof Float64Array ? all : summaryFigures(all);
  const n = figures.length / SUMMARY_FIGURES;
  const { bgNbd, gammaGamma } = fitModels(figures, options.models);
  const column = (f: (o: number) => number) => {
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = f(i * SUMMARY_FIGURES);
    return thin(out.sort());
  };
  return {
    asOf,
    ...(bgNbd ? { bgNbd: bgNbd.params } : {}),
    ...(gammaGamma ? { gammaGamma: gammaGamma.params } : {}),
    ...(options.rfm
      ? { rfm: options.rfm }
      : n > 0
        ? {
            rfm: {
              since: column((o) => figures[o + 2]! - figures[o + 1]!),
              frequency: column((o) => figures[o]!),
              monetary: column((o) => figures[o + 3]!),
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

/**
 * What a customer's own records say, before any model is fitted: the parts of
 * `CustomerValue` that need no other customer. Kept between the passes by a job
 * that keeps its figures (`keep`), so pass 2 need not read the records again.
 */
export interface RecordFigures {
  customerId: string;
  recordedTier?: Tier;
  aum: number;
  productCount: number;
  contribution: number;
  /** Transactions in the last 90 days (engagement). */
  recent: number;
  daysSince?: number;
  recentComplaints: number;
  /** Current over average balance of the open holdings that have one. */
  balanceRatio?: number;
  tenureYears: number;
}

/** AUM of the open holdings, minor units — the figure the value and the churn alerts share. */
export function openAum(holdings: readonly Holding[]): number {
  return computeAum(holdings.filter((h) => h.status !== "closed")).total.amount;
}

function recordFigures(b: BookCustomer, asOfMs: number): RecordFigures {
  const since90 = asOfMs - 90 * DAY_MS;
  const { customer, holdings, transactions } = b;
  const open = holdings.filter((h) => h.status !== "closed");
  const productCount = new Set(open.map((h) => h.productType)).size;
  const contribution = computeContribution(customer, holdings, transactions).total.amount;
  let last = -Infinity;
  let recent = 0;
  for (const t of transactions) {
    const at = instantMs(t.at);
    if (at > last) last = at;
    if (at >= since90 && at <= asOfMs + DAY_MS) recent++;
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
  return {
    customerId: customer.id,
    ...(customer.tier ? { recordedTier: customer.tier } : {}),
    aum: computeAum(open).total.amount,
    productCount,
    contribution,
    recent,
    ...(Number.isFinite(last) ? { daysSince: Math.max(0, Math.floor((asOfMs + DAY_MS - last) / DAY_MS)) } : {}),
    recentComplaints,
    ...(averaged > 0 ? { balanceRatio: current / averaged } : {}),
    tenureYears: (asOfMs - Date.parse(customer.onboardedAt)) / (365.25 * DAY_MS),
  };
}

function modelsScorer(
  models: BookModels,
  bgNbd: BgNbdModel | undefined,
  gammaGamma: GammaGammaModel | undefined,
  clvOptions: ClvOptions | undefined,
): (b: BookCustomer, summary: CustomerSummary | undefined) => CustomerValue {
  const finish = figuresScorer(models, bgNbd, gammaGamma, clvOptions);
  const asOfMs = Date.parse(`${models.asOf}T00:00:00Z`);
  return (b, summary) => finish(recordFigures(b, asOfMs), summary);
}

/** A customer's value from their records' figures and the book's models. */
function figuresScorer(
  models: BookModels,
  bgNbd: BgNbdModel | undefined,
  gammaGamma: GammaGammaModel | undefined,
  clvOptions: ClvOptions | undefined,
): (f: RecordFigures, summary: CustomerSummary | undefined) => CustomerValue {
  // Checked and normalised once, not per customer; no objects a customer beyond the answer (a book is a million).
  const weights = normalizedWeights(defaultValueScoreConfig);
  const tierOf = tierAssigner();
  return (f, summary) => {
    let probabilityAlive: number | undefined;
    let clv: number | undefined;
    if (summary) {
      if (bgNbd) probabilityAlive = bgNbd.probabilityAlive(summary);
      if (bgNbd && gammaGamma) clv = Math.round(customerLifetimeValue(bgNbd, gammaGamma, summary, clvOptions));
    }
    const churn = churnRisk({
      ...(probabilityAlive !== undefined ? { probabilityAlive } : {}),
      ...(f.daysSince !== undefined ? { daysSinceLastTransaction: f.daysSince } : {}),
      ...(f.balanceRatio !== undefined ? { balanceRatio: f.balanceRatio } : {}),
      recentComplaints: f.recentComplaints,
    });
    const tiered = tierOf(f.aum);
    const value: CustomerValue = {
      customerId: f.customerId,
      aum: f.aum,
      tier: tiered.tier,
      productCount: f.productCount,
      contribution: f.contribution,
      valueScore: valueScoreOnly(
        {
          aum: f.aum,
          contribution: f.contribution,
          productCount: f.productCount,
          tenureYears: f.tenureYears,
          engagement: f.recent,
          ...(clv !== undefined ? { lifetimeValue: clv } : {}),
        },
        defaultValueScoreConfig,
        weights,
      ),
      churnRisk: churn.risk,
      churnLevel: churn.level,
      churnReasons: churn.reasons.map((r) => r.code),
      recentComplaints: f.recentComplaints,
    };
    if (f.recordedTier) value.recordedTier = f.recordedTier;
    if (tiered.next) value.next = { tier: tiered.next.tier, gap: tiered.next.gap };
    if (summary && models.rfm) {
      // Recency: the fewer days since the last purchase, the higher R.
      const r = rank(models.rfm.since, summary.T - summary.recency, false);
      const fr = rank(models.rfm.frequency, summary.frequency, true);
      const m = rank(models.rfm.monetary, summary.monetaryValue, true);
      value.rfmR = r;
      value.rfmF = fr;
      value.rfmM = m;
      value.rfmSegment = rfmSegment(r, Math.round((fr + m) / 2));
    }
    if (probabilityAlive !== undefined) value.probabilityAlive = probabilityAlive;
    if (clv !== undefined) value.clv = clv;
    if (f.daysSince !== undefined) value.daysSinceLastTransaction = f.daysSince;
    return value;
  };
}
