/**
 * The book's metrics in a Web Worker, with progress and cancel: the page's
 * thread stays free while a whole book is scored.
 *
 * The worker reads the book itself — from IndexedDB, the server, or (the demo)
 * by generating it — through the `batches` the host's worker module gives
 * `serveBookMetrics`; each pass reads the batches again, so a book larger than
 * memory streams through. The page calls `startBookMetrics(worker, …)`: the
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
import { createBookMetricsJob, fitBookModels } from "./book-metrics.js";
import type { CustomerSummary } from "./summarize.js";
import type { ClvOptions } from "./gamma-gamma.js";
import { BankcrmInvalidArgumentError } from "../errors/invalid-argument-error.js";
import { churnAlerts, type ChurnAlert } from "./value-lists.js";

/** The structural parts of a Worker and a worker's global scope these use. */
interface Port {
  postMessage(message: unknown): void;
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
  | { type: "batch"; run: number; customers: CustomerValue[]; alerts: ChurnAlert[] }
  | { type: "done"; run: number; models: BookModels; total: number }
  | { type: "error"; run: number; message: string }
  | { type: "cancelled"; run: number }
  | { type: "summaries"; run: number; ids: string[]; figures: Float64Array };

/** One of `count` parts of the book (`index` from 0), each read by its own worker. */
export interface BookPart {
  index: number;
  count: number;
}

export interface BookMetricsSource {
  /**
   * The book in batches, from the start each time it is called (once per
   * pass); given a `part`, only that part of it (for `startBookMetricsParallel`:
   * the parts in order make the whole book, each the same on both passes).
   */
  batches(part?: BookPart): Iterable<readonly BookCustomer[]> | AsyncIterable<readonly BookCustomer[]>;
  /** How many customers, when known (for progress). */
  total?: number;
}

/** The worker's side: `serveBookMetrics(self, { batches })` in a module worker. */
export function serveBookMetrics(scope: Port, source: BookMetricsSource): void {
  const cancelled = new Set<number>();
  const post = (m: FromWorker) => scope.postMessage(m);
  // Lets a queued "cancel" in between batches.
  const breathe = () => new Promise((resolve) => setTimeout(resolve, 0));
  // A part's job between its two passes (startBookMetricsParallel), by run.
  const parts = new Map<number, { job: BookMetricsJob; part: BookPart; asOf: string }>();
  const scorePart = async (m: Extract<ToWorker, { type: "score" }>) => {
    const { run } = m;
    const kept = parts.get(run);
    parts.delete(run);
    try {
      if (!kept) throw new Error("score before summarize");
      kept.job.use(m.models);
      const previous = m.previous
        ? new Map(Object.entries(m.previous).map(([id, probabilityAlive]) => [id, { probabilityAlive }]))
        : undefined;
      let done = 0;
      for await (const batch of source.batches(kept.part)) {
        if (cancelled.has(run)) return post({ type: "cancelled", run });
        const customers = kept.job.score(batch);
        const alerts = churnAlerts(batch, customers, { asOf: kept.asOf, ...(previous ? { previous } : {}) });
        done += customers.length;
        post({ type: "batch", run, customers, alerts });
        post({ type: "progress", run, pass: 2, done });
        await breathe();
      }
      post({ type: "done", run, models: m.models, total: done });
    } catch (error) {
      post({ type: "error", run, message: error instanceof Error ? error.message : String(error) });
    } finally {
      cancelled.delete(run);
    }
  };
  const summarizePart = async (m: Extract<ToWorker, { type: "summarize" }>) => {
    const { run } = m;
    try {
      const job = createBookMetricsJob({ asOf: m.asOf, ...(m.clv ? { clv: m.clv } : {}) });
      let done = 0;
      for await (const batch of source.batches(m.part)) {
        if (cancelled.has(run)) return post({ type: "cancelled", run });
        job.summarize(batch);
        done += batch.length;
        post({ type: "progress", run, pass: 1, done });
        await breathe();
      }
      parts.set(run, { job, part: m.part, asOf: m.asOf });
      // Five numbers a customer back to the page, which fits the models on every part's.
      const summaries = job.summaries();
      const figures = new Float64Array(summaries.length * 4);
      summaries.forEach((s, i) => figures.set([s.frequency, s.recency, s.T, s.monetaryValue], i * 4));
      post({ type: "summaries", run, ids: summaries.map((s) => s.customerId), figures });
    } catch (error) {
      cancelled.delete(run);
      post({ type: "error", run, message: error instanceof Error ? error.message : String(error) });
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
    void (async () => {
      const { run } = m;
      const stopped = () => cancelled.has(run);
      try {
        const job = createBookMetricsJob({
          asOf: m.asOf,
          ...(m.clv ? { clv: m.clv } : {}),
          ...(m.models ? { models: m.models } : {}),
        });
        let done = 0;
        for await (const batch of source.batches()) {
          if (stopped()) return post({ type: "cancelled", run });
          job.summarize(batch);
          done += batch.length;
          post({ type: "progress", run, pass: 1, done, ...(source.total ? { total: source.total } : {}) });
          await breathe();
        }
        const total = done;
        if (stopped()) return post({ type: "cancelled", run });
        const models = job.fit();
        done = 0;
        const previous = m.previous
          ? new Map(Object.entries(m.previous).map(([id, probabilityAlive]) => [id, { probabilityAlive }]))
          : undefined;
        for await (const batch of source.batches()) {
          if (stopped()) return post({ type: "cancelled", run });
          const customers = job.score(batch);
          // The churn signals need the transactions, which only the worker holds.
          const alerts = churnAlerts(batch, customers, { asOf: m.asOf, ...(previous ? { previous } : {}) });
          done += customers.length;
          post({ type: "batch", run, customers, alerts });
          post({ type: "progress", run, pass: 2, done, total });
          await breathe();
        }
        post({ type: "done", run, models, total });
      } catch (error) {
        post({ type: "error", run, message: error instanceof Error ? error.message : String(error) });
      } finally {
        cancelled.delete(run);
      }
    })();
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
        options.onBatch?.(m.customers, m.alerts);
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
  const summaries: (CustomerSummary[] | undefined)[] = workers.map(() => undefined);
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
          summaries[index] = m.ids.map((customerId, i) => ({
            customerId,
            frequency: m.figures[i * 4]!,
            recency: m.figures[i * 4 + 1]!,
            T: m.figures[i * 4 + 2]!,
            monetaryValue: m.figures[i * 4 + 3]!,
          }));
          if (summaries.every((s) => s !== undefined)) {
            try {
              models = fitBookModels(summaries.flat(), { asOf: options.asOf });
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
          options.onBatch?.(m.customers, m.alerts);
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
