/**
 * A body over a route's limit gets its 413 — over a real TCP connection to the
 * server's own process, as Node's `fetch` (what the HTTP store and the outbox
 * use) sends it. Closing on the unread body made the client's write fail with
 * EPIPE instead (11 of 16 tries before the fix), and the outbox took that for
 * being offline and retried for ever.
 */
import "fake-indexeddb/auto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeError } from "@bankcrm/core";
import { createHttpStore, createOutbox, failureReason, httpSender } from "../../../packages/data/src/index.js";
import { newLead } from "../../../packages/data/test/support/leads.js";
import { signDemoToken } from "../src/auth.js";
import { spawnReferenceServer, type ServerProcess } from "./support/process.js";

const MB = 1024 * 1024;
const RM = { id: "ST-BJ-CY-RE1", role: "relationship_manager" as const, branchId: "BR-BJ-CY" };

describe("a body over the limit", () => {
  let server: ServerProcess;
  let token: string;
  beforeAll(async () => {
    server = await spawnReferenceServer();
    token = await signDemoToken(RM, { secret: server.secret });
  }, 60_000);
  afterAll(() => server?.stop());

  const post = (body: BodyInit, init: RequestInit = {}) =>
    fetch(new URL("leads", server.url), {
      method: "POST",
      headers: {
        Authorization: `Bearer ${token}`,
        "Content-Type": "application/json",
        "Idempotency-Key": crypto.randomUUID(),
      },
      body,
      ...init,
    });
  const outcome = async (sent: Promise<Response>) => {
    try {
      const response = await sent;
      const problem = (await response.json()) as { code?: string };
      return `${response.status} ${problem.code ?? ""}`;
    } catch (error) {
      return String((error as Error).cause ?? error);
    }
  };

  it("is answered 413 to Node's fetch, 50 times out of 50, and the connection stays usable", async () => {
    const body = JSON.stringify({ ...newLead("LD-BIG"), notes: "x".repeat(20 * MB) });
    const outcomes: Record<string, number> = {};
    for (let i = 0; i < 50; i++) {
      const o = await outcome(post(body));
      outcomes[o] = (outcomes[o] ?? 0) + 1;
    }
    expect(outcomes).toEqual({ "413 payload_too_large": 50 });
    // Sent in chunks, with no length declared: read to the limit, the rest discarded, then the same answer.
    const chunk = new TextEncoder().encode("x".repeat(MB));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull: (c) => (sent++ < 20 ? c.enqueue(chunk) : c.close()),
    });
    expect(await outcome(post(stream, { duplex: "half" } as RequestInit))).toBe("413 payload_too_large");
    // A body within the limit still gets through.
    expect((await post(JSON.stringify(newLead("LD-SMALL")))).status).toBe(201);
  }, 120_000);

  it("is a refusal to the outbox — failed for a person to see, not retried as if offline", async () => {
    const http = createHttpStore({ baseUrl: server.url, getToken: () => token, retries: 0 });
    const outbox = await createOutbox({ name: "outbox-413", send: httpSender(http), backoff: { baseMs: 1, maxMs: 5 } });
    await outbox.enqueue("create", {
      collection: "leads",
      id: "LD-HUGE",
      expectedVersion: null,
      record: { ...newLead("LD-HUGE"), notes: "x".repeat(20 * MB) },
    });
    expect(await outbox.flush()).toEqual([]);
    expect(await outbox.status()).toMatchObject({ pending: 0, failed: 1, conflicts: 0 });
    const [entry] = await outbox.entries();
    expect(entry).toMatchObject({ state: "failed", attempts: 0, lastError: { status: 413 } });
    expect(failureReason(entry!.lastError!, "zh-CN")).toBe("内容过大，服务器已拒收，重试也不会成功；请删减后重新提交");
    expect(failureReason(entry!.lastError!, "en")).toMatch(/^Too large for the server/);
    // The HTTP store's error says the same through describeError.
    const refused = await http
      .create("leads", { ...newLead("LD-HUGE-2"), notes: "x".repeat(2 * MB) }, crypto.randomUUID())
      .catch((e: unknown) => e);
    expect(describeError(refused, "en")).toMatch(/^Too large for the server/);
    outbox.close();
  }, 60_000);
});
