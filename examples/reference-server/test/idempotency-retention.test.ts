/**
 * Idempotency-Key answers are kept for IDEMPOTENCY_RETENTION_DAYS, not forever:
 * each holds the record it answered with, so the table grew by a row of
 * personal data per POST. Within the period a retry gets the stored answer;
 * past it the answer is gone, and a retry of a create is a new request — its
 * id is taken, so a 412 carrying the stored record, never a second record.
 */
import { describe, expect, it } from "vitest";
import { useReferenceServer } from "../../../packages/data/test/support/reference-server.js";
import { pruneIdempotency } from "../src/serving.js";
import { call, callNote, rm, seededServer } from "./support/demo-bank.js";

describe("Idempotency-Key answers' retention", () => {
  const ready = seededServer(useReferenceServer());

  it("drops answers older than the period, keeps the rest, and a late retry writes nothing twice", async () => {
    const s = await ready();
    const customerId = (
      await s.db.query<{ id: string }>("SELECT id FROM records WHERE collection = 'customers' AND rm_id = $1 LIMIT 1", [
        rm.id,
      ])
    ).rows[0]!.id;
    const [old, recent] = [crypto.randomUUID(), crypto.randomUUID()];
    const first = await call(s, rm, "POST", "interactions", callNote("IN-KEEP-OLD", customerId), {
      "Idempotency-Key": old,
    });
    expect(first.status, first.text).toBe(201);
    expect(
      (await call(s, rm, "POST", "interactions", callNote("IN-KEEP-NEW", customerId), { "Idempotency-Key": recent }))
        .status,
    ).toBe(201);
    await s.db.query("UPDATE idempotency SET created_at = now() - interval '40 days' WHERE key LIKE $1", [`%:${old}`]);

    expect(await pruneIdempotency(s.db, new Date(Date.now() - 30 * 86_400_000))).toBe(1);
    const left = await s.db.query<{ key: string }>("SELECT key FROM idempotency WHERE key LIKE $1 OR key LIKE $2", [
      `%:${old}`,
      `%:${recent}`,
    ]);
    expect(left.rows.map((r) => r.key.split(":").at(-1))).toEqual([recent]);

    // Within the period: the stored answer. Past it: a new request, whose id is taken.
    expect(
      (await call(s, rm, "POST", "interactions", callNote("IN-KEEP-NEW", customerId), { "Idempotency-Key": recent }))
        .status,
    ).toBe(201);
    const late = await call(s, rm, "POST", "interactions", callNote("IN-KEEP-OLD", customerId), {
      "Idempotency-Key": old,
    });
    expect(late.status).toBe(412);
    const stored = await s.db.query<{ n: number }>("SELECT count(*)::int AS n FROM records WHERE id = 'IN-KEEP-OLD'");
    expect(stored.rows[0]!.n).toBe(1);
  });
});
