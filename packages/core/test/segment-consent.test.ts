/**
 * A segment with a purpose binds its members to the consent for it, in every evaluator: closures
 * (`compileSegment`), columnar (`evaluateColumnar`) and SQL pushdown (`toSql`, on PostgreSQL — PGlite). Over random
 * consent histories — grants and withdrawals, in any order — no evaluator ever counts a customer whose consent for
 * the purpose is not in force, and the three agree customer for customer.
 */
import { PGlite } from "@electric-sql/pglite";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildCustomerView,
  compileSegment,
  consentInForce,
  createColumnarTable,
  customerFieldCatalog,
  evaluateColumnar,
  SEGMENT_SCHEMA_VERSION,
  toSql,
  validateSegment,
  type ConsentPurpose,
  type Customer,
  type Rule,
  type SegmentDefinition,
} from "../src/index.js";
import { generateDemoCustomers } from "../src/demo/index.js";

const people = generateDemoCustomers({ seed: "segment-consent", count: 40 });
const now = new Date("2026-12-01T00:00:00Z");
const RULES: Rule[] = [
  { field: "status", op: "isNotEmpty" },
  { field: "tier", op: "in", value: ["gold", "platinum", "diamond", "private"] },
  { any: [{ field: "kind", op: "eq", value: "corporate" }, { not: { field: "tier", op: "eq", value: "standard" } }] },
];
const definition = (rule: Rule, purpose?: ConsentPurpose): SegmentDefinition => ({
  schemaVersion: SEGMENT_SCHEMA_VERSION,
  id: "seg-consent",
  name: "consent-bound",
  version: 1,
  rule,
  ...(purpose ? { purpose } : {}),
});

const consent = fc.record({
  purpose: fc.constantFrom<ConsentPurpose>("marketing", "profiling"),
  granted: fc.boolean(),
  day: fc.integer({ min: 1, max: 28 }),
});

let db: PGlite;
beforeAll(async () => {
  db = new PGlite();
  await db.exec("CREATE TABLE customers (id text PRIMARY KEY, status text, tier text, kind text, consents text[])");
}, 60_000);
afterAll(async () => {
  await db?.close();
});

describe("a segment's purpose binds it to the consent for it", () => {
  it("counts no customer without that consent in force, closures, columnar and SQL alike (property)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(consent, { maxLength: 5 }), { minLength: people.length, maxLength: people.length }),
        fc.constantFrom(...RULES),
        fc.constantFrom<ConsentPurpose>("marketing", "profiling"),
        async (histories, rule, purpose) => {
          const customers: Customer[] = people.map((c, i) => ({
            ...c,
            consents: histories[i]!.map((h) => ({
              purpose: h.purpose,
              channel: "all",
              granted: h.granted,
              textVersion: "2026-01",
              recordedAt: `2026-03-${String(h.day).padStart(2, "0")}T00:00:00Z`,
            })),
          }));
          const views = customers.map((c) => buildCustomerView(c, { now }));
          const bound = definition(rule, purpose);
          const closure = compileSegment(bound, customerFieldCatalog, { now });
          const byClosure = views.filter(closure).map((v) => v.id);
          const table = createColumnarTable(views, customerFieldCatalog);
          const byColumns = evaluateColumnar(bound, customerFieldCatalog, table, { now }).ids;
          await db.exec("TRUNCATE customers");
          for (const v of views)
            await db.query("INSERT INTO customers VALUES ($1, $2, $3, $4, $5)", [
              v.id,
              v.status,
              v.tier ?? null,
              v.kind,
              v.consents ?? [],
            ]);
          const { text, values } = toSql(bound, customerFieldCatalog, { dialect: "postgres", now });
          const bySql = (await db.query<{ id: string }>(text, values)).rows.map((r) => r.id);
          expect([...byColumns].sort()).toEqual([...byClosure].sort());
          expect([...bySql].sort()).toEqual([...byClosure].sort());
          const inForce = new Set(
            customers.filter((c) => consentInForce(c.consents, purpose, "all")?.granted === true).map((c) => c.id),
          );
          for (const id of byClosure) expect(inForce.has(id)).toBe(true);
          // The purpose only takes away: the same rule without it counts these and those without consent.
          const unbound = compileSegment(definition(rule), customerFieldCatalog, { now });
          expect(
            views
              .filter(unbound)
              .filter((v) => inForce.has(v.id))
              .map((v) => v.id),
          ).toEqual(byClosure);
        },
      ),
      { numRuns: 40 },
    );
  }, 120_000);

  it("refuses a purpose that is not one, or a catalog without the customers' consents", () => {
    const bad = validateSegment({ ...definition(RULES[0]!), purpose: "telepathy" }, customerFieldCatalog, "en");
    expect(bad.issues).toContainEqual(expect.objectContaining({ path: ["purpose"], code: "malformed" }));
    const { issues } = validateSegment(definition(RULES[0]!, "marketing"), customerFieldCatalog, "zh-CN");
    expect(issues).toEqual([]);
  });
});
