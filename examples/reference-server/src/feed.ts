/**
 * The change feed (migrations/009_change_feed.sql): every committed write to a
 * record gets a sequence number, and a reader pages through the numbers after
 * their cursor, seeing what their scope lets them see.
 *
 * - **Publishing.** A trigger logs each write with its transaction's id; a
 *   publisher numbers, in one transaction holding the feed's row, the logged
 *   writes of every transaction older than all still running. Numbers are
 *   therefore contiguous and final: no write can later take a number a reader
 *   has already passed. Every process publishes when it hears the trigger's
 *   NOTIFY (at commit, on any process of the database), when writes wait on a
 *   transaction still open (soon after), and every few seconds (a missed
 *   notification); publishers queue on the row, so two processes never number
 *   twice.
 * - **Reading.** A page is the changes in (after, after + limit]: a record the
 *   reader may see now is a `put` (a customer who was outside their scope before
 *   it changed is an `enter`, so they read its records); a record they could see
 *   before the change and no longer can is a `leave`, without the record; the
 *   rest are skipped, but the cursor still moves past them.
 * - **Keeping.** `prune` drops changes older than the retention; a cursor below
 *   what is kept — or beyond the head, from another database — is gone (410),
 *   and the client reads its scope again.
 */
import type { CollectionName } from "@bankcrm/core";
import { visibleTo, type Reader, type ScopeFacts } from "./scope-sql.js";
import { memo } from "./memo.js";
import type { Driver } from "./sql.js";

export interface Change {
  seq: number;
  collection: CollectionName;
  id: string;
  /** `put`: the record as it is now; `enter`: a customer who came into the reader's scope; `leave`: out of it. */
  change: "put" | "enter" | "leave";
  body?: Record<string, unknown>;
}

export interface ChangePage {
  items: Change[];
  /** The cursor to ask after next: the last number this page covered. */
  cursor: number;
  /** Whether more changes are published after `cursor`. */
  more: boolean;
  /** The last change published (a client that wants only what comes next follows from here). */
  head: number;
}

/** A cursor the feed cannot page from: not a number (`malformed`, 400), or before what it keeps or after its head (`gone`, 410). */
export class CursorError extends Error {
  override name = "CursorError";
  constructor(
    readonly kind: "malformed" | "gone",
    message: string,
    /** For `gone`: the feed's head — where a client that has read its scope again follows on from. */
    readonly head?: number,
  ) {
    super(message);
  }
}

/** A cursor as the client sends it (`after`, `Last-Event-ID`): a non-negative integer, or a CursorError. */
export function parseCursor(text: string | undefined): number {
  if (text === undefined || text === "") return 0;
  if (!/^\d{1,15}$/.test(text))
    throw new CursorError("malformed", "the cursor is a non-negative integer (a change's seq)");
  return Number(text);
}

/** How many logged writes one publishing transaction numbers. */
const BATCH = 5000;
/** How soon to publish again while writes wait on a transaction still open; and the sweep for missed notifications. */
const RETRY_MS = 25;
const SWEEP_MS = 3000;
/**
 * Under a stream of writes, rounds start at most this often: each round wakes every follower of the process, and
 * one round for the writes of 60 ms serves them all at a fraction of the cost of one round per commit. A write
 * after a quiet spell is published at once.
 */
const ROUND_GAP_MS = 60;

/** Numbers one batch of ready writes, in one transaction holding the feed's row; whether logged writes remain. */
async function publishBatch(db: Driver): Promise<{ published: number; waiting: boolean }> {
  return db.transaction(async (tx) => {
    const head = (await tx.query<{ head: string }>("SELECT head FROM change_feed WHERE id = 1 FOR UPDATE")).rows[0]!
      .head;
    const r = await tx.query<{ n: number }>(
      `WITH ready AS (
         SELECT id, row_number() OVER (ORDER BY id) AS n FROM change_log
         WHERE seq IS NULL AND xid < pg_snapshot_xmin(pg_current_snapshot()) ORDER BY id LIMIT $2
       ),
       numbered AS (UPDATE change_log l SET seq = $1::bigint + ready.n FROM ready WHERE l.id = ready.id RETURNING 1),
       counted AS (SELECT count(*)::int AS n FROM numbered),
       moved AS (UPDATE change_feed SET head = head + (SELECT n FROM counted) WHERE id = 1 AND (SELECT n FROM counted) > 0)
       SELECT n FROM counted`,
      [head, BATCH],
    );
    const published = r.rows[0]!.n;
    const waiting =
      published === BATCH || (await tx.query("SELECT 1 FROM change_log WHERE seq IS NULL LIMIT 1")).rows.length > 0;
    return { published, waiting };
  });
}

/** Numbers every ready write; true when some wait on a transaction still open. */
async function publish(db: Driver): Promise<boolean> {
  for (;;) {
    const { published, waiting } = await publishBatch(db);
    if (published < BATCH) return waiting;
  }
}

/**
 * This process's publisher: one publishing at a time (a call while one runs makes it run once more after), on the
 * database's notifications, soon again while writes wait, and on a sweep; `onRound` after each round.
 */
function createPublisher(db: Driver, onRound: () => void) {
  let watching: Promise<void> | undefined;
  let stopListening: (() => Promise<void>) | undefined;
  let sweep: ReturnType<typeof setInterval> | undefined;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  let closed = false;

  const round = async () => {
    let waiting = false;
    try {
      waiting = await publish(db);
    } catch (error) {
      if (!closed) console.error("bankcrm change feed: publishing failed:", (error as Error).message);
    }
    onRound();
    if (waiting && !closed && !retry) {
      retry = setTimeout(() => {
        retry = undefined;
        kick();
      }, RETRY_MS);
      retry.unref();
    }
  };
  function kick(): void {
    if (closed) return;
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      do {
        again = false;
        const started = performance.now();
        await round();
        const rest = ROUND_GAP_MS - (performance.now() - started);
        if (again && rest > 0 && !closed) await new Promise((r) => setTimeout(r, rest));
      } while (again && !closed);
    })().finally(() => (running = undefined));
  }
  return {
    /** Starts hearing the database (once): its notifications and the sweep. */
    watch(): Promise<void> {
      watching ??= (async () => {
        const channel = (await db.query<{ channel: string }>("SELECT change_channel() AS channel")).rows[0]!.channel;
        stopListening = await db.listen(channel, kick);
        sweep = setInterval(kick, SWEEP_MS);
        sweep.unref();
        kick();
      })();
      return watching;
    },
    async close(): Promise<void> {
      closed = true;
      clearInterval(sweep);
      clearTimeout(retry);
      await watching?.catch(() => undefined);
      await running;
      await stopListening?.();
    },
  };
}

async function bounds(db: Driver): Promise<{ head: number; floor: number }> {
  const r = await db.query<{ head: string; floor: string }>("SELECT head, floor FROM change_feed WHERE id = 1");
  return { head: Number(r.rows[0]!.head), floor: Number(r.rows[0]!.floor) };
}

/** A change with what deciding its visibility needs: the record now, and before the change. */
type ChangeRow = {
  seq: string;
  collection: CollectionName;
  id: string;
  body: Record<string, unknown> | null;
  was: Record<string, unknown> | null;
  customer: ScopeFacts["customer"];
  was_customer: ScopeFacts["customer"];
  members: ScopeFacts["members"];
  was_members: ScopeFacts["members"];
};

/** The members' customers' scope columns, of a members array (SQL). */
const membersOf = (members: string) =>
  `(SELECT jsonb_agg(jsonb_build_object('rm', mc.rm_id, 'branch', mc.branch_id))
    FROM jsonb_array_elements(${members}) m JOIN records mc ON mc.collection = 'customers' AND mc.id = m ->> 'customerId')`;

/** The changes numbered in (after, last], whoever reads them: each record with its scope facts now and before. */
async function readRange(db: Driver, after: number, last: number): Promise<ChangeRow[]> {
  const r = await db.query<ChangeRow>(
    `SELECT l.seq, l.collection, l.record_id AS id, r.body, l.was,
            CASE WHEN oc.id IS NULL THEN NULL ELSE jsonb_build_object('rm', oc.rm_id, 'branch', oc.branch_id) END AS customer,
            CASE WHEN wc.id IS NULL THEN NULL ELSE jsonb_build_object('rm', wc.rm_id, 'branch', wc.branch_id) END AS was_customer,
            CASE WHEN jsonb_typeof(r.body -> 'members') = 'array' THEN ${membersOf("r.body -> 'members'")} END AS members,
            CASE WHEN jsonb_typeof(l.was -> 'members') = 'array' THEN ${membersOf("l.was -> 'members'")} END AS was_members
     FROM change_log l
     LEFT JOIN records r ON r.collection = l.collection AND r.id = l.record_id
     LEFT JOIN records oc ON oc.collection = 'customers' AND oc.id = r.customer_id
     LEFT JOIN records wc ON wc.collection = 'customers' AND wc.id = l.was ->> 'customerId'
     WHERE l.seq > $1 AND l.seq <= $2 ORDER BY l.seq`,
    [after, last],
  );
  return r.rows;
}

/** One reader's view of a range: a `put` (an `enter` for a customer newly in scope), a `leave`, or nothing. */
function changesFor(rows: readonly ChangeRow[], reader: Reader | undefined): Change[] {
  const items: Change[] = [];
  for (const row of rows) {
    const base = { seq: Number(row.seq), collection: row.collection, id: row.id };
    const now = visibleTo(row.collection, reader, row.body, { customer: row.customer, members: row.members });
    const before =
      row.was !== null &&
      visibleTo(row.collection, reader, row.was, { customer: row.was_customer, members: row.was_members });
    if (now && row.body) {
      const entered = row.collection === "customers" && row.was !== null && !before;
      items.push({ ...base, change: entered ? "enter" : "put", body: row.body });
    } else if (before) items.push({ ...base, change: "leave" });
  }
  return items;
}

/**
 * The ranges read lately, shared by every reader of this process: followers that are level with the feed all ask
 * for the same new range after each round, and it is read once for all of them. (Records change after a range is
 * read: a reader served from here gets them as they were a moment ago, and the next change to them follows.)
 */
const createRangeCache = (db: Driver, size = 32) =>
  memo(
    size,
    (after: number, last: number) => `${after}:${last}`,
    (after, last) => readRange(db, after, last),
  );

/** One reader's view of a range, kept for followers with the same reader (one principal's several pages and tabs, or many). */
const createViewCache = (range: (after: number, last: number) => Promise<ChangeRow[]>, size = 256) =>
  memo(
    size,
    (after: number, last: number, reader?: Reader) => `${after}:${last}:${reader ? JSON.stringify(reader) : ""}`,
    async (after, last, reader) => changesFor(await range(after, last), reader),
  );

/** The changes after `after` the reader may see, at most `limit` numbers' worth. */
async function page(
  feed: {
    bounds(): Promise<{ head: number; floor: number }>;
    view(after: number, last: number, reader?: Reader): Promise<Change[]>;
  },
  after: number,
  limit: number,
  reader?: Reader,
): Promise<ChangePage> {
  const { head, floor } = await feed.bounds();
  if (after < floor)
    throw new CursorError("gone", `changes up to ${floor} are no longer kept: read your scope again`, head);
  if (after > head)
    throw new CursorError("gone", `the feed has published ${head} changes: this cursor is from another database`, head);
  const last = Math.min(after + limit, head);
  if (last === after) return { items: [], cursor: after, more: false, head };
  return { items: await feed.view(after, last, reader), cursor: last, more: last < head, head };
}

/** Drops the changes logged before `before`; returns the new floor (cursors below it are gone). */
async function prune(db: Driver, before: Date): Promise<number> {
  const r = await db.query<{ floor: string }>(
    `WITH edge AS (SELECT max(seq) AS seq FROM change_log WHERE seq IS NOT NULL AND at < $1),
     gone AS (DELETE FROM change_log WHERE seq <= (SELECT seq FROM edge))
     UPDATE change_feed SET floor = GREATEST(floor, coalesce((SELECT seq FROM edge), 0))
     WHERE id = 1 RETURNING floor`,
    [before.toISOString()],
  );
  return Number(r.rows[0]!.floor);
}

/**
 * How far a restore moves the feed on: more changes than a bank's lost hours could number (at 10,000 a second, three
 * years), and still exact in a JavaScript number.
 */
export const RESTORE_GAP = 1e12;

/**
 * After a restore the numbers handed out since the backup are free again, and would be given to other changes: the
 * head and the floor jump past them, so every cursor handed out before is gone (410) and each client reads its scope
 * again — dropping what it held of the writes the restore took back. Returns the new head.
 */
async function restart(db: Driver): Promise<number> {
  const r = await db.query<{ head: string }>(
    "UPDATE change_feed SET head = head + $1, floor = head + $1 WHERE id = 1 RETURNING head",
    [RESTORE_GAP],
  );
  return Number(r.rows[0]!.head);
}

export function createChangeFeed(db: Driver) {
  const listeners = new Set<() => void>();
  // The head and floor, read once per publishing round for every reader of this process: a reader woken by a round
  // asks after it, so it shares a read begun after that round's numbers were committed — never an older one.
  let round = 0;
  let shared: { round: number; bounds: Promise<{ head: number; floor: number }> } | undefined;
  const sharedBounds = () => {
    if (shared?.round !== round) {
      const read = bounds(db);
      shared = { round, bounds: read };
      read.catch(() => (shared = undefined));
    }
    return shared.bounds;
  };
  const reading = { bounds: sharedBounds, view: createViewCache(createRangeCache(db)) };
  const publisher = createPublisher(db, () => {
    round++;
    for (const listener of listeners) listener();
  });
  return {
    /** Publishes what is ready now (tests; the server publishes on its own once watching). */
    publish: async () => {
      const waiting = await publish(db);
      round++;
      return waiting;
    },
    /** Starts publishing on the database's notifications (the first reader of the feed does; idempotent). */
    watch: publisher.watch,
    /** Starts publishing on notifications; `onChange` runs after each publishing round. Returns the unsubscribe. */
    async subscribe(onChange: () => void): Promise<() => void> {
      listeners.add(onChange);
      await publisher.watch();
      return () => listeners.delete(onChange);
    },
    /** The last number published, and the last one pruned. */
    bounds: () => bounds(db),
    page: (after: number, limit: number, reader?: Reader) => page(reading, after, limit, reader),
    prune: async (before: Date) => {
      const floor = await prune(db, before);
      round++;
      return floor;
    },
    /** After a restore: every cursor handed out before is gone. */
    restart: async () => {
      const head = await restart(db);
      round++;
      return head;
    },
    close(): Promise<void> {
      listeners.clear();
      return publisher.close();
    },
  };
}

export type ChangeFeed = ReturnType<typeof createChangeFeed>;
