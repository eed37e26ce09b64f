/**
 * The branch manager's dashboard: the branch at a glance — customers, AUM,
 * contribution, the share at high churn risk and the gold candidates as KPI
 * tiles (each against the bank's average branch), AUM by tier, product
 * penetration, churn risk across the branch and by level, and the branches
 * compared by contribution (this one highlighted). Figures from the rows and
 * the book's value metrics; other branches appear only as totals.
 */
import { LitElement, css, html, nothing } from "lit";
import { property } from "lit/decorators.js";
import { label, type Locale } from "@bankcrm/core";
import { PRODUCT_TYPES, TIERS } from "@bankcrm/core/vocabulary";
import type { ChartDatum } from "@bankcrm/elements";
import "@bankcrm/elements/kpi-tile.js";
import "@bankcrm/elements/chart.js";
import type { BookRow } from "../book.js";
import { text, type TextKey } from "../messages.js";
import { controlStyles, dataTableStyles, pageHostStyles, panelStyles } from "../panel-styles.js";
import type { ValuesState } from "../session.js";
import { BRANCH_NAMES, USERS } from "../users.js";
import type { BookValues } from "../value-book.js";
import { renderValuesStatus } from "../value-status.js";
import { valuePageStyles } from "./value-page.js";

interface BranchFigures {
  customers: number;
  aum: number;
  contribution: number;
  highChurnShare: number | undefined;
  gold: number | undefined;
}

export class DashboardPage extends LitElement {
  static override styles = [
    pageHostStyles,
    controlStyles,
    panelStyles,
    dataTableStyles,
    valuePageStyles,
    css`
      .tiles {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(11rem, 1fr));
        gap: 12px;
        margin-bottom: 16px;
      }
      .tiles bankcrm-kpi-tile {
        display: block;
      }
      .charts {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(22rem, 1fr));
        gap: 16px;
        align-items: start;
      }
    `,
  ];

  @property({ attribute: false }) rows: BookRow[] = [];
  @property({ attribute: false }) values: BookValues | undefined;
  @property({ attribute: false }) valuesState: ValuesState = { state: "none" };
  @property() locale: Locale = "zh-CN";
  @property({ type: Boolean }) embedded = false;

  private kept:
    { rows: BookRow[]; values: BookValues | undefined; figures: ReturnType<DashboardPage["figures"]> } | undefined;

  private t(key: TextKey, values: Record<string, string | number> = {}) {
    return text(key, this.locale, values);
  }

  /** Every branch's totals in one pass over the rows, and this branch's rows. */
  private figures() {
    const branchId = USERS.branch_manager.branchId;
    // The gold candidates: the flags the value lists set on the rows (computed here, or by the server's job).
    const goldIds = this.rows.some((r) => r.underServed !== undefined)
      ? new Set(this.rows.filter((r) => r.underServed || r.nearNextTier).map((r) => r.id))
      : undefined;
    const byBranch = new Map<string, BranchFigures & { high: number; scored: number }>();
    const mine: BookRow[] = [];
    for (const r of this.rows) {
      let b = byBranch.get(r.branchId);
      if (!b)
        byBranch.set(
          r.branchId,
          (b = { customers: 0, aum: 0, contribution: 0, highChurnShare: undefined, gold: 0, high: 0, scored: 0 }),
        );
      b.customers++;
      b.aum += r.aum ?? 0;
      b.contribution += r.contribution ?? 0;
      if (r.churnLevel) {
        b.scored++;
        if (r.churnLevel === "high") b.high++;
      }
      if (goldIds?.has(r.id)) b.gold = (b.gold ?? 0) + 1;
      if (r.branchId === branchId) mine.push(r);
    }
    for (const b of byBranch.values()) {
      b.highChurnShare = b.scored > 0 ? b.high / b.scored : undefined;
      if (!goldIds) b.gold = undefined;
    }
    return { branchId, byBranch, mine };
  }

  override render() {
    const l = this.locale;
    if (!this.kept || this.kept.rows !== this.rows || this.kept.values !== this.values)
      this.kept = { rows: this.rows, values: this.values, figures: this.figures() };
    const { branchId, byBranch, mine } = this.kept.figures;
    const own = byBranch.get(branchId);
    const others = [...byBranch.values()];
    const mean = (pick: (b: BranchFigures) => number | undefined) => {
      const xs = others.map(pick).filter((x): x is number => x !== undefined);
      return xs.length > 0 ? xs.reduce((s, x) => s + x, 0) / xs.length : undefined;
    };
    const tile = (
      key: TextKey,
      value: number | undefined,
      previous: number | undefined,
      format = "number",
      good = "up",
    ) =>
      html`<bankcrm-kpi-tile
        label=${this.t(key)}
        format=${format}
        good=${good}
        versus=${this.t("versusBank")}
        .value=${value}
        .previous=${previous}
        locale=${l}
      ></bankcrm-kpi-tile>`;
    const scored = mine.some((r) => r.churnLevel !== undefined);
    const aumByTier: ChartDatum[] = TIERS.map((tier) => ({
      label: label("tier", tier, l),
      value: mine.filter((r) => r.tier === tier).reduce((s, r) => s + (r.aum ?? 0), 0),
    }));
    const penetration: ChartDatum[] = PRODUCT_TYPES.map((type) => ({
      label: label("productType", type, l),
      value: mine.length > 0 ? mine.filter((r) => r.productTypes?.includes(type)).length / mine.length : Number.NaN,
    })).sort((a, b) => b.value - a.value);
    const levels: ChartDatum[] = (["low", "medium", "high"] as const).map((level) => ({
      label: label("churnLevel", level, l),
      value: mine.filter((r) => r.churnLevel === level).length,
    }));
    const branches: ChartDatum[] = [...byBranch.entries()]
      .map(([id, b]) => ({ label: BRANCH_NAMES[id] ?? id, value: b.contribution, highlight: id === branchId }))
      .sort((a, b) => b.value - a.value);
    return html`<h2>${this.t("dashboardTitle", { branch: BRANCH_NAMES[branchId] ?? branchId })}</h2>
      ${renderValuesStatus(this, this.valuesState, l, this.embedded)}
      <div class="tiles" data-testid="kpis">
        ${tile(
          "kpiCustomers",
          own?.customers,
          mean((b) => b.customers),
        )}
        ${tile(
          "kpiAum",
          own?.aum,
          mean((b) => b.aum),
          "money",
        )}
        ${tile("kpiContribution", scored ? own?.contribution : undefined, scored ? mean((b) => b.contribution) : undefined, "money")}
        ${tile(
          "kpiHighChurn",
          own?.highChurnShare,
          mean((b) => b.highChurnShare),
          "percent",
          "down",
        )}
        ${tile(
          "kpiGold",
          own?.gold,
          mean((b) => b.gold),
        )}
      </div>
      <div class="charts" data-testid="charts">
        <bankcrm-chart label=${this.t("chartAumByTier")} format="money" .data=${aumByTier} locale=${l}></bankcrm-chart>

        <bankcrm-chart
          label=${this.t("chartPenetration")}
          format="percent"
          .data=${penetration}
          locale=${l}
        ></bankcrm-chart>

        ${
          scored
            ? html`
                <bankcrm-chart
                  type="distribution"
                  format="percent"
                  label=${this.t("chartChurn")}
                  .values=${mine.map((r) => r.churnRisk ?? Number.NaN)}
                  .domain=${[0, 1]}
                  locale=${l}
                ></bankcrm-chart>

                <bankcrm-chart
                  type="donut"
                  label=${this.t("chartChurnLevels")}
                  .data=${levels}
                  locale=${l}
                ></bankcrm-chart>

                <bankcrm-chart
                  label=${this.t("chartBranches")}
                  format="money"
                  .data=${branches}
                  locale=${l}
                ></bankcrm-chart>
              `
            : nothing
        }
      </div>`;
  }
}

customElements.define("ws-dashboard-page", DashboardPage);
