/**
 * Service quality (客户满意度分析) for a branch manager (their branch) and head office (the bank): this month's
 * complaints, cases past their limit, time to resolve and CSAT, each against last month, a line over the last
 * twelve months for each, and what the cases were about. Core's `serviceTrend` over the cases the user may see:
 * the server's in server mode (paged through `records`), this device's embedded (the customers opened here).
 */
import { css, html, nothing } from "lit";
import { label, type Customer, type ServiceCase } from "@bankcrm/core";
import { serviceTrend, type ServicePeriod } from "@bankcrm/core/service";
import { SERVICE_CATEGORIES } from "@bankcrm/core/vocabulary";
import type { ChartDatum } from "@bankcrm/elements";
import type { CrmStore } from "@bankcrm/data";
import "@bankcrm/elements/kpi-tile.js";
import "@bankcrm/elements/chart.js";
import { AnsweredPage } from "./sourced-page.js";
import { everyPage } from "../paging.js";
import { reportPageStyles } from "../panel-styles.js";
import type { TextKey } from "../messages.js";

/** What the page reads: the months' figures and the instant they were judged at, or undefined when it could not. */
export type ServiceSource = () => Promise<{ asOf: string; trend: ServicePeriod[] } | undefined>;

/**
 * The cases of a store the user may see — all of them (the server scoped them), or one branch's customers' — as
 * twelve months' figures at `asOf`.
 */
export const serviceSourceOf =
  (store: CrmStore, asOf: () => Date, branchId?: string): ServiceSource =>
  async () => {
    let cases = (await everyPage((q) => store.records("serviceCases", q))) as ServiceCase[];
    if (branchId) {
      const customers: Customer[] = await everyPage((q) => store.listCustomers({ branchId, ...q }));
      const mine = new Set(customers.map((c) => c.id));
      cases = cases.filter((c) => mine.has(c.customerId));
    }
    const at = asOf();
    return { asOf: at.toISOString(), trend: serviceTrend(cases, { asOf: at, periods: 12 }) };
  };

const FIGURES: readonly [TextKey, keyof ServicePeriod, "number" | "percent", "up" | "down"][] = [
  ["serviceComplaints", "complaints", "number", "down"],
  ["serviceBreachShare", "breachShare", "percent", "down"],
  ["serviceHoursToResolve", "meanHoursToResolve", "number", "down"],
  ["serviceCsat", "csat", "percent", "up"],
];

export class ServicePage extends AnsweredPage<{ asOf: string; trend: ServicePeriod[] }> {
  static override styles = [
    ...reportPageStyles,
    css`
      .tiles {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(12rem, 1fr));
        gap: 12px;
        margin: 12px 0;
      }
      .charts {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(22rem, 1fr));
        gap: 16px;
        align-items: start;
      }
    `,
  ];

  private figure(p: ServicePeriod | undefined, key: keyof ServicePeriod): number | undefined {
    const v = p?.[key];
    return typeof v === "number" && Number.isFinite(v) ? v : undefined;
  }

  private renderFigures(trend: ServicePeriod[]) {
    const l = this.locale;
    const now = trend[trend.length - 1];
    const before = trend[trend.length - 2];
    // The last three months' cases by what they were about.
    const recent = trend.slice(-3);
    const categories: ChartDatum[] = SERVICE_CATEGORIES.map((c) => ({
      label: label("serviceCategory", c, l),
      value: recent.reduce((s, p) => s + (p.byCategory[c] ?? 0), 0),
    })).filter((d) => d.value > 0);
    return html`<div class="tiles" data-testid="service-tiles">
        ${FIGURES.map(
          ([key, field, format, good]) =>
            html`<bankcrm-kpi-tile
              data-figure=${field}
              label=${this.t(key)}
              format=${format}
              good=${good}
              versus=${this.t("serviceVersusLastMonth")}
              .value=${this.figure(now, field)}
              .previous=${this.figure(before, field)}
              locale=${l}
            ></bankcrm-kpi-tile>`,
        )}
      </div>
      <div class="charts">
        ${FIGURES.map(
          ([key, field, format]) =>
            html`<bankcrm-chart
              type="line"
              data-figure=${field}
              label=${this.t("serviceTrendOf", { figure: this.t(key) })}
              format=${format}
              .data=${trend.map((p) => ({ label: p.month, value: this.figure(p, field) ?? Number.NaN }))}
              locale=${l}
            ></bankcrm-chart>`,
        )}
        ${
          categories.length > 0
            ? html`<bankcrm-chart label=${this.t("serviceCategories")} .data=${categories} locale=${l}></bankcrm-chart>`
            : nothing
        }
      </div>`;
  }

  override render() {
    const a = this.answer;
    return html`<section class="panel" aria-labelledby="service-h">
      <h2 id="service-h">${this.t("serviceTitle")}</h2>
      <p class="muted">${this.t(this.embedded ? "serviceExplainEmbedded" : "serviceExplain")}</p>
      ${
        this.failed
          ? html`<p role="alert">${this.t("serviceFailed")}</p>`
          : !a
            ? html`<p role="status" aria-busy="true">${this.t("serviceLoading")}</p>`
            : this.renderFigures(a.trend)
      }
    </section>`;
  }
}

customElements.define("ws-service-page", ServicePage);
