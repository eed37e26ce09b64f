/**
 * The book as numbers, where the data is: a segment's members counted and paged
 * in SQL (core's `toSql` over the customer view, limited to the caller's
 * customers), and the metrics job's figures for the caller's customers — money
 * only to roles that read it.
 */
import type { Context } from "hono";
import { Hono } from "hono";
import {
  customerFieldCatalog,
  METRICS,
  toSql,
  validateSegment,
  type CustomerView,
  type FieldCatalog,
  type SegmentDefinition,
} from "@bankcrm/core";
import { clampLimit, invalid, MALFORMED, problem, readerOf, readJson, readsAmounts, type Env } from "../http.js";
import type { RouteContext } from "./context.js";

/** A value-list reason without the money it quotes (`valueReasonText` then says it without the amount). */
const withoutMoney = <R extends { params: Record<string, unknown> }>(reason: R): R => {
  const { contribution: _c, clv: _l, gap: _g, amount: _a, ...params } = reason.params;
  return { ...reason, params };
};

/** A definition from a request body, validated as core validates it: the definition, or the answer refusing it. */
export function definitionOf(
  c: Context<Env>,
  given: unknown,
  catalog: FieldCatalog<CustomerView> = customerFieldCatalog,
): SegmentDefinition | Response {
  const checked = validateSegment(given, catalog, "en");
  if (checked.valid) return given as SegmentDefinition;
  return invalid(
    c,
    checked.issues.map((i) => ({ path: ["definition", ...i.path], code: i.code, message: i.message })),
  );
}

export function analyticsRoutes({ db, catalog }: RouteContext) {
  const app = new Hono<Env>();

  /**
   * Segment pushdown: a segment definition validated as core validates it, then
   * core's `toSql` over the customer view in the database — plain PostgreSQL, as
   * in the bank's warehouse — limited to the caller's customers. The count and a
   * page of ids.
   */
  app.post("/segments/evaluate", async (c) => {
    const body = await readJson(c);
    if (body === MALFORMED || typeof body !== "object" || body === null)
      return problem(c, 400, "Expected { definition, limit?, after? }");
    const request = body as { definition?: unknown; limit?: unknown; after?: unknown };
    const definition = definitionOf(c, request.definition, catalog);
    if (definition instanceof Response) return definition;
    const sql = toSql(definition, catalog, {
      dialect: "postgres",
      table: "customer_segment_view",
    });
    const limit = clampLimit(typeof request.limit === "number" ? String(request.limit) : undefined);
    const after = typeof request.after === "string" ? request.after : undefined;
    const found = await db.segment(sql, { limit: limit + 1, after }, readerOf(c));
    const ids = found.ids.slice(0, limit);
    return c.json({ count: found.count, ids, ...(found.ids.length > limit ? { next: ids[ids.length - 1] } : {}) });
  });

  // The metrics job's figures for the caller's customers; money (contribution, lifetime value) only to roles that read financial data.
  app.get("/metrics", async (c) => {
    const limit = clampLimit(c.req.query("limit"));
    const found = await db.metrics({ limit: limit + 1, after: c.req.query("after") }, readerOf(c));
    const amounts = readsAmounts(c);
    const rows = found.rows.slice(0, limit);
    const items = rows.map((r) => {
      const item: Record<string, unknown> = { customerId: r.customer_id };
      const put = (key: string, value: unknown) => {
        if (value !== null && value !== undefined) item[key] = value;
      };
      for (const metric of METRICS) {
        if (metric.internal || (metric.kind === "money" && !amounts)) continue;
        // Reasons quote money (contribution, lifetime value, the gap to a tier, an outflow): not to other roles.
        const value = r[metric.column];
        put(
          metric.name,
          metric.kind === "reasons" && Array.isArray(value) && !amounts
            ? (value as { params: Record<string, unknown> }[]).map(withoutMoney)
            : value,
        );
      }
      return item;
    });
    return c.json({
      ...(found.asOf ? { asOf: found.asOf, computedAt: found.computedAt } : {}),
      items,
      ...(found.rows.length > limit ? { next: rows[rows.length - 1]!.customer_id } : {}),
    });
  });

  return app;
}
