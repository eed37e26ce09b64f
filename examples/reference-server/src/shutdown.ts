/**
 * Stopping without failing what is in flight: stop taking connections, let the
 * requests under way finish (idle keep-alive connections are closed at once),
 * and only then close the database — a pool ended under a request fails it
 * with "Cannot use a pool after calling end on the pool". A request still
 * running after the grace period is cut, so a stop always ends.
 */
import type { Server } from "node:http";

export interface StopOptions {
  /** How long requests in flight may take to finish (default 10 s). */
  graceMs?: number;
}

export function stopGracefully(
  server: Pick<Server, "close" | "closeIdleConnections" | "closeAllConnections">,
  closeDatabase: () => Promise<void>,
  options: StopOptions = {},
): Promise<void> {
  return new Promise((done, fail) => {
    const cut = setTimeout(() => server.closeAllConnections(), options.graceMs ?? 10_000);
    server.close(() => {
      clearTimeout(cut);
      closeDatabase().then(done, fail);
    });
    server.closeIdleConnections();
  });
}
