/**
 * The change feed over HTTP (feed.ts): `GET /changes?after=N` pages through the
 * changes in the caller's scope, each record masked as a read of it is;
 * `GET /changes/stream` sends the same as server-sent events, `id` the change's
 * number, so a browser's EventSource — or any client sending `Last-Event-ID` —
 * resumes where it stopped; a `live` event says it has caught up with the feed.
 * A malformed cursor is a 400; one the feed no longer
 * keeps (or never had) is a 410, and the client reads its scope again.
 */
import { Hono, type Context } from "hono";
import { streamSSE, type SSEStreamingApi } from "hono/streaming";
import { CursorError, parseCursor, type Change, type ChangePage } from "../feed.js";
import { present, problem, readerOf, readsAmounts, type Env } from "../http.js";
import type { Database } from "../database.js";
import type { Reader } from "../scope-sql.js";
import { memo } from "../memo.js";
import type { RouteContext } from "./context.js";

/** At most this many change numbers a page (a stream sends pages of it until it is level). */
export const CHANGES_PAGE = 500;
/** How long a quiet stream waits before a comment line keeps proxies from closing it. */
const HEARTBEAT_MS = 15_000;
const ENCODER = new TextEncoder();

/** The blocks as one write: a round's events go to a stream in one piece, not one write each. */
function joined(blocks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(blocks.reduce((n, b) => n + b.length, 0));
  let at = 0;
  for (const block of blocks) {
    out.set(block, at);
    at += block.length;
  }
  return out;
}

/** A change as the caller receives it: the record presented (masked) for them; a `leave` carries none. */
function presented(c: Context<Env>, change: Change) {
  const { body, ...rest } = change;
  return body === undefined ? rest : { ...rest, record: present(c, change.collection, body) };
}

/**
 * Whom a stream is for: the reader whose scope the feed pages in, which of those changes they receive, and how each
 * is presented — a member of staff (masked; amounts by role), or a customer following their own records.
 */
export interface Viewer {
  /** Followers with the same key receive the same bytes. */
  key: string;
  /** Followers with the same presentation receive a change's event encoded alike. */
  presentation: string;
  reader: Reader | undefined;
  receives(change: Change): boolean;
  present(change: Change): unknown;
}

/** A member of staff: the changes in their scope, each record masked as their reads are. */
export function staffViewer(c: Context<Env>): Viewer {
  const reader = readerOf(c);
  const presentation = readsAmounts(c) ? "amounts" : "masked";
  return {
    key: `${JSON.stringify(reader)}:${presentation}`,
    presentation,
    reader,
    receives: () => true,
    present: (change) => presented(c, change),
  };
}

/**
 * A change's event — `event: change`, its id and its data as JSON, encoded — kept for the next follower it goes to:
 * it depends on the record's version and on how the viewer is presented records (amounts or not; a customer's own view). 200 followers of one
 * change mask, serialise and encode it twice, not 200 times.
 */
const createEventData = () =>
  memo(
    5000,
    (viewer: Viewer, change: Change) =>
      `${change.seq}:${typeof change.body?.version === "number" ? change.body.version : ""}:${change.change}:${viewer.presentation}`,
    // JSON has no raw line breaks: the data is one line.
    (viewer, change) =>
      ENCODER.encode(`event: change\ndata: ${JSON.stringify(viewer.present(change))}\nid: ${change.seq}\n\n`),
  );

/**
 * A page as one write — its events and, when its last changes were outside the caller's scope, a `cursor` event that
 * moves their cursor past them — kept for the next follower with the same reader at the same place.
 */
function createPageBytes() {
  const eventData = createEventData();
  return memo(
    256,
    (viewer: Viewer, from: number, page: ChangePage) => `${from}:${page.cursor}:${viewer.key}`,
    (viewer, from, page) => {
      const items = page.items.filter((change) => viewer.receives(change));
      const blocks = items.map((change) => eventData(viewer, change));
      const lastSent = items.at(-1)?.seq ?? from;
      if (page.cursor > lastSent)
        blocks.push(ENCODER.encode(`event: cursor\ndata: ${page.cursor}\nid: ${page.cursor}\n\n`));
      return blocks.length === 1 ? blocks[0]! : joined(blocks);
    },
  );
}
type PageBytes = ReturnType<typeof createPageBytes>;

const cursorProblem = (c: Context<Env>, error: CursorError) =>
  error.kind === "malformed"
    ? problem(c, 400, "Malformed cursor", error.message, { code: "malformed_cursor" })
    : problem(c, 410, "Cursor gone", error.message, { code: "cursor_gone", head: error.head });

/**
 * Sends every page after `from` as events; a page whose changes were all outside the caller's scope still moves
 * their cursor (a `cursor` event). Returns the new cursor — or -1 when it is gone (a `gone` event, then the end).
 */
async function sendPages(
  stream: SSEStreamingApi,
  db: Database,
  from: number,
  pageBytes: PageBytes,
  viewer: Viewer,
): Promise<number> {
  let cursor = from;
  for (;;) {
    let page: ChangePage;
    try {
      page = await db.changes.page(cursor, CHANGES_PAGE, viewer.reader);
    } catch (error) {
      if (!(error instanceof CursorError)) throw error;
      await stream.writeSSE({ event: "gone", data: JSON.stringify({ detail: error.message, head: error.head }) });
      return -1;
    }
    const bytes = pageBytes(viewer, cursor, page);
    if (bytes.length > 0) await stream.write(bytes);
    cursor = page.cursor;
    if (!page.more) return cursor;
  }
}

/** Resolves true when `wake` is called, false after `ms` (a quiet stream's heartbeat is due). */
function woken(ms: number, setWake: (wake: () => void) => void): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    setWake(() => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/** One caller's stream: what is published after `from`, page by page, then each round as it is published. */
function streamFrom(
  c: Context<Env>,
  db: Database,
  from: number,
  stopping: AbortSignal | undefined,
  pageBytes: PageBytes,
  viewer: Viewer,
) {
  return streamSSE(c, async (stream) => {
    let cursor = from;
    let dirty = true;
    let wake: (() => void) | undefined;
    const unsubscribe = await db.changes.subscribe(() => {
      dirty = true;
      wake?.();
    });
    const stop = () => wake?.();
    stream.onAbort(stop);
    stopping?.addEventListener("abort", stop);
    let caughtUp = false;
    try {
      // The stream lasts as long as the token it was opened with: then it ends, and the client comes back with its new one.
      const expiresAt = c.get("expiresAt");
      while (!stream.aborted && !stopping?.aborted && Date.now() < expiresAt) {
        if (dirty) {
          dirty = false;
          cursor = await sendPages(stream, db, cursor, pageBytes, viewer);
          if (cursor < 0) return;
          // Level with the feed: from here on, changes arrive as they are published.
          if (!caughtUp) await stream.writeSSE({ event: "live", id: String(cursor), data: String(cursor) });
          caughtUp = true;
        }
        if (dirty) continue;
        const heard = await woken(Math.min(HEARTBEAT_MS, Math.max(0, expiresAt - Date.now())), (w) => (wake = w));
        wake = undefined;
        if (!heard && !stream.aborted && Date.now() < expiresAt) await stream.write(": keep-alive\n\n");
      }
    } finally {
      unsubscribe();
      stopping?.removeEventListener("abort", stop);
    }
  });
}

export function changeRoutes({ db, stopping }: RouteContext) {
  const app = new Hono<Env>();
  // The first reader starts this process publishing as writes commit (on it or any other process on the database).
  app.use("/changes", (_c, next) => db.changes.watch().then(next));
  app.use("/changes/*", (_c, next) => db.changes.watch().then(next));

  app.get("/changes", changePage({ db }, staffViewer));
  app.get("/changes/stream", changeStream({ db, stopping }, staffViewer));

  return app;
}

/** `GET …?after=N&limit=L` for the viewer `viewerOf` makes of a request: one page of the changes they receive. */
export function changePage({ db }: Pick<RouteContext, "db">, viewerOf: (c: Context<Env>) => Viewer) {
  return async (c: Context<Env>) => {
    const viewer = viewerOf(c);
    let page: ChangePage;
    try {
      const limit = Math.max(1, Math.min(CHANGES_PAGE, Number.parseInt(c.req.query("limit") ?? "", 10) || 200));
      page = await db.changes.page(parseCursor(c.req.query("after")), limit, viewer.reader);
    } catch (error) {
      if (error instanceof CursorError) return cursorProblem(c, error);
      throw error;
    }
    return c.json({
      items: page.items.filter((change) => viewer.receives(change)).map((change) => viewer.present(change)),
      cursor: page.cursor,
      more: page.more,
      head: page.head,
    });
  };
}

/**
 * `GET …/stream` for the viewer `viewerOf` makes of a request: the changes after `Last-Event-ID` (or `?after=`) as
 * server-sent events, then each publishing round's. A malformed cursor is a 400, one the feed no longer keeps a 410.
 */
export function changeStream(
  { db, stopping }: Pick<RouteContext, "db" | "stopping">,
  viewerOf: (c: Context<Env>) => Viewer,
) {
  const pageBytes = createPageBytes();
  return async (c: Context<Env>) => {
    const viewer = viewerOf(c);
    let cursor: number;
    try {
      cursor = parseCursor(c.req.header("Last-Event-ID") ?? c.req.query("after"));
      await db.changes.page(cursor, 1, viewer.reader); // a gone cursor is a 410 before the stream starts
    } catch (error) {
      if (error instanceof CursorError) return cursorProblem(c, error);
      throw error;
    }
    return streamFrom(c, db, cursor, stopping, pageBytes, viewer);
  };
}
