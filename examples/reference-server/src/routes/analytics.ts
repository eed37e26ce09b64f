/**
 * The book as numbers, where the data is: a segment's members counted and paged
 * in SQL (core's `toSql` over the customer view, limited to the caller's
 * customers), and the metrics job's figures for the caller's customers — money
 * only to roles that read it.
 */
import type { Context } from "hono";
import { Hono } from "hono";
import { customerFieldCatalog, METRICS, toSql, validateSegment, type SegmentDefinition } from "@bankcrm/core";
import { boundTo } from "@bankcrm/core/compliance";
import { CONSENT_PURPOSES, type ConsentPurpose } from "@bankcrm/core/vocabulary";
import { appendAudit } from "../audit.js";
import {
  clampLimit,
  forbidden,
  invalid,
  MALFORMED,
  present,
  principal,
  problem,
  readerOf,
  readJson,
  readsAmounts,
  type Env,
} from "../http.js";
import type { RouteContext } from "./context.js";

/** A value-list reason without the money it quotes (`valueReasonText` then says it without the amount). */
const withoutMoney = <R extends { params: Record<string, unknown> }>(reason: R): R => {
  const { contribution: _c, clv: _l, gap: _g, amount: _a, ...params } = reason.params;
  return { ...reason, params };
};

/** A definition from a request body, validated as core validates it: the definition, or the answer refusing it. */
function definitionOf(c: Context<Env>, given: unknown): SegmentDefinition | Response {
  const checked = validateSegment(given, customerFieldCatalog, "en");
  if (checked.valid) return given as SegmentDefinition;
  return invalid(
    c,
    checked.issues.map((i) => ({ path: ["definition", ...i.path], code: i.code, message: i.message })),
  );
}

/** Who may take a segment's members out of the system, and how many at most in one file. */
const EXPORTERS = new Set(["marketing", "branch_manager"]);
const EXPORT_MAX = 50_000;
const CSV_COLUMNS = ["id", "name", "tier", "branchId", "city"] as const;

/** A CSV cell: quoted, quotes doubled, and a leading = + - @ made inert (no formula when a spreadsheet opens it). */
const cell = (value: unknown) => {
  const text = value === undefined || value === null ? "" : String(value);
  return `"${(/^[=+\-@\t\r]/.test(text) ? `'${text}` : text).replace(/"/g, '""')}"`;
};

export function analyticsRoutes({ db, now }: RouteContext) {
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
    const definition = definitionOf(c, request.definition);
    if (definition instanceof Response) return definition;
    const sql = toSql(definition, customerFieldCatalog, {
      dialect: "postgres",
      table: "customer_segment_view",
    });
    const limit = clampLimit(typeof request.limit === "number" ? String(request.limit) : undefined);
    const after = typeof request.after === "string" ? request.after : undefined;
    const found = await db.segment(sql, { limit: limit + 1, after }, readerOf(c));
    const ids = found.ids.slice(0, limit);
    return c.json({ count: found.count, ids, ...(found.ids.length > limit ? { next: ids[ids.length - 1] } : {}) });
  });

  /**
   * A segment's members as a file, for a purpose (PIPL Arts. 14, 23): only the customers whose consent for that
   * purpose — and for the segment's own — is in force (core's `boundTo`), among the caller's; each as the caller may
   * see them (masked); audited (`export`, with the purpose and how many). CSV, UTF-8 with a BOM (spreadsheets read the
   * Chinese), every cell quoted and formula-safe.
   */
  app.post("/segments/export", async (c) => {
    const p = principal(c);
    if (!EXPORTERS.has(p.role)) return forbidden(c, "marketing and branch managers export a segment's members");
    const body = await readJson(c);
    const request = (body !== MALFORMED && typeof body === "object" && body !== null ? body : {}) as {
      definition?: unknown;
      purpose?: unknown;
    };
    if (!CONSENT_PURPOSES.includes(request.purpose as ConsentPurpose))
      return invalid(c, [
        { path: ["purpose"], code: "required", message: `an export is for a purpose: ${CONSENT_PURPOSES.join(", ")}` },
      ]);
    const definition = definitionOf(c, request.definition);
    if (definition instanceof Response) return definition;
    const purpose = request.purpose as ConsentPurpose;
    const sql = toSql(boundTo(definition, purpose), customerFieldCatalog, {
      dialect: "postgres",
      table: "customer_segment_view",
    });
    const found = await db.segment(sql, { limit: EXPORT_MAX + 1 }, readerOf(c));
    if (found.ids.length > EXPORT_MAX)
      return problem(
        c,
        413,
        "Too many to export",
        `${found.count} customers: narrow the segment to ${EXPORT_MAX} or fewer`,
      );
    const { rows } = await db.query<{ body: Record<string, unknown> }>(
      `SELECT body FROM records WHERE collection = 'customers' AND id = ANY($1) ORDER BY id COLLATE "C"`,
      [found.ids],
    );
    await db.transaction((tx) =>
      appendAudit(tx, {
        at: now().toISOString(),
        actorId: p.id,
        actorRole: p.role,
        action: "export",
        reason: `${found.ids.length} customers of segment ${definition.id} for ${purpose}`,
      }),
    );
    const lines = rows.map((r) => {
      const shown = present(c, "customers", r.body) as Record<string, unknown>;
      const contact = (shown.contact ?? {}) as Record<string, unknown>;
      return CSV_COLUMNS.map((k) => cell(k === "city" ? contact.city : shown[k])).join(",");
    });
    c.header("Content-Type", "text/csv; charset=utf-8");
    c.header("Content-Disposition", `attachment; filename="segment-${definition.id}-${purpose}.csv"`);
    return c.body(`\uFEFF${[CSV_COLUMNS.join(","), ...lines].join("\r\n")}\r\n`);
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
