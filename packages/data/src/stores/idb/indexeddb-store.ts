/**
 * The embedded default store: everything in the browser's IndexedDB through
 * idb. Indexes serve the common queries (customers by tier, branch,
 * relationship manager, status, name and natural key; each customer's records
 * by [customerId, time] for the timeline). Writes validate at the boundary
 * and land all-or-nothing; storage failures come back as typed errors.
 */
import {
  deleteDB,
  openDB,
  unwrap,
  type DBSchema,
  type IDBPDatabase,
  type IDBPObjectStore,
  type IDBPTransaction,
  type StoreNames,
} from "idb";
import {
  collections,
  COLLECTION_NAMES,
  DAY_MS,
  matchesCustomerSearch,
  timelineAt,
  validate,
  type Customer,
  type FieldError,
  type Locale,
} from "@bankcrm/core";
import { BankcrmConflictError } from "../../errors/http-errors.js";
import { BankcrmStoreError, toStoreError } from "../../errors/store-error.js";
import {
  generateSealingKeys,
  isSealed,
  openJson,
  plainCodec,
  sealJson,
  sealingCodec,
  type Codec,
  type SealingKeys,
} from "./codec.js";
import {
  belongsTo,
  clampLimit,
  etagOfVersion,
  pageById,
  pageLeads,
  TIMELINE_COLLECTIONS,
  collectionSchemas,
  naturalKeyOf,
  timelineKey,
  versionMatches,
  type CollectionName,
  type CollectionRecords,
  type CrmStore,
  type CustomerQuery,
  type Page,
  type TimelineEntry,
} from "../store.js";

type StoredCustomer = Customer & { naturalKey: string };

interface CrmDb extends DBSchema {
  customers: {
    key: string;
    value: StoredCustomer;
    indexes: {
      byTier: [string, string];
      byBranch: [string, string];
      byRelationshipManager: [string, string];
      byStatus: [string, string];
      byNaturalKey: string;
    };
  };
  holdings: { key: string; value: CollectionRecords["holdings"]; indexes: { byCustomer: string } };
  transactions: {
    key: string;
    value: CollectionRecords["transactions"];
    indexes: { byCustomerTime: [string, string] };
  };
  interactions: {
    key: string;
    value: CollectionRecords["interactions"];
    indexes: { byCustomerTime: [string, string] };
  };
  serviceCases: {
    key: string;
    value: CollectionRecords["serviceCases"];
    indexes: { byCustomerTime: [string, string]; byTimeline: [string, string] };
  };
  campaignResponses: {
    key: string;
    value: CollectionRecords["campaignResponses"];
    indexes: { byCustomerTime: [string, string] };
  };
  leads: {
    key: string;
    value: CollectionRecords["leads"];
    indexes: { byCustomer: string; byCreated: string; byTimeline: [string, string] };
  };
  keys: { key: string; value: { name: string; aes: CryptoKey; hmac: CryptoKey } };
  opportunities: {
    key: string;
    value: CollectionRecords["opportunities"];
    indexes: { byCustomer: string; byTimeline: [string, string] };
  };
  campaigns: { key: string; value: CollectionRecords["campaigns"] };
  tasks: { key: string; value: CollectionRecords["tasks"]; indexes: { byCustomer: string } };
  relationshipGroups: { key: string; value: CollectionRecords["relationshipGroups"] };
  customerChanges: {
    key: string;
    value: CollectionRecords["customerChanges"];
    indexes: { byCustomerTime: [string, string] };
  };
  /** When each customer was last opened (or stored): what a retention period counts from. */
  opened: { key: string; value: { id: string; at: number } };
}

/**
 * Version 1 held customers only; version 2 adds every other collection and the
 * natural-key index; version 3 drops the name index, which no query used
 * (search scans), so every customer write costs one index less; version 4
 * adds the store for encryption keys; version 5 adds opportunities, campaigns,
 * tasks and relationship groups; version 6 adds customer changes and a
 * timeline index on cases, leads and opportunities by their latest activity
 * (`timelineAt`, kept beside the record), so a resolved case or a moved
 * opportunity comes to the top of the customer's timeline; version 7 keeps when
 * each customer was last opened, for the retention period.
 */
export const SCHEMA_VERSION = 7;

/** Collections whose timeline time is their latest activity, indexed by the stored `timelineAt`. */
const ACTIVITY_TIMELINE = ["serviceCases", "leads", "opportunities"] as const;
type ActivityCollection = (typeof ACTIVITY_TIMELINE)[number];
const isActivityTimeline = (c: CollectionName): c is ActivityCollection =>
  (ACTIVITY_TIMELINE as readonly string[]).includes(c);

/** The index that finds a customer's records, for each collection that hangs off a customer. */
const CUSTOMER_INDEX = {
  holdings: "byCustomer",
  leads: "byCustomer",
  opportunities: "byCustomer",
  tasks: "byCustomer",
  transactions: "byCustomerTime",
  interactions: "byCustomerTime",
  serviceCases: "byCustomerTime",
  campaignResponses: "byCustomerTime",
  customerChanges: "byCustomerTime",
} as const satisfies Partial<Record<CollectionName, "byCustomer" | "byCustomerTime">>;

export interface IndexedDbStoreOptions {
  /** Database name. Default "bankcrm". */
  name?: string;
  /**
   * Encrypt C2 fields at rest (AES-GCM, see codec.ts). On by default: non-extractable
   * keys are generated on first use and kept in this database (deleted with it on
   * logout); or pass keys of your own, e.g. wrapped by a key the host's server gives
   * at sign-in (docs/security/at-rest.md). `false` stores records in the clear — for
   * tests and demos that need to read the raw database, never for personal data.
   */
  encryption?: boolean | SealingKeys;
  /** Locale of the validation messages in rejected-record reports. Default "zh-CN". */
  locale?: Locale;
  /**
   * Purge customers (with all their records) not opened for this many days, when
   * the store opens: for a cache, so a branch PC does not keep every customer it
   * ever showed. Opening counts from `getCustomer`, and from being stored.
   */
  retentionDays?: number;
  /** The clock retention counts with (tests). Default `Date.now`. */
  now?: () => number;
  /**
   * How long to wait for another tab holding an older version open before an
   * upgrade fails with a `BankcrmStoreError` of kind `blocked`. Default 10,000 ms.
   */
  blockedTimeoutMs?: number;
}

export interface RejectedRecord {
  index: number;
  id?: string;
  errors: FieldError[];
}

export interface ImportResult {
  written: number;
  rejected: RejectedRecord[];
}

export interface IndexedDbStore extends CrmStore {
  readonly name: string;
  /**
   * Deletes customers not opened (nor stored) for `days` days, with every record
   * of theirs; resolves with how many. Runs by itself on open with `retentionDays`.
   */
  purgeStale(days: number): Promise<number>;
  /** Whether records are encrypted at rest (the default). */
  readonly encrypted: boolean;
  /**
   * Seals a value of the host's own (a cache beside the store: the workstation's
   * row cache) with the store's key: AES-GCM, so it is as unreadable on disk as
   * the records. Without encryption it is returned as it is.
   */
  seal(value: unknown): Promise<unknown>;
  /** Opens what `seal` sealed (a value stored before encryption comes back as it is). */
  open<T>(stored: unknown): Promise<T>;
  count(filter?: Pick<CustomerQuery, "tier" | "branchId">): Promise<number>;
  /**
   * Validates every customer, then writes the valid ones in one transaction:
   * all of them or (on quota, abort) none. Invalid records are reported, never written.
   */
  importCustomers(
    records: readonly unknown[],
    options?: { onProgress?: (done: number, total: number) => void; batchSize?: number },
  ): Promise<ImportResult>;
  /** The same for any collection: a customer's holdings, transactions, interactions… */
  importRecords(
    collection: CollectionName,
    records: readonly unknown[],
    options?: { onProgress?: (done: number, total: number) => void; batchSize?: number },
  ): Promise<ImportResult>;
}

function upgrade(
  db: IDBPDatabase<CrmDb>,
  oldVersion: number,
  tx: IDBPTransaction<CrmDb, StoreNames<CrmDb>[], "versionchange">,
): void {
  if (oldVersion < 1) {
    const customers = db.createObjectStore("customers", { keyPath: "id" });
    customers.createIndex("byTier", ["tier", "id"]);
    customers.createIndex("byBranch", ["branchId", "id"]);
    customers.createIndex("byRelationshipManager", ["relationshipManagerId", "id"]);
    customers.createIndex("byStatus", ["status", "id"]);
  }
  if (oldVersion < 2) {
    const customers = tx.objectStore("customers");
    customers.createIndex("byNaturalKey", "naturalKey");
    // Customers stored by version 1 get their natural key; the upgrade completes only when this has.
    void (async () => {
      let cursor = await customers.openCursor();
      while (cursor) {
        await cursor.update({ ...cursor.value, naturalKey: naturalKeyOf(cursor.value) });
        cursor = await cursor.continue();
      }
    })();
    db.createObjectStore("holdings", { keyPath: "id" }).createIndex("byCustomer", "customerId");
    for (const name of ["transactions", "interactions", "serviceCases", "campaignResponses"] as const) {
      db.createObjectStore(name, { keyPath: "id" }).createIndex("byCustomerTime", [
        "customerId",
        collections[name].timeField,
      ]);
    }
    const leads = db.createObjectStore("leads", { keyPath: "id" });
    leads.createIndex("byCustomer", "customerId");
    leads.createIndex("byCreated", "createdAt");
  }
  if (oldVersion >= 1 && oldVersion < 3)
    (tx.objectStore("customers") as unknown as IDBObjectStore).deleteIndex("byName");
  if (oldVersion < 4) db.createObjectStore("keys", { keyPath: "name" });
  if (oldVersion < 5) {
    db.createObjectStore("opportunities", { keyPath: "id" }).createIndex("byCustomer", "customerId");
    db.createObjectStore("campaigns", { keyPath: "id" });
    db.createObjectStore("tasks", { keyPath: "id" }).createIndex("byCustomer", "customerId");
    db.createObjectStore("relationshipGroups", { keyPath: "id" });
  }
  if (oldVersion < 6) {
    db.createObjectStore("customerChanges", { keyPath: "id" }).createIndex("byCustomerTime", ["customerId", "at"]);
    for (const name of ACTIVITY_TIMELINE) {
      const store = tx.objectStore(name);
      store.createIndex("byTimeline", ["customerId", "timelineAt"]);
      // Records stored before get their timeline time; the upgrade completes only when this has.
      void (async () => {
        let cursor = await store.openCursor();
        while (cursor) {
          await cursor.update({ ...cursor.value, timelineAt: timelineAt(name, cursor.value) } as never);
          cursor = await cursor.continue();
        }
      })();
    }
  }
  if (oldVersion < 7) db.createObjectStore("opened", { keyPath: "id" });
}

export async function createIndexedDbStore(options: IndexedDbStoreOptions = {}): Promise<IndexedDbStore> {
  const name = options.name ?? "bankcrm";
  const locale = options.locale ?? "zh-CN";
  if (typeof indexedDB === "undefined") throw new BankcrmStoreError("unavailable", "IndexedDB is not available here");
  let db: IDBPDatabase<CrmDb>;
  let blockedTimer: ReturnType<typeof setTimeout> | undefined;
  let gaveUp = false;
  try {
    const opening = openDB<CrmDb>(name, SCHEMA_VERSION, {
      upgrade: (database, oldVersion, _newVersion, tx) => upgrade(database, oldVersion, tx),
      blocked() {
        // An older connection (another tab) must close before the upgrade; ours close themselves on
        // versionchange, but a tab running older code may not: give up after a while, typed.
        blockedTimer ??= setTimeout(() => {
          gaveUp = true;
          rejectBlocked(
            new BankcrmStoreError(
              "blocked",
              "another tab keeps an older version of this database open; close it (or reload it) and try again",
            ),
          );
        }, options.blockedTimeoutMs ?? 10_000);
      },
    });
    let rejectBlocked: (error: BankcrmStoreError) => void = () => undefined;
    const blocked = new Promise<never>((_, reject) => (rejectBlocked = reject));
    // If the upgrade goes through after we gave up, close that late connection.
    void opening.then(
      (late) => gaveUp && late.close(),
      () => undefined,
    );
    db = await Promise.race([opening, blocked]);
  } catch (error) {
    throw toStoreError(error);
  } finally {
    clearTimeout(blockedTimer);
  }
  db.addEventListener("versionchange", () => db.close());

  let codec: Codec = plainCodec;
  let sealingKey: CryptoKey | undefined;
  const encryption = options.encryption ?? true;
  let sealExisting = false;
  if (encryption) {
    let keys: SealingKeys | undefined = encryption === true ? await db.get("keys", "default") : encryption;
    if (!keys) {
      keys = await generateSealingKeys();
      await db.put("keys", { name: "default", ...keys });
      sealExisting = true; // a database from before encryption: its records are sealed below
    }
    codec = sealingCodec(keys);
    sealingKey = keys.aes;
  }
  /** A stored row without the fields kept only for indexes (the natural key is the codec's). */
  const stripIndexFields = (row: unknown) => {
    const { timelineAt: _at, ...rest } = row as Record<string, unknown>;
    return rest;
  };
  /** A stored row as a record: decoded (decrypted), without the fields kept only for indexes. */
  const decode = <C extends CollectionName>(collection: C, row: unknown) =>
    codec.decode(collection, isActivityTimeline(collection) ? stripIndexFields(row) : row);
  const decodeAll = <C extends CollectionName>(collection: C, rows: readonly unknown[]) =>
    Promise.all(rows.map((r) => decode(collection, r)));
  /** A record as a stored row: encoded (encrypted), with the fields its indexes need. */
  const encode = async <C extends CollectionName>(collection: C, record: CollectionRecords[C]) => {
    const row = await codec.encode(collection, record);
    return isActivityTimeline(collection) ? { ...row, timelineAt: timelineAt(collection, record) } : row;
  };

  const write = async <C extends CollectionName>(
    collection: C,
    records: readonly CollectionRecords[C][],
    onProgress?: (done: number) => void,
    batch = 1000,
  ) => {
    // Encode (and encrypt) before the transaction: awaiting anything else would let it commit early.
    const encoded = await Promise.all(records.map((record) => encode(collection, record)));
    let tx: IDBPTransaction<CrmDb, [C], "readwrite"> | undefined;
    let puts: Promise<unknown>[] = [];
    try {
      tx = db.transaction(collection, "readwrite", { durability: "strict" });
      const store = tx.objectStore(collection);
      for (let i = 0; i < records.length; i += batch) {
        const end = Math.min(records.length, i + batch);
        puts = [];
        for (let j = i; j < end; j++) {
          puts.push(store.put(encoded[j] as never));
        }
        await Promise.all(puts);
        onProgress?.(end);
      }
      await tx.done;
      if (collection === "customers") await touch(records.map((r) => (r as { id: string }).id));
    } catch (error) {
      // A put can throw before the transaction fails by itself (e.g. a value IndexedDB
      // cannot clone): abort, so the records already put are not committed.
      try {
        tx?.abort();
      } catch {
        /* already finished */
      }
      // The puts already queued fail with the abort: settle them so none goes unhandled.
      await Promise.allSettled([...puts, tx?.done]);
      throw toStoreError(error);
    }
  };

  // Retention: when each customer was last opened or stored, and the purge of those past the period.
  const now = options.now ?? Date.now;
  const retention = options.retentionDays;
  const touch = async (ids: readonly string[]) => {
    if (retention === undefined || ids.length === 0) return;
    const at = now();
    const tx = db.transaction("opened", "readwrite");
    for (const id of ids) void tx.store.put({ id, at });
    await tx.done;
  };
  const purgeStale = async (days: number): Promise<number> => {
    const cutoff = now() - days * DAY_MS;
    const opened = new Map((await db.getAll("opened")).map((o) => [o.id, o.at]));
    const ids = await db.getAllKeys("customers");
    // Customers stored before retention was set start counting now.
    await touch(ids.filter((id) => !opened.has(id)));
    const stale = ids.filter((id) => (opened.get(id) ?? Infinity) < cutoff);
    for (const id of stale) {
      const stores = ["customers", "opened", ...Object.keys(CUSTOMER_INDEX)] as const;
      const tx = db.transaction(stores as unknown as StoreNames<CrmDb>[], "readwrite");
      const done: Promise<unknown>[] = [tx.objectStore("customers").delete(id), tx.objectStore("opened").delete(id)];
      for (const [collection, index] of Object.entries(CUSTOMER_INDEX)) {
        const range = index === "byCustomer" ? IDBKeyRange.only(id) : IDBKeyRange.bound([id, ""], [id, "\uffff"]);
        const store = tx.objectStore(collection as never) as unknown as {
          index(name: string): { getAllKeys(range: IDBKeyRange): Promise<IDBValidKey[]> };
          delete(key: IDBValidKey): Promise<void>;
        };
        for (const key of await store.index(index).getAllKeys(range)) done.push(store.delete(key));
      }
      await Promise.all(done);
      await tx.done;
    }
    return stale.length;
  };

  const customerIndex = (q: Pick<CustomerQuery, "tier" | "branchId" | "relationshipManagerId" | "status">) =>
    q.tier !== undefined
      ? (["byTier", q.tier] as const)
      : q.branchId !== undefined
        ? (["byBranch", q.branchId] as const)
        : q.relationshipManagerId !== undefined
          ? (["byRelationshipManager", q.relationshipManagerId] as const)
          : q.status !== undefined
            ? (["byStatus", q.status] as const)
            : undefined;

  // Turning encryption on for a database written in the clear: every record is re-stored sealed (with its
  // blind index), collection by collection, so nothing stays readable and exact look-ups keep working.
  if (sealExisting) {
    for (const collection of COLLECTION_NAMES) {
      const rows = await db.getAll(collection);
      const clear = rows.filter((row) => !(row as { sealed?: unknown }).sealed);
      if (clear.length === 0) continue;
      const records = await Promise.all(clear.map((row) => plainCodec.decode(collection, stripIndexFields(row))));
      await write(collection, records as never);
    }
  }

  if (retention !== undefined) await purgeStale(retention);

  const store: IndexedDbStore = {
    kind: "indexeddb",
    name,
    encrypted: sealingKey !== undefined,
    seal: (value) => (sealingKey ? sealJson(sealingKey, value) : Promise.resolve(value)),
    open: async <T>(stored: unknown) =>
      (sealingKey && isSealed(stored) ? await openJson<T>(sealingKey, stored) : stored) as T,
    async getCustomer(id) {
      const c = await db.get("customers", id);
      if (c) await touch([id]);
      return c && decode("customers", c);
    },
    purgeStale,
    async findCustomerByNaturalKey(key) {
      const c = await db.getFromIndex("customers", "byNaturalKey", await codec.naturalKey(key));
      return c && decode("customers", c);
    },
    async count(filter = {}) {
      const index = customerIndex(filter);
      if (!index) return db.count("customers");
      return db.countFromIndex("customers", index[0], IDBKeyRange.bound([index[1], ""], [index[1], "\uffff"]));
    },
    async listCustomers(query): Promise<Page<Customer>> {
      const limit = clampLimit(query.limit);
      const index = customerIndex(query);
      const after = query.after;
      const range = index
        ? IDBKeyRange.bound([index[1], after ?? ""], [index[1], "\uffff"], after !== undefined, false)
        : after !== undefined
          ? IDBKeyRange.lowerBound(after, true)
          : undefined;
      const simple =
        query.search === undefined &&
        [query.tier, query.branchId, query.relationshipManagerId, query.status].filter((v) => v !== undefined).length <=
          1;
      if (simple) {
        // One index answers the query: read exactly one page (and one more to know if there is a next).
        const rows = index
          ? await db.getAllFromIndex("customers", index[0], range, limit + 1)
          : await db.getAll("customers", range, limit + 1);
        const items = await decodeAll("customers", rows.slice(0, limit));
        return rows.length > limit ? { items, next: items[items.length - 1]!.id } : { items };
      }
      // Filters one index cannot answer: read the index in batches, decode (and decrypt)
      // between them — no transaction may wait on decryption — and filter here.
      const items: Customer[] = [];
      let from = after;
      for (;;) {
        const batchRange = index
          ? IDBKeyRange.bound([index[1], from ?? ""], [index[1], "\uffff"], from !== undefined, false)
          : from !== undefined
            ? IDBKeyRange.lowerBound(from, true)
            : undefined;
        const rows = index
          ? await db.getAllFromIndex("customers", index[0], batchRange, 500)
          : await db.getAll("customers", batchRange, 500);
        for (const c of await decodeAll("customers", rows)) {
          const ok =
            (query.tier === undefined || c.tier === query.tier) &&
            (query.branchId === undefined || c.branchId === query.branchId) &&
            (query.relationshipManagerId === undefined || c.relationshipManagerId === query.relationshipManagerId) &&
            (query.status === undefined || c.status === query.status) &&
            (query.search === undefined || matchesCustomerSearch(c, query.search));
          if (!ok) continue;
          if (items.length === limit) return { items, next: items[items.length - 1]!.id };
          items.push(c);
        }
        if (rows.length < 500) return { items };
        from = rows[rows.length - 1]!.id;
      }
    },
    async holdings(customerId) {
      const rows = await decodeAll("holdings", await db.getAllFromIndex("holdings", "byCustomer", customerId));
      return rows.sort((a, b) => (a.id < b.id ? -1 : 1));
    },
    async timeline(customerId, query) {
      const limit = clampLimit(query.limit);
      const after = query.after;
      const afterAt = after?.split("|")[0];
      const kinds = Object.entries(TIMELINE_COLLECTIONS).map(
        ([kind, store]) => [store, kind] as [keyof typeof CUSTOMER_INDEX & CollectionName, TimelineEntry["kind"]],
      );
      const tx = db.transaction(kinds.map(([store]) => store));
      const collected: TimelineEntry[] = [];
      await Promise.all(
        kinds.map(async ([storeName, kind]) => {
          const range = IDBKeyRange.bound([customerId, ""], [customerId, afterAt ?? "\uffff"]);
          const index = isActivityTimeline(storeName)
            ? tx.objectStore(storeName).index("byTimeline")
            : (tx.objectStore(storeName) as unknown as IDBPObjectStore<CrmDb, ["transactions"], "transactions">).index(
                "byCustomerTime",
              );
          // The order uses readable fields only (C1, kept clear when encrypted): the stored
          // timelineAt where there is one, else the record's own time.
          const toEntry = (record: TimelineEntry["record"]) =>
            ({
              kind,
              id: record.id,
              customerId,
              at: (record as { timelineAt?: string }).timelineAt ?? timelineAt(storeName, record)!,
              record,
            }) as TimelineEntry;
          const wanted = (entry: TimelineEntry) => after === undefined || timelineKey(entry) < after;
          // One more than a page from each store tells whether another page exists.
          const need = limit + 1;
          // Where the browser has getAllRecords (Chromium 141+), one request reads newest first;
          // a few extra cover entries sharing the cursor's timestamp.
          const native = unwrap(index) as IDBIndex & {
            getAllRecords?: (options: {
              query: IDBKeyRange;
              count: number;
              direction: IDBCursorDirection;
            }) => IDBRequest<{ value: TimelineEntry["record"] }[]>;
          };
          if (typeof native.getAllRecords === "function") {
            const count = need + 16;
            const request = native.getAllRecords({ query: range, count, direction: "prev" });
            const rows = await new Promise<{ value: TimelineEntry["record"] }[]>((resolve, reject) => {
              request.onsuccess = () => resolve(request.result);
              request.onerror = () =>
                reject(request.error ?? new BankcrmStoreError("aborted", "reading the timeline failed"));
            });
            const entries = rows.map((r) => toEntry(r.value)).filter(wanted);
            if (entries.length >= need || rows.length < count) {
              collected.push(...entries.slice(0, need));
              return;
            }
          }
          let cursor = await index.openCursor(range, "prev");
          let taken = 0;
          while (cursor && taken < need) {
            const entry = toEntry(cursor.value);
            if (wanted(entry)) {
              collected.push(entry);
              taken++;
            }
            cursor = await cursor.continue();
          }
        }),
      );
      collected.sort((a, b) => (timelineKey(a) < timelineKey(b) ? 1 : -1));
      const page = collected.slice(0, limit);
      // Ordering used only the readable fields; decode (decrypt) the page's records now.
      const items = await Promise.all(
        page.map(
          async (entry) =>
            ({ ...entry, record: await decode(TIMELINE_COLLECTIONS[entry.kind], entry.record) }) as TimelineEntry,
        ),
      );
      return collected.length > limit ? { items, next: timelineKey(items[items.length - 1]!) } : { items };
    },
    async leads(query) {
      const rows = await decodeAll(
        "leads",
        query.customerId !== undefined
          ? await db.getAllFromIndex("leads", "byCustomer", query.customerId)
          : await db.getAll("leads"),
      );
      return pageLeads(rows, query);
    },
    async record(collection, id) {
      const r = await db.get(collection, id);
      return r === undefined ? undefined : decode(collection, r);
    },
    async records(collection, query) {
      const limit = clampLimit(query.limit);
      const customerId = query.customerId;
      const indexName = (CUSTOMER_INDEX as Partial<Record<CollectionName, "byCustomer" | "byCustomerTime">>)[
        collection
      ];
      let rows: unknown[];
      if (customerId === undefined) {
        rows = await db.getAll(
          collection,
          query.after !== undefined ? IDBKeyRange.lowerBound(query.after, true) : undefined,
          limit + 1,
        );
      } else if (indexName === "byCustomerTime") {
        rows = await db.getAllFromIndex(
          collection as "transactions",
          "byCustomerTime",
          IDBKeyRange.bound([customerId, ""], [customerId, "\uffff"]),
        );
      } else if (indexName === "byCustomer") {
        rows = await db.getAllFromIndex(collection as "holdings", "byCustomer", customerId);
      } else {
        // Customers, campaigns and relationship groups: membership is inside the record.
        rows = await db.getAll(collection);
      }
      const decoded = (await decodeAll(collection, rows)).filter(
        (r) => customerId === undefined || belongsTo(collection, r, customerId),
      );
      return pageById(decoded, query);
    },
    async put(collection, records) {
      await write(collection, records);
    },
    async write(collection, record, { expectedVersion }) {
      // Encode (and encrypt) first: a transaction may not wait on anything but its own requests.
      const row = await encode(collection, record);
      let tx: IDBPTransaction<CrmDb, [typeof collection], "readwrite"> | undefined;
      let current: unknown;
      let conflict = false;
      try {
        tx = db.transaction(collection, "readwrite", { durability: "strict" });
        current = await tx.store.get(record.id);
        if (versionMatches(current, expectedVersion)) await tx.store.put(row as never);
        else {
          conflict = true;
          tx.abort();
        }
        await tx.done;
      } catch (error) {
        if (!conflict) throw toStoreError(error);
      }
      if (conflict) {
        const stored = current === undefined ? null : await decode(collection, current);
        throw new BankcrmConflictError(stored, etagOfVersion(stored));
      }
    },
    importCustomers(records, importOptions = {}) {
      return store.importRecords("customers", records, importOptions);
    },
    async importRecords(collection, records, importOptions = {}) {
      const rejected: RejectedRecord[] = [];
      const valid: CollectionRecords[typeof collection][] = [];
      records.forEach((record, index) => {
        const result = validate(collectionSchemas[collection], record, locale);
        if (result.success) valid.push(result.data);
        else {
          const id = (record as { id?: unknown } | null)?.id;
          rejected.push({ index, ...(typeof id === "string" ? { id } : {}), errors: result.errors });
        }
      });
      await write(collection, valid, (done) => importOptions.onProgress?.(done, valid.length), importOptions.batchSize);
      return { written: valid.length, rejected };
    },
    close() {
      db.close();
    },
    async destroy() {
      db.close();
      // Other tabs close their connections on versionchange, so a blocked delete completes.
      try {
        await deleteDB(name);
      } catch (error) {
        throw toStoreError(error);
      }
    },
  };
  return store;
}
