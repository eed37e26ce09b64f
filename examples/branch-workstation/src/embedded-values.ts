/**
 * The book's value metrics in an embedded workstation: read from the device, computed in the worker (on the first
 * start, or again when asked), and a customer scored again when their records change — the rows updated each time.
 * In server mode the server's metrics job computes them; only the state is kept here.
 */
import type { ChangeEvent, IndexedDbStore } from "@bankcrm/data";
import type { BookRow } from "./book.js";
import { DB_NAME, SEED, TOTAL } from "./users.js";
import {
  applyLists,
  applyValues,
  computeValues,
  readValues,
  rescoreCustomer,
  saveValues,
  type BookValues,
  type ValuesRun,
} from "./value-book.js";

/** Where the book's value metrics are: stored, being computed (pass 1 reads, pass 2 scores), or failed. */
export type ValuesState =
  | { state: "none" }
  | { state: "computing"; pass: 1 | 2; done: number; total: number }
  | { state: "ready"; computedAt: string }
  | { state: "error"; message: string };

/** What the values work on: the embedded store (none in server mode), the rows, and who hears of a change. */
export interface ValuesBook {
  idb(): IndexedDbStore | undefined;
  rows(): BookRow[];
  setRows(rows: BookRow[]): void;
  onValues(): void;
}

export class EmbeddedValues {
  /** Once computed or read from the device. */
  values: BookValues | undefined;
  state: ValuesState = { state: "none" };
  private run: ValuesRun | undefined;

  constructor(private readonly book: ValuesBook) {}

  /** The values kept on the device, applied to the rows. */
  async read(idb: IndexedDbStore): Promise<void> {
    this.values = await readValues(idb, DB_NAME);
    if (!this.values) return;
    applyValues(this.book.rows(), this.values.values);
    applyLists(this.book.rows(), this.values);
    this.state = { state: "ready", computedAt: this.values.computedAt };
  }

  /** Stops a run and forgets the values (a logout, a reset). */
  forget(): void {
    this.cancel();
    this.values = undefined;
  }

  /**
   * Computes the book's value metrics in the worker (embedded mode): on the
   * first start, or again when asked (`again`: the last run's P(alive) is what
   * the "falling" alert compares against). Stored sealed when done.
   */
  compute(again = false): void {
    const idb = this.book.idb();
    if (!idb || this.run || (this.values && !again)) return;
    this.state = { state: "computing", pass: 1, done: 0, total: TOTAL };
    this.book.onValues();
    const run = (this.run = computeValues({
      seed: SEED,
      total: TOTAL,
      ...(this.values ? { previous: this.values } : {}),
      onProgress: (p) => {
        this.state = { state: "computing", ...p };
        this.book.onValues();
      },
    }));
    const touched = this.values?.touched ?? [];
    run.done
      .then(async (values) => {
        if (this.book.idb() !== idb) return; // logged out or reset meanwhile
        // The worker saw the seed's histories; what was written here since comes from the store.
        for (const id of touched) await rescoreCustomer(idb, values, id);
        if (touched.length > 0) values.touched = touched;
        await saveValues(idb, DB_NAME, values);
        this.values = values;
        const rows = this.book.rows();
        applyValues(rows, values.values);
        applyLists(rows, values);
        this.book.setRows([...rows]);
        this.state = { state: "ready", computedAt: values.computedAt };
      })
      .catch((error: Error) => {
        this.state =
          error.name === "AbortError"
            ? this.values
              ? { state: "ready", computedAt: this.values.computedAt }
              : { state: "none" }
            : { state: "error", message: error.message };
      })
      .finally(() => {
        if (this.run === run) this.run = undefined;
        this.book.onValues();
      });
  }

  cancel(): void {
    this.run?.cancel();
  }

  /** A change to a customer's records scores them again against the stored models. */
  async onChange(event: ChangeEvent): Promise<void> {
    const idb = this.book.idb();
    const values = this.values;
    if (!idb || !values) return;
    const collections = ["customers", "holdings", "transactions", "serviceCases"] as const;
    if (!(collections as readonly string[]).includes(event.collection)) return;
    const customerIds = new Set<string>();
    for (const id of event.ids) {
      if (event.collection === "customers") customerIds.add(id);
      else {
        const record = await idb.record(event.collection as (typeof collections)[number], id);
        if (record && "customerId" in record) customerIds.add(record.customerId);
      }
    }
    let changed = false;
    for (const id of customerIds) {
      const value = await rescoreCustomer(idb, values, id);
      if (!value) continue;
      values.touched = [...new Set([...(values.touched ?? []), id])];
      const row = this.book.rows().find((r) => r.id === id);
      if (row) applyValues([row], [value]);
      changed = true;
    }
    if (!changed || this.book.idb() !== idb) return;
    applyLists(this.book.rows(), values);
    await saveValues(idb, DB_NAME, values);
    this.book.setRows([...this.book.rows()]);
    this.book.onValues();
  }
}
