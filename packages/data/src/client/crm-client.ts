/**
 * The one client a host page talks to, whatever the store behind it. It
 * validates what stores return (invalid records are reported, not passed on),
 * masks identifiers for every role until a permitted user reveals one — the
 * audit event is recorded first, and a failed audit reveals nothing — hides
 * confidential notes from roles that may not read them, and announces changes.
 * Its parts: reads.ts, writes.ts, reveal.ts over the shared context.ts; every
 * collection of core's table gets its accessor here, read-only or writable as
 * the table says.
 */
import {
  BankcrmInvalidArgumentError,
  collections,
  collectionSpec,
  COLLECTION_NAMES,
  WRITABLE_COLLECTIONS,
  type CollectionName,
  type CollectionRecords,
  type WriteResult,
} from "@bankcrm/core";
import type { Page, RecordQuery } from "../stores/store.js";
import { clientContext } from "./context.js";
import { reads } from "./reads.js";
import { resolutionOf } from "./resolution.js";
import { revealer } from "./reveal.js";
import type { ChangeEvent, CrmClientOptions, TransitionInput, UpdateOptions } from "./types.js";
import { writes } from "./writes.js";

export { REVEALABLE_FIELDS, type RevealableField } from "@bankcrm/core";
export * from "./types.js";

/** Reads of one collection: a record by id, or a page in id order (of one customer with `customerId`). */
export interface Repository<C extends CollectionName> {
  get(id: string): Promise<CollectionRecords[C] | undefined>;
  list(query?: RecordQuery): Promise<Page<CollectionRecords[C]>>;
}
/** Writes of one collection, as core's write functions compute them. */
export interface Writer<C extends CollectionName> {
  create(input: unknown): Promise<WriteResult<CollectionRecords[C]>>;
  update(id: string, changes: unknown, options?: UpdateOptions): Promise<WriteResult<CollectionRecords[C]>>;
  transition(id: string, event: string, input?: TransitionInput): Promise<WriteResult<CollectionRecords[C]>>;
}
/** The collections with an accessor of their own shape; every other is generic. */
const SPECIAL = ["customers", "holdings"] as const;
type Special = (typeof SPECIAL)[number];
const isGeneric = (c: CollectionName): c is Exclude<CollectionName, Special> =>
  !(SPECIAL as readonly string[]).includes(c);
type Table = typeof collections;
/** One accessor per collection of core's table: writable where the table gives it writes, else read-only. */
export type CollectionAccessors = {
  [C in Exclude<CollectionName, Special>]: Table[C] extends { write: object }
    ? Repository<C> & Writer<C>
    : Repository<C>;
};

export function createCrmClient(options: CrmClientOptions) {
  const ctx = clientContext(options);
  const read = reads(ctx);
  const write = writes(ctx);
  const generic = Object.fromEntries(
    COLLECTION_NAMES.filter(isGeneric).map((c) => [
      c,
      collectionSpec(c).write ? { ...read.repository(c), ...write.writer(c) } : read.repository(c),
    ]),
  ) as CollectionAccessors;

  return {
    user: ctx.user,
    locale: ctx.locale,
    customers: { ...read.customers, ...write.customers, reveal: revealer(ctx) },
    ...generic,
    /** The collections this client can write (core's table). */
    writableCollections: WRITABLE_COLLECTIONS,
    holdings: read.holdings,
    timeline: read.timeline,
    /**
     * Entity resolution on this device — review, merge, undo, keep apart — over a store without a server (embedded,
     * memory); undefined against a server, which merges (the HTTP store's `/resolution/*` endpoints).
     */
    resolution: resolutionOf(ctx, options.resolution),
    /** Subscribes to changes; returns the unsubscribe function. */
    on(event: "change", listener: (event: ChangeEvent) => void): () => void {
      if (event !== "change") throw new BankcrmInvalidArgumentError("event", `unknown event "${String(event)}"`);
      ctx.listeners.add(listener);
      return () => ctx.listeners.delete(listener);
    },
    /**
     * Tells this client's listeners — the elements — of a change made elsewhere, as heard from the server's change
     * feed: they read again, as after a write of their own. The event is marked `origin: "remote"`.
     */
    announce(event: Omit<ChangeEvent, "origin">): void {
      ctx.guard();
      ctx.emit({ ...event, origin: "remote" });
    },
    /**
     * Closes connections, deletes the SDK's own databases (store and outbox, with
     * any keys in them) and forgets listeners. Writes still waiting in the outbox
     * are never dropped silently: logout refuses unless `discardPending` says so.
     */
    async logout(logoutOptions: { discardPending?: boolean } = {}): Promise<void> {
      if (options.outbox && !logoutOptions.discardPending) {
        const { pending, failed, conflicts } = await options.outbox.status();
        const waiting = pending + failed + conflicts;
        if (waiting > 0) {
          throw new BankcrmInvalidArgumentError(
            "discardPending",
            `${waiting} write(s) have not reached the server; send or discard them first`,
          );
        }
      }
      ctx.close();
      await options.outbox?.destroy();
      await options.store.destroy();
    },
  };
}

export type CrmClient = ReturnType<typeof createCrmClient>;
