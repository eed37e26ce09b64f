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
  findGoldCustomers,
  formatMoney,
  inCustomerScope,
  label,
  mask,
  valueReasonText,
  type ChurnAlert,
  type ChurnAlertCode,
  type GoldCustomer,
  type GoldReasonCode,
  type ValueReason,
  type Locale,
} from "@bankcrm/core";
import { visuallyHidden } from "@bankcrm/elements";
import "@bankcrm/elements/tier-badge.js";
import type { BookRow } from "../book.js";
import { text, type TextKey } from "../messages.js";
import { controlStyles, panelStyles } from "../panel-styles.js";
import type { ValuesState } from "../session.js";
import { USERS, type DemoRole } from "../users.js";
import type { BookValues } from "../value-book.js";
import { renderValuesStatus } from "../value-status.js";

/** How many of each list are shown (the count says how many there are). */
const SHOWN = 50;

export const valuePageStyles = css`
  :host {
    display: block;
  }
  :host([hidden]) {
    display: none;
  }
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
  table {
    border-collapse: collapse;
    width: 100%;
    font-size: 0.875rem;
  }
  th,
  td {
    text-align: left;
    padding: 4px 8px;
    border-bottom: 1px solid var(--bankcrm-color-border);
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
  .mono {
    font-family: ui-monospace, "SFMono-Regular", Menlo, monospace;
    font-size: 0.75rem;
    color: var(--bankcrm-color-text-muted);
  }
`;

export class ValuePage extends LitElement {
  static override styles = [visuallyHidden, controlStyles, panelStyles, valuePageStyles];

  @property({ attribute: false }) rows: BookRow[] = [];
  @property({ attribute: false }) values: BookValues | undefined;
  @property({ attribute: false }) valuesState: ValuesState = { state: "none" };
  @property({ attribute: "demo-role" }) demoRole: DemoRole = "relationship_manager";
  @property() locale: Locale = "zh-CN";
  @property({ type: Boolean }) embedded = false;

  private lists:
    { values: BookValues; rows: BookRow[]; role: DemoRole; gold: GoldCustomer[]; churn: ChurnAlert[] } | undefined;
  private byId = new Map<string, BookRow>();

  private t(key: TextKey, values: Record<string, string | number> = {}) {
    return text(key, this.locale, values);
  }

  /** The two lists, worked out again only when the values, the rows or the user change. */
  private computeLists() {
    const values = this.values;
    if (!values) return undefined;
    const kept = this.lists;
    if (kept && kept.values === values && kept.rows === this.rows && kept.role === this.demoRole) return kept;
    const user = USERS[this.demoRole];
    this.byId = new Map(this.rows.map((r) => [r.id, r]));
    const inScope = (id: string) => {
      const row = this.byId.get(id);
      return row !== undefined && inCustomerScope(user, row);
    };
    this.lists = {
      values,
      rows: this.rows,
      role: this.demoRole,
      gold: findGoldCustomers(values.values).filter((g) => inScope(g.customerId)),
      churn: values.alerts.filter((a) => inScope(a.customerId)),
    };
    return this.lists;
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
  private renderList<T extends { customerId: string; reasons: ValueReason<string>[] }>(
    list: "gold" | "churn",
    items: readonly T[],
    headings: readonly TextKey[],
    cells: (item: T) => unknown[],
  ) {
    const l = this.locale;
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
                          ${item.reasons.map(
                            (r) =>
                              html`<li data-reason=${r.code}>
                                ${valueReasonText(r as ValueReason<GoldReasonCode | ChurnAlertCode>, l)}
                              </li>`,
                          )}
                        </ul>
                      </td>
                    </tr>`,
                )}
              </tbody>
            </table>`
      }
    </section>`;
  }

  private renderGold(gold: GoldCustomer[]) {
    const l = this.locale;
    return this.renderList("gold", gold, ["customer", "tier", "earnedTier", "contributionShort", "clvShort"], (g) => [
      html`<td>${this.who(g.customerId)}</td>`,
      html`<td>
        ${g.value.recordedTier ? html`<bankcrm-tier-badge .tier=${g.value.recordedTier} locale=${l}></bankcrm-tier-badge>` : "—"}
      </td>`,
      html`<td>${label("tier", g.value.tier, l)}</td>`,
      html`<td class="num">${this.money(g.value.contribution)}</td>`,
      html`<td class="num">${this.money(g.value.clv)}</td>`,
    ]);
  }

  private renderChurn(churn: ChurnAlert[]) {
    const l = this.locale;
    return this.renderList("churn", churn, ["signalAt", "customer", "contributionShort", "churnShort"], (a) => [
      html`<td class="num"><time datetime=${a.at}>${a.at}</time></td>`,
      html`<td>${this.who(a.customerId)}</td>`,
      html`<td class="num">${this.money(a.value.contribution)}</td>`,
      html`<td>${label("churnLevel", a.value.churnLevel, l)}</td>`,
    ]);
  }

  override render() {
    const lists = this.computeLists();
    return html`<h2 class="visually-hidden">${this.t("valueTitle")}</h2>
      ${renderValuesStatus(this, this.valuesState, this.locale, this.embedded)}
      ${lists ? html`${this.renderGold(lists.gold)} ${this.renderChurn(lists.churn)}` : nothing}`;
  }
}

customElements.define("ws-value-page", ValuePage);
