/**
 * The embedded default store: everything in the browser's IndexedDB through
 * idb. Indexes serve the common queries (customers by tier, branch,
 * relationship manager, status, name and natural key; each customer's records
 * by [customerId, time] for the timeline). Writes validate at the boundary
 * and land all-or-nothing; storage failures come back as typed errors.
 */
import { forgetting } from "./forget.js";
import { deleteDB, openDB, type IDBPDatabase, type IDBPTransaction } from "idb";
import { COLLECTION_NAMES, DAY_MS, validate, type FieldError, type Locale } from "@bankcrm/core";
import { timelineAt } from "@bankcrm/core/collections";
import { filterIndex, listCustomers, readRecords, readTimeline, type Rows } from "./queries.js";
import { keepsTimelineAt, SCHEMA_VERSION, upgrade, type CrmDb } from "./schema.js";
import { localAuditLog, type LocalAuditLog } from "./audit-log.js";
import { idbMergeLog } from "./merge-log.js";
import type { MergeLog } from "../merge-log.js";
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
  etagOfVersion,
  collectionSchemas,
  versionMatches,
  type CollectionName,
  type CollectionRecords,
  type CrmStore,
  type CustomerQuery,
} from "../store.js";

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
  /**
   * The device's audit trail, for embedded mode where no server keeps one: every reveal in order, complete, sealed,
   * hash-chained (`verify()`). Give the client `onAudit: (e) => store.audit.append(e)`.
   */
  readonly audit: LocalAuditLog;
  /** Entity resolution on this device: merges kept whole for an unmerge, pairs kept apart (merge-log.ts). */
  readonly mergeLog: MergeLog;
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

export async function createIndexedDbStore(options: IndexedDbStoreOptions = {}): Promise<IndexedDbStore> {
  const name = options.name ?? "bankcrm";
  const locale = options.locale ?? "zh-CN";
  if (typeof indexedDB === "undefined") throw new BankcrmStoreError("unavailable", "IndexedDB is not available here");
  let db: IDBPDatabase<CrmDb>;
  let blockedTimer: ReturnType<typeof setTimeout> | undefined;
  let gaveUp = false;
  try {
    const opening = openDB<CrmDb>(name, SCHEMA_VERSION, {
      upgrade: (database, _oldVersion, _newVersion, tx) => upgrade(database, tx),
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
    codec.decode(collection, keepsTimelineAt(collection) ? stripIndexFields(row) : row);
  const decodeAll = <C extends CollectionName>(collection: C, rows: readonly unknown[]) =>
    Promise.all(rows.map((r) => decode(collection, r)));
  /** A record as a stored row: encoded (encrypted), with the fields its indexes need. */
  const encode = async <C extends CollectionName>(collection: C, record: CollectionRecords[C]) => {
    const row = await codec.encode(collection, record);
    return keepsTimelineAt(collection) ? { ...row, timelineAt: timelineAt(collection, record) } : row;
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
  const { forgetCustomer, forget } = forgetting(db);
  const purgeStale = async (days: number): Promise<number> => {
    const cutoff = now() - days * DAY_MS;
    const opened = new Map((await db.getAll("opened")).map((o) => [o.id, o.at]));
    const ids = await db.getAllKeys("customers");
    // Customers stored before retention was set start counting now.
    await touch(ids.filter((id) => !opened.has(id)));
    const stale = ids.filter((id) => (opened.get(id) ?? Infinity) < cutoff);
    for (const id of stale) await forgetCustomer(id);
    return stale.length;
  };
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

  const rows: Rows = { db, decode, decodeAll };
  const seal = (value: unknown) => (sealingKey ? sealJson(sealingKey, value) : Promise.resolve(value));
  const open = async <T>(stored: unknown) =>
    (sealingKey && isSealed(stored) ? await openJson<T>(sealingKey, stored) : stored) as T;
  const store: IndexedDbStore = {
    kind: "indexeddb",
    name,
    encrypted: sealingKey !== undefined,
    seal,
    open,
    audit: localAuditLog(db, seal, open),
    mergeLog: idbMergeLog(db, { encode, decode, seal, open }),
    async getCustomer(id) {
      const c = await db.get("customers", id);
      if (c) await touch([id]);
      return c && decode("customers", c);
    },
    purgeStale,
    forget,
    async findCustomerByNaturalKey(key) {
      const c = await db.getFromIndex("customers", "byNaturalKey", await codec.naturalKey(key));
      return c && decode("customers", c);
    },
    async count(filter = {}) {
      const index = filterIndex(filter);
      if (!index) return db.count("customers");
      return db.countFromIndex("customers", index[0], IDBKeyRange.bound([index[1], ""], [index[1], "\uffff"]));
    },
    async holdings(customerId) {
      const rows = await decodeAll("holdings", await db.getAllFromIndex("holdings", "byCustomer", customerId));
      return rows.sort((a, b) => (a.id < b.id ? -1 : 1));
    },
    listCustomers: (query) => listCustomers(rows, query),
    timeline: (customerId, query) => readTimeline(rows, customerId, query),
    records: (collection, query) => readRecords(rows, collection, query),
    async record(collection, id) {
      const r = await db.get(collection, id);
      return r === undefined ? undefined : decode(collection, r);
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
