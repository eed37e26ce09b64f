/**
 * What the segment builder shows of a definition's results: the live count, a
 * sample of matching customers (names masked) and why they match, and the
 * definition exported as JSON, JsonLogic or SQL — and the purpose that binds it to the customers' consent.
 */
import { html, nothing, type TemplateResult } from "lit";
import {
  describeCondition,
  explainSegment,
  fieldValueText,
  mask,
  toJsonLogic,
  toSql,
  type Condition,
  type ExplainedNode,
  type FieldCatalog,
  type Locale,
  type SegmentDefinition,
  type SegmentMessageKey,
} from "@bankcrm/core";
import { consentPurposeLabels, segmentMessage } from "@bankcrm/core/i18n";
import { SEGMENT_PURPOSES, type SegmentPurpose } from "@bankcrm/core/vocabulary";
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

/** The live count and, once counted without issues, a sample of matching customers and why. */
export function countView(o: {
  l: Locale;
  counted: SegmentCount<unknown> | undefined;
  stale: boolean;
  error: string | undefined;
  counting: boolean;
  definition: SegmentDefinition;
  catalog: AnyCatalog;
  sampleLabel: ((record: unknown) => string) | undefined;
}): TemplateResult {
  const { l, counted: c } = o;
  const text = countText(o, l);
  const sample =
    c && !o.stale && c.sample.length > 0
      ? html`<div part="sample">
          <h3 id="sample-h">${t("sample", l)}</h3>
          <table aria-labelledby="sample-h">
            <thead>
              <tr>
                <th scope="col">${t("sampleCustomer", l)}</th>
                <th scope="col">${t("why", l)}</th>
              </tr>
            </thead>
            <tbody>
              ${c.sample.map(
                (record) =>
                  html`<tr>
                    <th scope="row">${sampleName(record, o.sampleLabel)}</th>
                    <td>${reasons(o.definition, o.catalog, record, l).join(t("listSeparator", l))}</td>
                  </tr>`,
              )}
            </tbody>
          </table>
        </div>`
      : nothing;
  return html`<div part="count" role="status" aria-live="polite" aria-busy=${o.counting ? "true" : "false"}>
      <span data-testid="segment-count">${text}</span>
    </div>
    ${sample}`;
}

const FORMATS: [Format, SegmentMessageKey][] = [
  ["json", "exportJson"],
  ["jsonLogic", "exportJsonLogic"],
  ["sql", "exportSql"],
];

/** The export panel: a button per format, and the definition in the chosen one (or why there is none). */
export function exportView(o: {
  l: Locale;
  definition: SegmentDefinition;
  catalog: AnyCatalog;
  invalid: boolean;
  format: Format;
  choose: (format: Format) => void;
}): TemplateResult {
  const { l } = o;
  const out = exportText(o.definition, o.catalog, o.invalid, o.format, l);
  return html`<details part="export">
    <summary>${t("export", l)}</summary>
    <div class="actions" role="group" aria-label=${t("export", l)}>
      ${FORMATS.map(
        ([f, k]) =>
          html`<button
            type="button"
            data-format=${f}
            aria-pressed=${o.format === f ? "true" : "false"}
            @click=${() => o.choose(f)}
          >
            ${t(k, l)}
          </button>`,
      )}
    </div>
    ${out.note ? html`<p class="muted" data-testid="export-note">${out.note}</p>` : nothing}
    ${out.text ? html`<pre data-testid="export" tabindex="0" aria-label=${t(FORMATS.find(([f]) => f === o.format)![1], l)}>${out.text}</pre>` : nothing}
  </details>`;
}

/**
 * The segment's purpose (marketing, profiling…): with one, every evaluator — the count here, the server's, a
 * campaign's audience — keeps only the customers whose consent for it is in force (core's `segmentRule`).
 */
export function purposeView(v: {
  l: Locale;
  definition: SegmentDefinition;
  readonly: boolean;
  edit: (definition: SegmentDefinition) => void;
}): TemplateResult {
  const d = v.definition;
  const choose = (e: Event) => {
    const value = (e.target as HTMLSelectElement).value as SegmentPurpose | "";
    const { purpose: _was, ...rest } = d;
    v.edit(value ? { ...rest, purpose: value } : rest);
  };
  return html`<label class="field purpose">
    ${t("builderPurpose", v.l)}
    <select name="purpose" ?disabled=${v.readonly} aria-describedby="purpose-hint" @change=${choose}>
      <option value="" ?selected=${!d.purpose}>${t("purposeNone", v.l)}</option>
      ${SEGMENT_PURPOSES.map(
        (p) => html`<option value=${p} ?selected=${d.purpose === p}>${consentPurposeLabels[p][v.l]}</option>`,
      )}
    </select>
    <span id="purpose-hint" class="hint">${t("purposeHint", v.l)}</span>
  </label>`;
}
