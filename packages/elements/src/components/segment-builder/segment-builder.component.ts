import { html, nothing, type TemplateResult } from "lit";
import { property, state } from "lit/decorators.js";
import { ifDefined } from "lit/directives/if-defined.js";
import {
  describeCondition,
  explainSegment,
  fieldValueText,
  mask,
  operatorLabel,
  segmentMessage,
  toJsonLogic,
  toSql,
  validateSegment,
  type CatalogField,
  type Condition,
  type ExplainedNode,
  type FieldCatalog,
  type Locale,
  type Operator,
  type Rule,
  type SegmentDefinition,
  type SegmentIssue,
  type SegmentMessageKey,
} from "@bankcrm/core";
import { yuanToFen } from "../../internal/format.js";
import { BankcrmSegmentChangeEvent } from "../../events/segment-events.js";
import type { SegmentCount, SegmentCounter } from "../../segment-counter.js";
import { BankcrmContextElement } from "../base/context-element.js";
import { segmentBuilderStyles } from "./segment-builder.styles.js";

type Path = (string | number)[];
type AnyCatalog = FieldCatalog<never>;
type Field = CatalogField<never>;
type Format = "json" | "jsonLogic" | "sql";

const LIST_OPS: readonly Operator[] = ["in", "notIn", "hasAny", "hasAll"];
const NO_VALUE: readonly Operator[] = ["isEmpty", "isNotEmpty"];
const DAY_OPS: readonly Operator[] = ["withinLast", "notWithinLast"];
const key = (path: Path) => path.join("/");

const t = (k: SegmentMessageKey, l: Locale, params?: Record<string, string | number>) => segmentMessage(k, l, params);

function at(rule: unknown, path: Path): unknown {
  let node = rule;
  for (const p of path) node = (node as Record<string | number, unknown>)[p];
  return node;
}

/** A copy of `root` with the node at `path` replaced (or, with `undefined`, the array item removed). */
function replaceAt(root: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  if (Array.isArray(root)) {
    const copy: unknown[] = [...(root as unknown[])];
    if (rest.length === 0 && value === undefined) copy.splice(head as number, 1);
    else copy[head as number] = replaceAt(root[head as number], rest, value);
    return copy;
  }
  return { ...(root as object), [head!]: replaceAt((root as Record<string, unknown>)[head as string], rest, value) };
}

const today = () => new Date().toISOString().slice(0, 10);

function scalarDefault(field: Field): unknown {
  switch (field.type) {
    case "number":
    case "money":
      return 0;
    case "enum":
      return field.values![0];
    case "boolean":
      return true;
    case "date":
      return today();
    default:
      return "";
  }
}

function defaultValue(field: Field, op: Operator, previous?: unknown): unknown {
  if (NO_VALUE.includes(op)) return undefined;
  if (DAY_OPS.includes(op)) return 30;
  if (LIST_OPS.includes(op)) return field.values ? [field.values[0]] : [];
  if (op === "between") return [scalarDefault(field), scalarDefault(field)];
  if (previous !== undefined && !Array.isArray(previous)) return previous;
  return scalarDefault(field);
}

/** The "why" of a matching record: the conditions that made it match, with the record's values. */
function reasons(node: ExplainedNode, catalog: AnyCatalog, l: Locale, negated = false): string[] {
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
  if (node.kind === "not") return reasons(node.children![0]!, catalog, l, !negated);
  const children = node.children!.filter((c) => c.matched !== negated);
  const chosen = (node.kind === "any") !== negated ? children.slice(0, 1) : children;
  return chosen.flatMap((c) => reasons(c, catalog, l, negated));
}

/**
 * A visual editor for a segment definition over any field catalog (客户分群):
 * groups (all / any / not), fields by their label, inputs that fit the field's
 * type (enum pickers, money in yuan stored as fen, date windows, lists), each
 * issue of `validateSegment` shown at its place, a live count with a sample of
 * matching customers and why they match (from a `counter`: core's columnar
 * evaluation, in a Web Worker when the host gives one), and the definition as
 * JSON, JsonLogic and SQL. What it holds is the definition itself, so any valid
 * definition given to it comes back unchanged until edited.
 *
 * Keyboard: every control is a native one, in reading order; Alt+↑ / Alt+↓ move
 * the focused condition or group within its group (also by its buttons); moves,
 * additions and removals are announced.
 *
 * @tagname bankcrm-segment-builder
 * @summary Build a customer segment by hand, with a live count and its exports.
 *
 * @event bankcrm-segment-change - After every edit: the definition, whether it is valid, and its issues.
 *
 * @csspart base - The builder.
 * @csspart rule - The rule editor.
 * @csspart count - The live count.
 * @csspart sample - The sample of matching customers.
 * @csspart export - The export panel.
 *
 * @cssproperty --bankcrm-segment-builder-indent - How far nested groups are indented.
 */
export class BankcrmSegmentBuilder extends BankcrmContextElement {
  static override styles = segmentBuilderStyles;

  /** The fields a segment may test (core `createFieldCatalog`, e.g. `customerFieldCatalog`). */
  @property({ attribute: false }) catalog: AnyCatalog | undefined;

  /** The definition being edited; set it to open one, read it (or listen to the event) for the result. */
  @property({ attribute: false }) definition: SegmentDefinition = {
    schemaVersion: 1,
    id: "new-segment",
    name: "",
    version: 1,
    rule: { all: [] },
  };

  /** Counts the definition over the book as it changes (`createSegmentCounter`); without one, no count is shown. */
  @property({ attribute: false }) counter: SegmentCounter<unknown> | undefined;

  /** How a sample record is named; default its name masked (张**), else its id. */
  @property({ attribute: false }) sampleLabel: ((record: unknown) => string) | undefined;

  /** Disables editing (the definition can still be read and exported). */
  @property({ type: Boolean, reflect: true }) readonly = false;

  @state() private issues: SegmentIssue[] = [];
  @state() private counted: SegmentCount<unknown> | undefined;
  @state() private counting = false;
  @state() private countError: string | undefined;
  @state() private format: Format = "json";
  @state() private announcement = "";
  /** What the user is typing, by input: a number half typed ("1.") stays as typed. */
  private drafts = new Map<string, string>();
  private focusAfter: string | undefined;
  private countSeq = 0;

  private get l(): Locale {
    return this.effectiveLocale;
  }

  override willUpdate(changed: Map<PropertyKey, unknown>) {
    if (changed.has("definition") || changed.has("catalog") || changed.has("locale") || changed.has("contextLocale"))
      this.issues = this.catalog ? validateSegment(this.definition, this.catalog, this.l).issues : [];
    if (changed.has("definition") && !this.editing) this.drafts.clear();
    if (changed.has("definition") || changed.has("counter") || changed.has("catalog")) this.recount();
  }

  override updated() {
    if (this.focusAfter) {
      this.renderRoot.querySelector<HTMLElement>(`[data-focus="${this.focusAfter}"]`)?.focus();
      this.focusAfter = undefined;
    }
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.countSeq++;
  }

  /** Starts a count of the definition (in willUpdate: the "counting" state renders in the same update). */
  private recount() {
    const counter = this.counter;
    const mine = ++this.countSeq;
    if (!counter || !this.catalog || this.issues.length > 0) {
      this.counting = false;
      return;
    }
    this.counting = true;
    this.countError = undefined;
    counter.count(this.definition).then(
      (result) => {
        if (mine !== this.countSeq) return;
        this.counted = result;
        this.counting = false;
      },
      (error: unknown) => {
        if ((error as { name?: string }).name === "AbortError" || mine !== this.countSeq) return;
        this.counting = false;
        this.countError = error instanceof Error ? error.message : String(error);
      },
    );
  }

  private editing = false;
  /** Applies an edit to the rule (or the whole definition) and tells the host. */
  private edit(definition: SegmentDefinition, announce?: string) {
    this.editing = true;
    this.definition = definition;
    if (announce) this.announcement = announce;
    const issues = this.catalog ? validateSegment(definition, this.catalog, this.l).issues : [];
    this.dispatchEvent(new BankcrmSegmentChangeEvent({ definition, valid: issues.length === 0, issues }));
    void this.updateComplete.then(() => (this.editing = false));
  }

  private setRule(path: Path, value: unknown, announce?: string) {
    this.edit(replaceAt(this.definition, path, value) as SegmentDefinition, announce);
  }

  private issueAt(path: Path): SegmentIssue | undefined {
    const k = key(path);
    return this.issues.find((i) => key(i.path) === k);
  }

  /** The id of the issue shown at `path`, when there is one (for aria-describedby). */
  private issueId(path: Path): string | undefined {
    return this.issueAt(path) ? `issue-${key(path)}` : undefined;
  }

  private issueText(path: Path): TemplateResult | typeof nothing {
    const issue = this.issueAt(path);
    return issue
      ? html`<span class="error" id=${`issue-${key(path)}`} data-issue=${key(path)}>${issue.message}</span>`
      : nothing;
  }

  /** "1.2.1": the node's place among its groups' children, as people count. */
  private place(path: Path): string {
    const numbers = path.filter((p): p is number => typeof p === "number").map((n) => n + 1);
    return numbers.length === 0 ? "1" : numbers.join(".");
  }

  private what(rule: Rule, path: Path): string {
    const l = this.l;
    return "field" in rule
      ? t("conditionLabel", l, { path: this.place(path) })
      : t("groupLabel", l, { path: this.place(path) });
  }

  private newCondition(): Condition {
    const field = this.catalog!.list()[0]!;
    const op = field.operators[0]!;
    const value = defaultValue(field, op);
    return value === undefined ? { field: field.id, op } : { field: field.id, op, value };
  }

  private add(groupPath: Path, child: Rule) {
    const group = at(this.definition, groupPath) as Rule;
    const k = "all" in group ? "all" : "any";
    const children = (group as Record<string, Rule[]>)[k]!;
    const childPath = [...groupPath, k, children.length];
    this.focusAfter = key(childPath);
    this.setRule([...groupPath, k], [...children, child], t("added", this.l, { what: this.what(child, childPath) }));
  }

  private move(groupPath: Path, k: string, index: number, by: number) {
    const children = at(this.definition, [...groupPath, k]) as Rule[];
    const to = index + by;
    if (to < 0 || to >= children.length) return;
    const copy = [...children];
    const [moved] = copy.splice(index, 1);
    copy.splice(to, 0, moved!);
    const path = [...groupPath, k, to];
    this.focusAfter = key(path);
    this.setRule(
      [...groupPath, k],
      copy,
      t("moved", this.l, { what: this.what(moved!, [...groupPath, k, index]), position: to + 1 }),
    );
  }

  private dropChild(groupPath: Path, k: string, index: number) {
    const children = at(this.definition, [...groupPath, k]) as Rule[];
    const what = this.what(children[index]!, [...groupPath, k, index]);
    this.focusAfter = key([...groupPath, "add"]);
    this.setRule(
      [...groupPath, k],
      children.filter((_, i) => i !== index),
      t("removed", this.l, { what }),
    );
  }

  private onItemKey(event: KeyboardEvent, groupPath: Path, k: string, index: number) {
    if (!event.altKey || (event.key !== "ArrowUp" && event.key !== "ArrowDown")) return;
    event.preventDefault();
    event.stopPropagation();
    this.move(groupPath, k, index, event.key === "ArrowUp" ? -1 : 1);
  }

  override render() {
    const l = this.l;
    const catalog = this.catalog;
    if (!catalog) return html`<div part="base" role="status">${segmentMessage("builderTitle", l)}…</div>`;
    const d = this.definition;
    const general = this.issues.filter((i) => i.path.length === 0 || (i.path[0] !== "rule" && i.path[0] !== "name"));
    return html`<section part="base" aria-labelledby="title">
      <h2 id="title">${t("builderTitle", l)}</h2>
      <label class="field name">
        ${t("builderName", l)}
        <input
          name="name"
          data-focus="name"
          .value=${d.name}
          ?disabled=${this.readonly}
          maxlength="120"
          aria-invalid=${this.issueAt(["name"]) ? "true" : "false"}
          aria-describedby=${ifDefined(this.issueId(["name"]))}
          @input=${(e: Event) => this.edit({ ...d, name: (e.target as HTMLInputElement).value })}
        />
        ${this.issueText(["name"])}
      </label>
      <p class="summary" data-testid="validity" role="status">
        ${this.issues.length === 0 ? t("valid", l) : t("issues", l, { count: this.issues.length })}
      </p>
      ${
        general.length > 0
          ? html`<ul class="error">
              ${general.map((i) => html`<li>${i.message}</li>`)}
            </ul>`
          : nothing
      }
      <div part="rule">${this.renderRoot_(d.rule)}</div>
      ${this.renderCount()} ${this.renderExport()}
      <p class="visually-hidden" role="status" aria-live="polite" data-testid="announce">${this.announcement}</p>
    </section>`;
  }

  /** The root: a group as is; a lone condition or `not` with a way to grow into a group. */
  private renderRoot_(rule: Rule): TemplateResult {
    const path: Path = ["rule"];
    if ("all" in rule || "any" in rule) return this.renderGroup(rule, path);
    return html`${this.renderNode(rule, path)}
    ${
      this.readonly
        ? nothing
        : html`<button
            type="button"
            data-focus=${key([...path, "add"])}
            @click=${() => {
              this.focusAfter = key([...path, "all", 1]);
              this.setRule(
                path,
                { all: [rule, this.newCondition()] },
                t("added", this.l, { what: t("conditionLabel", this.l, { path: "2" }) }),
              );
            }}
          >
            ${t("addCondition", this.l)}
          </button>`
    }`;
  }

  private renderNode(rule: Rule, path: Path): TemplateResult {
    if ("all" in rule || "any" in rule) return this.renderGroup(rule, path);
    if ("not" in rule) return this.renderNot(rule, path);
    return this.renderCondition(rule, path);
  }

  private renderGroup(rule: { all: Rule[] } | { any: Rule[] }, path: Path): TemplateResult {
    const l = this.l;
    const k = "all" in rule ? "all" : "any";
    const children = (rule as Record<string, Rule[]>)[k]!;
    const label = t("groupLabel", l, { path: this.place(path) });
    const issueId = this.issueId([...path, k]);
    return html`<fieldset class="group" data-path=${key(path)} aria-describedby=${ifDefined(issueId)}>
      <legend class="visually-hidden">${label}</legend>
      <label class="combine">
        <span class="visually-hidden">${t("groupKind", l)} ${label}</span>
        <select
          data-focus=${key(path)}
          ?disabled=${this.readonly}
          @change=${(e: Event) => {
            const next = (e.target as HTMLSelectElement).value;
            if (next !== k) this.setRule(path, { [next]: children });
          }}
        >
          <option value="all" ?selected=${k === "all"}>${t("groupAll", l)}</option>
          <option value="any" ?selected=${k === "any"}>${t("groupAny", l)}</option>
        </select>
      </label>
      ${this.issueText([...path, k])}
      <ol class="children">
        ${children.map((child, i) => this.renderItem(child, path, k, i, children.length))}
      </ol>
      ${
        this.readonly
          ? nothing
          : html`<div class="actions">
              <button
                type="button"
                data-focus=${key([...path, "add"])}
                @click=${() => this.add(path, this.newCondition())}
              >
                ${t("addCondition", l)}
              </button>
              <button type="button" @click=${() => this.add(path, { all: [this.newCondition()] })}>
                ${t("addGroup", l)}
              </button>
            </div>`
      }
    </fieldset>`;
  }

  private renderItem(child: Rule, groupPath: Path, k: string, index: number, count: number): TemplateResult {
    const l = this.l;
    const path = [...groupPath, k, index];
    const what = this.what(child, path);
    const negated = "not" in child;
    return html`<li
      class="item"
      @keydown=${(e: KeyboardEvent) => (this.readonly ? undefined : this.onItemKey(e, groupPath, k, index))}
    >
      ${this.renderNode(child, path)}
      ${
        this.readonly
          ? nothing
          : html`<div class="actions item-actions">
              <button
                type="button"
                data-action="up"
                ?disabled=${index === 0}
                aria-label=${t("moveUp", l, { what })}
                @click=${() => this.move(groupPath, k, index, -1)}
              >
                ↑
              </button>
              <button
                type="button"
                data-action="down"
                ?disabled=${index === count - 1}
                aria-label=${t("moveDown", l, { what })}
                @click=${() => this.move(groupPath, k, index, 1)}
              >
                ↓
              </button>
              ${
                negated
                  ? nothing
                  : html`<button type="button" data-action="negate" @click=${() => this.setRule(path, { not: child })}>
                      ${t("negate", l)}
                    </button>`
              }
              <button
                type="button"
                data-action="remove"
                aria-label=${t("remove", l, { what })}
                @click=${() => this.dropChild(groupPath, k, index)}
              >
                ✕
              </button>
            </div>`
      }
    </li>`;
  }

  private renderNot(rule: { not: Rule }, path: Path): TemplateResult {
    const l = this.l;
    return html`<div class="not" role="group" aria-label=${t("notLabelLong", l)} data-path=${key(path)}>
      <span class="not-label" aria-hidden="true">${t("notLabel", l)}</span>
      ${this.renderNode(rule.not, [...path, "not"])}
      ${
        this.readonly
          ? nothing
          : html`<button type="button" data-action="unnegate" @click=${() => this.setRule(path, rule.not)}>
              ${t("unNegate", l)}
            </button>`
      }
    </div>`;
  }

  private renderCondition(c: Condition, path: Path): TemplateResult {
    const l = this.l;
    const catalog = this.catalog!;
    const field = catalog.get(c.field);
    const label = t("conditionLabel", l, { path: this.place(path) });
    const fieldIssue = this.issueId([...path, "field"]);
    const opIssue = this.issueId([...path, "op"]);
    return html`<div class="condition" role="group" aria-label=${label} data-path=${key(path)}>
      <label>
        <span class="visually-hidden">${t("field", l)}</span>
        <select
          name="field"
          data-focus=${key(path)}
          ?disabled=${this.readonly}
          aria-invalid=${this.issueAt([...path, "field"]) ? "true" : "false"}
          aria-describedby=${ifDefined(fieldIssue)}
          @change=${(e: Event) => {
            const next = catalog.get((e.target as HTMLSelectElement).value)!;
            const op = next.operators.includes(c.op) ? c.op : next.operators[0]!;
            const value = next.type === field?.type ? c.value : defaultValue(next, op);
            this.setRule(path, value === undefined ? { field: next.id, op } : { field: next.id, op, value });
          }}
        >
          ${field ? nothing : html`<option selected value=${c.field}>${c.field}</option>`}
          ${catalog.list().map((f) => html`<option value=${f.id} ?selected=${f.id === c.field}>${f.label[l]}</option>`)}
        </select>
      </label>
      ${this.issueText([...path, "field"])}
      ${
        field
          ? html`<label>
                <span class="visually-hidden">${t("operator", l)}</span>
                <select
                  name="op"
                  ?disabled=${this.readonly}
                  aria-invalid=${this.issueAt([...path, "op"]) ? "true" : "false"}
                  aria-describedby=${ifDefined(opIssue)}
                  @change=${(e: Event) => {
                    const op = (e.target as HTMLSelectElement).value as Operator;
                    const value = defaultValue(field, op, c.value);
                    this.setRule(path, value === undefined ? { field: c.field, op } : { field: c.field, op, value });
                  }}
                >
                  ${field.operators.includes(c.op) ? nothing : html`<option selected value=${c.op}>${c.op}</option>`}
                  ${field.operators.map((op) => html`<option value=${op} ?selected=${op === c.op}>${operatorLabel(op, l)}</option>`)}
                </select>
              </label>
              ${this.issueText([...path, "op"])} ${this.renderValue(c, field, path)}`
          : nothing
      }
    </div>`;
  }

  private renderValue(c: Condition, field: Field, path: Path): TemplateResult | typeof nothing {
    const l = this.l;
    const valuePath = [...path, "value"];
    const issueId = this.issueId(valuePath);
    const invalid = this.issueAt(valuePath) ? "true" : "false";
    const set = (value: unknown) => this.setRule(valuePath, value);
    const issue = this.issueText(valuePath);
    if (NO_VALUE.includes(c.op)) return issue;
    if (DAY_OPS.includes(c.op))
      return html`${this.textInput(
        valuePath,
        t("days", l),
        typeof c.value === "number" || typeof c.value === "string" ? String(c.value) : "",
        invalid,
        issueId,
        "numeric",
        (text) => set(/^\d+$/.test(text.trim()) ? Number(text.trim()) : text),
      )}
      ${issue}`;
    if (LIST_OPS.includes(c.op)) {
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
                    ?disabled=${this.readonly}
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
      return html`${this.textInput(
        valuePath,
        `${t("value", l)}（${t("listHint", l)}）`,
        list.map((v) => this.scalarText(field, v)).join(", "),
        invalid,
        issueId,
        "text",
        (text) =>
          set(
            text
              .split(/[,，、]/)
              .map((s) => s.trim())
              .filter((s) => s !== "")
              .map((s) => this.parseScalar(field, s)),
          ),
      )}
      ${issue}`;
    }
    if (c.op === "between") {
      const [lo, hi] = Array.isArray(c.value) ? (c.value as unknown[]) : [undefined, undefined];
      return html`${this.scalarInput(field, [...valuePath, 0], lo, t("valueFrom", l), invalid, issueId, (v) =>
          set([v, hi]),
        )}
        <span aria-hidden="true">–</span>
        ${this.scalarInput(field, [...valuePath, 1], hi, t("valueTo", l), invalid, issueId, (v) => set([lo, v]))}
        ${issue}`;
    }
    return html`${this.scalarInput(field, valuePath, c.value, t("value", l), invalid, issueId, set)} ${issue}`;
  }

  private scalarText(field: Field, v: unknown): string {
    if (v === undefined || v === null) return "";
    if (field.type === "money" && typeof v === "number") return Number.isFinite(v) ? String(v / 100) : "";
    return typeof v === "string" || typeof v === "number" || typeof v === "boolean" ? String(v) : JSON.stringify(v);
  }

  /** Text to the field's type; what does not parse is kept as typed, so validation says so at its place. */
  private parseScalar(field: Field, text: string): unknown {
    const s = text.trim();
    if (field.type === "number") return s !== "" && Number.isFinite(Number(s)) ? Number(s) : s;
    if (field.type === "money") {
      const fen = yuanToFen(s);
      return fen === undefined || Number.isNaN(fen) ? s : fen;
    }
    return s;
  }

  private scalarInput(
    field: Field,
    path: Path,
    value: unknown,
    label: string,
    invalid: string,
    issueId: string | undefined,
    set: (v: unknown) => void,
  ): TemplateResult {
    const l = this.l;
    if (field.type === "enum" || field.type === "boolean") {
      const options = field.type === "boolean" ? [true, false] : field.values!;
      return html`<label>
        <span class="visually-hidden">${label}</span>
        <select
          name="value"
          ?disabled=${this.readonly}
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
          ?disabled=${this.readonly}
          aria-invalid=${invalid}
          aria-describedby=${ifDefined(issueId)}
          @input=${(e: Event) => set((e.target as HTMLInputElement).value)}
        />
      </label>`;
    const money = field.type === "money";
    return html`${this.textInput(
      path,
      money ? `${label}（${t("yuan", l)}）` : label,
      this.scalarText(field, value),
      invalid,
      issueId,
      field.type === "string" ? "text" : "decimal",
      (text) => set(this.parseScalar(field, text)),
    )}${money ? html`<span class="unit" aria-hidden="true">${t("yuan", l)}</span>` : nothing}`;
  }

  private textInput(
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
        .value=${this.drafts.get(k) ?? text}
        ?disabled=${this.readonly}
        aria-invalid=${invalid}
        aria-describedby=${ifDefined(issueId)}
        @input=${(e: Event) => {
          const value = (e.target as HTMLInputElement).value;
          this.drafts.set(k, value);
          set(value);
        }}
      />
    </label>`;
  }

  private renderCount(): TemplateResult | typeof nothing {
    const l = this.l;
    if (!this.counter) return nothing;
    const c = this.counted;
    let text: string;
    if (this.issues.length > 0) text = t("countStale", l);
    else if (this.countError !== undefined) text = t("countFailed", l, { reason: this.countError });
    else if (this.counting && !c) text = t("counting", l);
    else if (c)
      text = t("countText", l, {
        count: c.count.toLocaleString(l),
        total: c.total.toLocaleString(l),
        share: new Intl.NumberFormat(l, { style: "percent", maximumFractionDigits: 1 }).format(
          c.total ? c.count / c.total : 0,
        ),
      });
    else text = t("counting", l);
    const showSample = c && this.issues.length === 0 && c.sample.length > 0 && this.catalog;
    return html`<div part="count" role="status" aria-live="polite" aria-busy=${this.counting ? "true" : "false"}>
        <span data-testid="segment-count">${text}</span>
      </div>
      ${
        showSample
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
                  ${c.sample.map((record) => this.renderSampleRow(record))}
                </tbody>
              </table>
            </div>`
          : nothing
      }`;
  }

  private renderSampleRow(record: unknown): TemplateResult {
    const l = this.l;
    const r = record as { name?: unknown; id?: unknown };
    const name = this.sampleLabel
      ? this.sampleLabel(record)
      : typeof r.name === "string"
        ? mask(r.name, "name")
        : typeof r.id === "string"
          ? r.id
          : "";
    let why: string[];
    try {
      why = reasons(explainSegment(this.definition, this.catalog!, record as never), this.catalog!, l);
    } catch {
      why = [];
    }
    return html`<tr>
      <th scope="row">${name}</th>
      <td>${why.join(t("listSeparator", l))}</td>
    </tr>`;
  }

  private exported(): { text: string; note?: string } {
    const l = this.l;
    if (this.issues.length > 0) return { text: "", note: t("exportInvalid", l) };
    if (this.format === "json") return { text: JSON.stringify(this.definition, null, 2) };
    if (this.format === "jsonLogic") {
      try {
        return { text: JSON.stringify(toJsonLogic(this.definition.rule), null, 2) };
      } catch {
        return { text: "", note: t("exportNone", l) };
      }
    }
    const sql = toSql(this.definition, this.catalog!, { dialect: "postgres" });
    return { text: `${sql.text}\n-- ${t("sqlParameters", l)}: ${JSON.stringify(sql.values)}` };
  }

  private renderExport(): TemplateResult {
    const l = this.l;
    const formats: [Format, SegmentMessageKey][] = [
      ["json", "exportJson"],
      ["jsonLogic", "exportJsonLogic"],
      ["sql", "exportSql"],
    ];
    const out = this.exported();
    return html`<details part="export">
      <summary>${t("export", l)}</summary>
      <div class="actions" role="group" aria-label=${t("export", l)}>
        ${formats.map(
          ([f, k]) =>
            html`<button
              type="button"
              data-format=${f}
              aria-pressed=${this.format === f ? "true" : "false"}
              @click=${() => (this.format = f)}
            >
              ${t(k, l)}
            </button>`,
        )}
      </div>
      ${out.note ? html`<p class="muted" data-testid="export-note">${out.note}</p>` : nothing}
      ${out.text ? html`<pre data-testid="export" tabindex="0" aria-label=${t(formats.find(([f]) => f === this.format)![1], l)}>${out.text}</pre>` : nothing}
    </details>`;
  }
}
