/**
 * The workstation's customer list: virtualized (tens of thousands of rows, only
 * those on screen in the DOM), a listbox with one tab stop — arrow keys, Page
 * Up/Down, Home/End move, Enter opens. Identifiers and names are masked.
 */
import { LitElement, css, html } from "lit";
import { property, query } from "lit/decorators.js";
import { virtualize, virtualizerRef, type VirtualizerHostElement } from "@lit-labs/virtualizer/virtualize.js";
import { flow } from "@lit-labs/virtualizer/layouts/flow.js";
import { formatMoney, label, mask, type Locale } from "@bankcrm/core";
import "@bankcrm/elements/tier-badge.js";
import type { BookRow } from "./book.js";
import { text } from "./messages.js";

const money = (fen: number | undefined, l: Locale) =>
  fen !== undefined ? formatMoney(fen, "CNY", l, { compact: true }) : "—";

export class OpenCustomerEvent extends CustomEvent<{ id: string }> {
  constructor(id: string) {
    super("ws-open", { bubbles: true, composed: true, detail: { id } });
  }
}

export class CustomerList extends LitElement {
  static override styles = css`
    :host {
      display: block;
      overflow-x: auto;
    }
    .head,
    [role="listbox"] {
      min-width: 68rem;
    }
    .head,
    [role="option"] {
      display: grid;
      grid-template-columns: 7.5rem minmax(5rem, 1fr) 6.5rem 8.5rem 7.5rem 6rem 3.5rem 6rem 6.5rem 5.5rem;
      gap: 8px;
      align-items: center;
      padding: 6px 8px;
      font-size: 0.875rem;
    }
    .head {
      font-weight: 600;
      border-bottom: 1px solid var(--bankcrm-color-border);
      background: color-mix(in srgb, var(--bankcrm-color-text) 5%, var(--bankcrm-color-surface));
    }
    [role="listbox"] {
      height: var(--ws-list-height, 60vh);
    }
    [role="option"] {
      width: 100%;
      box-sizing: border-box;
      border-bottom: 1px solid var(--bankcrm-color-border);
      cursor: pointer;
    }
    [role="option"][aria-selected="true"] {
      background: color-mix(in srgb, var(--bankcrm-color-accent) 18%, var(--bankcrm-color-surface));
    }
    [role="option"]:focus-visible {
      outline: 2px solid var(--bankcrm-color-accent);
      outline-offset: -2px;
    }
    .mono {
      font-family: ui-monospace, "SFMono-Regular", Menlo, monospace;
      font-size: 0.8125rem;
    }
    [data-level="high"] {
      color: var(--bankcrm-color-danger);
      font-weight: 600;
    }
    .num {
      text-align: right;
      font-variant-numeric: tabular-nums;
    }
    span {
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
  `;

  @property({ attribute: false }) rows: BookRow[] = [];
  @property() locale: Locale = "zh-CN";
  @property({ attribute: false }) selectedId: string | undefined;
  @query('[role="listbox"]') private listbox!: HTMLElement & VirtualizerHostElement;
  private focusIndex = 0;

  private open(index: number) {
    const row = this.rows[index];
    if (row) this.dispatchEvent(new OpenCustomerEvent(row.id));
  }

  /** Scrolls a row into view and focuses it. */
  async focusRow(index: number): Promise<void> {
    if (this.rows.length === 0) return;
    this.focusIndex = Math.max(0, Math.min(this.rows.length - 1, index));
    this.requestUpdate();
    await this.updateComplete;
    this.listbox[virtualizerRef]?.element(this.focusIndex)?.scrollIntoView({ block: "nearest" });
    for (let i = 0; i < 20; i++) {
      const el = this.renderRoot.querySelector<HTMLElement>(`[data-index="${this.focusIndex}"]`);
      if (el) return el.focus();
      await new Promise((r) => requestAnimationFrame(r));
    }
  }

  private onKeydown(e: KeyboardEvent) {
    const current = Number((e.target as HTMLElement).dataset.index ?? this.focusIndex);
    const page = 10;
    const moves: Record<string, number> = {
      ArrowDown: current + 1,
      ArrowUp: current - 1,
      PageDown: current + page,
      PageUp: current - page,
      Home: 0,
      End: this.rows.length - 1,
    };
    if (e.key in moves) {
      e.preventDefault();
      void this.focusRow(moves[e.key]!);
    } else if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      this.open(current);
    }
  }

  override willUpdate(changed: Map<string, unknown>) {
    if (changed.has("rows") && this.focusIndex >= this.rows.length) this.focusIndex = 0;
  }

  private renderRow = (row: BookRow, index: number) => {
    const l = this.locale;
    return html`<div
      role="option"
      data-index=${index}
      data-customer-id=${row.id}
      tabindex=${index === this.focusIndex ? "0" : "-1"}
      aria-selected=${row.id === this.selectedId ? "true" : "false"}
      aria-posinset=${index + 1}
      aria-setsize=${this.rows.length}
      @click=${() => {
        this.focusIndex = index;
        this.open(index);
      }}
    >
      <span class="mono">${row.id}</span>
      <span>${row.kind === "individual" ? mask(row.name, "name") : row.name}</span>
      <span>${label("customerKind", row.kind, l)}</span>
      <span><bankcrm-tier-badge .tier=${row.tier} locale=${l}></bankcrm-tier-badge></span>
      <span class="mono" data-field="mobile">${row.mobile ? mask(row.mobile, "mobile") : "—"}</span>
      <span class="num">${money(row.aum, l)}</span>
      <span class="num" data-field="valueScore"
        >${row.valueScore !== undefined ? Math.round(row.valueScore) : "—"}</span
      >
      <span class="num" data-field="contribution">${money(row.contribution, l)}</span>
      <span class="num" data-field="clv">${money(row.clv, l)}</span>
      <span class="num" data-field="churnRisk" data-level=${row.churnLevel ?? ""}
        >${row.churnLevel ? label("churnLevel", row.churnLevel, l) : "—"}</span
      >
    </div>`;
  };

  override render() {
    const l = this.locale;
    return html`<div class="head" aria-hidden="true">
        <span>${text("customerId", l)}</span><span>${text("name", l)}</span><span>${text("kind", l)}</span
        ><span>${text("tier", l)}</span><span>${text("mobile", l)}</span><span class="num">${text("aum", l)}</span
        ><span class="num">${text("valueScoreShort", l)}</span><span class="num">${text("contributionShort", l)}</span
        ><span class="num">${text("clvShort", l)}</span><span class="num">${text("churnShort", l)}</span>
      </div>
      <div role="listbox" aria-label=${text("listLabel", l)} @keydown=${this.onKeydown}>
        ${virtualize({
          items: this.rows,
          renderItem: this.renderRow,
          keyFunction: (row: BookRow) => row.id,
          scroller: true,
          layout: flow(),
        })}
      </div>`;
  }
}

customElements.define("ws-customer-list", CustomerList);

declare global {
  interface HTMLElementEventMap {
    "ws-open": OpenCustomerEvent;
  }
}
