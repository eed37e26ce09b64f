/**
 * The change feed on PostgreSQL as a bank runs it: a write still open never
 * lets a later one take an earlier number, and two server processes on one
 * database — each writing, each streaming, one restarted mid-stream — give
 * every subscriber the same contiguous sequence: nothing lost, nothing twice.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { freshPostgresSchema } from "../../../packages/data/test/support/postgres.js";
import { signDemoToken } from "../src/auth.js";
import { openDatabase } from "../src/database.js";
import { spawnReferenceServer, type ServerProcess } from "./support/process.js";
import { callNote } from "./support/demo-bank.js";
import { changesIn, follow, type Following } from "./support/sse.js";

const customerId = "CU00000001";
const note = (id: string) => callNote(id, customerId);

describe("the change feed on PostgreSQL", () => {
  it("never numbers a write ahead of one that is still open: the later commit waits for the earlier", async () => {
    const schema = await freshPostgresSchema();
    const db = await openDatabase({ url: schema.url, poolSize: 3 });
    const open = new pg.Client({ connectionString: schema.url });
    await open.connect();
    try {
      await open.query("BEGIN");
      await open.query(
        "INSERT INTO records (collection, id, body, etag) VALUES ('interactions', 'IN-OPEN', '{\"id\":\"IN-OPEN\"}', '\"v1\"')",
      );
      await db.put("interactions", { id: "IN-COMMITTED" });
      await db.changes.publish();
      // The committed write's transaction is younger than the open one: it waits, unnumbered.
      expect((await db.changes.bounds()).head).toBe(0);
      expect((await db.changes.page(0, 10)).items).toEqual([]);
      await open.query("COMMIT");
      await db.changes.publish();
      const { items } = await db.changes.page(0, 10);
      expect(items.map((i) => [i.seq, i.id])).toEqual([
        [1, "IN-OPEN"],
        [2, "IN-COMMITTED"],
      ]);
    } finally {
      await open.end();
      await db.close();
      await schema.drop();
    }
  });

  it("gives every subscriber of two server processes one contiguous sequence, across a restart of one", async () => {
    const schema = await freshPostgresSchema();
    const secret = randomBytes(32).toString("hex");
    const env = { DATABASE_URL: schema.url, SEED: "20", AUTH_SECRET: secret };
    let a: ServerProcess | undefined;
    let b: ServerProcess | undefined;
    const streams: Following[] = [];
    try {
      a = await spawnReferenceServer(env);
      b = await spawnReferenceServer(env);
      const token = await signDemoToken({ id: "ST-TEST-HQ", role: "branch_manager", branchId: "HQ" }, { secret });
      const write = async (server: ServerProcess, id: string) => {
        const r = await fetch(new URL("interactions", server.url), {
          method: "POST",
          headers: {
            Authorization: `Bearer ${token}`,
            "Content-Type": "application/json",
            "Idempotency-Key": crypto.randomUUID(),
          },
          body: JSON.stringify(note(id)),
        });
        expect(r.status, await r.text()).toBe(201);
      };
      const onA = await follow(a.url, token, "0");
      const onB = await follow(b.url, token, "0");
      streams.push(onA, onB);
      // Four writers on each process at once: 60 writes.
      const writers = (server: ServerProcess, name: string) =>
        Array.from({ length: 4 }, async (_, w) => {
          for (let n = 0; n < 5; n++) await write(server, `IN-${name}-${w}-${n}`);
        });
      await Promise.all([...writers(a, "A1"), ...writers(b, "B1")]);
      await onA.until((e) => changesIn(e).length >= 40);
      await onB.until((e) => changesIn(e).length >= 40);

      // B restarts while A keeps writing; B's subscriber comes back with the last id it saw.
      const lastOnB = onB.events.at(-1)!.id!;
      onB.close();
      await b.stop();
      const during = Promise.all(writers(a, "A2"));
      b = await spawnReferenceServer(env);
      const resumed = await follow(b.url, token, lastOnB);
      streams.push(resumed);
      await during;
      await Promise.all(writers(b, "B2"));
      await onA.until((e) => changesIn(e).length >= 80, 10_000);
      await resumed.until((e) => changesIn(e).length >= 80 - Number(lastOnB), 10_000);

      const seqs = (events: Following["events"]) => changesIn(events).map((c) => c.seq);
      const contiguous = Array.from({ length: 80 }, (_, i) => i + 1);
      expect(seqs(onA.events)).toEqual(contiguous);
      expect([...seqs(onB.events), ...seqs(resumed.events)]).toEqual(contiguous);
      const ids = changesIn(onA.events).map((c) => c.id);
      expect(new Set(ids).size).toBe(80);
      expect(ids.filter((id) => id.startsWith("IN-B2-"))).toHaveLength(20);
    } finally {
      for (const s of streams) s.close();
      await a?.stop();
      await b?.stop();
      await schema.drop();
    }
  }, 60_000);
});
