import { html, nothing } from "lit";
import { property } from "lit/decorators.js";
import { type Locale } from "@bankcrm/core";
import { valueMessage } from "../../i18n/kpi-tile-messages.js";
import { formatFigure, type FigureFormat } from "../../internal/format.js";
import { BankcrmContextElement } from "../base/context-element.js";
import { kpiTileStyles } from "./kpi-tile.styles.js";

export type KpiFormat = FigureFormat;

/**
 * One figure a branch manager reads at a glance (AUM, new customers, churn
 * share…): its label, its value in the locale's notation — money from minor
 * units, compact (¥1.2亿 / ¥120M) — and, given the previous period's, the change
 * with an arrow and whether it is for the better (`good` says which way is).
 * The arrow is decoration; the change is said in words too.
 *
 * @tagname bankcrm-kpi-tile
 * @summary A key figure with its change against the previous period.
 *
 * @csspart base - The tile.
 * @csspart label - The figure's name.
 * @csspart value - The figure.
 * @csspart change - The change against the previous period.
 *
 * @cssproperty --bankcrm-kpi-tile-good - Colour of a change for the better; default the accent.
 * @cssproperty --bankcrm-kpi-tile-bad - Colour of a change for the worse; default the danger colour.
 */
export class BankcrmKpiTile extends BankcrmContextElement {
  static override styles = kpiTileStyles;

  /** What the figure is ("管理资产 AUM"). */
  @property() label = "";

  /** The figure: a count, minor units of money, or a share from 0 to 1 (see `format`). Unset: no figure yet. */
  @property({ type: Number }) value: number | undefined;

  /** The previous period's figure, for the change. */
  @property({ type: Number }) previous: number | undefined;

  /** How to write it. */
  @property() format: KpiFormat = "number";

  /** Currency of a money figure. */
  @property() currency = "CNY";

  /** Which way is for the better: `up` (AUM) or `down` (churn, overdue cases). */
  @property() good: "up" | "down" = "up";

  /** What the change is against; default "on the previous period". */
  @property() versus = "";

  private text(x: number, l: Locale): string {
    return formatFigure(x, this.format, this.currency, l);
  }

  private change(l: Locale) {
    const { value, previous } = this;
    if (value === undefined || previous === undefined || !Number.isFinite(value) || !Number.isFinite(previous))
      return nothing;
    const delta = value - previous;
    const versus = this.versus || valueMessage("kpiVersus", l);
    if (delta === 0)
      return html`<p part="change" data-trend="flat">${valueMessage("kpiFlat", l)} <span>${versus}</span></p>`;
    // A share changes in points; anything else by its relative change (or its amount, from zero).
    const amount =
      this.format === "percent"
        ? `${new Intl.NumberFormat(l, { maximumFractionDigits: 1 }).format(Math.abs(delta) * 100)}${l === "zh-CN" ? " 个百分点" : " pts"}`
        : previous !== 0
          ? new Intl.NumberFormat(l, { style: "percent", maximumFractionDigits: 1 }).format(Math.abs(delta / previous))
          : this.text(Math.abs(delta), l);
    const up = delta > 0;
    const better = up === (this.good === "up");
    return html`<p part="change" data-trend=${better ? "good" : "bad"}>
      <span aria-hidden="true">${up ? "▲" : "▼"}</span>
      ${valueMessage(up ? "kpiUp" : "kpiDown", l, { change: amount })}
      <span>${versus}</span
      ><span class="visually-hidden"
        >${l === "zh-CN" ? "，" : ", "}${valueMessage(better ? "kpiGood" : "kpiBad", l)}</span
      >
    </p>`;
  }

  override render() {
    const l = this.effectiveLocale;
    const v = this.value;
    const known = v !== undefined && Number.isFinite(v);
    // A group, not a landmark: a dashboard holds many tiles.
    return html`<div part="base" role="group" aria-labelledby="label">
      <p part="label" id="label">${this.label}</p>
      <p part="value" data-known=${known ? "true" : "false"}>
        ${known ? this.text(v, l) : html`<span aria-hidden="true">—</span><span class="visually-hidden">${valueMessage("kpiNone", l)}</span>`}
      </p>
      ${known ? this.change(l) : nothing}
    </div>`;
  }
}
