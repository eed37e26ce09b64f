import { html, nothing, svg } from "lit";
import { property } from "lit/decorators.js";
import { scaleBand, scaleLinear } from "d3-scale";
import { label, type Contribution, type Locale } from "@bankcrm/core";
import { pictureMessage } from "../../i18n/value-breakdown-messages.js";
import { dataTable } from "../../internal/data-table.js";
import { compactMoney } from "../../internal/format.js";
import { BankcrmContextElement } from "../base/context-element.js";
import { valueBreakdownStyles } from "./value-breakdown.styles.js";

const WIDTH = 480;

/**
 * Where a customer's annual contribution comes from, as a waterfall: each
 * factor (deposit spread, loan margin, fees, expected credit loss, cost to
 * serve…) a bar from the running total to the next — income up in the accent,
 * deductions down in the danger colour — and the total at the bottom. Give it
 * `computeContribution`'s result. A summary in words, the figures as a table
 * behind it; amounts hidden for roles that may not see them (`masked`).
 *
 * @tagname bankcrm-value-breakdown
 * @summary A customer's contribution as a waterfall by factor.
 *
 * @csspart base - The figure.
 * @csspart label - The caption.
 * @csspart chart - The SVG waterfall.
 * @csspart table - The data table's disclosure.
 * @csspart status - Loading, empty, masked or error text.
 *
 * @cssproperty --bankcrm-value-breakdown-up - Income bars; default the accent.
 * @cssproperty --bankcrm-value-breakdown-down - Deductions; default the danger colour.
 */
export class BankcrmValueBreakdown extends BankcrmContextElement {
  static override styles = valueBreakdownStyles;

  /** `computeContribution`'s result: the factors in minor units a year, and the total. */
  @property({ attribute: false }) contribution: Contribution | undefined;

  /** The caption; default "价值构成（年度贡献）". */
  @property() label = "";

  /** Shows the loading state. */
  @property({ type: Boolean, reflect: true }) loading = false;

  /** The viewer's role may not see the amounts (financial data): says so instead of drawing. */
  @property({ type: Boolean, reflect: true }) masked = false;

  /** An error to show instead (rendered as text). */
  @property() error: string | undefined;

  private money(x: number, l: Locale, signed = false): string {
    const text = compactMoney(Math.abs(x), this.contribution?.total.currency ?? "CNY", l);
    return signed ? `${x < 0 ? "−" : "+"}${text}` : x < 0 ? `−${text}` : text;
  }

  /** Each factor's bar from the running total before it to the one after. */
  private steps() {
    let running = 0;
    return (this.contribution?.factors ?? [])
      .filter((f) => Number.isFinite(f.amount))
      .map((f) => {
        const from = running;
        running += f.amount;
        return { code: f.code, amount: f.amount, from, to: running };
      });
  }

  private summary(l: Locale, steps: ReturnType<BankcrmValueBreakdown["steps"]>, total: number): string {
    const name = (code: string) => label("contributionFactor", code as never, l);
    const top = steps.filter((s) => s.amount > 0).sort((a, b) => b.amount - a.amount)[0];
    const cost = steps.filter((s) => s.amount < 0).sort((a, b) => a.amount - b.amount)[0];
    if (!top)
      return pictureMessage("breakdownSummaryNoCost", l, { total: this.money(total, l), top: "—", topAmount: "—" });
    const params = { total: this.money(total, l), top: name(top.code), topAmount: this.money(top.amount, l) };
    return cost
      ? pictureMessage("breakdownSummary", l, {
          ...params,
          cost: name(cost.code),
          costAmount: this.money(cost.amount, l),
        })
      : pictureMessage("breakdownSummaryNoCost", l, params);
  }

  private waterfall(l: Locale, steps: ReturnType<BankcrmValueBreakdown["steps"]>, total: number) {
    const rows = [...steps.map((s, i) => ({ ...s, key: i, name: label("contributionFactor", s.code, l) }))];
    const totalKey = rows.length;
    const ends = [0, total, ...steps.flatMap((s) => [s.from, s.to])];
    const height = (rows.length + 1) * 30 + 26;
    const x = scaleLinear()
      .domain([Math.min(...ends), Math.max(...ends)])
      .nice()
      .range([150, WIDTH - 70]);
    const y = scaleBand<number>()
      .domain([...rows.map((r) => r.key), totalKey])
      .range([4, height - 22])
      .padding(0.25);
    const mid = (k: number) => y(k)! + y.bandwidth() / 2;
    const bar = (from: number, to: number) => ({ x: x(Math.min(from, to)), w: Math.max(1, Math.abs(x(to) - x(from))) });
    const t = bar(0, total);
    return svg`<svg viewBox="0 0 ${WIDTH} ${height}">
      ${x.ticks(4).map(
        (v) => svg`<line class="grid" x1=${x(v)} x2=${x(v)} y1="0" y2=${height - 18}></line>
          <text class="tick" x=${x(v)} y=${height - 4} text-anchor="middle">${this.money(v, l)}</text>`,
      )}
      <line class="zero" x1=${x(0)} x2=${x(0)} y1="0" y2=${height - 18}></line>
      ${rows.map((r, i) => {
        const b = bar(r.from, r.to);
        const next = i + 1 < rows.length ? rows[i + 1]!.key : totalKey;
        return svg`<g class=${r.amount < 0 ? "step down" : "step up"} data-factor=${r.code}>
          <text class="category" x="142" y=${mid(r.key)} text-anchor="end" dominant-baseline="central">${r.name}</text>
          <rect x=${b.x} y=${y(r.key)} width=${b.w} height=${y.bandwidth()}></rect>
          <text class="amount" x=${b.x + b.w + 4} y=${mid(r.key)} dominant-baseline="central">${this.money(r.amount, l, true)}</text>
          <line class="connector" x1=${x(r.to)} x2=${x(r.to)} y1=${y(r.key)! + y.bandwidth()} y2=${y(next)}></line>
        </g>`;
      })}
      <g class="step total">
        <text class="category" x="142" y=${mid(totalKey)} text-anchor="end" dominant-baseline="central">${pictureMessage("breakdownTotal", l)}</text>
        <rect x=${t.x} y=${y(totalKey)} width=${t.w} height=${y.bandwidth()}></rect>
        <text class="amount" x=${t.x + t.w + 4} y=${mid(totalKey)} dominant-baseline="central">${this.money(total, l)}</text>
      </g>
    </svg>`;
  }

  override render() {
    const l = this.effectiveLocale;
    const caption = this.label || pictureMessage("breakdownLabel", l);
    const status = (text: string, role: "status" | "alert" = "status") =>
      html`<p part="status" role=${role}>${text}</p>`;
    let body;
    if (this.error) body = status(this.error, "alert");
    else if (this.loading) body = status(pictureMessage("breakdownLoading", l));
    else if (this.masked) body = status(pictureMessage("breakdownMasked", l));
    else {
      const steps = this.steps();
      if (!this.contribution || steps.length === 0) body = status(pictureMessage("breakdownEmpty", l));
      else {
        const total = steps.at(-1)!.to;
        body = html`<div part="chart" role="img" aria-labelledby="label summary">
            ${this.waterfall(l, steps, total)}
          </div>
          <p id="summary" class="visually-hidden">${this.summary(l, steps, total)}</p>
          ${dataTable(
            caption,
            [
              pictureMessage("breakdownFactor", l),
              pictureMessage("breakdownAmount", l),
              pictureMessage("breakdownRunning", l),
            ],
            [
              ...steps.map((s) => ({
                label: label("contributionFactor", s.code, l),
                cells: [this.money(s.amount, l, true), this.money(s.to, l)],
              })),
              { label: pictureMessage("breakdownTotal", l), cells: [this.money(total, l), this.money(total, l)] },
            ],
            l,
          )}`;
      }
    }
    return html`<figure part="base" aria-busy=${this.loading ? "true" : nothing}>
      <figcaption part="label" id="label">${caption}</figcaption>
      ${body}
    </figure>`;
  }
}
