/**
 * The customers page: search, tier and segment filters and a sort over the
 * user's book in a virtualized list, and the single customer view of the one
 * opened — synchronous over the in-memory rows, so typing never waits.
 */
import { LitElement, css, html, nothing } from "lit";
import { property, state } from "lit/decorators.js";
import {
  compileSegment,
  customerFieldCatalog,
  explainSegment,
  formatMoney,
  inCustomerScope,
  labelsOf,
  metricSpec,
  type AssociationRule,
  type ExplainedNode,
  type Locale,
  type RevealAuditEvent,
  type SegmentDefinition,
  type Tier,
} from "@bankcrm/core";
import type { CrmClient } from "@bankcrm/data";
import { visuallyHidden } from "@bankcrm/elements";
import type { BookRow } from "../book.js";
import "../customer-360.js";
import "../customer-list.js";
import { text, type TextKey } from "../messages.js";
import { controlStyles, pageHostStyles } from "../panel-styles.js";
import { fixedSegments, savedSegments, segmentLabel } from "../saved-segments.js";
import { RFM_CELL_ID, rfmCellSegment } from "../segments.js";
import { USERS, type DemoRole } from "../users.js";

/** The value metrics the list sorts by: their names and labels are core's metric table's. */
const VALUE_SORTS = ["valueScore", "contribution", "clv", "churnRisk"] as const;
type SortKey = "aum" | "name" | "tier" | "onboardedAt" | (typeof VALUE_SORTS)[number];
const TIER_RANK: Record<string, number> = { standard: 0, gold: 1, platinum: 2, diamond: 3, private: 4 };
/**
 * The sort keys that are numbers, read once per row into a typed array and
 * sorted by index: comparing the rows' own properties 800,000 times over
 * 50,000 rows of many shapes was what made a sort slow. Customers without a
 * figure (value metrics not computed for them yet: "—") come last whichever the direction.
 */
const FIGURE: Partial<Record<SortKey, (r: BookRow) => number>> = {
  aum: (r) => r.aum ?? NaN,
  tier: (r) => TIER_RANK[r.tier ?? ""] ?? NaN,
  ...Object.fromEntries(VALUE_SORTS.map((name) => [name, (r: BookRow) => r[name] ?? NaN])),
};
const COMPARE: Partial<Record<SortKey, (a: BookRow, b: BookRow) => number>> = {
  name: (a, b) => a.name.localeCompare(b.name, "zh-CN"),
  onboardedAt: (a, b) => (a.onboardedAt < b.onboardedAt ? -1 : a.onboardedAt > b.onboardedAt ? 1 : 0),
};

/** Rows sorted by a key; equal keys keep their order (customer number). */
export function sortRows(rows: readonly BookRow[], key: SortKey, descending: boolean): BookRow[] {
  const figure = FIGURE[key];
  if (!figure) {
    const compare = COMPARE[key]!;
    return [...rows].sort(descending ? (a, b) => compare(b, a) : compare);
  }
  const n = rows.length;
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[i] = figure(rows[i]!);
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const sign = descending ? -1 : 1;
  order.sort((a, b) => {
    const [x, y] = [keys[a]!, keys[b]!];
    if (Number.isNaN(x) || Number.isNaN(y))
      return Number.isNaN(x) === Number.isNaN(y) ? a - b : Number.isNaN(x) ? 1 : -1;
    return x < y ? -sign : x > y ? sign : a - b;
  });
  const out = new Array<BookRow>(n);
  for (let i = 0; i < n; i++) out[i] = rows[order[i]!]!;
  return out;
}

/** Compiled once per saved definition and version. */
const PREDICATES = new Map<string, (row: BookRow) => boolean>();
function predicateOf(definition: SegmentDefinition): (row: BookRow) => boolean {
  const key = `${definition.id}@${definition.version}`;
  let p = PREDICATES.get(key);
  if (!p) PREDICATES.set(key, (p = compileSegment(definition, customerFieldCatalog)));
  return p;
}

/** Whose customers the list holds, by role: an RM's book, head office's whole bank, else the branch. */
const SCOPE_OF: Record<DemoRole, TextKey> = {
  relationship_manager: "scopeRm",
  branch_manager: "scopeBranch",
  teller: "scopeBranch",
  marketing: "scopeBranch",
  auditor: "scopeAll",
  privacy_officer: "scopeAll",
};

export class CustomersPage extends LitElement {
  static override styles = [
    pageHostStyles,
    visuallyHidden,
    controlStyles,
    css`
      .toolbar {
        display: flex;
        gap: 8px 12px;
        align-items: center;
        flex-wrap: wrap;
        margin: 10px 0;
      }
      .layout {
        display: grid;
        grid-template-columns: minmax(0, 1fr);
        gap: 16px;
        align-items: start;
      }
      .layout.split {
        grid-template-columns: minmax(0, 5fr) minmax(360px, 6fr);
      }
      .panel {
        max-height: calc(100vh - 180px);
        overflow: auto;
      }
      details {
        font-size: 0.75rem;
        margin-top: 8px;
      }
    `,
  ];

  @property({ attribute: false }) rows: BookRow[] = [];
  @property({ attribute: false }) client: CrmClient | undefined;
  @property({ attribute: "demo-role" }) demoRole: DemoRole = "relationship_manager";
  @property() locale: Locale = "zh-CN";
  /** Server mode: the server already scoped the rows, and segments run in its database. */
  @property({ type: Boolean }) server = false;
  @property({ type: Boolean }) offline = false;
  @property({ attribute: false }) names: Record<string, string> = {};
  @property({ attribute: false }) rules: readonly AssociationRule[] = [];
  @property({ attribute: false }) audit: readonly RevealAuditEvent[] = [];
  @property({ attribute: false }) prepare: ((id: string) => Promise<void>) | undefined;
  @property({ attribute: false }) pushDown:
    ((definition: SegmentDefinition) => Promise<Set<string> | undefined>) | undefined;

  @state() private visible: BookRow[] = [];
  @state() private search = "";
  @state() private tier: Tier | "" = "";
  @state() private segment = "";
  /** The saved segments (read again each time the picker gets focus: the marketing page may have saved one). */
  @state() private segments: SegmentDefinition[] = fixedSegments();
  /** Segments opened from elsewhere (an RFM cell of the value page), in the picker beside the saved ones. */
  @state() private opened: SegmentDefinition[] = [];

  /** The saved segments, read again: someone (the marketing page, a colleague) may have saved one. */
  private async loadSegments() {
    const client = this.client;
    const segments = await savedSegments(client).catch(() => undefined);
    if (segments && client === this.client) this.segments = segments;
  }

  private segmentDefinition(id: string): SegmentDefinition | undefined {
    return this.segments.find((s) => s.id === id) ?? this.opened.find((s) => s.id === id);
  }

  /** Filters by a segment made elsewhere (an RFM cell): added to the picker and chosen. */
  private showSegment(definition: SegmentDefinition) {
    if (!this.segmentDefinition(definition.id)) this.opened = [...this.opened, definition];
    this.selectedId = undefined;
    void this.onSegment(definition.id);
  }
  @state() private sortKey: SortKey = "aum";
  @state() private descending = true;
  @state() private selectedId: string | undefined;
  private segmentMembers = new Map<string, Set<string>>();
  private scope: { rows: BookRow[]; role: DemoRole; scoped: BookRow[] } | undefined;

  private t(key: TextKey, values: Record<string, string | number> = {}) {
    return text(key, this.locale, values);
  }

  override willUpdate(changed: Map<string, unknown>) {
    if (changed.has("client")) void this.loadSegments();
    if (changed.has("demoRole")) this.selectedId = undefined;
    if (changed.has("rows") || changed.has("demoRole")) this.applyFilters();
  }

  /** The rows the current user may see: their own book, their branch, or all (auditor). */
  private scoped(): BookRow[] {
    // Computed once per book and user, not on every keystroke of the search.
    if (this.scope?.rows === this.rows && this.scope.role === this.demoRole) return this.scope.scoped;
    const user = USERS[this.demoRole];
    // The server already scoped them; embedded, the same rule as the server's (core's).
    const scoped = this.server ? this.rows : this.rows.filter((r) => inCustomerScope(user, r));
    this.scope = { rows: this.rows, role: this.demoRole, scoped };
    return scoped;
  }

  /** Search, tier and segment filters, then the sort: synchronous over the in-memory rows. */
  private applyFilters() {
    performance.mark("bankcrm:filter:start");
    const q = this.search.trim().toLowerCase();
    const digits = /^\d{4}$/.test(q) ? q : undefined;
    // In server mode the segment ran in the server's database (pushdown): its members by id.
    const members = this.server && this.segment ? this.segmentMembers.get(this.segment) : undefined;
    const predicate = members
      ? (r: BookRow) => members.has(r.id)
      : this.segment
        ? this.segmentDefinition(this.segment) && predicateOf(this.segmentDefinition(this.segment)!)
        : undefined;
    const tier = this.tier;
    const out = this.scoped().filter(
      (r) =>
        (!tier || r.tier === tier) &&
        (!q ||
          r.name.toLowerCase().includes(q) ||
          r.id.toLowerCase().includes(q) ||
          (digits !== undefined && r.mobile?.endsWith(digits) === true)) &&
        (!predicate || predicate(r)),
    );
    this.visible = sortRows(out, this.sortKey, this.descending);
    void this.updateComplete.then(() =>
      requestAnimationFrame(() => performance.measure("bankcrm:filter", "bankcrm:filter:start")),
    );
  }

  private async onSegment(id: string) {
    this.segment = id;
    const definition = this.segmentDefinition(id);
    if (this.server && definition && this.pushDown) {
      const members = await this.pushDown(definition);
      if (members) this.segmentMembers.set(id, members);
      else this.segmentMembers.delete(id);
    }
    this.applyFilters();
  }

  /** Opens a customer (from the list, or from another page), or an RFM cell's customers (`rfm-<R>-<FM>`, the value page's grid). */
  open(id: string) {
    const cell = RFM_CELL_ID.exec(id);
    if (cell) this.showSegment(rfmCellSegment(Number(cell[1]), Number(cell[2]), this.locale));
    else this.selectedId = id;
  }

  override render() {
    const l = this.locale;
    const scopeKey = SCOPE_OF[this.demoRole];
    return html`
      <div class="toolbar" role="search">
        <strong>${this.t(scopeKey)}</strong>
        <label>
          <span class="visually-hidden">${this.t("search")}</span>
          <input
            type="search"
            data-testid="search"
            placeholder=${this.t("searchPlaceholder")}
            aria-label=${this.t("search")}
            .value=${this.search}
            @input=${(e: Event) => {
              this.search = (e.target as HTMLInputElement).value;
              this.applyFilters();
            }}
          />
        </label>
        <label>
          ${this.t("tier")}
          <select
            data-testid="tier"
            @change=${(e: Event) => {
              this.tier = (e.target as HTMLSelectElement).value as Tier | "";
              this.applyFilters();
            }}
          >
            <option value="" ?selected=${this.tier === ""}>${this.t("allTiers")}</option>
            ${labelsOf("tier", l).map((t) => html`<option value=${t.value} ?selected=${this.tier === t.value}>${t.label}</option>`)}
          </select>
        </label>
        <label>
          ${this.t("segment")}
          <select
            data-testid="segment"
            @focus=${() => void this.loadSegments()}
            @change=${(e: Event) => void this.onSegment((e.target as HTMLSelectElement).value)}
          >
            <option value="" ?selected=${this.segment === ""}>${this.t("allSegments")}</option>
            ${[...this.segments, ...this.opened].map(
              (s) => html`<option value=${s.id} ?selected=${this.segment === s.id}>${segmentLabel(s, l)}</option>`,
            )}
          </select>
        </label>
        ${
          this.segment && !this.opened.some((s) => s.id === this.segment)
            ? html`<a data-testid="open-in-builder" href=${`#/marketing/${encodeURIComponent(this.segment)}`}
                >${this.t("openInBuilder")}</a
              >`
            : nothing
        }
        <label>
          ${this.t("sortBy")}
          <select
            data-testid="sort"
            @change=${(e: Event) => {
              this.sortKey = (e.target as HTMLSelectElement).value as SortKey;
              this.applyFilters();
            }}
          >
            ${[
              ...(
                [
                  ["aum", "sortAum"],
                  ["name", "sortName"],
                  ["tier", "sortTier"],
                  ["onboardedAt", "sortOnboarded"],
                ] as const
              ).map(([key, t]) => [key, this.t(t)] as const),
              ...VALUE_SORTS.map((name) => [name, metricSpec(name)!.label[this.locale]] as const),
            ].map(([key, caption]) => html`<option value=${key} ?selected=${this.sortKey === key}>${caption}</option>`)}
          </select>
        </label>
        <button
          type="button"
          data-testid="direction"
          aria-pressed=${this.descending ? "true" : "false"}
          @click=${() => {
            this.descending = !this.descending;
            this.applyFilters();
          }}
        >
          ${this.t(this.descending ? "descending" : "ascending")}
        </button>
        <span role="status" data-testid="count"
          >${this.t("count", { count: this.visible.length.toLocaleString() })}</span
        >
      </div>
      <div class=${this.selectedId ? "layout split" : "layout"}>
        <ws-customer-list
          .rows=${this.visible}
          .selectedId=${this.selectedId}
          .locale=${l}
          @ws-open=${(e: CustomEvent<{ id: string }>) => (this.selectedId = e.detail.id)}
        ></ws-customer-list>
        ${this.selectedId ? this.renderSelected() : nothing}
      </div>
    `;
  }

  /** Why the open customer is in (or out of) the chosen segment: the core's explanation, condition by condition. */
  private renderWhy() {
    const definition = this.segmentDefinition(this.segment);
    const row = definition && this.rows.find((r) => r.id === this.selectedId);
    if (!definition || !row) return nothing;
    const l = this.locale;
    const label = segmentLabel(definition, l);
    const tree = explainSegment(definition, customerFieldCatalog, row);
    const show = (value: unknown, field?: string): string => {
      if (value === null || value === undefined) return "—";
      if (typeof value === "number" && field && customerFieldCatalog.get(field)?.type === "money")
        return formatMoney(value, "CNY", l, { compact: true });
      if (Array.isArray(value)) return value.map((v) => show(v, field)).join(" – ");
      return typeof value === "string" || typeof value === "number" || typeof value === "boolean"
        ? String(value)
        : JSON.stringify(value);
    };
    const conditions = (node: ExplainedNode): ExplainedNode[] =>
      node.kind === "condition" ? [node] : (node.children ?? []).flatMap(conditions);
    return html`<section class="why" data-testid="why-segment" aria-label=${label}>
      <strong>
        ${this.t("whySegment", {
          verdict: this.t(tree.matched ? "inSegment" : "notInSegment"),
          segment: label,
        })}
      </strong>
      <ul>
        ${conditions(tree).map(
          (c) =>
            html`<li class=${c.matched ? "yes" : "no"}>
              ${c.matched ? "✓" : "✗"} ${c.label?.[l]} ${c.op} ${show(c.value, c.field)} ·
              ${this.t("actualValue", { value: show(c.actual, c.field) })}
            </li>`,
        )}
      </ul>
    </section>`;
  }

  private renderSelected() {
    return html`<aside aria-label=${this.t("customerView")} class="panel">
      <button type="button" data-testid="close" @click=${() => (this.selectedId = undefined)}>
        ${this.t("close")}
      </button>
      ${this.renderWhy()}
      <ws-customer-360
        customer-id=${this.selectedId!}
        .client=${this.client}
        .locale=${this.locale}
        .names=${this.names}
        .rules=${this.rules}
        .row=${this.rows.find((r) => r.id === this.selectedId)}
        ?offline=${this.offline}
        .prepare=${this.prepare}
      ></ws-customer-360>
      <details>
        <summary>${this.t("auditLog")}</summary>
        <ul data-testid="audit">
          ${
            this.audit.length === 0
              ? html`<li>${this.t("noAudit")}</li>`
              : this.audit.map(
                  (e) =>
                    html`<li>${e.at} · ${e.actorId} (${e.actorRole}) · ${e.customerId} · ${e.field} · ${e.reason}</li>`,
                )
          }
        </ul>
      </details>
    </aside>`;
  }
}

customElements.define("ws-customers-page", CustomersPage);
