/**
 * Two reference-server processes on one PostgreSQL database behind a balancer
 * behave as one (#31): one rate limit per caller, an Idempotency-Key's answer
 * and an If-Match version wherever the retry lands — twins sent to both at
 * once included — one audit chain under reveals on both, and a rolling restart
 * that loses and fails no request. (The change feed's sequence across the two
 * is changes-processes.test.ts'.)
 */
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshPostgresSchema } from "../../../packages/data/test/support/postgres.js";
import { newLead } from "../../../packages/data/test/support/leads.js";
import { signDemoToken } from "../src/auth.js";
import { verifyAudit } from "../src/audit.js";
import { openDatabase } from "../src/database.js";
import { callNote } from "./support/demo-bank.js";
import { spawnReferenceServer, type ServerProcess } from "./support/process.js";

const customerId = "CU00000001";
/** 120 a minute: bursts of 20 (the default's floor), two tokens back a second. */
const RATE_LIMIT = 120;

let schema: Awaited<ReturnType<typeof freshPostgresSchema>>;
let env: Record<string, string>;
let a: ServerProcess;
let b: ServerProcess;

beforeAll(async () => {
  schema = await freshPostgresSchema();
  env = {
    DATABASE_URL: schema.url,
    SEED: "20",
    AUTH_SECRET: randomBytes(32).toString("hex"),
    RATE_LIMIT: String(RATE_LIMIT),
  };
  a = await spawnReferenceServer(env);
  b = await spawnReferenceServer(env); // after a: the seed is written once
}, 60_000);

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await schema?.drop();
});

/** Head office's manager under an id of the test's own: each test its own bucket. */
const tokenFor = (id: string) =>
  signDemoToken({ id: `ST-TEST-${id}`, role: "branch_manager", branchId: "HQ" }, { secret: env.AUTH_SECRET! });

async function send(
  server: ServerProcess,
  token: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  const r = await fetch(new URL(path, server.url), {
    method,
    headers: {
      Authorization: `Bearer ${token}`,
      ...(body !== undefined ? { "Content-Type": "application/json" } : {}),
      ...headers,
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await r.text();
  return { status: r.status, text, etag: r.headers.get("ETag"), retryAfter: r.headers.get("Retry-After") };
}

describe("two server processes on one PostgreSQL database", () => {
  it("allow a caller the rate once, not once per process", async () => {
    const token = await tokenFor("RATE");
    const answers: { on: string; status: number; retryAfter: string | null }[] = [];
    for (let i = 0; i < 30; i++) {
      const [on, server] = i % 2 === 0 ? ["a", a] : ["b", b];
      const r = await send(server, token, "GET", "campaigns");
      answers.push({ on, status: r.status, retryAfter: r.retryAfter });
    }
    const allowed = answers.filter((r) => r.status === 200).length;
    // Per process, each would allow its own 20 of its 15: all 30. Shared: the burst, and what refilled meanwhile.
    expect(allowed).toBeGreaterThanOrEqual(20);
    expect(allowed).toBeLessThanOrEqual(23);
    const refused = answers.filter((r) => r.status === 429);
    expect(refused.length).toBe(30 - allowed);
    expect(new Set(refused.map((r) => r.on))).toEqual(new Set(["a", "b"]));
    expect(refused.every((r) => Number(r.retryAfter) >= 1)).toBe(true);
    // Another caller has a bucket of their own.
    expect((await send(b, await tokenFor("RATE-OTHER"), "GET", "campaigns")).status).toBe(200);
  });

  it("answer a retry on the other process with the first's answer, and refuse the key with another body", async () => {
    const token = await tokenFor("KEYS");
    const key = { "Idempotency-Key": crypto.randomUUID() };
    const first = await send(a, token, "POST", "interactions", callNote("IN-KEYS-1", customerId), key);
    expect(first.status, first.text).toBe(201);
    const retry = await send(b, token, "POST", "interactions", callNote("IN-KEYS-1", customerId), key);
    expect(retry.status).toBe(201);
    expect(JSON.parse(retry.text)).toEqual(JSON.parse(first.text));
    const reused = await send(b, token, "POST", "interactions", callNote("IN-KEYS-2", customerId), key);
    expect(reused.status).toBe(422);
  });

  it("give twins sent to both at once one write and one answer, a create's and a transition's", async () => {
    const token = await tokenFor("TWINS");
    const twins = async (path: string, body: unknown, headers: Record<string, string> = {}) => {
      const key = { "Idempotency-Key": crypto.randomUUID(), ...headers };
      return Promise.all([send(a, token, "POST", path, body, key), send(b, token, "POST", path, body, key)]);
    };
    for (let n = 0; n < 5; n++) {
      const created = await twins("leads", newLead(`LD-TWIN-${n}`, customerId));
      expect(created.map((r) => r.status)).toEqual([201, 201]);
      expect(JSON.parse(created[0].text)).toEqual(JSON.parse(created[1].text));
      const moved = await twins(
        `leads/LD-TWIN-${n}/transitions`,
        { event: "contact", at: "2026-12-01T02:00:00Z" },
        { "If-Match": '"v1"' },
      );
      expect(moved.map((r) => r.status)).toEqual([200, 200]);
      expect(JSON.parse(moved[0].text)).toEqual(JSON.parse(moved[1].text));
      expect(JSON.parse(moved[0].text)).toMatchObject({ status: "contacted", version: 2 });
    }
    const db = await openDatabase({ url: schema.url, poolSize: 1 });
    try {
      const { rows } = await db.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM records WHERE collection = 'leads' AND id LIKE 'LD-TWIN-%' AND body->>'version' = '2'",
      );
      expect(rows[0]!.n).toBe(5);
    } finally {
      await db.close();
    }
  });

  it("refuse a change from a version the other process has moved past", async () => {
    const token = await tokenFor("MATCH");
    const created = await send(a, token, "POST", "interactions", callNote("IN-MATCH", customerId), {
      "Idempotency-Key": crypto.randomUUID(),
    });
    expect(created.etag).toBe('"v1"');
    const note = { ...JSON.parse(created.text), summary: "改约下周二面谈" };
    const onB = await send(b, token, "PUT", "interactions/IN-MATCH", note, { "If-Match": '"v1"' });
    expect(onB.status, onB.text).toBe(200);
    const onA = await send(
      a,
      token,
      "PUT",
      "interactions/IN-MATCH",
      { ...note, summary: "旧版本" },
      { "If-Match": '"v1"' },
    );
    expect(onA.status).toBe(412);
  });

  it("keep one audit chain under reveals on both at once", async () => {
    const callers = await Promise.all(["AUD-1", "AUD-2", "AUD-3"].map(tokenFor));
    const reveals = callers.flatMap((token, c) =>
      Array.from({ length: 6 }, (_, i) =>
        send(i % 2 === 0 ? a : b, token, "POST", `customers/CU0000000${1 + ((c + i) % 9)}/reveal`, {
          field: "contact.mobile",
          reason: "客户来电核实身份",
        }),
      ),
    );
    const answers = await Promise.all(reveals);
    expect(answers.map((r) => r.status)).toEqual(Array(18).fill(200));
    const db = await openDatabase({ url: schema.url, poolSize: 1 });
    try {
      const verified = await verifyAudit(db.driver);
      expect(verified.ok).toBe(true);
      const { rows } = await db.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM audit_log WHERE action = 'reveal' AND actor_id LIKE 'ST-TEST-AUD-%'",
      );
      expect(rows[0]!.n).toBe(18);
    } finally {
      await db.close();
    }
  });

  it("lose and fail no request while one restarts under a balancer", async () => {
    // The balancer: round robin over the processes in rotation. A process leaves it, then is sent SIGTERM with
    // requests still in flight on it; its successor joins when it listens.
    const rotation = [a, b];
    let turn = 0;
    let writing = true;
    const answers: { id: string; status: number }[] = [];
    const tokens = await Promise.all(Array.from({ length: 6 }, (_, w) => tokenFor(`ROLL-${w}`)));
    const writers = tokens.map(async (token, w) => {
      for (let n = 0; writing; n++) {
        const id = `IN-ROLL-${w}-${n}`;
        const server = rotation[turn++ % rotation.length]!;
        const r = await send(server, token, "POST", "interactions", callNote(id, customerId), {
          "Idempotency-Key": crypto.randomUUID(),
        });
        answers.push({ id, status: r.status });
        await new Promise((resolve) => setTimeout(resolve, 500)); // two a second: the refill's pace
      }
    });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    rotation.splice(rotation.indexOf(a), 1);
    // The balancer's deregistration delay: a request it sent just before is on the wire when SIGTERM comes.
    await new Promise((resolve) => setTimeout(resolve, 20));
    const stopped = a.stop();
    a = await spawnReferenceServer(env);
    rotation.push(a);
    await stopped;
    await new Promise((resolve) => setTimeout(resolve, 1000));
    writing = false;
    await Promise.all(writers);

    expect(answers.length).toBeGreaterThan(20);
    expect(answers.filter((r) => r.status !== 201)).toEqual([]);
    const db = await openDatabase({ url: schema.url, poolSize: 1 });
    try {
      const { rows } = await db.query<{ id: string }>(
        "SELECT id FROM records WHERE collection = 'interactions' AND id LIKE 'IN-ROLL-%' ORDER BY id",
      );
      expect(rows.map((r) => r.id)).toEqual(answers.map((r) => r.id).sort());
    } finally {
      await db.close();
    }
  }, 60_000);
});
