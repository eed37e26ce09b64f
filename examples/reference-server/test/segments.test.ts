/**
 * Segment pushdown: POST /segments/evaluate runs core's `toSql` over the
 * database's customer view and must find exactly the customers core's
 * `compileSegment` finds over `buildCustomerView` of the same data — on PGlite
 * and on PostgreSQL — limited to the caller's scope, with bad definitions
 * refused at their place.
 */
import { describe, expect, it } from "vitest";
import {
  buildCustomerView,
  compileSegment,
  customerFieldCatalog,
  inCustomerScope,
  METRICS,
  type CustomerView,
  type SegmentDefinition,
} from "@bankcrm/core";
import { churnAlerts, computeBookMetrics, findGoldCustomers, summarizeCustomer } from "@bankcrm/core/analytics";
import { generateDemoPortfolio } from "@bankcrm/core/demo";
import { useReferenceServer } from "../../../packages/data/test/support/reference-server.js";
import { SEGMENTS } from "../../branch-workstation/src/segments.js";
import { seedDemo } from "../src/seed.js";
import { computeMetrics } from "../src/metrics.js";

const SEEDED = 200;
const p = generateDemoPortfolio({ seed: "bankcrm", customers: SEEDED });
const def = (id: string, rule: SegmentDefinition["rule"]): SegmentDefinition => ({
  schemaVersion: 1,
  id,
  name: id,
  version: 1,
  rule,
});
const DEFINITIONS: SegmentDefinition[] = [
  ...SEGMENTS.map((s) => s.definition),
  def("mortgage-no-deposit", {
    all: [
      { field: "balance.mortgage", op: "gt", value: 0 },
      { field: "balance.time_deposit", op: "eq", value: 0 },
    ],
  }),
  def("active-recently", { field: "transactionCount90d", op: "gte", value: 5 }),
  def("quiet", {
    any: [
      { field: "daysSinceLastTransaction", op: "gt", value: 60 },
      { field: "lastTransactionAt", op: "isEmpty" },
    ],
  }),
  def("tags-and-city", {
    any: [
      { field: "tags", op: "hasAny", value: ["vip", "payroll"] },
      { field: "city", op: "startsWith", value: "上海" },
    ],
  }),
  def("consent-not-marketing", { not: { field: "consents", op: "hasAll", value: ["marketing", "profiling"] } }),
  def("income-onboarded", {
    all: [
      { field: "annualIncome", op: "gte", value: 30_000_000 },
      { field: "onboardedAt", op: "before", value: "2020-01-01" },
      { field: "productCount", op: "in", value: [2, 3, 4] },
    ],
  }),
];

for (const database of ["pglite", "postgres"] as const) {
  describe(`segment pushdown (${database})`, () => {
    const server = useReferenceServer({ database });
    const evaluate = async (token: string, body: unknown) => {
      const response = await fetch(new URL("segments/evaluate", server().url), {
        method: "POST",
        headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
        body: JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };

    /** Each definition in the database against core over the views; how many split the book (neither none nor all). */
    const sameAsCore = async (definitions: SegmentDefinition[], views: CustomerView[]) => {
      const auditor = await server().tokenFor({ id: "ST-HQ-AU1", role: "auditor", branchId: "HQ" });
      let nonTrivial = 0;
      for (const definition of definitions) {
        const predicate = compileSegment(definition, customerFieldCatalog);
        const expected = views
          .filter((v) => predicate(v))
          .map((v) => v.id)
          .sort();
        const answer = await evaluate(auditor, { definition, limit: 1000 });
        expect(answer.status, definition.id).toBe(200);
        expect(answer.body.ids, definition.id).toEqual(expected);
        expect(answer.body.count, definition.id).toBe(expected.length);
        if (expected.length > 0 && expected.length < SEEDED) nonTrivial++;
      }
      return nonTrivial;
    };

    it("finds in SQL exactly the customers core finds in JavaScript, for every definition", async () => {
      await seedDemo(server().db, SEEDED);
      const now = new Date();
      const views = p.customers.map((c) =>
        buildCustomerView(c, {
          holdings: p.holdings.filter((h) => h.customerId === c.id),
          transactions: p.transactions.filter((t) => t.customerId === c.id),
          now,
        }),
      );
      const nonTrivial = await sameAsCore(DEFINITIONS, views);
      expect(nonTrivial).toBeGreaterThan(DEFINITIONS.length / 2);
    });

    it("keeps every metric of core's metric table in customer_metrics, in a column of its type", async () => {
      const columns = await server().db.driver.query<{ column_name: string; data_type: string }>(
        "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'customer_metrics'",
      );
      const types = new Map(columns.rows.map((c) => [c.column_name, c.data_type]));
      const sqlName = (sql: string) => (sql === "text[]" ? "ARRAY" : sql);
      for (const metric of METRICS) expect(types.get(metric.column), metric.name).toBe(sqlName(metric.sql));
      // Every segment field of the table is a field of the customer view and the catalog.
      for (const metric of METRICS.filter((m) => m.segment))
        expect(customerFieldCatalog.get(metric.name)?.label, metric.name).toEqual(metric.label);
    });

    it("runs the metrics job in the database, and segments on its figures there exactly as core does", async () => {
      if ((await server().db.count("customers")) === 0) await seedDemo(server().db, SEEDED);
      const progress: string[] = [];
      const { customers, models } = await computeMetrics(server().db.driver, {
        asOf: p.asOf,
        batch: 64,
        onProgress: (pass, done) => progress.push(`${pass}:${done}`),
      });
      expect(customers).toBe(SEEDED);
      // The same models and figures as core over the same records in memory.
      const of = <T extends { customerId: string }>(xs: readonly T[], id: string) =>
        xs.filter((x) => x.customerId === id);
      const book = p.customers.map((c) => ({
        customer: c,
        holdings: of(p.holdings, c.id),
        transactions: of(p.transactions, c.id),
        serviceCases: of(p.serviceCases, c.id),
      }));
      // Pass 1 in the database, once: the customers with a purchase summarised; pass 2 by batch.
      const purchasing = book.filter((b) =>
        summarizeCustomer(b.customer.id, b.transactions, { calibrationEnd: p.asOf }),
      );
      expect(purchasing.length).toBeLessThan(SEEDED);
      expect(progress).toEqual([`1:${purchasing.length}`, "2:64", "2:128", "2:192", "2:200"]);
      const here = computeBookMetrics(book, { asOf: p.asOf });
      // The value lists, as core finds them over the same book (the job's first run: no previous P(alive)).
      const gold = findGoldCustomers(here.customers);
      const underServed = new Set(
        gold.filter((g) => g.reasons.some((r) => r.code !== "nearNextTier")).map((g) => g.customerId),
      );
      const near = new Set(
        gold.filter((g) => g.reasons.some((r) => r.code === "nearNextTier")).map((g) => g.customerId),
      );
      const alertOf = new Map(churnAlerts(book, here.customers, { asOf: p.asOf }).map((a) => [a.customerId, a]));
      const alerted = new Set(alertOf.keys());
      const goldOf = new Map(gold.map((g) => [g.customerId, g.reasons]));
      // The models fitted on the database's sample and cut points are core's, exactly.
      expect(models).toEqual(here.models);
      const rows = (
        await server().db.query<{
          customer_id: string;
          contribution: string;
          value_score: number;
          rfm_r: number | null;
          rfm_f: number | null;
          rfm_m: number | null;
          rfm_segment: string | null;
          probability_alive: number | null;
          clv: string | null;
          churn_risk: number;
          churn_level: string;
          churn_reasons: string[];
          under_served: boolean;
          near_next_tier: boolean;
          churn_alert: boolean;
          alert_day: string | null;
          churn_alert_reasons: unknown;
          gold_reasons: unknown;
        }>("SELECT *, to_char(churn_alert_at, 'YYYY-MM-DD') AS alert_day FROM customer_metrics")
      ).rows;
      expect(rows).toHaveLength(SEEDED);
      const byId = new Map(here.customers.map((v) => [v.customerId, v]));
      for (const r of rows) {
        const v = byId.get(r.customer_id)!;
        expect(Number(r.contribution)).toBe(v.contribution);
        expect(r.value_score).toBeCloseTo(v.valueScore, 6);
        expect(r.churn_level).toBe(v.churnLevel);
        expect(r.churn_reasons).toEqual(v.churnReasons);
        expect(r.rfm_segment ?? undefined).toBe(v.rfmSegment);
        expect([r.customer_id, r.under_served]).toEqual([r.customer_id, underServed.has(r.customer_id)]);
        expect([r.customer_id, r.near_next_tier]).toEqual([r.customer_id, near.has(r.customer_id)]);
        expect([r.customer_id, r.churn_alert]).toEqual([r.customer_id, alerted.has(r.customer_id)]);
        // Each list's reasons with their figures and days, as core gives them (the workstation says them in words).
        const alert = alertOf.get(r.customer_id);
        expect([r.customer_id, r.alert_day, r.churn_alert_reasons]).toEqual([
          r.customer_id,
          alert?.at ?? null,
          alert?.reasons ?? null,
        ]);
        expect([r.customer_id, r.gold_reasons]).toEqual([r.customer_id, goldOf.get(r.customer_id) ?? null]);
      }
      // Each list has members, so the comparison above says something.
      expect([underServed.size, near.size, alerted.size].every((n) => n > 0)).toBe(true);
      // Segments on the figures: the database (the view joins the table) against core over views carrying them.
      const metricsOf = new Map(
        rows.map((r) => [
          r.customer_id,
          {
            contribution: Number(r.contribution),
            valueScore: r.value_score,
            ...(r.rfm_r !== null ? { rfmR: r.rfm_r, rfmF: r.rfm_f!, rfmM: r.rfm_m!, rfmSegment: r.rfm_segment! } : {}),
            ...(r.probability_alive !== null ? { probabilityAlive: r.probability_alive } : {}),
            ...(r.clv !== null ? { clv: Number(r.clv) } : {}),
            churnRisk: r.churn_risk,
            churnLevel: r.churn_level,
            underServed: r.under_served,
            nearNextTier: r.near_next_tier,
            churnAlert: r.churn_alert,
          },
        ]),
      );
      const now = new Date();
      const views = p.customers.map((c) =>
        buildCustomerView(c, {
          holdings: of(p.holdings, c.id),
          transactions: of(p.transactions, c.id),
          metrics: metricsOf.get(c.id)!,
          now,
        }),
      );
      const valueDefinitions = [
        def("valuable", { field: "valueScore", op: "gte", value: 40 }),
        def("slipping", {
          all: [
            { field: "contribution", op: "gt", value: 0 },
            {
              any: [
                { field: "churnRisk", op: "gte", value: 0.3 },
                { field: "probabilityAlive", op: "lt", value: 0.5 },
              ],
            },
          ],
        }),
        def("loyal", { field: "rfmSegment", op: "in", value: ["champions", "loyal"] }),
        def("worth-keeping", { field: "clv", op: "gte", value: 100_000 }),
        def("gold", {
          any: [
            { field: "underServed", op: "eq", value: true },
            { field: "nearNextTier", op: "eq", value: true },
          ],
        }),
        def("alerts", {
          all: [
            { field: "churnAlert", op: "eq", value: true },
            { field: "churnLevel", op: "in", value: ["medium", "high"] },
          ],
        }),
      ];
      const nonTrivial = await sameAsCore(valueDefinitions, views);
      expect(nonTrivial).toBeGreaterThanOrEqual(3);

      // GET /metrics: the caller's customers only, a page at a time; money only to a role that reads it.
      const read = async (token: string, query = "") => {
        const response = await fetch(new URL(`metrics${query}`, server().url), {
          headers: { Authorization: `Bearer ${token}` },
        });
        expect(response.status).toBe(200);
        return (await response.json()) as {
          asOf?: string;
          items: {
            customerId: string;
            contribution?: number;
            clv?: number;
            valueScore?: number;
            churnAlert?: boolean;
            churnAlertAt?: string;
            churnAlertReasons?: { code: string; at: string; params: Record<string, unknown> }[];
            goldReasons?: { code: string; params: Record<string, unknown> }[];
          }[];
          next?: string;
        };
      };
      const rm = {
        id: p.customers[0]!.relationshipManagerId!,
        role: "relationship_manager" as const,
        branchId: p.customers[0]!.branchId,
      };
      const rmToken = await server().tokenFor(rm);
      const seen: string[] = [];
      let after = "";
      let pages = 0;
      do {
        const page = await read(rmToken, `?limit=2${after ? `&after=${after}` : ""}`);
        expect(page.asOf).toBe(p.asOf);
        for (const item of page.items) {
          const v = byId.get(item.customerId)!;
          expect(item.contribution).toBe(v.contribution);
          expect(item.valueScore).toBeCloseTo(v.valueScore, 6);
          expect(item.churnAlert).toBe(alerted.has(item.customerId));
          expect(item.churnAlertAt).toBe(alertOf.get(item.customerId)?.at);
          expect(item.churnAlertReasons).toEqual(alertOf.get(item.customerId)?.reasons);
          expect(item.goldReasons).toEqual(goldOf.get(item.customerId));
          seen.push(item.customerId);
        }
        after = page.next ?? "";
        pages++;
      } while (after);
      const mine = p.customers
        .filter((c) => inCustomerScope(rm, c))
        .map((c) => c.id)
        .sort();
      expect(seen).toEqual(mine);
      expect(pages).toBeGreaterThan(1);
      const marketing = await read(
        await server().tokenFor({ id: "ST-HQ-MA1", role: "marketing", branchId: "HQ" }),
        "?limit=1000",
      );
      expect(marketing.items).toHaveLength(SEEDED);
      expect(marketing.items.some((i) => "contribution" in i || "clv" in i)).toBe(false);
      // The reasons come without the money they quote, and otherwise whole.
      const money = ["contribution", "clv", "gap", "amount"];
      const reasons = marketing.items.flatMap((i) => [...(i.goldReasons ?? []), ...(i.churnAlertReasons ?? [])]);
      expect(new Set(reasons.map((r) => r.code)).size).toBeGreaterThanOrEqual(3);
      expect(reasons.filter((r) => money.some((k) => k in r.params))).toEqual([]);
      const whole = [...goldOf.values()].flat().find((r) => r.code === "topContribution")!;
      const unquoted = reasons.find(
        (r) => r.code === "topContribution" && r.params.percentile === whole.params.percentile,
      );
      expect(unquoted?.params).toEqual({ percentile: whole.params.percentile, tier: whole.params.tier });
      expect(marketing.items.every((i) => typeof i.valueScore === "number")).toBe(true);
    });

    it("counts only the caller's customers, pages by id, and refuses a bad definition at its place", async () => {
      const rm = {
        id: p.customers[0]!.relationshipManagerId!,
        role: "relationship_manager" as const,
        branchId: p.customers[0]!.branchId,
      };
      const token = await server().tokenFor(rm);
      const everyone = def("everyone", { field: "status", op: "isNotEmpty" });
      const mine = p.customers
        .filter((c) => inCustomerScope(rm, c))
        .map((c) => c.id)
        .sort();
      const first = await evaluate(token, { definition: everyone, limit: 1 });
      expect(first.body).toMatchObject({ count: mine.length, ids: [mine[0]], next: mine[0] });
      const second = await evaluate(token, { definition: everyone, limit: 1, after: first.body.next });
      expect(second.body.ids).toEqual([mine[1]]);
      const bad = await evaluate(token, {
        definition: def("bad", {
          all: [
            { field: "aum", op: "gte", value: 1 },
            { field: "nope", op: "eq", value: 1 },
          ],
        }),
      });
      expect(bad.status).toBe(422);
      expect((bad.body.errors as { path: unknown[] }[])[0]!.path).toEqual(["definition", "rule", "all", 1, "field"]);
      const injection = await evaluate(token, {
        definition: def("inject", { field: "city", op: "eq", value: "'; DROP TABLE records; --" }),
      });
      expect(injection.body).toMatchObject({ count: 0, ids: [] });
      expect(await server().db.count("customers")).toBe(SEEDED);
    });
  });
}
