/**
 * The segment builder's live count: a segment evaluated over the whole book as
 * the user edits, by core's columnar evaluation — in a Web Worker when the host
 * gives one (typing never waits for a count), on the main thread otherwise.
 *
 * Columns are sent as the definition first uses their fields (numbers as
 * transferred `Float64Array`s), so opening the builder costs nothing and each
 * later edit only evaluates. A newer count makes an older one stale: its promise
 * rejects with an `AbortError`, and the worker skips counts overtaken before it
 * starts them.
 *
 * ```ts
 * // segment-worker.ts, bundled by the host's bundler as a module worker:
 * import { serveSegmentCounts } from "@bankcrm/elements/segment-counter.js";
 * serveSegmentCounts(self);
 * // The page (Vite: `?worker&url` gives the bundled worker's URL):
 * import workerUrl from "./segment-worker.ts?worker&url";
 * builder.counter = createSegmentCounter(rows, customerFieldCatalog, { worker: createModuleWorker(workerUrl) });
 * ```
 */
import {
  BankcrmInvalidArgumentError,
  createFieldCatalog,
  evaluateColumnar,
  segmentRule,
  withColumn,
  type CatalogField,
  type ColumnarTable,
  type FieldCatalog,
  type FieldDefinition,
  type Rule,
  type SegmentDefinition,
} from "@bankcrm/core";

export interface SegmentCount<R> {
  count: number;
  total: number;
  /** The first matching records (in book order), for a "why" per row. */
  sample: R[];
}

export interface SegmentCounter<R> {
  /** Counts the definition's members; rejects with an `AbortError` when a newer count overtakes it or `signal` aborts. */
  count(definition: SegmentDefinition, options?: { signal?: AbortSignal }): Promise<SegmentCount<R>>;
  /** Ends the worker. */
  dispose(): void;
}

export interface SegmentCounterOptions {
  /** A module worker running `serveSegmentCounts(self)`; without one, counts run on the calling thread. */
  worker?: Worker;
  /** How many matching records to return. Default 5. */
  sampleSize?: number;
  /** "Today" for date windows. Default: now at each count. */
  now?: Date;
}

interface ScriptUrlPolicy {
  createScriptURL(url: string): unknown;
}
let workerPolicy: ScriptUrlPolicy | undefined;

/**
 * A module worker from a same-origin URL, under Trusted Types too: a worker's
 * URL is a script URL, so where the page enforces them the URL goes through a
 * policy named `bankcrm-worker` (add it to the CSP's `trusted-types` list) that
 * lets only same-origin URLs through. Other origins are refused. `name` is the
 * worker's `self.name`.
 */
export function createModuleWorker(url: string | URL, options: { name?: string } = {}): Worker {
  const href = new URL(url, location.href);
  if (href.origin !== location.origin)
    throw new BankcrmInvalidArgumentError("url", `a worker must come from this page's origin, not ${href.origin}`);
  const tt = (globalThis as { trustedTypes?: { createPolicy(name: string, rules: object): ScriptUrlPolicy } })
    .trustedTypes;
  if (tt && !workerPolicy)
    workerPolicy = tt.createPolicy("bankcrm-worker", {
      createScriptURL: (u: string) => {
        if (new URL(u, location.href).origin !== location.origin) throw new TypeError("cross-origin worker refused");
        return u;
      },
    });
  return new Worker((workerPolicy ? workerPolicy.createScriptURL(href.href) : href) as string, {
    type: "module",
    ...(options.name !== undefined ? { name: options.name } : {}),
  });
}

/** A field without its reader: what crosses to the worker. */
type FieldData = Omit<FieldDefinition, "get">;

type ToWorker =
  | { type: "size"; size: number }
  | { type: "column"; field: FieldData; values: ArrayLike<unknown> }
  | { type: "count"; seq: number; definition: SegmentDefinition; now: number; sample: number };
type FromWorker =
  { type: "count"; seq: number; count: number; sample: number[] } | { type: "error"; seq: number; message: string };

const fieldData = <R>(f: CatalogField<R>): FieldData => ({
  id: f.id,
  type: f.type,
  label: f.label,
  column: f.column,
  operators: f.operators,
  cost: f.cost,
  ...(f.values ? { values: f.values } : {}),
  ...(f.valueLabels ? { valueLabels: f.valueLabels } : {}),
});

function fieldsOf(rule: Rule, out = new Set<string>()): Set<string> {
  if ("all" in rule) for (const r of rule.all) fieldsOf(r, out);
  else if ("any" in rule) for (const r of rule.any) fieldsOf(r, out);
  else if ("not" in rule) fieldsOf(rule.not, out);
  else out.add(rule.field);
  return out;
}

/** Row indices of the first `limit` set bits. */
function firstRows(bitmap: Uint32Array, limit: number): number[] {
  const rows: number[] = [];
  for (let k = 0; k < bitmap.length && rows.length < limit; k++) {
    let w = bitmap[k]!;
    while (w !== 0 && rows.length < limit) {
      rows.push(k * 32 + (31 - Math.clz32(w & -w)));
      w &= w - 1;
    }
  }
  return rows;
}

/** Where the columns live and the counting happens: the worker, or this thread. */
class Evaluator {
  private table: ColumnarTable;
  private fields: CatalogField<number>[] = [];
  private catalog: FieldCatalog<number> = createFieldCatalog<number>([]);

  constructor(size: number) {
    this.table = { size, ids: [], columns: new Map() };
  }

  addColumn(field: FieldData, values: ArrayLike<unknown>) {
    this.fields = [...this.fields.filter((f) => f.id !== field.id), field as CatalogField<number>];
    this.catalog = createFieldCatalog<number>(this.fields);
    this.table = withColumn(this.table, this.catalog.get(field.id)!, values);
  }

  count(definition: SegmentDefinition, now: Date, sample: number): { count: number; sample: number[] } {
    const { count, bitmap } = evaluateColumnar(definition, this.catalog, this.table, { now, countOnly: true });
    return { count, sample: firstRows(bitmap, sample) };
  }
}

function abortError(): DOMException {
  return new DOMException("A newer count replaced this one", "AbortError");
}

/**
 * The rule every evaluator runs (the purpose's consent, and the separate one for sensitive fields where the catalog
 * requires it), bound on this side: the worker's catalog knows only the columns it was sent.
 */
function bound<R>(given: SegmentDefinition, catalog: FieldCatalog<R>): SegmentDefinition {
  const { purpose: _purpose, ...rest } = given;
  return { ...rest, rule: segmentRule(given, catalog) };
}

/** Counts a segment over `records` (read through the catalog's fields). */
export function createSegmentCounter<R>(
  records: readonly R[],
  catalog: FieldCatalog<R>,
  options: SegmentCounterOptions = {},
): SegmentCounter<R> {
  const { worker } = options;
  const sampleSize = options.sampleSize ?? 5;
  const sent = new Set<string>();
  const local = worker ? undefined : new Evaluator(records.length);
  const pending = new Map<
    number,
    { resolve: (r: { count: number; sample: number[] }) => void; reject: (e: unknown) => void }
  >();
  let seq = 0;
  const post = (message: ToWorker, transfer: Transferable[] = []) => worker!.postMessage(message, transfer);
  if (worker) {
    post({ type: "size", size: records.length });
    worker.addEventListener("message", (event: MessageEvent<FromWorker>) => {
      const m = event.data;
      const waiting = pending.get(m.seq);
      if (!waiting) return;
      pending.delete(m.seq);
      if (m.type === "error") waiting.reject(new Error(m.message));
      else waiting.resolve(m);
    });
  }

  /** Sends (or builds) the columns this definition needs and has not had. */
  function ensureColumns(definition: SegmentDefinition) {
    for (const id of fieldsOf(definition.rule)) {
      const field = catalog.get(id);
      if (!field || sent.has(id)) continue;
      sent.add(id);
      const numeric = field.type === "number" || field.type === "money";
      let values: ArrayLike<unknown>;
      if (numeric) {
        const out = new Float64Array(records.length);
        for (let i = 0; i < records.length; i++) {
          const v = field.get(records[i]!);
          out[i] = typeof v === "number" ? v : NaN;
        }
        values = out;
      } else values = records.map(field.get);
      const data = fieldData(field);
      if (local) local.addColumn(data, values);
      else post({ type: "column", field: data, values }, numeric ? [(values as Float64Array).buffer] : []);
    }
  }

  return {
    count(given, { signal } = {}) {
      const mine = ++seq;
      const definition = bound(given, catalog);
      // Every older count is stale now.
      for (const [, waiting] of pending) waiting.reject(abortError());
      pending.clear();
      if (signal?.aborted) return Promise.reject(abortError());
      const now = options.now ?? new Date();
      const done = new Promise<{ count: number; sample: number[] }>((resolve, reject) => {
        signal?.addEventListener("abort", () => {
          if (pending.delete(mine)) reject(abortError());
        });
        pending.set(mine, { resolve, reject });
        try {
          ensureColumns(definition);
          if (worker) post({ type: "count", seq: mine, definition, now: now.getTime(), sample: sampleSize });
          else
            // A task later, so an edit that follows at once makes this one stale before it runs.
            setTimeout(() => {
              const waiting = pending.get(mine);
              if (!waiting) return;
              pending.delete(mine);
              try {
                waiting.resolve(local!.count(definition, now, sampleSize));
              } catch (error) {
                waiting.reject(error);
              }
            }, 0);
        } catch (error) {
          pending.delete(mine);
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      });
      return done.then(({ count, sample }) => ({
        count,
        total: records.length,
        sample: sample.map((i) => records[i]!),
      }));
    },
    dispose() {
      for (const [, waiting] of pending) waiting.reject(abortError());
      pending.clear();
      worker?.terminate();
    },
  };
}

/**
 * The worker's side: call it in a module worker (`serveSegmentCounts(self)`).
 * A count overtaken by a newer one before it starts is skipped.
 */
export function serveSegmentCounts(scope: {
  addEventListener(type: "message", listener: (event: MessageEvent<ToWorker>) => void): void;
  postMessage(message: FromWorker): void;
}): void {
  let evaluator = new Evaluator(0);
  let latest = 0;
  scope.addEventListener("message", (event) => {
    const m = event.data;
    if (m.type === "size") evaluator = new Evaluator(m.size);
    else if (m.type === "column") evaluator.addColumn(m.field, m.values);
    else {
      latest = m.seq;
      // Let queued messages arrive first: a newer count makes this one stale.
      setTimeout(() => {
        if (m.seq !== latest) return;
        try {
          scope.postMessage({ type: "count", seq: m.seq, ...evaluator.count(m.definition, new Date(m.now), m.sample) });
        } catch (error) {
          scope.postMessage({
            type: "error",
            seq: m.seq,
            message: error instanceof Error ? error.message : String(error),
          });
        }
      }, 0);
    }
  });
}
