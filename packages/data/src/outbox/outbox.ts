/**
 * The offline outbox: writes that must reach the bank's server are committed
 * to IndexedDB first (strict durability) and sent from there, in order, each
 * with the Idempotency-Key it was given when queued — so a lead captured
 * offline, or whose response was lost, reaches the server exactly once.
 *
 * Flushing runs on load, on `online` and on `visibilitychange`, one tab at a
 * time (Web Locks), with exponential backoff and jitter that honours
 * Retry-After. A 409 is retried later; a 413, 422 or other refusal leaves the entry
 * `failed` with the server's reason; a 412 leaves it in `conflict` with the
 * server's record. Nothing is dropped unless a person discards it.
 *
 * At rest, what an entry carries (the record written, error messages, the
 * server's record) is sealed with a non-extractable AES-GCM key kept in the
 * outbox's own database, deleted with it on logout.
 */
import { deleteDB, openDB, type DBSchema, type IDBPDatabase } from "idb";
import { BankcrmInvalidArgumentError, type Actor, type CollectionName, type Locale } from "@bankcrm/core";
import { writeMessage } from "@bankcrm/core/i18n";
import type { RemoteWriter, TransitionRequest } from "../stores/store.js";
import { isConflictError, isNetworkError, isRequestError } from "../errors/http-errors.js";
import { toStoreError } from "../errors/store-error.js";
import { generateAesKey, openJson, sealJson, type Sealed } from "../stores/idb/codec.js";

export type OutboxState = "pending" | "failed" | "conflict";

export interface OutboxEntry<B = unknown> {
  seq: number;
  /** What to do: "create", "update", "transition", "changeCustomer" (or the older "createLead"). */
  operation: string;
  body: B;
  /** `collection/id` of the record written: later writes to it wait while an earlier one is failed or in conflict. */
  recordKey?: string;
  idempotencyKey: string;
  state: OutboxState;
  attempts: number;
  /** Epoch ms before which the entry is not retried. */
  nextAttemptAt: number;
  createdAt: string;
  lastError?: { message: string; status?: number };
  /** conflict only: the server's current record. */
  server?: unknown;
}

export interface OutboxStatus {
  pending: number;
  failed: number;
  conflicts: number;
  lastError?: string;
}

/** An entry as stored: what it says (body, errors, the server's record) sealed; what ordering needs in the clear. */
type StoredEntry = Omit<OutboxEntry, "body" | "lastError" | "server"> &
  Partial<Pick<OutboxEntry, "body" | "lastError" | "server">> & { sealed?: Sealed };

interface OutboxDb extends DBSchema {
  entries: { key: number; value: StoredEntry; indexes: { byRecord: string } };
  keys: { key: string; value: { name: string; aes: CryptoKey } };
}

export interface OutboxOptions {
  /** Database name; the outbox lives in `${name}-outbox`. */
  name: string;
  /** Sends one entry; throws bankcrm's typed HTTP errors on failure. */
  send: (entry: OutboxEntry) => Promise<unknown>;
  /** Backoff base and cap in ms. Defaults 1,000 and 300,000. */
  backoff?: { baseMs: number; maxMs: number };
  now?: () => number;
  random?: () => number;
  /**
   * Encrypt what entries carry (the records written, error messages, the
   * server's record in a conflict) at rest with a non-extractable AES-GCM key
   * kept in the outbox's database. Default true; `false` for tests that read it raw.
   */
  encryption?: boolean;
}

export interface Outbox {
  enqueue<B>(operation: string, body: B, recordKey?: string): Promise<OutboxEntry<B>>;
  /**
   * Sends what is due, in order. Resolves with the entries delivered in this
   * pass. `ignoreBackoff` sends waiting entries now — for when the connection
   * is known to be back (the `online` event, a person's "go online").
   */
  flush(options?: { ignoreBackoff?: boolean }): Promise<number[]>;
  entries(): Promise<OutboxEntry[]>;
  /** The newest entry that writes this record (`collection/id`), whatever its state. */
  latest(recordKey: string): Promise<OutboxEntry | undefined>;
  status(): Promise<OutboxStatus>;
  /** Called with the new status after every change. Returns the unsubscribe function. */
  subscribe(listener: (status: OutboxStatus) => void): () => void;
  /** Puts a failed or conflicting entry back in line (e.g. after the user edited it). */
  retry(seq: number, body?: unknown): Promise<void>;
  /** Removes an entry on a person's decision — the only way an entry leaves unsent. */
  discard(seq: number): Promise<void>;
  /**
   * Flushes now, on `online` (ignoring backoff) and `visibilitychange`, and
   * again when the earliest waiting entry is due; returns the function that
   * stops all of it.
   */
  start(
    target?: Pick<Window, "addEventListener" | "removeEventListener">,
    doc?: Pick<Document, "visibilityState">,
  ): () => void;
  close(): void;
  /** Closes and deletes the outbox's database (logout). */
  destroy(): Promise<void>;
}

type Locks = {
  request(name: string, options: { ifAvailable: boolean }, run: (lock: unknown) => Promise<unknown>): Promise<unknown>;
};

export async function createOutbox(options: OutboxOptions): Promise<Outbox> {
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const { baseMs, maxMs } = options.backoff ?? { baseMs: 1000, maxMs: 300_000 };
  let db: IDBPDatabase<OutboxDb>;
  try {
    // Version 2 indexes entries by the record they write, so a client finds its own queued write at once.
    // Version 3 keeps the sealing key.
    db = await openDB<OutboxDb>(`${options.name}-outbox`, 3, {
      upgrade(database, oldVersion, _newVersion, tx) {
        const entries =
          oldVersion < 1
            ? database.createObjectStore("entries", { keyPath: "seq", autoIncrement: true })
            : tx.objectStore("entries");
        if (oldVersion < 2) entries.createIndex("byRecord", "recordKey");
        if (oldVersion < 3) database.createObjectStore("keys", { keyPath: "name" });
      },
    });
  } catch (error) {
    throw toStoreError(error);
  }
  let key: CryptoKey | undefined;
  if (options.encryption ?? true) {
    key = (await db.get("keys", "default"))?.aes;
    if (!key) {
      key = await generateAesKey();
      await db.put("keys", { name: "default", aes: key });
    }
  }
  /** An entry as stored: body, errors and the server's record sealed. */
  const seal = async (entry: Omit<OutboxEntry, "seq"> & { seq?: number }): Promise<StoredEntry> => {
    if (!key) return entry as StoredEntry;
    const { body, lastError: error, server, ...clear } = entry;
    return { ...clear, sealed: await sealJson(key, { body, lastError: error, server }) } as StoredEntry;
  };
  /** A stored entry as the outbox works with it (entries stored before sealing come back as they are). */
  const unseal = async (stored: StoredEntry): Promise<OutboxEntry> => {
    const { sealed, ...clear } = stored;
    if (!sealed || !key) return clear as OutboxEntry;
    const open = await openJson<Pick<OutboxEntry, "body" | "lastError" | "server">>(key, sealed);
    return {
      ...clear,
      body: open.body,
      ...(open.lastError !== undefined ? { lastError: open.lastError } : {}),
      ...(open.server !== undefined ? { server: open.server } : {}),
    };
  };
  const listeners = new Set<(status: OutboxStatus) => void>();
  let lastError: string | undefined;
  let flushing: Promise<number[]> | undefined;

  const all = async () => Promise.all((await db.getAll("entries")).map(unseal));
  const computeStatus = async (): Promise<OutboxStatus> => {
    const entries = await all();
    return {
      pending: entries.filter((e) => e.state === "pending").length,
      failed: entries.filter((e) => e.state === "failed").length,
      conflicts: entries.filter((e) => e.state === "conflict").length,
      ...(lastError !== undefined ? { lastError } : {}),
    };
  };
  const notify = async () => {
    if (listeners.size === 0) return;
    const status = await computeStatus();
    for (const l of listeners) l(status);
  };
  const update = async (entry: OutboxEntry) => {
    await db.put("entries", await seal(entry));
  };
  const backoff = (attempts: number, retryAfter?: number) => {
    const exponential = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempts - 1));
    const jittered = exponential / 2 + random() * (exponential / 2); // "equal jitter"
    return Math.max(retryAfter ?? 0, jittered);
  };

  const pass = async (ignoreBackoff: boolean): Promise<number[]> => {
    const delivered: number[] = [];
    // A record whose earlier write a person must look at (failed, conflict) takes no later writes until then.
    const held = new Set<string>();
    for (const entry of await all()) {
      if (entry.state !== "pending") {
        if (entry.recordKey) held.add(entry.recordKey);
        continue; // failed and conflicting entries wait for a person
      }
      if (entry.recordKey && held.has(entry.recordKey)) continue;
      if (!ignoreBackoff && entry.nextAttemptAt > now()) break; // keep order: nothing overtakes a waiting entry
      try {
        await options.send(entry);
        await db.delete("entries", entry.seq);
        delivered.push(entry.seq);
        lastError = undefined;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        lastError = message;
        if (isConflictError(error)) {
          await update({ ...entry, state: "conflict", server: error.current, lastError: { message, status: 412 } });
        } else if (isNetworkError(error) || (isRequestError(error) && error.status === 409)) {
          const attempts = entry.attempts + 1;
          const status = isNetworkError(error) ? error.status : 409;
          const retryAfter = isNetworkError(error) ? error.retryAfterMs : undefined;
          await update({
            ...entry,
            attempts,
            nextAttemptAt: now() + backoff(attempts, retryAfter),
            lastError: { message, ...(status !== undefined ? { status } : {}) },
          });
          break; // the server is unwell: try again later, in order
        } else {
          const status = isRequestError(error) ? error.status : 422;
          await update({ ...entry, state: "failed", lastError: { message, status } });
        }
        if (entry.recordKey) held.add(entry.recordKey);
      }
    }
    await notify();
    return delivered;
  };

  const locks = (globalThis as { navigator?: { locks?: Locks } }).navigator?.locks;
  const flush = (flushOptions: { ignoreBackoff?: boolean } = {}): Promise<number[]> => {
    const ignoreBackoff = flushOptions.ignoreBackoff === true;
    // One flush at a time in this tab; across tabs, the Web Lock.
    flushing ??= (async () => {
      try {
        if (!locks) return await pass(ignoreBackoff);
        let result: number[] = [];
        await locks.request(`bankcrm-outbox:${options.name}`, { ifAvailable: true }, async (lock) => {
          if (lock) result = await pass(ignoreBackoff);
        });
        return result;
      } finally {
        flushing = undefined;
      }
    })();
    return flushing;
  };

  return {
    async enqueue(operation, body, recordKey) {
      const entry = {
        operation,
        body,
        ...(recordKey !== undefined ? { recordKey } : {}),
        idempotencyKey: crypto.randomUUID(),
        state: "pending" as const,
        attempts: 0,
        nextAttemptAt: 0,
        createdAt: new Date(now()).toISOString(),
      };
      try {
        // Sealed first: a transaction may not wait on anything but its own requests.
        const stored = await seal(entry);
        const tx = db.transaction("entries", "readwrite", { durability: "strict" });
        const seq = await tx.store.add(stored);
        await tx.done; // committed before anyone is told it is saved
        await notify();
        return { ...entry, seq };
      } catch (error) {
        throw toStoreError(error);
      }
    },
    flush,
    entries: all,
    async latest(recordKey) {
      const cursor = await db.transaction("entries").store.index("byRecord").openCursor(recordKey, "prev");
      return cursor ? unseal(cursor.value) : undefined;
    },
    status: computeStatus,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async retry(seq, body) {
      const stored = await db.get("entries", seq);
      if (!stored) return;
      const entry = await unseal(stored);
      // A changed body needs a new key: the server would refuse the old key with another body.
      const changed = body !== undefined && JSON.stringify(body) !== JSON.stringify(entry.body);
      await update({
        ...entry,
        ...(changed ? { body, idempotencyKey: crypto.randomUUID() } : {}),
        state: "pending",
        nextAttemptAt: 0,
      });
      await notify();
    },
    async discard(seq) {
      await db.delete("entries", seq);
      await notify();
    },
    start(target = globalThis, doc = (globalThis as { document?: Document }).document) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      let stopped = false;
      // After each flush, wake up when the earliest waiting entry is due.
      const schedule = async () => {
        if (stopped) return;
        const next = (await all()).find((e) => e.state === "pending")?.nextAttemptAt;
        clearTimeout(timer);
        timer = next === undefined ? undefined : setTimeout(() => void run(), Math.max(50, next - now()));
      };
      const run = async (flushOptions?: { ignoreBackoff?: boolean }) => {
        await flush(flushOptions).catch(() => undefined);
        await schedule();
      };
      // A write that failed outside a run (e.g. the client's own flush) is retried when due too.
      const onStatus = (status: OutboxStatus) => {
        if (status.pending > 0 && timer === undefined) void schedule();
      };
      listeners.add(onStatus);
      const onOnline = () => void run({ ignoreBackoff: true });
      const onVisible = () => {
        if (!doc || doc.visibilityState === "visible") void run();
      };
      // Outside a browser (Node, workers without these events) there is nothing to listen to.
      const listening = typeof target.addEventListener === "function";
      if (listening) {
        target.addEventListener("online", onOnline);
        target.addEventListener("visibilitychange", onVisible);
      }
      void run();
      return () => {
        stopped = true;
        clearTimeout(timer);
        listeners.delete(onStatus);
        if (listening) {
          target.removeEventListener("online", onOnline);
          target.removeEventListener("visibilitychange", onVisible);
        }
      };
    },
    close() {
      listeners.clear();
      db.close();
    },
    async destroy() {
      listeners.clear();
      db.close();
      await deleteDB(`${options.name}-outbox`);
    },
  };
}

/** What the client queues for a write: enough to send it, and the record as the client computed it. */
export interface WriteEntryBody {
  collection: CollectionName;
  id: string;
  /** The version the write was computed from; `null` for a create. */
  expectedVersion: number | null;
  /** The record after the write, as this device computed it (shown while queued). */
  record: unknown;
  transition?: TransitionRequest;
  change?: { id: string; at: string; actor: Actor; input: unknown };
}

/**
 * What a person is told of a write the server refused for good: a body over the
 * server's limit (413) in their language — it will never go through as it is —
 * otherwise the server's own words.
 */
export function failureReason(lastError: { message: string; status?: number }, locale: Locale): string {
  return lastError.status === 413 ? writeMessage("errorTooLarge", locale) : lastError.message;
}

/**
 * The `send` for every write: each operation through the HTTP store with the
 * entry's idempotency key — POST for creates, PUT with If-Match for updates,
 * the transitions and changes endpoints, where the server applies the same core
 * functions.
 */
export function httpSender(
  store: RemoteWriter,
): (entry: Pick<OutboxEntry, "operation" | "body" | "idempotencyKey">) => Promise<unknown> {
  return (entry) => {
    const body = entry.body as WriteEntryBody;
    switch (entry.operation) {
      case "createLead":
        return store.create("leads", entry.body as never, entry.idempotencyKey);
      case "create":
        return store.create(body.collection, body.record as never, entry.idempotencyKey);
      case "update":
        return store.update(body.collection, body.record as never, body.expectedVersion ?? 0, entry.idempotencyKey);
      case "transition":
        return store.transition(
          body.collection,
          body.id,
          body.transition!,
          body.expectedVersion ?? 0,
          entry.idempotencyKey,
        );
      case "changeCustomer":
        return store.changeCustomer(body.id, body.change!, body.expectedVersion ?? 0, entry.idempotencyKey);
      default:
        return Promise.reject(
          new BankcrmInvalidArgumentError("operation", `unknown outbox operation "${entry.operation}"`),
        );
    }
  };
}
