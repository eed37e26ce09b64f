/**
 * The nightly segment table (#31): after a refresh it holds exactly what the
 * live customer view holds, so every segment finds the same customers on it; a
 * customer's own record — a consent withdrawn, a move to another branch, an
 * erasure — reaches it at once, while balances and activity wait for the next
 * refresh, as in the bank's warehouse. On PGlite and on PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { customerFieldCatalog, toSql, type Rule, type SegmentDefinition } from "@bankcrm/core";
import { boundTo } from "@bankcrm/core/compliance";
import { freshPostgresSchema } from "../../../packages/data/test/support/postgres.js";
import { openDatabase } from "../src/database.js";
import {
  refreshSegments,
  segmentSnapshot,
  SEGMENT_BULK,
  SEGMENT_TABLE,
  SEGMENT_VIEW,
} from "../src/segment-snapshot.js";
import { seedDemo } from "../src/seed.js";

const SEEDED = 150;
const definition = (id: string, rule: Rule): SegmentDefinition => ({
  schemaVersion: 1,
  id,
  name: id,
  version: 1,
  rule,
});
const WEALTHY = definition("wealthy", { field: "aum", op: "gte", value: 20_000_000 });
const DEFINITIONS: SegmentDefinition[] = [
  WEALTHY,
  definition("active", { field: "transactionCount90d", op: "gte", value: 5 }),
  definition("quiet-or-never", {
    any: [
      { field: "daysSinceLastTransaction", op: "gt", value: 60 },
      { field: "lastTransactionAt", op: "isEmpty" },
    ],
  }),
  definition("tiers", { field: "tier", op: "in", value: ["gold", "platinum", "private"] }),
  definition("products", { field: "productTypes", op: "hasAny", value: ["mortgage", "fund"] }),
  boundTo(definition("everyone", { field: "status", op: "isNotEmpty" }), "marketing", customerFieldCatalog),
];
const MARKETING = DEFINITIONS.at(-1)!;

for (const database of ["pglite", "postgres"] as const) {
  describe(`the nightly segment table (${database})`, () => {
    let db: Awaited<ReturnType<typeof openDatabase>>;
    let drop: (() => Promise<void>) | undefined;
    beforeAll(async () => {
      const schema = database === "postgres" ? await freshPostgresSchema() : undefined;
      drop = schema?.drop;
      db = await openDatabase(
        schema ? { url: schema.url, poolSize: 3, segments: "snapshot" } : { segments: "snapshot" },
      );
      await seedDemo(db, SEEDED);
    }, 60_000);
    afterAll(async () => {
      await db?.close();
      await drop?.();
    });

    /** The segment's members on the live view or the table. */
    const members = async (table: string, def: SegmentDefinition) => {
      const { text, values } = toSql(def, customerFieldCatalog, { dialect: "postgres", table });
      return (await db.query<{ id: string }>(`${text} ORDER BY id`, values)).rows.map((r) => r.id);
    };
    const same = async (def: SegmentDefinition) =>
      expect(await members(SEGMENT_TABLE, def)).toEqual(await members(SEGMENT_VIEW, def));

    it("holds after a refresh what the live view holds: every segment finds the same customers", async () => {
      expect(await segmentSnapshot(db.driver)).toBeUndefined();
      const refresh = await refreshSegments(db.driver);
      expect(refresh.customers).toBe(SEEDED);
      expect(await segmentSnapshot(db.driver)).toMatchObject({ customers: SEEDED });
      let splitting = 0;
      for (const def of DEFINITIONS) {
        await same(def);
        const n = (await members(SEGMENT_VIEW, def)).length;
        if (n > 0 && n < SEEDED) splitting++;
      }
      expect(splitting).toBeGreaterThanOrEqual(DEFINITIONS.length - 1);
      // The server's own evaluation reads the table (SEGMENTS=snapshot).
      expect(db.segmentSource).toBe(SEGMENT_TABLE);
      const sql = toSql(WEALTHY, customerFieldCatalog, { dialect: "postgres", table: db.segmentSource });
      expect((await db.segment(sql, { limit: 1000 })).ids).toEqual(await members(SEGMENT_VIEW, WEALTHY));
      // A second refresh swaps in a new table: the same again.
      expect((await refreshSegments(db.driver)).customers).toBe(SEEDED);
      await same(WEALTHY);
    });

    it("builds from a set-based twin of the live view that gives the same rows, every column", async () => {
      // Metrics too, so their columns are compared filled, not only NULL (values of the job's kinds, not its run:
      // the job's own figures are segments.test.ts's).
      await db.query(
        `INSERT INTO customer_metrics (customer_id, as_of, contribution, value_score, rfm_r, rfm_f, rfm_m, rfm_segment,
           probability_alive, clv, churn_risk, churn_level, under_served, near_next_tier, churn_alert)
         SELECT id, current_date, length(id) * 1000, 50, 1, 2, 3, 'champions', 0.5, 9000, 0.2, 'low',
           id LIKE '%1', id LIKE '%2', id LIKE '%3'
         FROM records WHERE collection = 'customers' AND id NOT LIKE '%9'
         ON CONFLICT (customer_id) DO NOTHING`,
      );
      // One statement, so now() — the views' activity windows — is the same on both sides.
      const { rows } = await db.query<{ only_view: number; only_bulk: number; scored: number }>(
        `SELECT (SELECT count(*) FROM (SELECT * FROM ${SEGMENT_VIEW} EXCEPT ALL SELECT * FROM ${SEGMENT_BULK}) v)::int AS only_view,
                (SELECT count(*) FROM (SELECT * FROM ${SEGMENT_BULK} EXCEPT ALL SELECT * FROM ${SEGMENT_VIEW}) b)::int AS only_bulk,
                (SELECT count(*) FROM ${SEGMENT_BULK} WHERE value_score IS NOT NULL AND aum > 0)::int AS scored`,
      );
      expect(rows[0]).toMatchObject({ only_view: 0, only_bulk: 0 });
      expect(rows[0]!.scored).toBeGreaterThan(SEEDED / 4);
    });

    it("follows a customer's own record at once: a consent withdrawn, a branch moved, an erasure", async () => {
      const [id] = await members(SEGMENT_TABLE, MARKETING);
      const customer = (await db.get("customers", id!))!.body as { consents: Record<string, unknown>[] };
      await db.put("customers", {
        ...customer,
        consents: [
          ...customer.consents,
          {
            purpose: "marketing",
            channel: "all",
            granted: false,
            textVersion: "2025-01",
            recordedAt: "2026-12-07T01:00:00Z",
          },
        ],
        branchId: "BR-MOVED",
      });
      expect(await members(SEGMENT_TABLE, MARKETING)).not.toContain(id);
      await same(MARKETING);
      const moved = await db.query<{ branch_id: string }>(`SELECT branch_id FROM ${SEGMENT_TABLE} WHERE id = $1`, [id]);
      expect(moved.rows).toEqual([{ branch_id: "BR-MOVED" }]);
      await db.query("DELETE FROM records WHERE collection = 'customers' AND id = $1", [id]);
      expect((await db.query(`SELECT 1 FROM ${SEGMENT_TABLE} WHERE id = $1`, [id])).rows).toEqual([]);
    });

    it("keeps balances as of the last refresh, as the warehouse does, until the next", async () => {
      const poor = (await members(SEGMENT_VIEW, definition("not-wealthy", { not: WEALTHY.rule })))[0]!;
      await db.put("holdings", {
        id: "HO-SNAPSHOT-1",
        customerId: poor,
        productType: "time_deposit",
        productName: "三年期定期存款",
        balance: { amount: 90_000_000, currency: "CNY" },
        openedAt: "2026-12-01",
        status: "active",
      });
      expect(await members(SEGMENT_VIEW, WEALTHY)).toContain(poor);
      expect(await members(SEGMENT_TABLE, WEALTHY)).not.toContain(poor);
      await refreshSegments(db.driver);
      expect(await members(SEGMENT_TABLE, WEALTHY)).toContain(poor);
      await same(WEALTHY);
    });
  });
}
