/**
 * The book's value metrics in the workstation (embedded mode): computed for
 * every customer in a Web Worker (metrics-worker.ts) with progress and cancel,
 * stored sealed beside the rows so a later start reads them instead of
 * computing again, and one customer scored again — against the stored models —
 * when their records change.
 */
import { type BookCustomer, type BookModels, type ChurnAlert, type CustomerValue } from "@bankcrm/core";
import { DEMO_AS_OF } from "@bankcrm/core/demo";
import { churnAlerts, findGoldCustomers, scoreCustomer, startBookMetricsParallel } from "@bankcrm/core/analytics";
import type { IndexedDbStore, ServerCustomerMetrics } from "@bankcrm/data";
import { createModuleWorker } from "@bankcrm/elements/segment-counter.js";
import workerUrl from "./metrics-worker.ts?worker&url";
import { openRows, type BookRow } from "./book.js";

export interface BookValues {
  asOf: string;
  models: BookModels;
  /** One per customer (in the order the workers scored them). */
  values: CustomerValue[];
  /** Newest signal first. */
  alerts: ChurnAlert[];
  /** When this computation finished (ISO instant). */
  computedAt: string;
  /**
   * Customers whose records were written here since the demo generated them
   * (scored again on each change): the demo's worker generates histories from
   * the seed, so a full run scores these again from the store afterwards.
   */
  touched?: string[];
}

/** Bumped when what is stored changes shape: older stored values are computed again. */
const VERSION = 1;
const KEY = `values-v${VERSION}`;

export async function readValues(store: IndexedDbStore, name: string): Promise<BookValues | undefined> {
  const db = await openRows(name);
  try {
    const sealed = await db.get("values", KEY);
    return sealed === undefined ? undefined : await store.open<BookValues>(sealed);
  } finally {
    db.close();
  }
}

export async function saveValues(store: IndexedDbStore, name: string, values: BookValues): Promise<void> {
  const sealed = await store.seal(values);
  const db = await openRows(name);
  try {
    await db.put("values", sealed, KEY);
  } finally {
    db.close();
  }
}

export interface ValuesRun {
  done: Promise<BookValues>;
  cancel(): void;
}

/**
 * Computes the whole book's values in the metrics worker. `previous`: the last
 * computation, whose P(alive) the "falling" alert compares against.
 */
export function computeValues(options: {
  seed: string;
  total: number;
  previous?: BookValues;
  onProgress: (progress: { pass: 1 | 2; done: number; total: number }) => void;
}): ValuesRun {
  // One worker per core (two at most: the page needs a core too), each on its part of the book.
  const workers = Array.from({ length: Math.max(1, Math.min(2, navigator.hardwareConcurrency || 1)) }, () =>
    createModuleWorker(workerUrl, { name: JSON.stringify({ seed: options.seed, total: options.total }) }),
  );
  const values: CustomerValue[] = [];
  const alerts: ChurnAlert[] = [];
  const previous = options.previous
    ? Object.fromEntries(
        options.previous.values.flatMap((v) =>
          v.probabilityAlive === undefined ? [] : [[v.customerId, v.probabilityAlive] as const],
        ),
      )
    : undefined;
  const run = startBookMetricsParallel(workers, {
    asOf: DEMO_AS_OF,
    ...(previous ? { previous } : {}),
    onProgress: (p) => options.onProgress({ pass: p.pass, done: p.done, total: options.total }),
    onBatch: (batch, batchAlerts) => {
      values.push(...batch);
      alerts.push(...batchAlerts);
    },
  });
  const done = run.done
    .then(({ models }) => ({
      asOf: DEMO_AS_OF,
      models,
      values,
      alerts: sortAlerts(alerts),
      computedAt: new Date().toISOString(),
    }))
    .finally(() => {
      for (const w of workers) w.terminate();
    });
  return { done, cancel: () => run.cancel() };
}

const sortAlerts = (alerts: ChurnAlert[]) =>
  alerts.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : b.value.contribution - a.value.contribution));

/** Puts the values' figures on the rows (the list's columns, segments on value fields). */
export function applyValues(rows: readonly BookRow[], values: readonly CustomerValue[]): void {
  const byId = new Map(values.map((v) => [v.customerId, v]));
  for (const row of rows) {
    const v = byId.get(row.id);
    if (!v) continue;
    row.contribution = v.contribution;
    row.valueScore = v.valueScore;
    row.churnRisk = v.churnRisk;
    row.churnLevel = v.churnLevel;
    if (v.clv !== undefined) row.clv = v.clv;
    if (v.probabilityAlive !== undefined) row.probabilityAlive = v.probabilityAlive;
    if (v.rfmSegment !== undefined) row.rfmSegment = v.rfmSegment;
    if (v.rfmR !== undefined) row.rfmR = v.rfmR;
    if (v.rfmF !== undefined) row.rfmF = v.rfmF;
    if (v.rfmM !== undefined) row.rfmM = v.rfmM;
  }
}

/**
 * The value lists as the rows' segment fields: under-served, within reach of
 * the next tier (`findGoldCustomers` over the whole book), and a churn alert.
 */
export function applyLists(rows: readonly BookRow[], values: BookValues): void {
  const underServed = new Set<string>();
  const near = new Set<string>();
  for (const g of findGoldCustomers(values.values))
    for (const r of g.reasons) (r.code === "nearNextTier" ? near : underServed).add(g.customerId);
  const alerted = new Set(values.alerts.map((a) => a.customerId));
  for (const row of rows) {
    row.underServed = underServed.has(row.id);
    row.nearNextTier = near.has(row.id);
    row.churnAlert = alerted.has(row.id);
  }
}

/** Server mode: the server's metrics job's figures and list flags on the rows (`GET /metrics`). */
export function applyServerMetrics(rows: readonly BookRow[], items: readonly ServerCustomerMetrics[]): void {
  const byId = new Map(items.map((m) => [m.customerId, m]));
  for (const row of rows) {
    const m = byId.get(row.id);
    if (!m) continue;
    const { customerId: _, ...figures } = m;
    Object.assign(row, figures);
  }
}

/** A customer's records as the models read them, from the store. */
async function bookCustomerOf(store: IndexedDbStore, customerId: string): Promise<BookCustomer | undefined> {
  const customer = await store.getCustomer(customerId);
  if (!customer) return undefined;
  const all = async <C extends "transactions" | "serviceCases">(collection: C) => {
    const out = [];
    let after: string | undefined;
    do {
      const page = await store.records(collection, { customerId, limit: 1000, ...(after ? { after } : {}) });
      out.push(...page.items);
      after = page.next;
    } while (after);
    return out;
  };
  const [holdings, transactions, serviceCases] = await Promise.all([
    store.holdings(customerId),
    all("transactions"),
    all("serviceCases"),
  ]);
  return { customer, holdings, transactions, serviceCases };
}

/**
 * Scores one customer again from the store against the stored models and puts
 * the result in `values` (their value and churn alert replaced). Returns the
 * new value, or undefined when the store has no history for them yet.
 */
export async function rescoreCustomer(
  store: IndexedDbStore,
  values: BookValues,
  customerId: string,
): Promise<CustomerValue | undefined> {
  const b = await bookCustomerOf(store, customerId);
  if (!b || b.holdings.length === 0) return undefined;
  const value = scoreCustomer(b, values.models);
  const at = values.values.findIndex((v) => v.customerId === customerId);
  const before = at >= 0 ? values.values[at] : undefined;
  if (at >= 0) values.values[at] = value;
  else values.values.push(value);
  const alert = churnAlerts([b], [value], {
    asOf: values.asOf,
    ...(before?.probabilityAlive !== undefined
      ? { previous: new Map([[customerId, { probabilityAlive: before.probabilityAlive }]]) }
      : {}),
  })[0];
  values.alerts = sortAlerts([...values.alerts.filter((a) => a.customerId !== customerId), ...(alert ? [alert] : [])]);
  return value;
}
