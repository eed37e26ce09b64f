/**
 * Customer value across the user's book: the gold customers (黄金客户甄别 —
 * under-served by their tier, or within reach of the next) and the churn alerts
 * (流失预警), each customer with the reasons in words and a link that opens them.
 * Ranked against the whole bank's book (the top 10% is the bank's top 10%),
 * listed within the user's scope.
 */
import { LitElement, css, html, nothing } from "lit";
import { property } from "lit/decorators.js";
import {
  formatMoney,
  inCustomerScope,
  label,
  mask,
  type ChurnAlertCode,
  type GoldReasonCode,
  type ValueReason,
  type Locale,
} from "@bankcrm/core";
import { findGoldCustomers, rfmCell, rfmSegment, valueReasonText } from "@bankcrm/core/analytics";
import "@bankcrm/elements/tier-badge.js";
import type { BookRow } from "../book.js";
import { text, type TextKey } from "../messages.js";
import { reportPageStyles } from "../panel-styles.js";
import type { ValuesState } from "../session.js";
import { USERS, type DemoRole } from "../users.js";
import type { BookValues } from "../value-book.js";
import { renderValuesStatus } from "../value-status.js";

/** How many of each list are shown (the count says how many there are). */
const SHOWN = 50;

export const valuePageStyles = css`
  .values-status {
    display: flex;
    gap: 8px 12px;
    align-items: center;
    flex-wrap: wrap;
    margin: 10px 0;
  }
  .values-status p {
    margin: 0;
  }
  progress {
    flex: 1 1 12rem;
  }
  th,
  td {
    vertical-align: top;
  }
  td.num {
    text-align: right;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  ul.reasons {
    margin: 0;
    padding-left: 1rem;
  }
  .intro {
    color: var(--bankcrm-color-text-muted);
    margin: 0 0 8px;
  }
  section + section {
    margin-top: 16px;
  }
  a {
    color: var(--bankcrm-color-accent);
  }
  a .mono {
    display: block;
  }
  table.rfm td {
    text-align: center;
    font-variant-numeric: tabular-nums;
  }
  table.rfm .segment {
    display: block;
    font-size: 0.75rem;
    color: var(--bankcrm-color-text-muted);
  }
  .mono {
    font-family: ui-monospace, "SFMono-Regular", Menlo, monospace;
    font-size: 0.75rem;
    color: var(--bankcrm-color-text-muted);
  }
`;

/** A row of either list, from the book's values computed here or from the server's flags. */
interface Entry {
  customerId: string;
  recordedTier?: string;
  earnedTier?: string;
  contribution?: number;
  clv?: number;
  churnLevel?: string;
  /** The newest signal's day (computed here, or the server's job's). */
  at?: string;
  reasons: { code: string; text: string }[];
}

export class ValuePage extends LitElement {
  static override styles = [...reportPageStyles, valuePageStyles];

  @property({ attribute: false }) rows: BookRow[] = [];
  @property({ attribute: false }) values: BookValues | undefined;
  @property({ attribute: false }) valuesState: ValuesState = { state: "none" };
  @property({ attribute: "demo-role" }) demoRole: DemoRole = "relationship_manager";
  @property() locale: Locale = "zh-CN";
  @property({ type: Boolean }) embedded = false;

  private lists:
    { values: BookValues | undefined; rows: BookRow[]; role: DemoRole; gold: Entry[]; churn: Entry[] } | undefined;
  private byId = new Map<string, BookRow>();
  private grid: { rows: BookRow[]; role: DemoRole; counts: number[][]; scored: number } | undefined;

  private t(key: TextKey, values: Record<string, string | number> = {}) {
    return text(key, this.locale, values);
  }

  /**
   * The two lists, worked out again only when the values, the rows or the user
   * change: from the book's values computed here (with each reason's figures),
   * or — in server mode — from the rows' flags the server's metrics job set.
   */
  private computeLists() {
    const values = this.values;
    const fromServer = !values && this.rows.some((r) => r.churnAlert !== undefined);
    if (!values && !fromServer) return undefined;
    const kept = this.lists;
    if (kept && kept.values === values && kept.rows === this.rows && kept.role === this.demoRole) return kept;
    const user = USERS[this.demoRole];
    const l = this.locale;
    this.byId = new Map(this.rows.map((r) => [r.id, r]));
    const inScope = (id: string) => {
      const row = this.byId.get(id);
      return row !== undefined && inCustomerScope(user, row);
    };
    const said = (r: ValueReason<GoldReasonCode | ChurnAlertCode>) => ({ code: r.code, text: valueReasonText(r, l) });
    let gold: Entry[];
    let churn: Entry[];
    if (values) {
      gold = findGoldCustomers(values.values)
        .filter((g) => inScope(g.customerId))
        .map((g) => ({
          customerId: g.customerId,
          ...(g.value.recordedTier ? { recordedTier: g.value.recordedTier } : {}),
          earnedTier: g.value.tier,
          contribution: g.value.contribution,
          ...(g.value.clv !== undefined ? { clv: g.value.clv } : {}),
          reasons: g.reasons.map(said),
        }));
      churn = values.alerts
        .filter((a) => inScope(a.customerId))
        .map((a) => ({
          customerId: a.customerId,
          at: a.at,
          contribution: a.value.contribution,
          churnLevel: a.value.churnLevel,
          reasons: a.reasons.map(said),
        }));
    } else {
      // The server's metrics job: who is on each list, with each reason's figures (without money for roles that
      // may not see it) and the alert's day. A server before those columns sends only the flags: said in general.
      const mine = this.rows.filter((r) => inCustomerScope(user, r));
      const byContribution = (a: BookRow, b: BookRow) => (b.contribution ?? 0) - (a.contribution ?? 0);
      gold = mine
        .filter((r) => r.underServed || r.nearNextTier)
        .sort(byContribution)
        .map((r) => ({
          customerId: r.id,
          ...(r.tier ? { recordedTier: r.tier } : {}),
          ...(r.tierEarned ? { earnedTier: r.tierEarned } : {}),
          ...(r.contribution !== undefined ? { contribution: r.contribution } : {}),
          ...(r.clv !== undefined ? { clv: r.clv } : {}),
          reasons: r.goldReasons
            ? r.goldReasons.map(said)
            : [
                ...(r.underServed ? [{ code: "underServed", text: this.t("reasonUnderServed") }] : []),
                ...(r.nearNextTier ? [{ code: "nearNextTier", text: this.t("reasonNearNextTier") }] : []),
              ],
        }));
      // The newest signal first, as computed here; then the larger contribution.
      churn = mine
        .filter((r) => r.churnAlert)
        .sort((a, b) => (b.churnAlertAt ?? "").localeCompare(a.churnAlertAt ?? "") || byContribution(a, b))
        .map((r) => ({
          customerId: r.id,
          ...(r.churnAlertAt ? { at: r.churnAlertAt } : {}),
          ...(r.contribution !== undefined ? { contribution: r.contribution } : {}),
          ...(r.churnLevel ? { churnLevel: r.churnLevel } : {}),
          reasons: r.churnAlertReasons
            ? r.churnAlertReasons.map(said)
            : (r.churnReasons ?? []).map((code) => ({ code, text: label("churnReason", code, l) })),
        }));
    }
    this.lists = { values, rows: this.rows, role: this.demoRole, gold, churn };
    return this.lists;
  }

  /** The user's customers on the (R, FM) grid: counts by cell, R 1–5 by FM 1–5 (once the values are computed). */
  private rfmGrid() {
    if (this.grid?.rows === this.rows && this.grid.role === this.demoRole) return this.grid;
    const user = USERS[this.demoRole];
    const counts = Array.from({ length: 5 }, () => [0, 0, 0, 0, 0]);
    let scored = 0;
    for (const row of this.rows) {
      if (row.rfmR === undefined || row.rfmF === undefined || row.rfmM === undefined || !inCustomerScope(user, row))
        continue;
      const { r, fm } = rfmCell(row.rfmR, row.rfmF, row.rfmM);
      counts[r - 1]![fm - 1]!++;
      scored++;
    }
    this.grid = { rows: this.rows, role: this.demoRole, counts, scored };
    return this.grid;
  }

  /** The RFM grid: R down (5, the most recent, first), FM across; each cell links to its customers as a segment. */
  private renderRfm() {
    const { counts, scored } = this.rfmGrid();
    if (scored === 0) return nothing;
    const l = this.locale;
    const scale = [1, 2, 3, 4, 5];
    return html`<section aria-labelledby="rfm-title" data-testid="rfm-grid">
      <h2 id="rfm-title">${this.t("rfmTitle")}</h2>
      <p class="intro">${this.t("rfmIntro")}</p>
      <table class="rfm">
        <thead>
          <tr>
            <th scope="col">${this.t("rfmRecency")}</th>
            ${scale.map((fm) => html`<th scope="col">${this.t("rfmFm", { fm })}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${[...scale].reverse().map(
            (r) =>
              html`<tr>
                <th scope="row">R${r}</th>
                ${scale.map((fm) => {
                  const count = counts[r - 1]![fm - 1]!;
                  const segment = rfmSegment(r, fm);
                  const name = label("rfmSegment", segment, l);
                  const said = this.t("rfmCell", { r, fm, segment: name, count });
                  return html`<td data-cell=${`${r}-${fm}`} data-segment=${segment}>
                    ${
                      count > 0
                        ? html`<a href=${`#/customers/rfm-${r}-${fm}`}
                            ><span aria-hidden="true">${count}</span><span class="visually-hidden">${said}</span></a
                          >`
                        : html`<span aria-hidden="true">0</span><span class="visually-hidden">${said}</span>`
                    }
                    <span class="segment" aria-hidden="true">${name}</span>
                  </td>`;
                })}
              </tr>`,
          )}
        </tbody>
      </table>
    </section>`;
  }

  private who(id: string) {
    const row = this.byId.get(id);
    const name = row ? (row.kind === "individual" ? mask(row.name, "name") : row.name) : id;
    // The link's text is what it opens: the (masked) name and the customer number.
    return html`<a href=${`#/customers/${encodeURIComponent(id)}`} data-kind=${row?.kind ?? ""}
      ><span class="name">${name}</span> <span class="mono">${id}</span></a
    >`;
  }

  private money(fen: number | undefined) {
    return fen === undefined ? "—" : formatMoney(fen, "CNY", this.locale, { compact: true });
  }

  /** One of the two lists: heading, what it is, how many, and the first ones with their reasons. */
  private renderList(
    list: "gold" | "churn",
    items: readonly Entry[],
    headings: readonly TextKey[],
    cells: (item: Entry) => unknown[],
  ) {
    return html`<section aria-labelledby=${`${list}-title`} data-testid=${`${list}-list`}>
      <h2 id=${`${list}-title`}>${this.t(list === "gold" ? "goldTitle" : "churnTitle")}</h2>
      <p class="intro">${this.t(list === "gold" ? "goldIntro" : "churnIntro")}</p>
      <p data-testid=${`${list}-count`}>
        ${this.t("shownOf", { shown: Math.min(SHOWN, items.length), count: items.length })}
      </p>
      ${
        items.length === 0
          ? html`<p>${this.t("noneFound")}</p>`
          : html`<table>
              <thead>
                <tr>
                  ${[...headings, "reasons" as const].map((h) => html`<th scope="col">${this.t(h)}</th>`)}
                </tr>
              </thead>
              <tbody>
                ${items.slice(0, SHOWN).map(
                  (item) =>
                    html`<tr data-customer-id=${item.customerId}>
                      ${cells(item)}
                      <td>
                        <ul class="reasons">
                          ${item.reasons.map((r) => html`<li data-reason=${r.code}>${r.text}</li>`)}
                        </ul>
                      </td>
                    </tr>`,
                )}
              </tbody>
            </table>`
      }
    </section>`;
  }

  private renderGold(gold: Entry[]) {
    const l = this.locale;
    return this.renderList("gold", gold, ["customer", "tier", "earnedTier", "contributionShort", "clvShort"], (g) => [
      html`<td>${this.who(g.customerId)}</td>`,
      html`<td>
        ${g.recordedTier ? html`<bankcrm-tier-badge .tier=${g.recordedTier} locale=${l}></bankcrm-tier-badge>` : "—"}
      </td>`,
      html`<td>${g.earnedTier ? label("tier", g.earnedTier, l) : "—"}</td>`,
      html`<td class="num">${this.money(g.contribution)}</td>`,
      html`<td class="num">${this.money(g.clv)}</td>`,
    ]);
  }

  private renderChurn(churn: Entry[]) {
    const l = this.locale;
    return this.renderList("churn", churn, ["signalAt", "customer", "contributionShort", "churnShort"], (a) => [
      html`<td class="num">${a.at ? html`<time datetime=${a.at}>${a.at}</time>` : "—"}</td>`,
      html`<td>${this.who(a.customerId)}</td>`,
      html`<td class="num">${this.money(a.contribution)}</td>`,
      html`<td>${a.churnLevel ? label("churnLevel", a.churnLevel, l) : "—"}</td>`,
    ]);
  }

  override render() {
    const lists = this.computeLists();
    return html`<h2 class="visually-hidden">${this.t("valueTitle")}</h2>
      ${renderValuesStatus(this, this.valuesState, this.locale, this.embedded)}
      ${lists ? html`${this.renderGold(lists.gold)} ${this.renderChurn(lists.churn)}` : nothing} ${this.renderRfm()}`;
  }
}

customElements.define("ws-value-page", ValuePage);
