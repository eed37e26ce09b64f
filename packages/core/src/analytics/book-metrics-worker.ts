/**
 * The book's metrics in a Web Worker, with progress and cancel: the page's
 * thread stays free while a whole book is scored.
 *
 * The worker reads the book itself — from IndexedDB, the server, or (the demo)
 * by generating it — through the `batches` the host's worker module gives
 * `serveBookMetrics`, once: between the passes it keeps about a hundred bytes a
 * customer, not their records. The page calls `startBookMetrics(worker, …)`: the
 * scored batches come back as they are done (`onBatch`), with progress; `cancel()`
 * stops the worker between batches and rejects with an `AbortError`.
 *
 * ```ts
 * // metrics-worker.ts (bundled by the host as a module worker)
 * serveBookMetrics(self, { batches: () => readBookFromIndexedDb(500) });
 * // the page
 * const run = startBookMetrics(worker, { asOf: "2026-11-30", onProgress: (d, t) => … });
 * const { models } = await run.done;
 * ```
 */
import type { BookCustomer, BookMetricsJob, BookModels, CustomerValue } from "./book-metrics.js";
import { createBookMetricsJob, fitBookModels, openAum } from "./book-metrics.js";
import type { ClvOptions } from "./gamma-gamma.js";
import { BankcrmInvalidArgumentError } from "../errors/invalid-argument-error.js";
import { churnAlerter, newestAlertFirst, type ChurnAlert } from "./value-lists.js";
import { packValues, unpackValues, type PackedValues } from "./packed-values.js";

type ChurnSignals = ReturnType<ReturnType<typeof churnAlerter>["signals"]>;

/** The structural parts of a Worker and a worker's global scope these use. */
interface Port {
  postMessage(message: unknown, options?: { transfer?: ArrayBuffer[] }): void;
  addEventListener(type: "message", listener: (event: { data: unknown }) => void): void;
}

type ToWorker =
  | {
      type: "start";
      run: number;
      asOf: string;
      clv?: ClvOptions;
      models?: Pick<BookModels, "bgNbd" | "gammaGamma">;
      previous?: Record<string, number>;
    }
  | { type: "cancel"; run: number }
  | {
      type: "summarize";
      run: number;
      asOf: string;
      clv?: ClvOptions;
      part: BookPart;
    }
  | { type: "score"; run: number; models: BookModels; previous?: Record<string, number> };
type FromWorker =
  | { type: "progress"; run: number; pass: 1 | 2; done: number; total?: number }
  | { type: "batch"; run: number; values: PackedValues; alerts: ChurnAlert[] }
  | { type: "done"; run: number; models: BookModels; total: number }
  | { type: "error"; run: number; message: string }
  | { type: "cancelled"; run: number }
  | { type: "summaries"; run: number; figures: Float64Array };

/** One of `count` parts of the book (`index` from 0), each read by its own worker. */
export interface BookPart {
  index: number;
  count: number;
}

export interface BookMetricsSource {
  /**
   * The book in batches, from the start (called once a run); given a `part`,
   * only that part of it (for `startBookMetricsParallel`: the parts in order
   * make the whole book).
   */
  batches(part?: BookPart): Iterable<readonly BookCustomer[]> | AsyncIterable<readonly BookCustomer[]>;
  /** How many customers, when known (for progress). */
  total?: number;
}

/**
 * Pass 1 over a book (or a part): each batch summarised, each customer's record
 * figures kept (`keep`) and their records' churn signals kept where there are
 * any — so pass 2 reads nothing again. False when cancelled.
 */
async function readOnce(
  job: BookMetricsJob,
  batches: BookMetricsSource["batches"],
  part: BookPart | undefined,
  asOf: string,
  stopped: () => boolean,
  progress: (done: number) => void,
): Promise<Map<string, ChurnSignals> | undefined> {
  const alerter = churnAlerter({ asOf });
  const signals = new Map<string, ChurnSignals>();
  let done = 0;
  for await (const batch of part ? batches(part) : batches()) {
    if (stopped()) return undefined;
    job.summarize(batch);
    for (const b of batch) {
      const found = alerter.signals(b, openAum(b.holdings));
      if (found.length > 0) signals.set(b.customer.id, found);
    }
    done += batch.length;
    progress(done);
    // Lets a queued "cancel" in between batches.
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return signals;
}

/** Pass 2 from what pass 1 kept: every customer's metrics and churn alerts, a batch at a time. */
async function scoreKept(
  job: BookMetricsJob,
  signals: Map<string, ChurnSignals>,
  options: { asOf: string; previous?: Record<string, number> },
  stopped: () => boolean,
  post: (customers: CustomerValue[], alerts: ChurnAlert[], done: number) => void,
): Promise<number | undefined> {
  const previous = options.previous
    ? new Map(Object.entries(options.previous).map(([id, probabilityAlive]) => [id, { probabilityAlive }]))
    : undefined;
  const alerter = churnAlerter({ asOf: options.asOf, ...(previous ? { previous } : {}) });
  let done = 0;
  for (const customers of job.scoreKept()) {
    if (stopped()) return undefined;
    const alerts: ChurnAlert[] = [];
    for (const v of customers) {
      const alert = alerter.alert(v, signals.get(v.customerId) ?? []);
      if (alert) alerts.push(alert);
    }
    done += customers.length;
    post(customers, alerts.sort(newestAlertFirst), done);
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return done;
}

/** The most scored customers one message to the page carries. */
export const POSTED_AT_ONCE = 2_500;

/**
 * Scored customers to the page as columns, their buffers moved: far cheaper for the page than cloning objects. At
 * most POSTED_AT_ONCE a message, whatever the book's batches: the page unpacks each message in one task (10,000
 * customers took up to 32 ms while its code was cold, 1.4–5 ms warm); each chunk carries its own customers' alerts.
 */
function postScored(scope: Port, run: number, customers: CustomerValue[], alerts: ChurnAlert[]): void {
  for (let from = 0; from < customers.length; from += POSTED_AT_ONCE) {
    const chunk = customers.length <= POSTED_AT_ONCE ? customers : customers.slice(from, from + POSTED_AT_ONCE);
    const ids = chunk === customers ? undefined : new Set(chunk.map((c) => c.customerId));
    const values = packValues(chunk);
    const chunkAlerts = ids ? alerts.filter((a) => ids.has(a.customerId)) : alerts;
    scope.postMessage({ type: "batch", run, values, alerts: chunkAlerts } satisfies FromWorker, {
      transfer: [values.numbers.buffer as ArrayBuffer, values.codes.buffer as ArrayBuffer],
    });
  }
}

/**
 * The worker's side: `serveBookMetrics(self, { batches })` in a module worker.
 * The worker reads the book once: between the passes it keeps, per customer,
 * twelve numbers — the record figures and the purchase summary
 * (`createBookMetricsJob` with `keep`) — and the records' churn signals where
 * there are any, not the records.
 */
export function serveBookMetrics(scope: Port, source: BookMetricsSource): void {
  const cancelled = new Set<number>();
  const post = (m: FromWorker) => scope.postMessage(m);
  const postBatch = (run: number, customers: CustomerValue[], alerts: ChurnAlert[]) =>
    postScored(scope, run, customers, alerts);
  // A part's job between its two passes (startBookMetricsParallel), by run.
  const parts = new Map<number, { job: BookMetricsJob; signals: Map<string, ChurnSignals>; asOf: string }>();
  const fail = (run: number, error: unknown) =>
    post({ type: "error", run, message: error instanceof Error ? error.message : String(error) });
  const scorePart = async (m: Extract<ToWorker, { type: "score" }>) => {
    const { run } = m;
    const kept = parts.get(run);
    parts.delete(run);
    try {
      if (!kept) throw new Error("score before summarize");
      kept.job.use(m.models);
      const total = await scoreKept(
        kept.job,
        kept.signals,
        { asOf: kept.asOf, ...(m.previous ? { previous: m.previous } : {}) },
        () => cancelled.has(run),
        (customers, alerts, done) => {
          postBatch(run, customers, alerts);
          post({ type: "progress", run, pass: 2, done });
        },
      );
      if (total === undefined) return post({ type: "cancelled", run });
      post({ type: "done", run, models: m.models, total });
    } catch (error) {
      fail(run, error);
    } finally {
      cancelled.delete(run);
    }
  };
  const summarizePart = async (m: Extract<ToWorker, { type: "summarize" }>) => {
    const { run } = m;
    try {
      const job = createBookMetricsJob({ asOf: m.asOf, ...(m.clv ? { clv: m.clv } : {}), keep: true });
      const signals = await readOnce(
        job,
        (part) => source.batches(part),
        m.part,
        m.asOf,
        () => cancelled.has(run),
        (done) => post({ type: "progress", run, pass: 1, done }),
      );
      if (!signals) return post({ type: "cancelled", run });
      parts.set(run, { job, signals, asOf: m.asOf });
      // Four numbers a customer (no ids: the fit needs none) back to the page, which fits the models on every part's.
      const figures = job.summaryFigures();
      scope.postMessage({ type: "summaries", run, figures } satisfies FromWorker, {
        transfer: [figures.buffer as ArrayBuffer],
      });
    } catch (error) {
      cancelled.delete(run);
      fail(run, error);
    }
  };
  const runWhole = async (m: Extract<ToWorker, { type: "start" }>) => {
    const { run } = m;
    const stopped = () => cancelled.has(run);
    try {
      const job = createBookMetricsJob({
        asOf: m.asOf,
        ...(m.clv ? { clv: m.clv } : {}),
        ...(m.models ? { models: m.models } : {}),
        keep: true,
      });
      let total = 0;
      const signals = await readOnce(
        job,
        (part) => source.batches(part),
        undefined,
        m.asOf,
        stopped,
        (done) => {
          total = done;
          post({ type: "progress", run, pass: 1, done, ...(source.total ? { total: source.total } : {}) });
        },
      );
      if (!signals || stopped()) return post({ type: "cancelled", run });
      const models = job.fit();
      const scored = await scoreKept(
        job,
        signals,
        { asOf: m.asOf, ...(m.previous ? { previous: m.previous } : {}) },
        stopped,
        (customers, alerts, done) => {
          postBatch(run, customers, alerts);
          post({ type: "progress", run, pass: 2, done, total });
        },
      );
      if (scored === undefined) return post({ type: "cancelled", run });
      post({ type: "done", run, models, total });
    } catch (error) {
      fail(run, error);
    } finally {
      cancelled.delete(run);
    }
  };
  scope.addEventListener("message", (event) => {
    const m = event.data as ToWorker;
    if (m.type === "cancel") {
      cancelled.add(m.run);
      parts.delete(m.run);
      return;
    }
    if (m.type === "summarize") return void summarizePart(m);
    if (m.type === "score") return void scorePart(m);
    void runWhole(m);
  });
}

export interface BookMetricsRun {
  /** Resolves when every batch is scored; rejects with an `AbortError` when cancelled. */
  done: Promise<{ models: BookModels; total: number }>;
  /** Stops the worker between batches. */
  cancel(): void;
}

export interface StartBookMetricsOptions {
  asOf: string;
  clv?: ClvOptions;
  /** A saved fit to reuse (the server's, yesterday's) instead of fitting again. */
  models?: Pick<BookModels, "bgNbd" | "gammaGamma">;
  /** Pass 1 reads the book (summaries), pass 2 scores it; `total` once known. */
  onProgress?: (progress: { pass: 1 | 2; done: number; total?: number }) => void;
  /** The previous run's P(alive) by customer, for the "P(alive) falling" alert. */
  previous?: Record<string, number>;
  /** Each scored batch, as it comes, with its churn alerts (`churnAlerts` over the batch). */
  onBatch?: (customers: CustomerValue[], alerts: ChurnAlert[]) => void;
}

let runs = 0;

/** The page's side: starts a run in a worker serving `serveBookMetrics`. */
export function startBookMetrics(worker: Port, options: StartBookMetricsOptions): BookMetricsRun {
  const run = ++runs;
  let settle: { resolve: (v: { models: BookModels; total: number }) => void; reject: (e: unknown) => void };
  let finished = false;
  const done = new Promise<{ models: BookModels; total: number }>((resolve, reject) => (settle = { resolve, reject }));
  const abort = () => {
    const error = new Error("The metrics run was cancelled");
    error.name = "AbortError";
    return error;
  };
  worker.addEventListener("message", (event) => {
    const m = event.data as FromWorker;
    if (m.run !== run || finished) return;
    switch (m.type) {
      case "progress":
        options.onProgress?.({ pass: m.pass, done: m.done, ...(m.total !== undefined ? { total: m.total } : {}) });
        break;
      case "batch":
        options.onBatch?.(unpackValues(m.values), m.alerts);
        break;
      case "done":
        finished = true;
        settle.resolve({ models: m.models, total: m.total });
        break;
      case "error":
        finished = true;
        settle.reject(new Error(m.message));
        break;
      case "cancelled":
        finished = true;
        settle.reject(abort());
        break;
    }
  });
  worker.postMessage({
    type: "start",
    run,
    asOf: options.asOf,
    ...(options.clv ? { clv: options.clv } : {}),
    ...(options.models ? { models: options.models } : {}),
    ...(options.previous ? { previous: options.previous } : {}),
  } satisfies ToWorker);
  return {
    done,
    cancel() {
      if (finished) return;
      worker.postMessage({ type: "cancel", run } satisfies ToWorker);
      finished = true;
      settle.reject(abort());
    },
  };
}

/**
 * The book's metrics on several workers at once — one part of the book each
 * (`source.batches(part)`), so two cores score a book in about half the time.
 * Pass 1 runs in every worker; their summaries come back (five numbers a
 * customer), the models are fitted here on all of them in the book's order —
 * the same models one worker would fit — and pass 2 scores in every worker.
 * The same figures as `startBookMetrics` (tested); progress sums the parts.
 */
export function startBookMetricsParallel(
  workers: readonly Port[],
  options: Omit<StartBookMetricsOptions, "models">,
): BookMetricsRun {
  if (workers.length === 0) throw new BankcrmInvalidArgumentError("workers", "at least one worker");
  const run = ++runs;
  let finished = false;
  let settle: { resolve: (v: { models: BookModels; total: number }) => void; reject: (e: unknown) => void };
  const done = new Promise<{ models: BookModels; total: number }>((resolve, reject) => (settle = { resolve, reject }));
  const abort = () => Object.assign(new Error("The metrics run was cancelled"), { name: "AbortError" });
  const fail = (error: unknown) => {
    if (finished) return;
    finished = true;
    for (const w of workers) w.postMessage({ type: "cancel", run } satisfies ToWorker);
    settle.reject(error);
  };
  const summaries: (Float64Array | undefined)[] = workers.map(() => undefined);
  const progress = workers.map(() => ({ 1: 0, 2: 0 }));
  const scored = workers.map(() => false);
  let models: BookModels | undefined;
  workers.forEach((worker, index) =>
    worker.addEventListener("message", (event) => {
      const m = event.data as FromWorker;
      if (m.run !== run || finished) return;
      switch (m.type) {
        case "progress": {
          progress[index]![m.pass] = m.done;
          options.onProgress?.({ pass: m.pass, done: progress.reduce((s, p) => s + p[m.pass], 0) });
          break;
        }
        case "summaries": {
          summaries[index] = m.figures;
          if (summaries.every((s) => s !== undefined)) {
            try {
              // The parts in order make the book: the same columns, and models, as one worker's.
              const book = new Float64Array(summaries.reduce((n, s) => n + s.length, 0));
              let at = 0;
              for (const s of summaries) {
                book.set(s, at);
                at += s.length;
              }
              models = fitBookModels(book, { asOf: options.asOf });
            } catch (error) {
              return fail(error);
            }
            for (const w of workers)
              w.postMessage({
                type: "score",
                run,
                models,
                ...(options.previous ? { previous: options.previous } : {}),
              } satisfies ToWorker);
          }
          break;
        }
        case "batch":
          options.onBatch?.(unpackValues(m.values), m.alerts);
          break;
        case "done":
          scored[index] = true;
          if (scored.every(Boolean)) {
            finished = true;
            settle.resolve({ models: models!, total: progress.reduce((s, p) => s + p[2], 0) });
          }
          break;
        case "error":
          fail(new Error(m.message));
          break;
        case "cancelled":
          fail(abort());
          break;
      }
    }),
  );
  workers.forEach((worker, index) =>
    worker.postMessage({
      type: "summarize",
      run,
      asOf: options.asOf,
      ...(options.clv ? { clv: options.clv } : {}),
      part: { index, count: workers.length },
    } satisfies ToWorker),
  );
  return { done, cancel: () => fail(abort()) };
}
