import { html, nothing, svg } from "lit";
import { property } from "lit/decorators.js";
import { labelIn, type CampaignEffect, type Locale } from "@bankcrm/core";
import { campaignChannelLabels } from "@bankcrm/core/i18n";
import { compactMoney } from "../../internal/format.js";
import { say } from "../../i18n/campaign-report-messages.js";
import type { CampaignReportMessageKey } from "../../i18n/campaign-report-messages.js";
import { BankcrmContextElement } from "../base/context-element.js";
import { campaignReportStyles } from "./campaign-report.styles.js";

const STAGE_TEXT: Record<CampaignEffect["funnel"][number]["stage"], CampaignReportMessageKey> = {
  targeted: "stageTargeted",
  delivered: "stageDelivered",
  contacted: "stageContacted",
  responded: "stageResponded",
  converted: "stageConverted",
};
const BAR = 22;
const WIDTH = 320;

/**
 * A campaign's effect (营销活动成效综合评价) from core's `campaignEffectiveness`:
 * the funnel as a chart with the table behind it (each rate with its 95% Wilson
 * interval), the uplift over the control group with its interval and p-value —
 * and whether it is significant — incremental conversions and revenue, cost per
 * conversion, ROI, and the channel breakdown. Drawn in SVG attributes (no
 * inline styles), themed by the tokens.
 *
 * @tagname bankcrm-campaign-report
 * @summary A campaign's funnel, uplift over a control group with its test, and ROI.
 *
 * @csspart base - The report.
 * @csspart chart - The funnel chart (an image described by its caption; the table follows).
 * @csspart funnel - The funnel table.
 * @csspart uplift - The uplift sentence.
 * @csspart channels - The channel table.
 *
 * @cssproperty --bankcrm-campaign-report-bar - The bars' colour; default the accent.
 */
export class BankcrmCampaignReport extends BankcrmContextElement {
  static override styles = campaignReportStyles;

  /** The effect to show (core `campaignEffectiveness`). */
  @property({ attribute: false }) effect: CampaignEffect | undefined;

  /** The campaign's name. */
  @property() name = "";

  /** Currency of the money figures. */
  @property() currency = "CNY";

  private pct(x: number, l: Locale, digits = 1): string {
    return new Intl.NumberFormat(l, {
      style: "percent",
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    }).format(x);
  }

  private points(x: number, l: Locale): string {
    return new Intl.NumberFormat(l, {
      maximumFractionDigits: 1,
      minimumFractionDigits: 1,
      signDisplay: "exceptZero",
    }).format(x * 100);
  }

  /** The funnel as bars (with its summary for a screen reader) and as a table with each stage's interval. */
  private renderFunnel(e: CampaignEffect, l: Locale) {
    const top = e.funnel[0]!.count || 1;
    const summary = e.funnel.map((f) => `${say(STAGE_TEXT[f.stage], l)} ${f.count}`).join("，");
    return html`<svg
        part="chart"
        role="img"
        aria-labelledby="chart-desc"
        viewBox=${`0 0 ${WIDTH + 140} ${e.funnel.length * (BAR + 6)}`}
        width="100%"
      >
        <title id="chart-desc">${say("reportFunnelChart", l, { summary })}</title>
        ${e.funnel.map(
          (f, i) => svg`<g>
            <text x="0" y=${i * (BAR + 6) + BAR * 0.7} class="label">${say(STAGE_TEXT[f.stage], l)}</text>
            <rect class="bar" x="70" y=${i * (BAR + 6)} height=${BAR} width=${Math.max(1, (f.count / top) * WIDTH)}></rect>
            <text x=${76 + Math.max(1, (f.count / top) * WIDTH)} y=${i * (BAR + 6) + BAR * 0.7} class="value">${f.count}</text>
          </g>`,
        )}
      </svg>
      <table part="funnel" aria-labelledby="funnel-h">
        <thead>
          <tr>
            <th scope="col">${say("reportStage", l)}</th>
            <th scope="col">${say("reportCount", l)}</th>
            <th scope="col">${say("reportRate", l)}</th>
            <th scope="col">${say("reportInterval", l)}</th>
          </tr>
        </thead>
        <tbody>
          ${e.funnel.map(
            (f) =>
              html`<tr data-stage=${f.stage}>
                <th scope="row">${say(STAGE_TEXT[f.stage], l)}</th>
                <td>${f.count.toLocaleString(l)}</td>
                <td>${this.pct(f.rate, l)}</td>
                <td>${this.pct(f.interval.low, l)} – ${this.pct(f.interval.high, l)}</td>
              </tr>`,
          )}
        </tbody>
      </table>`;
  }

  /** The uplift over the hold-out with its significance, the hold-out's own rate, and what it earned and cost. */
  private renderEffect(e: CampaignEffect, l: Locale) {
    const money = (x: number) => compactMoney(Math.round(x), this.currency, l);
    return html`<p part="uplift" data-significant=${e.uplift.pValue < 0.05 ? "true" : "false"}>
        ${say("reportUplift", l, {
          uplift: this.points(e.uplift.difference, l),
          low: this.points(e.uplift.interval.low, l),
          high: this.points(e.uplift.interval.high, l),
          p: e.uplift.pValue < 0.001 ? "< 0.001" : e.uplift.pValue.toFixed(3),
        })}
        <strong>${say(e.uplift.pValue < 0.05 ? "reportSignificant" : "reportNotSignificant", l)}</strong>
      </p>
      <p class="muted">
        ${say("reportControl", l, { size: e.control.size, conversions: e.control.conversions, rate: this.pct(e.control.rate, l) })}
      </p>
      <p>
        ${say("reportIncremental", l, {
          conversions: e.incrementalConversions.toFixed(1),
          revenue: money(e.incrementalRevenue),
        })}
        ·
        ${say("reportCost", l, {
          cost: money(e.cost),
          cpa: e.costPerConversion === undefined ? "—" : money(e.costPerConversion),
          roi: e.roi === undefined ? "—" : this.pct(e.roi, l, 0),
        })}
      </p>`;
  }

  /** The response by channel, when there is more than none. */
  private renderChannels(e: CampaignEffect, l: Locale) {
    return e.channels.length === 0
      ? nothing
      : html`<table part="channels">
          <caption>
            ${say("reportChannels", l)}
          </caption>
          <thead>
            <tr>
              <th scope="col">${say("reportChannel", l)}</th>
              <th scope="col">${say("stageTargeted", l)}</th>
              <th scope="col">${say("stageConverted", l)}</th>
              <th scope="col">${say("reportRate", l)}</th>
            </tr>
          </thead>
          <tbody>
            ${e.channels.map(
              (c) =>
                html`<tr data-channel=${c.channel}>
                  <th scope="row">${labelIn(campaignChannelLabels, c.channel, l)}</th>
                  <td>${c.targeted}</td>
                  <td>${c.converted}</td>
                  <td>${this.pct(c.rate, l)}</td>
                </tr>`,
            )}
          </tbody>
        </table>`;
  }

  override render() {
    const l = this.effectiveLocale;
    const e = this.effect;
    if (!e) return html`<p part="base" role="status">${say("reportNone", l)}</p>`;
    return html`<section part="base" aria-labelledby="title">
      <h2 id="title">${say("reportTitle", l, { name: this.name })}</h2>
      <h3 id="funnel-h">${say("reportFunnel", l)}</h3>
      ${this.renderFunnel(e, l)} ${this.renderEffect(e, l)} ${this.renderChannels(e, l)}
    </section>`;
  }
}
