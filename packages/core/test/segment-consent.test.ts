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
  type SegmentPurpose,
  type Consent,
  type Customer,
  type Rule,
  type SegmentDefinition,
} from "../src/index.js";
import { generateDemoCustomers } from "../src/demo/index.js";
import { requireSensitiveConsent, SENSITIVE_CONSENT } from "../src/compliance/index.js";
import { nextBestOffers } from "../src/analytics/index.js";

const people = generateDemoCustomers({ seed: "segment-consent", count: 40 });
const now = new Date("2026-12-01T00:00:00Z");
const RULES: Rule[] = [
  { field: "status", op: "isNotEmpty" },
  { field: "tier", op: "in", value: ["gold", "platinum", "diamond", "private"] },
  { any: [{ field: "kind", op: "eq", value: "corporate" }, { not: { field: "tier", op: "eq", value: "standard" } }] },
];
const definition = (rule: Rule, purpose?: SegmentPurpose): SegmentDefinition => ({
  schemaVersion: SEGMENT_SCHEMA_VERSION,
  id: "seg-consent",
  name: "consent-bound",
  version: 1,
  rule,
  ...(purpose ? { purpose } : {}),
});

const consent = fc.record({
  purpose: fc.constantFrom<SegmentPurpose>("marketing", "profiling"),
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
        fc.constantFrom<SegmentPurpose>("marketing", "profiling"),
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

describe("sensitive personal information needs its own consent where the bank requires it (PIPL Arts. 28–29)", () => {
  const strict = requireSensitiveConsent(customerFieldCatalog);
  const onAccounts: Rule = { field: "aum", op: "gte", value: 2_000_000 }; // financial accounts: sensitive
  const onKind: Rule = { field: "kind", op: "isNotEmpty" }; // not sensitive
  const purposes = fc.constantFrom<Consent["purpose"]>("marketing", "sensitive_processing");

  it("counts, for a rule on accounts, only customers with both consents — closures, columnar and SQL alike (property)", async () => {
    await db.exec("CREATE TABLE IF NOT EXISTS accounts (id text PRIMARY KEY, kind text, aum numeric, consents text[])");
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(fc.record({ purpose: purposes, granted: fc.boolean() }), { maxLength: 4 }), {
          minLength: people.length,
          maxLength: people.length,
        }),
        fc.constantFrom(onAccounts, onKind),
        async (histories, rule) => {
          const views = people.map((c, i) => ({
            ...buildCustomerView(
              {
                ...c,
                consents: histories[i]!.map((h, k) => ({
                  purpose: h.purpose,
                  channel: "all" as const,
                  granted: h.granted,
                  textVersion: "2026-01",
                  recordedAt: `2026-03-${String(k + 1).padStart(2, "0")}T00:00:00Z`,
                })),
              },
              { now },
            ),
            aum: (i % 5) * 1_000_000,
          }));
          const bound = definition(rule, "marketing");
          const byClosure = views.filter(compileSegment(bound, strict, { now })).map((v) => v.id);
          const table = createColumnarTable(views, strict);
          expect([...evaluateColumnar(bound, strict, table, { now }).ids].sort()).toEqual([...byClosure].sort());
          await db.exec("TRUNCATE accounts");
          for (const v of views)
            await db.query("INSERT INTO accounts VALUES ($1, $2, $3, $4)", [v.id, v.kind, v.aum, v.consents ?? []]);
          const { text, values } = toSql(bound, strict, { dialect: "postgres", now, table: "accounts" });
          expect((await db.query<{ id: string }>(text, values)).rows.map((r) => r.id).sort()).toEqual(
            [...byClosure].sort(),
          );
          const has = (v: (typeof views)[number], p: string) => (v.consents ?? []).includes(p);
          const needed = rule === onAccounts ? ["marketing", "sensitive_processing"] : ["marketing"];
          const expected = views.filter(
            (v) => needed.every((p) => has(v, p)) && (rule === onKind || v.aum >= 2_000_000),
          );
          expect(byClosure.sort()).toEqual(expected.map((v) => v.id).sort());
          // The bank's default catalog does not ask it.
          const lenient = views.filter(compileSegment(bound, customerFieldCatalog, { now })).length;
          expect(lenient).toBeGreaterThanOrEqual(byClosure.length);
        },
      ),
      { numRuns: 30 },
    );
  }, 120_000);

  it("keeps offers general without it, where the bank requires it", () => {
    const person = {
      ...people.find((c) => c.kind === "individual")!,
      consents: ["marketing", "profiling"].map((purpose) => ({
        purpose: purpose as Consent["purpose"],
        channel: "all" as const,
        granted: true,
        textVersion: "2026-01",
        recordedAt: "2026-03-01T00:00:00Z",
      })),
    };
    expect(nextBestOffers(person, [], [], [], { now }).personalised).toBe(true);
    expect(nextBestOffers(person, [], [], [], { now, sensitiveConsent: true }).personalised).toBe(false);
    const given = {
      ...person,
      consents: [...person.consents, { ...person.consents[0]!, purpose: "sensitive_processing" as const }],
    };
    expect(nextBestOffers(given, [], [], [], { now, sensitiveConsent: true }).personalised).toBe(true);
    expect(SENSITIVE_CONSENT).toBe("sensitive_processing");
  });
});
