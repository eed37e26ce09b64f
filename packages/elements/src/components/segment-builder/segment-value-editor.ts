/**
 * A condition's editors in the segment builder: the field and operator pickers,
 * and the value editor — an input that fits the field's type and
 * operator — a picker for an enum or a yes/no, a date, money typed in yuan and
 * kept in fen, a number of days, a list (checkboxes for a field with values,
 * else comma-separated text), a range. Render functions in the builder's own
 * shadow root, not an element of their own: each input's label and its issue
 * (`aria-describedby`) are found by id, and ids do not cross shadow roots.
 */
import { html, nothing, type TemplateResult } from "lit";
import { ifDefined } from "lit/directives/if-defined.js";
import {
  fieldValueText,
  operatorLabel,
  segmentEdit,
  type CatalogField,
  type Condition,
  type FieldCatalog,
  type Operator,
  type Locale,
  type SegmentMessageKey,
} from "@bankcrm/core";
import { segmentMessage } from "@bankcrm/core/i18n";
import { yuanToFen } from "../../internal/format.js";

type Path = readonly (string | number)[];
type Field = CatalogField<never>;

/** What the editors need of the builder that holds them. */
export interface ValueEditorHost {
  locale(): Locale;
  readonly(): boolean;
  /** What the user is typing, by input: a number half typed ("1.") stays as typed. */
  drafts: Map<string, string>;
  issueAt(path: Path): unknown;
  issueId(path: Path): string | undefined;
  issueText(path: Path): TemplateResult | typeof nothing;
  /** Sets the value at `path` of the definition. */
  set(path: Path, value: unknown): void;
}

const key = (path: Path) => path.join("/");
const t = (k: SegmentMessageKey, l: Locale, params?: Record<string, string | number>) => segmentMessage(k, l, params);

export function renderValue(
  host: ValueEditorHost,
  c: Condition,
  field: Field,
  path: Path,
): TemplateResult | typeof nothing {
  const l = host.locale();
  const valuePath = [...path, "value"];
  const issueId = host.issueId(valuePath);
  const invalid = host.issueAt(valuePath) ? "true" : "false";
  const set = (value: unknown) => host.set(valuePath, value);
  const issue = host.issueText(valuePath);
  if (segmentEdit.NO_VALUE_OPERATORS.includes(c.op)) return issue;
  if (segmentEdit.DAY_OPERATORS.includes(c.op))
    return html`${textInput(
      host,
      valuePath,
      t("days", l),
      typeof c.value === "number" || typeof c.value === "string" ? String(c.value) : "",
      invalid,
      issueId,
      "numeric",
      (text) => set(/^\d+$/.test(text.trim()) ? Number(text.trim()) : text),
    )}
    ${issue}`;
  if (segmentEdit.LIST_OPERATORS.includes(c.op)) {
    const list = Array.isArray(c.value) ? (c.value as unknown[]) : [];
    if (field.values)
      return html`<fieldset class="choices" aria-describedby=${ifDefined(issueId)} aria-invalid=${invalid}>
          <legend class="visually-hidden">${field.label[l]} ${operatorLabel(c.op, l)}</legend>
          ${field.values.map(
            (v) =>
              html`<label class="choice">
                <input
                  type="checkbox"
                  .checked=${list.includes(v)}
                  ?disabled=${host.readonly()}
                  @change=${(e: Event) =>
                    set(
                      (e.target as HTMLInputElement).checked
                        ? field.values!.filter((x) => x === v || list.includes(x))
                        : list.filter((x) => x !== v),
                    )}
                />
                ${fieldValueText(field, v, l)}
              </label>`,
          )}
        </fieldset>
        ${issue}`;
    return html`${textInput(
      host,
      valuePath,
      `${t("value", l)}（${t("listHint", l)}）`,
      list.map((v) => scalarText(field, v)).join(", "),
      invalid,
      issueId,
      "text",
      (text) =>
        set(
          text
            .split(/[,，、]/)
            .map((s) => s.trim())
            .filter((s) => s !== "")
            .map((s) => parseScalar(field, s)),
        ),
    )}
    ${issue}`;
  }
  if (c.op === "between") {
    const [lo, hi] = Array.isArray(c.value) ? (c.value as unknown[]) : [undefined, undefined];
    return html`${scalarInput(host, field, [...valuePath, 0], lo, t("valueFrom", l), invalid, issueId, (v) =>
        set([v, hi]),
      )}
      <span aria-hidden="true">–</span>
      ${scalarInput(host, field, [...valuePath, 1], hi, t("valueTo", l), invalid, issueId, (v) => set([lo, v]))}
      ${issue}`;
  }
  return html`${scalarInput(host, field, valuePath, c.value, t("value", l), invalid, issueId, set)} ${issue}`;
}

function scalarText(field: Field, v: unknown): string {
  if (v === undefined || v === null) return "";
  if (field.type === "money" && typeof v === "number") return Number.isFinite(v) ? String(v / 100) : "";
  return typeof v === "string" || typeof v === "number" || typeof v === "boolean" ? String(v) : JSON.stringify(v);
}

/** Text to the field's type; what does not parse is kept as typed, so validation says so at its place. */
function parseScalar(field: Field, text: string): unknown {
  const s = text.trim();
  if (field.type === "number") return s !== "" && Number.isFinite(Number(s)) ? Number(s) : s;
  if (field.type === "money") {
    const fen = yuanToFen(s);
    return fen === undefined || Number.isNaN(fen) ? s : fen;
  }
  return s;
}

function scalarInput(
  host: ValueEditorHost,
  field: Field,
  path: Path,
  value: unknown,
  label: string,
  invalid: string,
  issueId: string | undefined,
  set: (v: unknown) => void,
): TemplateResult {
  const l = host.locale();
  if (field.type === "enum" || field.type === "boolean") {
    const options = field.type === "boolean" ? [true, false] : field.values!;
    return html`<label>
      <span class="visually-hidden">${label}</span>
      <select
        name="value"
        ?disabled=${host.readonly()}
        aria-invalid=${invalid}
        aria-describedby=${ifDefined(issueId)}
        @change=${(e: Event) => {
          const raw = (e.target as HTMLSelectElement).value;
          set(field.type === "boolean" ? raw === "true" : raw);
        }}
      >
        ${options.includes(value as never) ? nothing : html`<option selected value="">—</option>`}
        ${options.map(
          (o) => html`<option value=${String(o)} ?selected=${o === value}>${fieldValueText(field, o, l)}</option>`,
        )}
      </select>
    </label>`;
  }
  if (field.type === "date")
    return html`<label>
      <span class="visually-hidden">${label}</span>
      <input
        type="date"
        name="value"
        .value=${typeof value === "string" ? value : ""}
        ?disabled=${host.readonly()}
        aria-invalid=${invalid}
        aria-describedby=${ifDefined(issueId)}
        @input=${(e: Event) => set((e.target as HTMLInputElement).value)}
      />
    </label>`;
  const money = field.type === "money";
  return html`${textInput(
    host,
    path,
    money ? `${label}（${t("yuan", l)}）` : label,
    scalarText(field, value),
    invalid,
    issueId,
    field.type === "string" ? "text" : "decimal",
    (text) => set(parseScalar(field, text)),
  )}${money ? html`<span class="unit" aria-hidden="true">${t("yuan", l)}</span>` : nothing}`;
}

function textInput(
  host: ValueEditorHost,
  path: Path,
  label: string,
  text: string,
  invalid: string,
  issueId: string | undefined,
  mode: "text" | "decimal" | "numeric",
  set: (text: string) => void,
): TemplateResult {
  const k = key(path);
  return html`<label>
    <span class="visually-hidden">${label}</span>
    <input
      name="value"
      data-input=${k}
      inputmode=${mode}
      .value=${host.drafts.get(k) ?? text}
      ?disabled=${host.readonly()}
      aria-invalid=${invalid}
      aria-describedby=${ifDefined(issueId)}
      @input=${(e: Event) => {
        const value = (e.target as HTMLInputElement).value;
        host.drafts.set(k, value);
        set(value);
      }}
    />
  </label>`;
}

/** A condition's row: its field, its operator and its value editor, each with its issue. */
export function renderCondition(
  host: ValueEditorHost,
  catalog: FieldCatalog<never>,
  c: Condition,
  path: Path,
  label: string,
): TemplateResult {
  const l = host.locale();
  const field = catalog.get(c.field);
  const fieldIssue = host.issueId([...path, "field"]);
  const opIssue = host.issueId([...path, "op"]);
  return html`<div class="condition" role="group" aria-label=${label} data-path=${key(path)}>
    <label>
      <span class="visually-hidden">${t("field", l)}</span>
      <select
        name="field"
        data-focus=${key(path)}
        ?disabled=${host.readonly()}
        aria-invalid=${host.issueAt([...path, "field"]) ? "true" : "false"}
        aria-describedby=${ifDefined(fieldIssue)}
        @change=${(e: Event) => {
          const next = catalog.get((e.target as HTMLSelectElement).value)!;
          host.set(path, segmentEdit.withField(c, field, next));
        }}
      >
        ${field ? nothing : html`<option selected value=${c.field}>${c.field}</option>`}
        ${catalog.list().map((f) => html`<option value=${f.id} ?selected=${f.id === c.field}>${f.label[l]}</option>`)}
      </select>
    </label>
    ${host.issueText([...path, "field"])}
    ${
      field
        ? html`<label>
              <span class="visually-hidden">${t("operator", l)}</span>
              <select
                name="op"
                ?disabled=${host.readonly()}
                aria-invalid=${host.issueAt([...path, "op"]) ? "true" : "false"}
                aria-describedby=${ifDefined(opIssue)}
                @change=${(e: Event) => {
                  const op = (e.target as HTMLSelectElement).value as Operator;
                  host.set(path, segmentEdit.withOperator(c, field, op));
                }}
              >
                ${field.operators.includes(c.op) ? nothing : html`<option selected value=${c.op}>${c.op}</option>`}
                ${field.operators.map((op) => html`<option value=${op} ?selected=${op === c.op}>${operatorLabel(op, l)}</option>`)}
              </select>
            </label>
            ${host.issueText([...path, "op"])} ${renderValue(host, c, field, path)}`
        : nothing
    }
  </div>`;
}
