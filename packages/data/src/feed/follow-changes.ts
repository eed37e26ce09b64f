/**
 * Following the server's change feed (docs/server/change-feed.md): the event
 * stream `GET /changes/stream`, read with fetch so the bearer token travels in
 * a header (EventSource cannot send one), each change applied in order before
 * the cursor moves past it — so a change is never skipped, and never applied
 * twice by one follower — and the stream opened again after a drop, a server
 * restart or a network loss, from the last change applied (`Last-Event-ID`).
 * A cursor the feed no longer keeps (410, or a `gone` event) hands over to
 * `onGone`, which reads the caller's scope again; following resumes from the
 * feed's head.
 */
import type { CollectionName } from "@bankcrm/core";

/** One change as the feed sends it: the record as it is now (masked for the caller), or that it left their scope. */
export interface FeedChange {
  seq: number;
  collection: CollectionName;
  id: string;
  /** `put`: `record` is the record now; `enter`: a customer came into the caller's scope; `leave`: out of it. */
  change: "put" | "enter" | "leave";
  record?: Record<string, unknown>;
}

export type FeedStatus = "connecting" | "live" | "retrying" | "stopped";

export interface FollowChangesOptions {
  /** The server's base URL, as the HTTP store's. */
  baseUrl: string;
  getToken: () => string | Promise<string>;
  /** The last change already applied (kept across reloads by the host); 0 from the start. */
  after?: number;
  /** Applies one change; the cursor moves past it once this resolves. A throw stops the stream and retries it. */
  apply(change: FeedChange): Promise<void> | void;
  /** The cursor moved — past a change, or past changes outside the caller's scope. Keep it to resume after a reload. */
  onCursor?(cursor: number): void;
  /** The feed no longer keeps the cursor: read the scope again. Following then resumes from `head`. */
  onGone?(head: number): Promise<void> | void;
  onStatus?(status: FeedStatus): void;
  fetch?: typeof fetch;
  /** Reconnection backoff: from `baseMs`, doubling to `maxMs` (default 500 ms → 15 s), with jitter. */
  retry?: { baseMs?: number; maxMs?: number };
}

export interface ChangeFollower {
  /** The last change applied. */
  readonly cursor: number;
  stop(): void;
}

interface StreamEvent {
  event: string;
  id?: string;
  data: string;
}

/** Splits server-sent events out of a text stream (the WHATWG format: fields per line, a blank line ends an event). */
async function* events(body: ReadableStream<Uint8Array>): AsyncGenerator<StreamEvent> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true }).replace(/\r\n?/g, "\n");
    let end: number;
    while ((end = buffer.indexOf("\n\n")) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const event: StreamEvent = { event: "message", data: "" };
      const data: string[] = [];
      for (const line of block.split("\n")) {
        if (line === "" || line.startsWith(":")) continue;
        const colon = line.indexOf(":");
        const field = colon < 0 ? line : line.slice(0, colon);
        const text = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
        if (field === "event") event.event = text;
        else if (field === "id") event.id = text;
        else if (field === "data") data.push(text);
      }
      event.data = data.join("\n");
      yield event;
    }
  }
}

/** A 410's body or a `gone` event's data: where the feed's head is. */
const headOf = (text: string): number => {
  try {
    const head = (JSON.parse(text) as { head?: unknown }).head;
    return typeof head === "number" ? head : 0;
  } catch {
    return 0;
  }
};

/** No wait after a connection that got through; after failures, from `baseMs` doubling to `maxMs`, with jitter. */
const backoff = (failures: number, baseMs: number, maxMs: number) =>
  failures === 0 ? 0 : Math.min(maxMs, baseMs * 2 ** (failures - 1)) * (0.5 + Math.random() / 2);

export function followChanges(options: FollowChangesOptions): ChangeFollower {
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const url = new URL("changes/stream", options.baseUrl.endsWith("/") ? options.baseUrl : `${options.baseUrl}/`);
  let cursor = options.after ?? 0;
  let stopped = false;
  let abort: AbortController | undefined;
  let wait: { timer: ReturnType<typeof setTimeout>; resolve: () => void } | undefined;
  const status = (s: FeedStatus) => options.onStatus?.(s);
  const move = (to: number) => {
    if (to <= cursor) return;
    cursor = to;
    options.onCursor?.(cursor);
  };
  /** The cursor is no longer kept: the host reads its scope again, and following resumes from the head. */
  const goneTo = async (head: number) => {
    await options.onGone?.(head);
    cursor = head;
    options.onCursor?.(cursor);
    return true;
  };

  /** One connection: every event until the stream ends. True when it got as far as the stream (the backoff resets). */
  async function connect(): Promise<boolean> {
    abort = new AbortController();
    status("connecting");
    const response = await doFetch(url, {
      headers: {
        Authorization: `Bearer ${await options.getToken()}`,
        Accept: "text/event-stream",
        "Last-Event-ID": String(cursor),
      },
      signal: abort.signal,
    });
    if (response.status === 410) return goneTo(headOf(await response.text()));
    if (!response.ok || !response.body) {
      await response.body?.cancel();
      throw new Error(`the change stream answered ${response.status}`);
    }
    for await (const event of events(response.body)) {
      if (stopped) break;
      if (event.event === "change") {
        const change = JSON.parse(event.data) as FeedChange;
        if (change.seq <= cursor) continue; // already applied (a resumed stream never repeats one, but be sure)
        await options.apply(change);
        move(change.seq);
      } else if (event.event === "cursor" || event.event === "live") {
        move(Number(event.id ?? event.data));
        if (event.event === "live") status("live");
      } else if (event.event === "gone") return goneTo(headOf(event.data));
    }
    return true;
  }

  void (async () => {
    let failures = 0;
    while (!stopped) {
      try {
        if (await connect()) failures = 0;
      } catch {
        failures++;
      }
      if (stopped) break;
      status("retrying");
      const delay = backoff(failures, options.retry?.baseMs ?? 500, options.retry?.maxMs ?? 15_000);
      await new Promise<void>((resolve) => (wait = { timer: setTimeout(resolve, delay), resolve }));
      wait = undefined;
    }
    status("stopped");
  })();

  return {
    get cursor() {
      return cursor;
    },
    stop() {
      stopped = true;
      abort?.abort();
      if (wait) {
        clearTimeout(wait.timer);
        wait.resolve();
      }
    },
  };
}
