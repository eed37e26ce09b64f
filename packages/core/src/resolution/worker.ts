/**
 * Entity resolution in a Web Worker, so a page over the embedded store resolves its book without a frame dropped:
 * the page posts its customer records (`resolveInWorker`), the worker (`serveResolution(self)`) folds and resolves
 * them with the same core code as the server's Node, and posts back the pairs merged or sent to review and the
 * customers of more than one record. A run can be cancelled (`AbortSignal`); an error in the worker rejects the run.
 */
import type { Customer } from "../schemas/customer.js";
import { partyOf } from "./party.js";
import { resolve, type Resolution, type ResolveOptions } from "./resolve.js";

/** A worker's or a page's end of the channel (a Worker, the worker's `self`, a MessagePort). */
export interface ResolutionPort {
  postMessage(message: unknown): void;
  addEventListener(type: "message", listener: (event: { data: unknown }) => void): void;
}

type ToWorker =
  | { type: "records"; run: number; records: readonly Customer[] }
  | { type: "resolve"; run: number; options: ResolveOptions }
  | { type: "cancel"; run: number };

/** What a worker's run answers: the resolution, its clusters only those of more than one record. */
export type WorkerResolution = Resolution & { records: number; foldMs: number; resolveMs: number };

type FromWorker =
  | { type: "progress"; run: number; stage: "fold" | "resolve" }
  | { type: "pairs"; run: number; pairs: Resolution["pairs"] }
  | { type: "done"; run: number; resolution: Omit<WorkerResolution, "pairs"> }
  | { type: "error"; run: number; message: string };

/**
 * Records and pairs cross the channel this many at a time: the structured clone of each message runs on the page's
 * thread, and 50,000 customer records cloned at once hold it for a couple of hundred milliseconds.
 */
const CHUNK = 2_000;

/** Serves resolution runs on a worker's scope (`serveResolution(self)` in the worker's module). */
export function serveResolution(scope: ResolutionPort): void {
  const cancelled = new Set<number>();
  const received = new Map<number, Customer[]>();
  const post = (message: FromWorker) => scope.postMessage(message);
  const run = (m: Extract<ToWorker, { type: "resolve" }>) => {
    const customers = received.get(m.run) ?? [];
    received.delete(m.run);
    post({ type: "progress", run: m.run, stage: "fold" });
    let t0 = performance.now();
    const parties = customers.map(partyOf);
    const foldMs = performance.now() - t0;
    if (cancelled.has(m.run)) return;
    post({ type: "progress", run: m.run, stage: "resolve" });
    t0 = performance.now();
    const { pairs, ...resolution } = resolve(parties, m.options);
    const resolveMs = performance.now() - t0;
    if (cancelled.has(m.run)) return;
    for (let at = 0; at < pairs.length; at += CHUNK)
      post({ type: "pairs", run: m.run, pairs: pairs.slice(at, at + CHUNK) });
    const clusters = resolution.clusters.filter((c) => c.length > 1);
    post({
      type: "done",
      run: m.run,
      resolution: { ...resolution, clusters, records: parties.length, foldMs, resolveMs },
    });
  };
  scope.addEventListener("message", (event) => {
    const m = event.data as ToWorker;
    if (m.type === "cancel") {
      cancelled.add(m.run);
      received.delete(m.run);
    } else if (m.type === "records") {
      if (!cancelled.has(m.run)) (received.get(m.run) ?? received.set(m.run, []).get(m.run)!).push(...m.records);
    } else if (m.type === "resolve" && !cancelled.has(m.run)) {
      try {
        run(m);
      } catch (error) {
        post({ type: "error", run: m.run, message: error instanceof Error ? error.message : String(error) });
      }
    }
  });
}

let runs = 0;
/** A turn of the page's event loop (a frame can be drawn between two chunks). */
const turn = () => new Promise<void>((next) => setTimeout(next, 0));

/**
 * Resolves `customers` in the worker behind `worker` (one serving `serveResolution`): the pairs merged or sent to
 * review with their evidence, and the resolved customers of more than one record. The records cross a few thousand
 * at a time, the page's event loop turning between them; `onStage` hears the worker folding, then resolving.
 */
export function resolveInWorker(
  worker: ResolutionPort,
  customers: readonly Customer[],
  o: ResolveOptions & { signal?: AbortSignal; onStage?: (stage: "fold" | "resolve") => void } = {},
): Promise<WorkerResolution> {
  const run = ++runs;
  const { signal, onStage, ...options } = o;
  return new Promise((resolveRun, reject) => {
    let finished = false;
    const pairs: Resolution["pairs"] = [];
    const abort = () => {
      if (finished) return;
      finished = true;
      worker.postMessage({ type: "cancel", run } satisfies ToWorker);
      const error = new Error("The resolution run was cancelled");
      error.name = "AbortError";
      reject(error);
    };
    if (signal?.aborted) return abort();
    signal?.addEventListener("abort", abort, { once: true });
    worker.addEventListener("message", (event) => {
      const m = event.data as FromWorker;
      if (m.run !== run || finished) return;
      if (m.type === "progress") return onStage?.(m.stage);
      if (m.type === "pairs") return void pairs.push(...m.pairs);
      finished = true;
      signal?.removeEventListener("abort", abort);
      if (m.type === "done") resolveRun({ ...m.resolution, pairs });
      else reject(new Error(m.message));
    });
    void (async () => {
      for (let at = 0; at < customers.length && !finished; at += CHUNK) {
        worker.postMessage({ type: "records", run, records: customers.slice(at, at + CHUNK) } satisfies ToWorker);
        await turn();
      }
      if (!finished) worker.postMessage({ type: "resolve", run, options } satisfies ToWorker);
    })();
  });
}
