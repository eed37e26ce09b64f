/**
 * The device's audit trail in the IndexedDB store (embedded mode, where no server keeps one): every reveal the client
 * reports, in order and complete — not a window of the latest — in the store's own object store `audit`, each event
 * sealed with the store's key as the records are. Each entry carries the SHA-256 of the one before and of itself, as
 * the server's chain does, so an entry changed, removed or put in between shows when the trail is verified.
 */
import type { IDBPDatabase } from "idb";
import type { RevealAuditEvent } from "@bankcrm/core";
import type { CrmDb } from "./schema.js";

/** One entry of the trail: its place, the event, and the chain's hashes (hex). */
export interface LocalAuditEntry {
  seq: number;
  event: RevealAuditEvent;
  prevHash: string;
  hash: string;
}

/** The trail recomputed: whether every link holds, and the first that does not. */
export interface LocalAuditVerification {
  ok: boolean;
  rows: number;
  firstBroken?: number;
}

/** What is stored: the place and the hashes in the clear, the event sealed (or as it is, without encryption). */
export interface StoredAudit {
  seq: number;
  event: unknown;
  prevHash: string;
  hash: string;
}

export interface LocalAuditLog {
  append(event: RevealAuditEvent): Promise<LocalAuditEntry>;
  /** Entries in order after `after` (a seq; from the first by default), `limit` at most (all by default). */
  entries(query?: { after?: number; limit?: number }): Promise<LocalAuditEntry[]>;
  verify(): Promise<LocalAuditVerification>;
}

const GENESIS = "0".repeat(64);

async function hashOf(prevHash: string, seq: number, event: RevealAuditEvent): Promise<string> {
  const bytes = new TextEncoder().encode(`${prevHash}|${seq}|${JSON.stringify(event)}`);
  const digest = await crypto.subtle.digest("SHA-256", bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

export function localAuditLog(
  db: IDBPDatabase<CrmDb>,
  seal: (value: unknown) => Promise<unknown>,
  open: <T>(stored: unknown) => Promise<T>,
): LocalAuditLog {
  let last: Promise<unknown> = Promise.resolve();
  const decode = async (row: StoredAudit): Promise<LocalAuditEntry> => ({
    ...row,
    event: await open<RevealAuditEvent>(row.event),
  });

  /** One append after another in this page; another tab taking the same place makes this one try the next. */
  const appendOnce = async (event: RevealAuditEvent): Promise<LocalAuditEntry> => {
    for (;;) {
      const cursor = await db.transaction("audit").store.openCursor(null, "prev");
      const before = cursor?.value;
      const seq = (before?.seq ?? 0) + 1;
      const prevHash = before?.hash ?? GENESIS;
      const hash = await hashOf(prevHash, seq, event);
      const row: StoredAudit = { seq, event: await seal(event), prevHash, hash };
      try {
        await db.add("audit", row);
        return { seq, event, prevHash, hash };
      } catch (error) {
        if ((error as { name?: string }).name !== "ConstraintError") throw error;
      }
    }
  };

  return {
    append(event) {
      const next = last.then(() => appendOnce(event));
      last = next.catch(() => undefined);
      return next;
    },
    async entries(query = {}) {
      const range = query.after !== undefined ? IDBKeyRange.lowerBound(query.after, true) : null;
      const rows = await db.getAll("audit", range, query.limit);
      return Promise.all(rows.map(decode));
    },
    async verify() {
      let prevHash = GENESIS;
      let rows = 0;
      for (const row of await db.getAll("audit")) {
        const entry = await decode(row).catch(() => undefined);
        const expected = entry && (await hashOf(prevHash, row.seq, entry.event));
        if (!entry || row.seq !== rows + 1 || row.prevHash !== prevHash || row.hash !== expected)
          return { ok: false, rows, firstBroken: row.seq };
        prevHash = row.hash;
        rows++;
      }
      return { ok: true, rows };
    },
  };
}
