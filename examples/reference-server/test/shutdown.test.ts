/**
 * Stopping the server (#31): what is in flight finishes before the database
 * closes — before, the pool was ended under running requests ("Cannot use a
 * pool after calling end on the pool") — nothing new is taken once it stops, and
 * a request that outlasts the grace period is cut, so a stop always ends.
 */
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { describe, expect, it } from "vitest";
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { openDatabase } from "../src/database.js";
import { stopGracefully, trackHandlers } from "../src/shutdown.js";

/**
 * A server whose /slow/:ms answers after that many milliseconds — from PGlite when `withDatabase`
 * (closed for real by the stop), else from memory.
 */
async function slowServer(withDatabase = true) {
  const db = withDatabase ? await openDatabase({}) : undefined;
  const events: string[] = [];
  const app = new Hono();
  app.get("/slow/:ms", async (c) => {
    await new Promise((r) => setTimeout(r, Number(c.req.param("ms"))));
    const r = db ? await db.query<{ n: number }>("SELECT count(*)::int AS n FROM records") : { rows: [{ n: 0 }] };
    events.push(`answered ${c.req.param("ms")}`);
    return c.json({ n: r.rows[0]!.n });
  });
  const handlers = trackHandlers(app.fetch);
  const server = await new Promise<Server>((resolve) => {
    const s = serve({ fetch: handlers.fetch, port: 0, hostname: "127.0.0.1" }, () => resolve(s as Server));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const close = async () => {
    events.push("database closed");
    await db?.close();
  };
  return { server, url, events, close, settled: handlers.settled };
}

describe("stopping the reference server", () => {
  it("lets the requests in flight finish, then closes the database; takes nothing new", async () => {
    const { server, url, events, close } = await slowServer();
    // An idle keep-alive connection must not hold the stop open.
    expect((await fetch(`${url}/slow/0`)).status).toBe(200);
    const inFlight = [300, 500, 700].map((ms) => fetch(`${url}/slow/${ms}`).then((r) => r.json()));
    await new Promise((r) => setTimeout(r, 100));
    const stopped = stopGracefully(server, close);
    await expect(fetch(`${url}/slow/0`)).rejects.toThrow();
    expect(await Promise.all(inFlight)).toEqual([{ n: 0 }, { n: 0 }, { n: 0 }]);
    await stopped;
    expect(events).toEqual(["answered 0", "answered 300", "answered 500", "answered 700", "database closed"]);
  });

  it("waits for a handler whose client has gone — the server no longer does — before closing the database", async () => {
    const { server, url, events, close, settled } = await slowServer();
    const client = new AbortController();
    const gone = fetch(`${url}/slow/400`, { signal: client.signal }).catch(() => "aborted");
    await new Promise((r) => setTimeout(r, 100));
    client.abort(); // as a load generator does at the end of its run: the connection closes, the handler runs on
    expect(await gone).toBe("aborted");
    await stopGracefully(server, close, { handlersSettled: settled });
    // Before, the database closed at once, under the running handler ("Cannot use a pool after calling end").
    expect(events).toEqual(["answered 400", "database closed"]);
  });

  it("cuts a request that outlasts the grace period, so a stop always ends", async () => {
    const { server, url, events, close } = await slowServer(false);
    const stuck = fetch(`${url}/slow/5000`).then(
      (r) => r.status,
      () => "cut",
    );
    await new Promise((r) => setTimeout(r, 100));
    await stopGracefully(server, close, { graceMs: 200 });
    // Stopped before the request could answer: it was cut, not waited for.
    expect(events).toEqual(["database closed"]);
    expect(await stuck).toBe("cut");
  });
});
