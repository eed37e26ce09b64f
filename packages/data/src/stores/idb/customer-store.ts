/**
 * The embedded store: customers in the browser's IndexedDB through idb. This is
 * the first slice of the store — customers, validated at the boundary, with the
 * indexes the workstation's list needs and an all-or-nothing bulk import that
 * reports progress. Holdings, timelines and the outbox grow on it.
 */
import { deleteDB, openDB, type DBSchema, type IDBPDatabase } from "idb";
import { CustomerSchema, validate, type Customer, type FieldError, type Locale, type Tier } from "@bankcrm/core";
import { BankcrmStoreError, toStoreError } from "../../errors/store-error.js";

interface CrmDb extends DBSchema {
  customers: {
    key: string;
    value: Customer;
    indexes: { byTier: string; byBranch: string; byRelationshipManager: string; byStatus: string; byName: string };
  };
}

export const SCHEMA_VERSION = 1;

export interface IndexedDbStoreOptions {
  /** Database name. Default "bankcrm". */
  name?: string;
  /** Locale of the validation messages in rejected-record reports. Default "zh-CN". */
  locale?: Locale;
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

export interface ListOptions {
  tier?: Tier;
  branchId?: string;
  limit?: number;
  /** The id of the last customer of the previous page. */
  after?: string;
}

export interface CustomerStore {
  readonly name: string;
  get(id: string): Promise<Customer | undefined>;
  count(filter?: Pick<ListOptions, "tier" | "branchId">): Promise<number>;
  list(options?: ListOptions): Promise<Customer[]>;
  /**
   * Validates every record, then writes all valid ones in one transaction:
   * either all of them are stored or (on quota, abort) none. Invalid records are
   * reported in `rejected`, never written.
   */
  importCustomers(
    records: readonly unknown[],
    options?: { onProgress?: (done: number, total: number) => void; batchSize?: number },
  ): Promise<ImportResult>;
  clear(): Promise<void>;
  close(): void;
  /** Closes and deletes the database (logout, reset). */
  destroy(): Promise<void>;
}

export async function createIndexedDbStore(options: IndexedDbStoreOptions = {}): Promise<CustomerStore> {
  const name = options.name ?? "bankcrm";
  const locale = options.locale ?? "zh-CN";
  if (typeof indexedDB === "undefined") throw new BankcrmStoreError("unavailable", "IndexedDB is not available here");
  const open = () =>
    openDB<CrmDb>(name, SCHEMA_VERSION, {
      upgrade(db, oldVersion) {
        if (oldVersion < 1) {
          const customers = db.createObjectStore("customers", { keyPath: "id" });
          customers.createIndex("byTier", ["tier", "id"]);
          customers.createIndex("byBranch", ["branchId", "id"]);
          customers.createIndex("byRelationshipManager", ["relationshipManagerId", "id"]);
          customers.createIndex("byStatus", ["status", "id"]);
          customers.createIndex("byName", "name");
        }
      },
      blocked() {
        /* an older connection in another tab; it is asked to close by versionchange */
      },
    });
  let db: IDBPDatabase<CrmDb>;
  try {
    db = await open();
  } catch (error) {
    throw toStoreError(error);
  }
  db.addEventListener("versionchange", () => db.close());

  const rangeFor = (filter: Pick<ListOptions, "tier" | "branchId">, after?: string) => {
    const [index, value] =
      filter.tier !== undefined
        ? (["byTier", filter.tier] as const)
        : filter.branchId !== undefined
          ? (["byBranch", filter.branchId] as const)
          : ([undefined, undefined] as const);
    if (index === undefined)
      return { index, range: after !== undefined ? IDBKeyRange.lowerBound(after, true) : undefined };
    return { index, range: IDBKeyRange.bound([value, after ?? ""], [value, "\uffff"], after !== undefined, false) };
  };

  return {
    name,
    async get(id) {
      return db.get("customers", id);
    },
    async count(filter = {}) {
      const { index, range } = rangeFor(filter);
      return index ? db.countFromIndex("customers", index, range) : db.count("customers");
    },
    async list(opts = {}) {
      const limit = Math.max(1, Math.min(1000, opts.limit ?? 50));
      const { index, range } = rangeFor(opts, opts.after);
      return index ? db.getAllFromIndex("customers", index, range, limit) : db.getAll("customers", range, limit);
    },
    async importCustomers(records, importOptions = {}) {
      const rejected: RejectedRecord[] = [];
      const valid: Customer[] = [];
      records.forEach((record, index) => {
        const result = validate(CustomerSchema, record, locale);
        if (result.success) valid.push(result.data);
        else {
          const id = (record as { id?: unknown } | null)?.id;
          rejected.push({ index, ...(typeof id === "string" ? { id } : {}), errors: result.errors });
        }
      });
      const batch = importOptions.batchSize ?? 1000;
      try {
        const tx = db.transaction("customers", "readwrite", { durability: "strict" });
        const store = tx.objectStore("customers");
        for (let i = 0; i < valid.length; i += batch) {
          const end = Math.min(valid.length, i + batch);
          const puts: Promise<unknown>[] = [];
          for (let j = i; j < end; j++) puts.push(store.put(valid[j]!));
          await Promise.all(puts);
          importOptions.onProgress?.(end, valid.length);
        }
        await tx.done;
      } catch (error) {
        throw toStoreError(error);
      }
      return { written: valid.length, rejected };
    },
    async clear() {
      await db.clear("customers");
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
}
