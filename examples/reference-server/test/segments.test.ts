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
  generateDemoPortfolio,
  inCustomerScope,
  type SegmentDefinition,
} from "@bankcrm/core";
import { useReferenceServer } from "../../../packages/data/test/support/reference-server.js";
import { SEGMENTS } from "../../branch-workstation/src/segments.js";
import { seedDemo } from "../src/seed.js";

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
      const auditor = await server().tokenFor({ id: "ST-HQ-AU1", role: "auditor", branchId: "HQ" });
      let nonTrivial = 0;
      for (const definition of DEFINITIONS) {
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
      expect(nonTrivial).toBeGreaterThan(DEFINITIONS.length / 2);
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
