/**
 * The customer book the list works on: one compact row per customer (the
 * segment view plus what the list shows), kept in memory for instant search,
 * filters and sorting over tens of thousands of customers.
 *
 * Embedded mode generates the demo bank into IndexedDB in chunks (resumable,
 * with progress) and stores these rows beside it — sealed with the store's key,
 * as the records are — so later starts read them in one go. A customer's history (holdings, transactions, contacts, cases) is
 * generated into the store the first time the customer is opened.
 */
import { deleteDB, openDB, type IDBPDatabase } from "idb";
import {
  buildCustomerView,
  computeAum,
  type Customer,
  type CustomerView,
  type Holding,
  type RelationshipGroup,
} from "@bankcrm/core";
import {
  DEMO_AS_OF,
  demoLedgerFor,
  demoPricesFor,
  generateCustomerHistory,
  generateDemoCustomers,
  generateStaff,
  householdName,
} from "@bankcrm/core/demo";
import type { CrmStore, IndexedDbStore, ServerCustomerMetrics } from "@bankcrm/data";

export interface BookRow extends CustomerView {
  name: string;
  idNumber: string;
  mobile?: string;
  /** Server mode: from the server's metrics job (`GET /metrics`). */
  tierEarned?: string;
  churnReasons?: string[];
  /** Server mode: the lists' reasons with their figures (money only for financial roles) and the alert's day. */
  goldReasons?: ServerCustomerMetrics["goldReasons"];
  churnAlertAt?: string;
  churnAlertReasons?: ServerCustomerMetrics["churnAlertReasons"];
}

const CHUNK = 1000;
const NOW = new Date(`${DEMO_AS_OF}T12:00:00+08:00`);

export function rowOf(customer: Customer, holdings?: readonly Holding[]): BookRow {
  const view = buildCustomerView(customer, { ...(holdings ? { holdings } : {}), now: NOW });
  return {
    ...view,
    name: customer.name,
    idNumber: customer.kind === "individual" ? customer.idDocument.number : customer.uscc,
    ...(customer.contact.mobile ? { mobile: customer.contact.mobile } : {}),
  };
}

/**
 * Chunks of rows, sealed with the store's key (the rows carry names, ID numbers
 * and mobiles for the list's search), and the book's value metrics (value-book.ts).
 */
export type RowsDb = IDBPDatabase<{ chunks: { key: number; value: unknown }; values: { key: string; value: unknown } }>;

export function openRows(name: string): Promise<RowsDb> {
  return openDB(`${name}-rows`, 2, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) db.createObjectStore("chunks");
      if (oldVersion < 2) db.createObjectStore("values");
    },
  }) as unknown as Promise<RowsDb>;
}

/**
 * Opens the book, generating what is missing: `onProgress(done, total)` while
 * generating. Returns every row, in customer-number order.
 */
export async function openDemoBook(
  store: IndexedDbStore,
  options: { name: string; seed: string; total: number; onProgress: (done: number, total: number) => void },
): Promise<BookRow[]> {
  const db = await openRows(options.name);
  try {
    const chunks = new Map<number, BookRow[]>();
    let cursor = await db.transaction("chunks").store.openCursor();
    const sealed: [number, unknown][] = [];
    while (cursor) {
      sealed.push([cursor.key, cursor.value]);
      cursor = await cursor.continue();
    }
    // Opened after the cursor's transaction: decrypting is not an IndexedDB request and would let it end early.
    for (const [key, value] of sealed) chunks.set(key, await store.open<BookRow[]>(value));
    const missing: number[] = [];
    for (let start = 0; start < options.total; start += CHUNK) if (!chunks.has(start)) missing.push(start);
    let done = options.total - missing.length * CHUNK;
    if (missing.length > 0) options.onProgress(Math.max(0, done), options.total);
    for (const start of missing) {
      const count = Math.min(CHUNK, options.total - start);
      const customers = generateDemoCustomers({ seed: options.seed, start, count });
      await store.importCustomers(customers);
      await store.put("relationshipGroups", demoGroups(customers));
      const rows = customers.map((c) =>
        rowOf(c, generateCustomerHistory(c, { seed: options.seed, asOf: DEMO_AS_OF, detail: "holdings" }).holdings),
      );
      // After the customers: a chunk's rows mean its customers are stored. Sealed: nothing personal in the clear on disk.
      await db.put("chunks", await store.seal(rows), start);
      chunks.set(start, rows);
      done = Math.min(options.total, done + CHUNK);
      options.onProgress(done, options.total);
    }
    return [...chunks.keys()]
      .filter((k) => k < options.total)
      .sort((a, b) => a - b)
      .flatMap((k) => chunks.get(k)!);
  } finally {
    db.close();
  }
}

/**
 * The demo's households and SME groups, from a chunk of customers: married
 * people of opposite gender at the same branch, one after the other, make a
 * household; a company and the person before it at its branch, its actual
 * controller (the SME owner and their company). Deterministic from the book.
 */
export function demoGroups(customers: readonly Customer[]): RelationshipGroup[] {
  const groups: RelationshipGroup[] = [];
  const waiting = new Map<string, Customer>();
  const lastPerson = new Map<string, Customer>();
  const grouped = new Set<string>();
  for (const c of customers) {
    if (c.kind === "individual") {
      lastPerson.set(c.branchId, c);
      if (c.maritalStatus !== "married") continue;
      const other = waiting.get(c.branchId);
      if (other?.kind === "individual" && other.gender !== c.gender) {
        waiting.delete(c.branchId);
        grouped.add(other.id).add(c.id);
        groups.push({
          id: `HH-${other.id}`,
          kind: "household",
          name: householdName(other.name),
          members: [
            { customerId: other.id, role: "head" },
            { customerId: c.id, role: "spouse" },
          ],
        });
      } else waiting.set(c.branchId, c);
    } else {
      const owner = lastPerson.get(c.branchId);
      if (!owner || grouped.has(owner.id)) continue;
      grouped.add(owner.id);
      groups.push({
        id: `CG-${c.id}`,
        kind: "corporate_group",
        name: c.name,
        members: [
          { customerId: c.id, role: "parent_company" },
          { customerId: owner.id, role: "actual_controller" },
        ],
      });
    }
  }
  return groups;
}

export async function deleteDemoBook(name: string): Promise<void> {
  await deleteDB(`${name}-rows`);
}

/**
 * Puts a demo customer's history into the store the first time they are
 * opened (deterministic from the seed). Opportunities, leads and tasks come
 * from the sales book (sales-book.ts), not from here: opening a customer must
 * never overwrite an opportunity someone has moved.
 */
export async function ensureHistory(store: CrmStore, customer: Customer, seed: string): Promise<void> {
  if ((await store.holdings(customer.id)).length > 0) return;
  const h = generateCustomerHistory(customer, { seed, asOf: DEMO_AS_OF });
  await store.put("transactions", h.transactions);
  await store.put("interactions", h.interactions);
  await store.put("serviceCases", h.serviceCases);
  await store.put("loyaltyEntries", demoLedgerFor(customer, h, seed, DEMO_AS_OF));
  await store.put("preferentialPrices", demoPricesFor(customer, generateStaff(seed).all, seed, DEMO_AS_OF));
  await store.put("holdings", h.holdings); // last: holdings present means the history is complete
}

/** AUM in fen of a customer's open holdings (for the 360 view's figures). */
export const aumOf = (holdings: readonly Holding[]) => computeAum(holdings.filter((h) => h.status !== "closed")).total;

/**
 * The list after a customer's change from the server's feed: the row as it now is (the server's value figures on it
 * stay — a customer's own change does not move them), a new row, or the row gone when the customer left the scope.
 */
export function rowsAfterChange(
  rows: BookRow[],
  change: { change: "put" | "enter" | "leave"; id: string; record?: Record<string, unknown> },
): BookRow[] {
  if (change.change === "leave") return rows.filter((r) => r.id !== change.id);
  if (!change.record) return rows;
  const row = rowOf(change.record as unknown as Customer);
  const at = rows.findIndex((r) => r.id === change.id);
  return at >= 0 ? rows.map((r, i) => (i === at ? { ...r, ...row } : r)) : [...rows, row];
}
