/**
 * "My day"'s sales panel: the quarter's commission and rank — an RM's own, the branch manager's team — from core's
 * `salesPerformance` (the server's `GET /sales/performance`, or computed in this browser), and, for the branch
 * manager, a branch target set and allocated evenly to the team (`allocateTarget`), kept as `salesTargets` records.
 */
import { LitElement, css, html, nothing } from "lit";
import { property, state } from "lit/decorators.js";
import {
  allocateTarget,
  isCountMetric,
  describeError,
  formatMoney,
  label,
  quarterOf,
  vocabularies,
  type Locale,
  type SalesMetric,
  type SalesPerformance,
  type SalesTarget,
} from "@bankcrm/core";
import type { CrmClient } from "@bankcrm/data";
import { text, type TextKey } from "../messages.js";
import { controlStyles, formTableStyles, pageHostStyles, panelStyles } from "../panel-styles.js";
import { STAFF_NAMES, relationshipManagersOf, USERS, type DemoRole } from "../users.js";

export class SalesPanel extends LitElement {
  static override styles = [
    pageHostStyles,
    panelStyles,
    controlStyles,
    formTableStyles,
    css`
      h3 {
        font-size: 0.9375rem;
        margin: 0 0 8px;
      }
      form {
        margin-top: 12px;
      }
      td.num {
        text-align: end;
        font-variant-numeric: tabular-nums;
      }
    `,
  ];

  @property({ attribute: "demo-role" }) demoRole: DemoRole = "relationship_manager";
  @property() locale: Locale = "zh-CN";
  @property({ attribute: false }) performance: (SalesPerformance & { commissionConfigured?: boolean }) | undefined;
  /** Where a branch manager's targets are written. */
  @property({ attribute: false }) client: CrmClient | undefined;
  /** The demo's day (the quarter a target is set for). */
  @property() today = "";

  @state() private status = "";
  @state() private failure = "";

  private t(key: TextKey, values: Record<string, string | number> = {}) {
    return text(key, this.locale, values);
  }

  private money(amount: number) {
    return formatMoney(amount, "CNY", this.locale);
  }

  /** Sets the branch's target for the quarter and its parts for each RM, then asks "my day" to recompute. */
  private async setTarget(event: SubmitEvent) {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const metric = data.get("metric") as SalesMetric;
    const entered = Number(data.get("target"));
    this.status = "";
    this.failure = "";
    if (!Number.isSafeInteger(entered) || entered < 0) return void (this.failure = this.t("targetInvalid"));
    const user = USERS[this.demoRole];
    const rms = relationshipManagersOf(user.branchId);
    const branch: SalesTarget = {
      id: `TG-${user.branchId}-${metric}-${Date.now().toString(36)}`,
      branchId: user.branchId,
      metric,
      ...quarterOf(this.today),
      target: isCountMetric(metric) ? entered : entered * 100,
      ...(isCountMetric(metric) ? {} : { currency: "CNY" }),
    };
    try {
      for (const t of [
        branch,
        ...allocateTarget(
          branch,
          rms.map((s) => ({ staffId: s.id, weight: 1 })),
        ),
      ])
        await this.client!.salesTargets.create(t);
      const shown = isCountMetric(metric) ? String(entered) : this.money(branch.target);
      this.status = this.t("targetSet", {
        metric: label("salesMetric", metric, this.locale),
        target: shown,
        count: rms.length,
      });
      this.dispatchEvent(new CustomEvent("targets-changed", { bubbles: true, composed: true }));
    } catch (error) {
      this.failure = describeError(error, this.locale);
    }
  }

  private commission() {
    const p = this.performance!;
    if (p.commissionConfigured === false) return html`<p>${this.t("noScheme")}</p>`;
    const manager = this.demoRole === "branch_manager";
    const mine = p.commission.find((c) => c.staffId === USERS[this.demoRole].id);
    if (!manager)
      return html`<p data-testid="my-commission">
        ${
          mine
            ? this.t("myCommission", {
                net: this.money(mine.net),
                sales: mine.sales,
                sold: this.money(mine.sold),
                capped: mine.capped ? this.t("cappedNote") : "",
              })
            : this.t("noCommission")
        }
      </p>`;
    return html`<table data-testid="team-commission">
      <thead>
        <tr>
          <th scope="col">${this.t("staffColumn")}</th>
          <th scope="col">${this.t("salesColumn")}</th>
          <th scope="col">${this.t("soldColumn")}</th>
          <th scope="col">${this.t("commissionColumn")}</th>
        </tr>
      </thead>
      <tbody>
        ${p.commission.map(
          (c) =>
            html`<tr>
              <th scope="row">${STAFF_NAMES[c.staffId] ?? c.staffId}</th>
              <td class="num">${c.sales}</td>
              <td class="num">${this.money(c.sold)}</td>
              <td class="num">${this.money(c.net)}${c.capped ? this.t("cappedNote") : ""}</td>
            </tr>`,
        )}
      </tbody>
    </table>`;
  }

  override render() {
    if (!this.performance) return nothing;
    const me = USERS[this.demoRole].id;
    const ranks = this.performance.achievements.filter(
      (a) => "staffId" in a.owner && a.owner.staffId === me && a.rank !== undefined,
    );
    return html`<section aria-labelledby="sales-h" data-testid="sales-panel">
      <h3 id="sales-h">${this.t("salesHeading")}</h3>
      ${this.commission()}
      ${
        ranks.length > 0
          ? html`<ul data-testid="my-ranks">
              ${ranks.map(
                (a) =>
                  html`<li>
                    ${this.t("rankLine", { metric: label("salesMetric", a.metric, this.locale), rank: a.rank!, of: a.of! })}
                  </li>`,
              )}
            </ul>`
          : nothing
      }
      ${
        this.demoRole === "branch_manager"
          ? html`<form @submit=${(e: SubmitEvent) => void this.setTarget(e)} aria-label=${this.t("setTarget")}>
              <label
                >${this.t("metricLabel")}
                <select name="metric">
                  ${vocabularies.salesMetric.map((m) => html`<option value=${m}>${label("salesMetric", m, this.locale)}</option>`)}
                </select></label
              >
              <label
                >${this.t("targetLabel")}
                <input name="target" type="number" min="0" step="1" required inputmode="numeric"
              /></label>
              <button type="submit">${this.t("allocate")}</button>
            </form>`
          : nothing
      }
      ${this.status ? html`<p role="status">${this.status}</p>` : nothing}
      ${this.failure ? html`<p role="alert" class="error">${this.failure}</p>` : nothing}
    </section>`;
  }
}

customElements.define("ws-sales-panel", SalesPanel);
