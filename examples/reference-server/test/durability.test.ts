/**
 * `kill -9` in the middle of writes on PostgreSQL: every write the server
 * acknowledged (201) is in the database afterwards. The server is a real
 * process (`src/main.ts`), killed with SIGKILL while requests are in flight.
 */
import pg from "pg";
import { describe, expect, it } from "vitest";
import { generateDemoPortfolio } from "@bankcrm/core/demo";
import { freshPostgresSchema } from "../../../packages/data/test/support/postgres.js";
import { signDemoToken } from "../src/auth.js";
import { spawnReferenceServer } from "./support/process.js";

describe("the reference server on PostgreSQL", () => {
  it("loses no acknowledged write when its process is killed with SIGKILL mid-write", async () => {
    const schema = await freshPostgresSchema();
    const server = await spawnReferenceServer({ DATABASE_URL: schema.url, SEED: "40" });
    const { child, exited, secret } = server;

    const customer = generateDemoPortfolio({ seed: "bankcrm", customers: 40 }).customers[0]!;
    const token = await signDemoToken(
      { id: customer.relationshipManagerId!, role: "relationship_manager", branchId: customer.branchId },
      { secret },
    );
    const acknowledged: string[] = [];
    let sent = 0;
    let killed = false;
    const write = async (n: number) => {
      const id = `IN-KILL-${n}`;
      sent++;
      try {
        const response = await fetch(new URL("interactions", server.url), {
          method: "POST",
          headers: {
            Authorization: `Bearer ${token}`,
            "Content-Type": "application/json",
            "Idempotency-Key": crypto.randomUUID(),
          },
          body: JSON.stringify({
            id,
            customerId: customer.id,
            at: "2026-11-30T01:00:00Z",
            channel: "phone",
            type: "call",
            summary: `write ${n}`,
            outcome: "follow_up",
            confidential: false,
          }),
        });
        if (response.status === 201) acknowledged.push(id);
        else throw new Error(`unexpected ${response.status}: ${await response.text()}`);
      } catch (error) {
        if (!killed) throw error;
      }
    };
    // Eight writers at once; the process dies after the 150th acknowledgement, with writes in flight.
    let next = 0;
    const writer = async () => {
      while (!killed) {
        await write(next++);
        if (acknowledged.length >= 150 && !killed) {
          killed = true;
          child.kill("SIGKILL");
        }
      }
    };
    await Promise.all(Array.from({ length: 8 }, writer));
    await exited;

    const client = new pg.Client({ connectionString: schema.url });
    await client.connect();
    const stored = new Set(
      (
        await client.query<{ id: string }>(
          "SELECT id FROM records WHERE collection = 'interactions' AND id LIKE 'IN-KILL-%'",
        )
      ).rows.map((r) => r.id),
    );
    await client.end();
    await schema.drop();
    expect(acknowledged.length).toBeGreaterThanOrEqual(150);
    expect(sent).toBeGreaterThan(acknowledged.length); // some were in flight when it died
    expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
  }, 120_000);
});
