/**
 * Request bodies over a route's limit are refused with 413 — and the client
 * gets that answer. Closing the connection on an unread body (what a plain
 * `Connection: close` does) makes the server's TCP stack reset the client while
 * it is still sending, so Node's `fetch` sees EPIPE instead of the 413 and an
 * outbox retries a write that can never succeed. RFC 9112 §9.6: a server that
 * refuses a body should read and discard it before closing. So the rest of the
 * body is read and thrown away — up to `drainLimit` bytes, while it keeps
 * arriving — and then answered; the connection stays usable. A body beyond
 * what is worth draining is answered at once with `Connection: close`.
 */
import type { Context, MiddlewareHandler } from "hono";

export interface BodyLimitOptions {
  /** Largest body the route accepts, in bytes. */
  maxSize: number;
  /** Bytes of a refused body read and discarded before answering (default 64 MiB). */
  drainLimit?: number;
  /** Milliseconds without a byte after which a refused body is no longer waited for (default 10 s). */
  idleMs?: number;
  /** The refusal (a 413 problem); `close` says the connection will be closed, the body not read to its end. */
  onRefuse: (c: Context, close: boolean) => Response | Promise<Response>;
}

export const DEFAULT_DRAIN_LIMIT = 64 * 1024 * 1024;

type Reader = ReadableStreamDefaultReader<Uint8Array>;

/** Reads and discards until the body ends (true), or until `budget` bytes or `idleMs` of silence (false). */
async function discard(reader: Reader, budget: number, idleMs: number): Promise<boolean> {
  let left = budget;
  for (;;) {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const idle = new Promise<"idle">((resolve) => {
      timer = setTimeout(() => resolve("idle"), idleMs);
    });
    const next = await Promise.race([reader.read(), idle]).finally(() => clearTimeout(timer));
    if (next === "idle") return false;
    if (next.done) return true;
    left -= next.value.byteLength;
    if (left < 0) return false;
  }
}

/**
 * The body limit as a middleware. A declared Content-Length within the limit
 * passes untouched (Node's parser holds the client to it); a chunked body is
 * read up to the limit and handed on as a buffer.
 */
export function limitBody(options: BodyLimitOptions): MiddlewareHandler {
  const { maxSize, drainLimit = DEFAULT_DRAIN_LIMIT, idleMs = 10_000, onRefuse } = options;
  return async (c, next) => {
    const body = c.req.raw.body;
    if (!body) return next();
    const length = c.req.header("content-length");
    const declared = length !== undefined && !c.req.header("transfer-encoding") ? Number(length) : undefined;
    if (declared !== undefined && Number.isFinite(declared) && declared <= maxSize) return next();
    if (declared !== undefined && declared > drainLimit) return onRefuse(c, true);
    const reader = body.getReader();
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxSize) {
        const ended = await discard(reader, drainLimit - size, idleMs);
        if (!ended) void reader.cancel().catch(() => undefined);
        return onRefuse(c, !ended);
      }
      chunks.push(value);
    }
    const whole = new Uint8Array(size);
    let offset = 0;
    for (const chunk of chunks) {
      whole.set(chunk, offset);
      offset += chunk.byteLength;
    }
    c.req.raw = new Request(c.req.raw, { body: whole });
    return next();
  };
}
