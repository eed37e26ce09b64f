/**
 * A segment's members as a file, for a purpose (PIPL Arts. 14, 23): only the customers whose consent for that
 * purpose — and for the segment's own — is in force (core's `boundTo`), among the caller's; each as the caller may
 * see them (masked); audited (`export`, with the purpose and how many). CSV, UTF-8 with a BOM (spreadsheets read the
 * Chinese), every cell quoted and formula-safe.
 */
import { Hono } from "hono";
import { toSql } from "@bankcrm/core";
import { boundTo } from "@bankcrm/core/compliance";
import { SEGMENT_PURPOSES, type SegmentPurpose } from "@bankcrm/core/vocabulary";
import { appendAudit } from "../audit.js";
import { forbidden, invalid, MALFORMED, present, principal, problem, readerOf, readJson, type Env } from "../http.js";
import { definitionOf } from "./analytics.js";
import type { RouteContext } from "./context.js";

/** Who may take a segment's members out of the system, and how many at most in one file. */
const EXPORTERS = new Set(["marketing", "branch_manager"]);
const EXPORT_MAX = 50_000;
const CSV_COLUMNS = ["id", "name", "tier", "branchId", "city"] as const;

/** A CSV cell: quoted, quotes doubled, and a leading = + - @ made inert (no formula when a spreadsheet opens it). */
const cell = (value: unknown) => {
  const text = typeof value === "string" || typeof value === "number" ? String(value) : "";
  return `"${(/^[=+\-@\t\r]/.test(text) ? `'${text}` : text).replace(/"/g, '""')}"`;
};

export function segmentExportRoutes({ db, now, catalog }: RouteContext) {
  const app = new Hono<Env>();
  app.post("/segments/export", async (c) => {
    const p = principal(c);
    if (!EXPORTERS.has(p.role)) return forbidden(c, "marketing and branch managers export a segment's members");
    const body = await readJson(c);
    const request = (body !== MALFORMED && typeof body === "object" && body !== null ? body : {}) as {
      definition?: unknown;
      purpose?: unknown;
    };
    if (!SEGMENT_PURPOSES.includes(request.purpose as SegmentPurpose))
      return invalid(c, [
        { path: ["purpose"], code: "required", message: `an export is for a purpose: ${SEGMENT_PURPOSES.join(", ")}` },
      ]);
    const definition = definitionOf(c, request.definition, catalog);
    if (definition instanceof Response) return definition;
    const purpose = request.purpose as SegmentPurpose;
    const sql = toSql(boundTo(definition, purpose, catalog), catalog, {
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

  return app;
}
