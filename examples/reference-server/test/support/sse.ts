/**
 * A change stream as a test follows one: `GET /changes/stream` (or a customer's `me/changes/stream`, `path`) read
 * with fetch, its events parsed as they arrive.
 */
export interface StreamEvent {
  event: string;
  id?: string;
  data: string;
}

export interface Following {
  events: StreamEvent[];
  /** Resolves once `predicate` holds for the events so far (rejects after `timeoutMs`). */
  until(predicate: (events: StreamEvent[]) => boolean, timeoutMs?: number): Promise<StreamEvent[]>;
  /** The status the stream was answered with. */
  status: number;
  close(): void;
}

export async function follow(
  url: string,
  token: string,
  lastEventId?: string,
  path = "changes/stream",
): Promise<Following> {
  const abort = new AbortController();
  const response = await fetch(new URL(path, url), {
    headers: { Authorization: `Bearer ${token}`, ...(lastEventId ? { "Last-Event-ID": lastEventId } : {}) },
    signal: abort.signal,
  });
  const events: StreamEvent[] = [];
  const waiters = new Set<() => void>();
  if (response.ok && response.body) {
    void (async () => {
      const decoder = new TextDecoder();
      let buffer = "";
      try {
        for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
          buffer += decoder.decode(chunk, { stream: true });
          let end: number;
          while ((end = buffer.indexOf("\n\n")) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const event: StreamEvent = { event: "message", data: "" };
            let data: string[] | undefined;
            for (const line of block.split("\n")) {
              if (line.startsWith(":")) continue;
              const colon = line.indexOf(":");
              const field = colon < 0 ? line : line.slice(0, colon);
              const value = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
              if (field === "event") event.event = value;
              else if (field === "id") event.id = value;
              else if (field === "data") (data ??= []).push(value);
            }
            if (data) {
              event.data = data.join("\n");
              events.push(event);
              for (const wake of waiters) wake();
            }
          }
        }
      } catch {
        // closed by the test, or by the server stopping
      }
      for (const wake of waiters) wake();
    })();
  } else await response.body?.cancel();
  return {
    events,
    status: response.status,
    until(predicate, timeoutMs = 5000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (!predicate(events)) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(events);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`the stream did not get there in ${timeoutMs} ms: ${JSON.stringify(events.slice(-5))}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    close: () => abort.abort(),
  };
}

/** The change events' parsed data. */
export const changesIn = (events: StreamEvent[]) =>
  events
    .filter((e) => e.event === "change")
    .map(
      (e) =>
        JSON.parse(e.data) as {
          seq: number;
          collection: string;
          id: string;
          change: string;
          record?: Record<string, unknown>;
        },
    );

/**
 * An answer's text: the whole body, or — for an event stream, which stays open — what it sent until its `live`
 * event (caught up with the feed), at most `timeoutMs`.
 */
export async function answerText(response: Response, timeoutMs = 5000): Promise<string> {
  if (!response.headers.get("content-type")?.startsWith("text/event-stream")) return response.text();
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let text = "";
  const deadline = Date.now() + timeoutMs;
  while (!text.includes("event: live\n") && Date.now() < deadline) {
    const next = await Promise.race([
      reader.read(),
      new Promise<undefined>((resolve) => setTimeout(resolve, Math.max(0, deadline - Date.now()))),
    ]);
    if (!next || next.done) break;
    text += decoder.decode(next.value, { stream: true });
  }
  await reader.cancel().catch(() => undefined);
  return text;
}
