/**
 * A server store with a local cache for when the network is gone: reads go to
 * the remote store while online and what comes back is kept in the cache (the
 * embedded IndexedDB store, typically); offline — or when the server cannot be
 * reached — reads come from the cache. Writes go to the remote only: a write
 * that must survive being offline belongs in the outbox, not in a cache that
 * would pretend it was saved.
 */
import { isNetworkError } from "../../errors/http-errors.js";
import type { FeedChange } from "../../feed/follow-changes.js";
import {
  TIMELINE_COLLECTIONS,
  type CollectionName,
  type CollectionRecords,
  type CrmStore,
  type Page,
  type RemoteRevealer,
  type RemoteWriter,
  type TimelineEntry,
} from "../store.js";

export interface CachedStoreOptions {
  /** The bank's server (the HTTP store). */
  remote: CrmStore;
  /** Where what was read is kept for offline use (the IndexedDB store). */
  cache: CrmStore;
  /**
   * Whether to try the remote at all; default `navigator.onLine` where the runtime has it, and true where it does not
   * (Node 21+ has a `navigator` without `onLine`).
   */
  isOnline?: () => boolean;
}

export interface CachedStore extends CrmStore, Partial<RemoteWriter & RemoteRevealer> {
  /** Where the last read was answered from. */
  readonly lastSource: "remote" | "cache";
  /** Keeps records in the local cache only (a write queued in the outbox, shown on this device at once). */
  keep<C extends CollectionName>(collection: C, records: readonly CollectionRecords[C][]): Promise<void>;
  /**
   * Applies a change from the server's feed (`followChanges`) to the cache: a record as it is now is kept; one that
   * left the user's scope is forgotten — a customer with every record of theirs.
   */
  applyChange(change: FeedChange): Promise<void>;
}

/**
 * A server's write operations pass through, and what the server answers is kept for offline use; reveals go to the
 * server, which audits them (the cache holds what the server sent, masked).
 */
function serverWrites(server: RemoteWriter & RemoteRevealer, cache: CrmStore): RemoteWriter & RemoteRevealer {
  const kept = async <T>(collection: CollectionName, answer: Promise<T>, pick: (t: T) => unknown = (t) => t) => {
    const value = await answer;
    await cache.put(collection, [pick(value) as never]).catch(() => undefined);
    return value;
  };
  return {
    create: (collection, record, key) => kept(collection, server.create(collection, record, key)),
    update: (collection, record, version, key) => kept(collection, server.update(collection, record, version, key)),
    transition: (collection, id, request, version, key) =>
      kept(collection, server.transition(collection, id, request, version, key)),
    changeCustomer: (id, change, version, key) =>
      kept("customers", server.changeCustomer(id, change, version, key), (r) => r.customer),
    reveal: (customerId, field, reason) => server.reveal(customerId, field, reason),
  };
}

export function createCachedStore(options: CachedStoreOptions): CachedStore {
  const { remote, cache } = options;
  const isOnline =
    options.isOnline ??
    (() => {
      const onLine = (globalThis as { navigator?: { onLine?: unknown } }).navigator?.onLine;
      return typeof onLine === "boolean" ? onLine : true;
    });
  let lastSource: "remote" | "cache" = "cache";

  async function read<T>(fromRemote: () => Promise<T>, fromCache: () => Promise<T>, keep: (value: T) => Promise<void>) {
    if (isOnline()) {
      try {
        const value = await fromRemote();
        // The cache is best effort: a full quota must not turn a good answer into an error.
        await keep(value).catch(() => undefined);
        lastSource = "remote";
        return value;
      } catch (error) {
        if (!isNetworkError(error)) throw error;
      }
    }
    lastSource = "cache";
    return fromCache();
  }
  const keepAll =
    <C extends CollectionName>(collection: C) =>
    async (records: readonly CollectionRecords[C][]) => {
      if (records.length > 0) await cache.put(collection, records);
    };
  const keepOne =
    <C extends CollectionName>(collection: C) =>
    async (record: CollectionRecords[C] | undefined) => {
      if (record) await cache.put(collection, [record]);
    };
  const keepPage =
    <C extends CollectionName>(collection: C) =>
    (page: Page<CollectionRecords[C]>) =>
      keepAll(collection)(page.items);

  const writes = remote.remote && serverWrites(remote.remote, cache);

  return {
    ...(writes ? { ...writes, remote: writes } : {}),
    ...(remote.maskedRecords ? { maskedRecords: true } : {}),
    kind: remote.kind,
    get lastSource() {
      return lastSource;
    },
    getCustomer: (id) =>
      read(
        () => remote.getCustomer(id),
        () => cache.getCustomer(id),
        keepOne("customers"),
      ),
    findCustomerByNaturalKey: (key) =>
      read(
        () => remote.findCustomerByNaturalKey(key),
        () => cache.findCustomerByNaturalKey(key),
        keepOne("customers"),
      ),
    listCustomers: (query) =>
      read(
        () => remote.listCustomers(query),
        () => cache.listCustomers(query),
        keepPage("customers"),
      ),
    holdings: (customerId) =>
      read(
        () => remote.holdings(customerId),
        () => cache.holdings(customerId),
        keepAll("holdings"),
      ),
    timeline: (customerId, query) =>
      read(
        () => remote.timeline(customerId, query),
        () => cache.timeline(customerId, query),
        async (page) => {
          for (const kind of Object.keys(TIMELINE_COLLECTIONS) as TimelineEntry["kind"][]) {
            const records = page.items.filter((e) => e.kind === kind).map((e) => e.record);
            if (records.length > 0) await cache.put(TIMELINE_COLLECTIONS[kind], records);
          }
        },
      ),
    record: (collection, id) =>
      read(
        () => remote.record(collection, id),
        () => cache.record(collection, id),
        keepOne(collection),
      ),
    records: (collection, query) =>
      read(
        () => remote.records(collection, query),
        () => cache.records(collection, query),
        keepPage(collection),
      ),
    async put(collection, records) {
      await remote.put(collection, records);
      await cache.put(collection, records).catch(() => undefined);
    },
    async write(collection, record, writeOptions) {
      await remote.write(collection, record, writeOptions);
      await cache.put(collection, [record]).catch(() => undefined);
    },
    async applyChange(change) {
      if (change.change === "leave") await cache.forget?.(change.collection, [change.id]);
      else if (change.record) await cache.put(change.collection, [change.record as never]);
    },
    keep(collection, records) {
      // What the client wrote while offline (queued in the outbox) is what this device should show.
      return cache.put(collection, records).catch(() => undefined);
    },
    close() {
      remote.close();
      cache.close();
    },
    async destroy() {
      remote.close();
      await cache.destroy();
    },
  };
}
