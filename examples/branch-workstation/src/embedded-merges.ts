/**
 * The branch manager's duplicate review, embedded: a few of the branch's customers arrive again as another source
 * system holds them (the demo's duplicates, put in the store once: a mobile one digit off, a passport instead of the
 * resident ID, a typo in the name — each with another relationship manager), the branch's customers are resolved in
 * a Web Worker with core's same code as the server's, and merges are made on this device through the client
 * (`client.resolution`: the merge log in IndexedDB, undone exactly). The book's rows follow: a merged record's row
 * goes, the golden customer's shows what it now holds.
 */
import { BankcrmInvalidArgumentError, type Customer, type IndividualCustomer } from "@bankcrm/core";
import { DEMO_AS_OF } from "@bankcrm/core/demo";
import { resolveInWorker } from "@bankcrm/core/resolution";
import type { ChangeEvent, ClientResolution, CrmClient, IndexedDbStore, Resolver } from "@bankcrm/data";
import { createModuleWorker } from "@bankcrm/elements/segment-counter.js";
import workerUrl from "./resolution-worker.ts?worker&url";
import { ensureHistory, rowOf, type BookRow } from "./book.js";
import { mergesSourceOf, type MergesSource } from "./pages/merges-page.js";
import { relationshipManagersOf } from "./users.js";

/** The demo's duplicates' ids: another system's numbering. */
const duplicateId = (n: number) => `CU9${String(n).padStart(7, "0")}`;

/** Another system's record of some of the branch's people (deterministic from the book). */
async function demoDuplicates(store: IndexedDbStore, branchId: string): Promise<Customer[]> {
  const { items } = await store.listCustomers({ branchId, limit: 60 });
  const people = items.filter(
    (c): c is IndividualCustomer =>
      c.kind === "individual" && c.idDocument.type === "resident_id" && !!c.contact.mobile,
  );
  const rms = relationshipManagersOf(branchId).map((s) => s.id);
  const again = (c: IndividualCustomer, n: number, changes: Partial<IndividualCustomer>): Customer => {
    const { version: _v, updatedAt: _u, updatedBy: _b, ...body } = c;
    return {
      ...body,
      id: duplicateId(n),
      onboardedAt: DEMO_AS_OF, // after the original: the original stays the golden record
      relationshipManagerId: rms.find((id) => id !== c.relationshipManagerId) ?? c.relationshipManagerId,
      ...changes,
    };
  };
  const passport = (c: IndividualCustomer) => ({
    type: "passport" as const,
    number: `E${c.id.slice(-8)}`,
    country: "CN",
  });
  const [a, b, d] = people;
  if (!a || !b || !d) return [];
  const typo = d.name.slice(0, -1) + (d.name.endsWith("明") ? "敏" : "明");
  return [
    again(a, 1, { contact: { ...a.contact, mobile: a.contact.mobile!.replace(/\d$/, (x) => String((+x + 3) % 10)) } }),
    again(b, 2, { idDocument: passport(b) }),
    again(d, 3, { name: typo, idDocument: passport(d) }),
  ];
}

/**
 * The book's rows with the demo's duplicates: put in the store the first time (a duplicate merged away stays away),
 * each duplicate there a row; the rows of records merged away gone, and each golden customer's row as it now is.
 */
export async function withDemoDuplicates(store: IndexedDbStore, rows: BookRow[], branchId: string) {
  const merges = await store.mergeLog.merges();
  const mergedAway = new Set(merges.filter((m) => !m.unmergedAt).map((m) => m.mergedId));
  const everMerged = new Set(merges.map((m) => m.mergedId));
  const extra: BookRow[] = [];
  for (const dup of await demoDuplicates(store, branchId)) {
    let stored = await store.record("customers", dup.id);
    if (!stored && !everMerged.has(dup.id)) await store.put("customers", [(stored = dup)]);
    // Its holdings are the store's once it has been opened (book.ts ensureHistory); until then the row has none.
    const holdings = stored && (await store.holdings(stored.id));
    if (stored) extra.push(rowOf(stored, holdings!.length > 0 ? holdings : undefined));
  }
  const kept = rows.filter((r) => !mergedAway.has(r.id) && !extra.some((e) => e.id === r.id));
  const goldens = new Set(merges.filter((m) => !m.unmergedAt).map((m) => m.goldenId));
  const out: BookRow[] = [];
  for (const row of [...kept, ...extra]) out.push(goldens.has(row.id) ? await rowNow(store, row) : row);
  return out;
}

/** A customer's row as the store now has them (the figures the row had kept), or undefined when gone. */
async function rowNow(store: IndexedDbStore, row: Pick<BookRow, "id"> & Partial<BookRow>): Promise<BookRow> {
  const customer = await store.record("customers", row.id);
  if (!customer) return row as BookRow;
  const holdings = await store.holdings(row.id);
  return { ...row, ...rowOf(customer, holdings.length > 0 ? holdings : undefined) };
}

/** The rows after a change of customers on this device (a merge, an unmerge): gone, back, or as they now are. */
export async function rowsAfterEvent(store: IndexedDbStore, rows: BookRow[], event: ChangeEvent): Promise<BookRow[]> {
  if (event.collection !== "customers" || event.origin === "remote") return rows;
  if (event.action === "removed") return rows.filter((r) => !event.ids.includes(r.id));
  let out = rows;
  for (const id of event.ids) {
    const at = out.findIndex((r) => r.id === id);
    if (at < 0 && event.action !== "created") continue;
    const row = await rowNow(store, at >= 0 ? out[at]! : { id });
    out = at >= 0 ? out.map((r, i) => (i === at ? row : r)) : [...out, row];
  }
  return out;
}

/** Resolves in a worker of its own, ended when the run is. */
const inWorker: Resolver = async (customers, options) => {
  const worker = createModuleWorker(workerUrl, { name: "resolution" });
  try {
    return await resolveInWorker(worker, customers, options);
  } finally {
    worker.terminate();
  }
};

/**
 * The review page's source embedded: the branch's customers resolved in a worker, merges made on this device —
 * through the signed-in user's client (`current`: the client changes with the user; the source, and the undo of the
 * last merge it made, stay with the device's store).
 */
export function embeddedMergesSource(
  current: () => CrmClient | undefined,
  o: { branchId: string; store: IndexedDbStore; seed: string },
): MergesSource {
  const resolution = (): ClientResolution => {
    const r = current()?.resolution;
    if (!r) throw new BankcrmInvalidArgumentError("client", "no signed-in user");
    return r;
  };
  return mergesSourceOf(
    {
      resolutionReview: (limit) =>
        resolution().resolutionReview(limit, { resolver: inWorker, scope: { branchId: o.branchId } }),
      mergeCustomers: async (ids) => {
        // The demo's histories are made when a customer is first opened: both records' before they are one.
        for (const id of ids) {
          const raw = await o.store.record("customers", id);
          if (raw) await ensureHistory(o.store, raw, o.seed);
        }
        return resolution().mergeCustomers(ids);
      },
      undoMerge: (id) => resolution().undoMerge(id),
      keepCustomersApart: (ids) => resolution().keepCustomersApart(ids),
      relationshipManagerConflicts: (limit) => resolution().relationshipManagerConflicts(limit),
    },
    async (id) => current()?.customers.get(id),
  );
}
