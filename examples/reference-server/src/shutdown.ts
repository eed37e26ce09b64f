/**
 * Stopping without failing what is in flight: stop taking connections, let the
 * requests under way finish (idle keep-alive connections are closed at once),
 * and only then close the database — a pool ended under a request fails it
 * with "Cannot use a pool after calling end on the pool". A request still
 * running after the grace period is cut, so a stop always ends.
 *
 * The server's connections are not the whole story: a client that gives up (a
 * load generator at the end of its run, a browser tab closed) closes its
 * connection while the handler still runs, and the server stops waiting for
 * it. `trackHandlers` counts the handlers themselves; the database closes when
 * the last has returned.
 */
import type { Server } from "node:http";

export interface StopOptions {
  /** How long requests in flight may take to finish (default 10 s). */
  graceMs?: number;
  /** Resolves when no request handler is running (`trackHandlers`' `settled`). */
  handlersSettled?: () => Promise<void>;
}

/** Wraps a fetch handler to count the calls still running; `settled` resolves when there are none. */
export function trackHandlers<A extends unknown[]>(fetch: (...args: A) => Response | Promise<Response>) {
  let running = 0;
  const waiting: (() => void)[] = [];
  return {
    fetch: async (...args: A): Promise<Response> => {
      running++;
      try {
        return await fetch(...args);
      } finally {
        if (--running === 0) for (const done of waiting.splice(0)) done();
      }
    },
    settled: (): Promise<void> => (running === 0 ? Promise.resolve() : new Promise((done) => waiting.push(done))),
  };
}

export function stopGracefully(
  server: Pick<Server, "close" | "closeIdleConnections" | "closeAllConnections">,
  closeDatabase: () => Promise<void>,
  options: StopOptions = {},
): Promise<void> {
  const graceMs = options.graceMs ?? 10_000;
  const deadline = Date.now() + graceMs;
  return new Promise((done, fail) => {
    const cut = setTimeout(() => server.closeAllConnections(), graceMs);
    server.close(() => {
      clearTimeout(cut);
      // Handlers whose client left are still running: wait for them too, within what is left of the grace period.
      const left = Math.max(0, deadline - Date.now());
      let timer: ReturnType<typeof setTimeout> | undefined;
      const outlasted = new Promise<void>((resolve) => (timer = setTimeout(resolve, left)));
      Promise.race([options.handlersSettled?.() ?? Promise.resolve(), outlasted])
        .finally(() => clearTimeout(timer))
        .then(closeDatabase)
        .then(done, fail);
    });
    server.closeIdleConnections();
  });
}
