import { html, nothing, type TemplateResult } from "lit";
import { property, state } from "lit/decorators.js";
import { ifDefined } from "lit/directives/if-defined.js";
import {
  segmentEdit,
  validateSegment,
  type Condition,
  type FieldCatalog,
  type Locale,
  type Rule,
  type SegmentDefinition,
  type SegmentIssue,
  type SegmentMessageKey,
} from "@bankcrm/core";
import { segmentMessage } from "@bankcrm/core/i18n";
import { BankcrmSegmentChangeEvent } from "../../events/segment-events.js";
import type { SegmentCount, SegmentCounter } from "../../segment-counter.js";
import { BankcrmContextElement } from "../base/context-element.js";
import { segmentBuilderStyles } from "./segment-builder.styles.js";
import { renderCondition, type ValueEditorHost } from "./segment-value-editor.js";
import { countView, exportView, purposeView, type Format } from "./segment-results.js";

type Path = readonly (string | number)[];
type AnyCatalog = FieldCatalog<never>;

const key = (path: Path) => path.join("/");

const t = (k: SegmentMessageKey, l: Locale, params?: Record<string, string | number>) => segmentMessage(k, l, params);

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
    this.edit(segmentEdit.replaceAt(this.definition, path, value), announce);
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

  /** What the value editors (segment-value-editor.ts) use of the builder. */
  private readonly valueHost: ValueEditorHost = {
    locale: () => this.l,
    readonly: () => this.readonly,
    drafts: this.drafts,
    issueAt: (path) => this.issueAt(path),
    issueId: (path) => this.issueId(path),
    issueText: (path) => this.issueText(path),
    set: (path, value) => this.setRule(path, value),
  };

  private newCondition(): Condition {
    return segmentEdit.newCondition(this.catalog!);
  }

  private add(groupPath: Path, child: Rule) {
    const added = segmentEdit.addChild(this.definition, groupPath, child);
    this.focusAfter = key(added.path);
    this.edit(added.definition, t("added", this.l, { what: this.what(child, [...added.path]) }));
  }

  private move(groupPath: Path, k: string, index: number, by: number) {
    const moved = segmentEdit.moveChild(this.definition, groupPath, index, by);
    if (!moved) return;
    const rule = segmentEdit.ruleAt(this.definition, [...groupPath, k, index]) as Rule;
    this.focusAfter = key(moved.path);
    this.edit(
      moved.definition,
      t("moved", this.l, { what: this.what(rule, [...groupPath, k, index]), position: index + by + 1 }),
    );
  }

  private dropChild(groupPath: Path, k: string, index: number) {
    const what = this.what(segmentEdit.ruleAt(this.definition, [...groupPath, k, index]) as Rule, [
      ...groupPath,
      k,
      index,
    ]);
    this.focusAfter = key([...groupPath, "add"]);
    this.edit(segmentEdit.removeChild(this.definition, groupPath, index), t("removed", this.l, { what }));
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
      ${purposeView({ l, definition: d, readonly: this.readonly, edit: (next) => this.edit(next) })}
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
      ${
        this.counter
          ? countView({
              l: this.l,
              counted: this.counted,
              stale: this.issues.length > 0,
              error: this.countError,
              counting: this.counting,
              definition: d,
              catalog,
              sampleLabel: this.sampleLabel,
            })
          : nothing
      }
      ${exportView({
        l: this.l,
        definition: d,
        catalog,
        invalid: this.issues.length > 0,
        format: this.format,
        choose: (format) => (this.format = format),
      })}
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
              const grown = segmentEdit.growRoot(this.definition, this.newCondition());
              this.focusAfter = key(grown.path);
              this.edit(grown.definition, t("added", this.l, { what: t("conditionLabel", this.l, { path: "2" }) }));
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
            const next = (e.target as HTMLSelectElement).value as "all" | "any";
            this.edit(segmentEdit.setGroupKind(this.definition, path, next));
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
                  : html`<button
                      type="button"
                      data-action="negate"
                      @click=${() => this.edit(segmentEdit.negate(this.definition, path))}
                    >
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
          : html`<button
              type="button"
              data-action="unnegate"
              @click=${() => this.edit(segmentEdit.unnegate(this.definition, path))}
            >
              ${t("unNegate", l)}
            </button>`
      }
    </div>`;
  }

  private renderCondition(c: Condition, path: Path): TemplateResult {
    const label = t("conditionLabel", this.l, { path: this.place(path) });
    return renderCondition(this.valueHost, this.catalog!, c, path, label);
  }
}
