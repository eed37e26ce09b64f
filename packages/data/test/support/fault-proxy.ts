/**
 * A fault-injecting HTTP proxy on loopback, in front of the reference server:
 * it drops connections, answers 500 or 503 with Retry-After, delays, and loses
 * responses after the server has committed — chosen by a seeded random, so a
 * failing run can be replayed.
 */
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createRandom } from "@bankcrm/core/demo";

export interface FaultCounts {
  dropped: number;
  unavailable: number;
  errors: number;
  lostResponses: number;
  delayed: number;
  passed: number;
}

async function body(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function startFaultProxy(
  upstream: string,
  seed = "faults",
): Promise<{ url: string; counts: FaultCounts; close(): Promise<void> }> {
  const rnd = createRandom(seed);
  const counts: FaultCounts = { dropped: 0, unavailable: 0, errors: 0, lostResponses: 0, delayed: 0, passed: 0 };
  const server: Server = createServer((req, res) => {
    void (async () => {
      const payload = await body(req);
      const roll = rnd.next();
      if (roll < 0.08) {
        counts.dropped++;
        req.socket.destroy();
        return;
      }
      if (roll < 0.16) {
        counts.unavailable++;
        res
          .writeHead(503, { "Content-Type": "application/problem+json", "Retry-After": "0" })
          .end(JSON.stringify({ title: "Service unavailable", status: 503 }));
        return;
      }
      if (roll < 0.21) {
        counts.errors++;
        res
          .writeHead(500, { "Content-Type": "application/problem+json" })
          .end(JSON.stringify({ title: "Internal error", status: 500 }));
        return;
      }
      if (roll >= 0.21 && roll < 0.31) {
        counts.delayed++;
        await new Promise((r) => setTimeout(r, 15));
      }
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers))
        if (typeof v === "string" && k !== "host" && k !== "connection" && k !== "content-length") headers.set(k, v);
      const response = await fetch(new URL(req.url ?? "/", upstream), {
        method: req.method ?? "GET",
        headers,
        ...(payload.length > 0 ? { body: new Uint8Array(payload) } : {}),
      });
      const text = await response.text();
      if (roll >= 0.31 && roll < 0.39) {
        // The server committed; the client never hears of it.
        counts.lostResponses++;
        req.socket.destroy();
        return;
      }
      counts.passed++;
      const out: Record<string, string> = {};
      response.headers.forEach((v, k) => {
        if (k !== "content-length" && k !== "transfer-encoding" && k !== "content-encoding") out[k] = v;
      });
      res.writeHead(response.status, out).end(text);
    })().catch(() => req.socket.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    counts,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
