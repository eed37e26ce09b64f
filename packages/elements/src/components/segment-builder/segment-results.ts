/**
 * What the segment builder shows of a definition's results, as text: the live
 * count, a sample customer's name (masked) and why they match, and the
 * definition exported as JSON, JsonLogic or SQL.
 */
import {
  describeCondition,
  explainSegment,
  fieldValueText,
  mask,
  segmentMessage,
  toJsonLogic,
  toSql,
  type Condition,
  type ExplainedNode,
  type FieldCatalog,
  type Locale,
  type SegmentDefinition,
  type SegmentMessageKey,
} from "@bankcrm/core";
import type { SegmentCount } from "../../segment-counter.js";

type AnyCatalog = FieldCatalog<never>;
export type Format = "json" | "jsonLogic" | "sql";

const t = (k: SegmentMessageKey, l: Locale, params?: Record<string, string | number>) => segmentMessage(k, l, params);

/** The count line: stale while the definition has issues, failed, counting, or "n of total (share)". */
export function countText(
  state: { stale: boolean; error: string | undefined; counting: boolean; counted: SegmentCount<unknown> | undefined },
  l: Locale,
): string {
  const c = state.counted;
  if (state.stale) return t("countStale", l);
  if (state.error !== undefined) return t("countFailed", l, { reason: state.error });
  if (!c) return t("counting", l);
  return t("countText", l, {
    count: c.count.toLocaleString(l),
    total: c.total.toLocaleString(l),
    share: new Intl.NumberFormat(l, { style: "percent", maximumFractionDigits: 1 }).format(
      c.total ? c.count / c.total : 0,
    ),
  });
}

/** How a sample record is named: the host's label, else its name masked (张**), else its id. */
export function sampleName(record: unknown, label: ((record: unknown) => string) | undefined): string {
  if (label) return label(record);
  const r = record as { name?: unknown; id?: unknown };
  if (typeof r.name === "string") return mask(r.name, "name");
  return typeof r.id === "string" ? r.id : "";
}

/** The "why" of a matching record: the conditions that made it match, with the record's values. */
function why(node: ExplainedNode, catalog: AnyCatalog, l: Locale, negated = false): string[] {
  if (node.kind === "condition") {
    const field = catalog.get(node.field!);
    if (!field) return [];
    const actual = fieldValueText(field, node.actual, l);
    return [
      negated
        ? `${t("notLabel", l)}：${describeCondition(node as Condition, catalog, l)}`
        : `${field.label[l]} ${actual}`,
    ];
  }
  if (node.kind === "not") return why(node.children![0]!, catalog, l, !negated);
  const children = node.children!.filter((c) => c.matched !== negated);
  const chosen = (node.kind === "any") !== negated ? children.slice(0, 1) : children;
  return chosen.flatMap((c) => why(c, catalog, l, negated));
}

/** Why a sample record matches (empty when it cannot be explained). */
export function reasons(definition: SegmentDefinition, catalog: AnyCatalog, record: unknown, l: Locale): string[] {
  try {
    return why(explainSegment(definition, catalog, record as never), catalog, l);
  } catch {
    return [];
  }
}

/** The definition in an export format, or a note why there is none. */
export function exportText(
  definition: SegmentDefinition,
  catalog: AnyCatalog,
  invalid: boolean,
  format: Format,
  l: Locale,
): { text: string; note?: string } {
  if (invalid) return { text: "", note: t("exportInvalid", l) };
  if (format === "json") return { text: JSON.stringify(definition, null, 2) };
  if (format === "jsonLogic") {
    try {
      return { text: JSON.stringify(toJsonLogic(definition.rule), null, 2) };
    } catch {
      return { text: "", note: t("exportNone", l) };
    }
  }
  const sql = toSql(definition, catalog, { dialect: "postgres" });
  return { text: `${sql.text}\n-- ${t("sqlParameters", l)}: ${JSON.stringify(sql.values)}` };
}
