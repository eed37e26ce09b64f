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
  /** The stream under `baseUrl`: `changes/stream` (staff, the default), `me/changes/stream` (a signed-in customer's own records). */
  path?: string;
  getToken: () => string | Promise<string>;
  /**
   * The last change already applied (kept across reloads by the host); 0 from the start; `"head"`: only what is
   * published from now on (a page that has just read its scope).
   */
  after?: number | "head";
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

/** One follower: its cursor, the connection it holds, and the loop that opens it again. */
class Follower implements ChangeFollower {
  cursor: number;
  private stopped = false;
  private abort: AbortController | undefined;
  private wait: { timer: ReturnType<typeof setTimeout>; resolve: () => void } | undefined;
  private readonly url: URL;
  private readonly fetch: typeof fetch;

  constructor(private readonly options: FollowChangesOptions) {
    this.fetch = options.fetch ?? ((input, init) => fetch(input, init));
    this.url = new URL(
      options.path ?? "changes/stream",
      options.baseUrl.endsWith("/") ? options.baseUrl : `${options.baseUrl}/`,
    );
    this.cursor = typeof options.after === "number" ? options.after : 0;
  }

  private status(s: FeedStatus) {
    this.options.onStatus?.(s);
  }

  private move(to: number) {
    if (to <= this.cursor) return;
    this.cursor = to;
    this.options.onCursor?.(to);
  }

  /** The cursor is no longer kept: the host reads its scope again, and following resumes from the head. */
  private async goneTo(head: number) {
    await this.options.onGone?.(head);
    this.cursor = head;
    this.options.onCursor?.(head);
    return true;
  }

  /** The feed's head (`after: "head"`): a page of no changes says where it is — a 410 too. */
  private async head(): Promise<number> {
    const r = await this.fetch(new URL("../changes?after=0&limit=1", this.url), {
      headers: { Authorization: `Bearer ${await this.options.getToken()}` },
    });
    if (r.status !== 200 && r.status !== 410) throw new Error(`the change feed answered ${r.status}`);
    return headOf(await r.text());
  }

  /** One connection: every event until the stream ends. True when it got as far as the stream (the backoff resets). */
  private async connect(): Promise<boolean> {
    this.abort = new AbortController();
    this.status("connecting");
    const response = await this.fetch(this.url, {
      headers: {
        Authorization: `Bearer ${await this.options.getToken()}`,
        Accept: "text/event-stream",
        "Last-Event-ID": String(this.cursor),
      },
      signal: this.abort.signal,
    });
    if (response.status === 410) return this.goneTo(headOf(await response.text()));
    if (!response.ok || !response.body) {
      await response.body?.cancel();
      throw new Error(`the change stream answered ${response.status}`);
    }
    for await (const event of events(response.body)) {
      if (this.stopped) break;
      if (event.event === "change") {
        const change = JSON.parse(event.data) as FeedChange;
        if (change.seq <= this.cursor) continue; // already applied (a resumed stream never repeats one, but be sure)
        await this.options.apply(change);
        this.move(change.seq);
      } else if (event.event === "cursor" || event.event === "live") {
        this.move(Number(event.id ?? event.data));
        if (event.event === "live") this.status("live");
      } else if (event.event === "gone") return this.goneTo(headOf(event.data));
    }
    return true;
  }

  async run(): Promise<void> {
    let failures = 0;
    let placed = this.options.after !== "head";
    while (!this.stopped) {
      try {
        if (!placed) this.move(await this.head());
        placed = true;
        if (await this.connect()) failures = 0;
      } catch {
        failures++;
      }
      if (this.stopped) break;
      this.status("retrying");
      const delay = backoff(failures, this.options.retry?.baseMs ?? 500, this.options.retry?.maxMs ?? 15_000);
      await new Promise<void>((resolve) => (this.wait = { timer: setTimeout(resolve, delay), resolve }));
      this.wait = undefined;
    }
    this.status("stopped");
  }

  stop(): void {
    this.stopped = true;
    this.abort?.abort();
    if (this.wait) {
      clearTimeout(this.wait.timer);
      this.wait.resolve();
    }
  }
}

/** Starts following; `stop()` ends it. */
export function followChanges(options: FollowChangesOptions): ChangeFollower {
  const follower = new Follower(options);
  void follower.run();
  return follower;
}
