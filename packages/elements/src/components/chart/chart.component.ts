import { html, nothing, svg, type TemplateResult } from "lit";
import { property } from "lit/decorators.js";
import { scaleBand, scaleLinear, scalePoint } from "d3-scale";
import { arc, line, pie, type PieArcDatum } from "d3-shape";
import { type Locale } from "@bankcrm/core";
import { pictureMessage } from "../../i18n/chart-messages.js";
import { formatFigure, type FigureFormat } from "../../internal/format.js";
import { dataTable } from "../../internal/data-table.js";
import { BankcrmContextElement } from "../base/context-element.js";
import { chartStyles } from "./chart.styles.js";

export type ChartType = "bar" | "line" | "donut" | "distribution";

/** One bar, point or slice. */
export interface ChartDatum {
  label: string;
  value: number;
  /** Drawn in the highlight colour and marked in the table (the user's own branch among all). */
  highlight?: boolean;
}

const WIDTH = 480;
const SERIES = 6;
const finite = (x: unknown): x is number => typeof x === "number" && Number.isFinite(x);

/**
 * A chart for what people would rather look at than read: bars (AUM by tier,
 * branch comparison), a line (a figure over months), a donut (shares of a
 * whole) or the distribution of many values (churn risk across the book).
 * SVG drawn with d3-scale and d3-shape, themed by the tokens; a summary in
 * words for screen readers, and the data as a table behind every chart.
 * Values that are not finite numbers are left out of the drawing and shown as
 * "—" in the table; a donut leaves out negative parts.
 *
 * @tagname bankcrm-chart
 * @summary Bar, line, donut or distribution chart with its data table.
 *
 * @csspart base - The figure.
 * @csspart label - The caption.
 * @csspart chart - The SVG.
 * @csspart legend - The donut's legend.
 * @csspart table - The data table's disclosure.
 *
 * @cssproperty --bankcrm-chart-1 - First series colour (bars, line); default the accent. `--bankcrm-chart-2` … `-6` the donut's further parts.
 * @cssproperty --bankcrm-chart-highlight - A highlighted bar; default the danger colour.
 */
export class BankcrmChart extends BankcrmContextElement {
  static override styles = chartStyles;

  @property() type: ChartType = "bar";

  /** What the chart shows (its caption and accessible name). */
  @property() label = "";

  /** Bars, points or slices. */
  @property({ attribute: false }) data: readonly ChartDatum[] = [];

  /** For `distribution`: the values to count into ranges. */
  @property({ attribute: false }) values: readonly number[] = [];

  /** For `distribution`: about how many ranges (rounded to nice edges). */
  @property({ type: Number }) bins = 10;

  /** For `distribution`: the range to cover (e.g. [0, 1] for a probability); default the values' own. */
  @property({ attribute: false }) domain: readonly [number, number] | undefined;

  /** How values are written: counts, minor units of money, or shares from 0 to 1. */
  @property() format: FigureFormat = "number";

  @property() currency = "CNY";

  /** The table's column headings; default "Item" / "Value". */
  @property({ attribute: "item-label" }) itemLabel = "";
  @property({ attribute: "value-label" }) valueLabel = "";

  private fmt(x: number, l: Locale) {
    return formatFigure(x, this.format, this.currency, l);
  }

  /** The distribution's ranges: nice edges over the domain, and how many values fall in each. */
  private ranges(): { from: number; to: number; count: number }[] {
    const xs = this.values.filter(finite);
    if (xs.length === 0) return [];
    let [lo, hi] = this.domain ?? [Math.min(...xs), Math.max(...xs)];
    if (lo === hi) [lo, hi] = [lo - 1, hi + 1];
    const scale = scaleLinear().domain([lo, hi]).nice(Math.max(1, this.bins));
    const [d0, d1] = scale.domain() as [number, number];
    const edges = [d0, ...scale.ticks(Math.max(1, this.bins)).filter((t) => t > d0 && t < d1), d1];
    const counts = new Array<number>(edges.length - 1).fill(0);
    for (const x of xs) {
      if (x < d0 || x > d1) continue;
      // The last range includes its upper edge.
      let i = edges.findIndex((e) => x < e) - 1;
      if (i < 0) i = counts.length - 1;
      counts[i]!++;
    }
    return counts.map((count, i) => ({ from: edges[i]!, to: edges[i + 1]!, count }));
  }

  private rows(l: Locale): { label: string; value: number; highlight?: boolean }[] {
    if (this.type !== "distribution") return [...this.data];
    return this.ranges().map((r) => ({ label: `${this.fmt(r.from, l)} – ${this.fmt(r.to, l)}`, value: r.count }));
  }

  private summary(l: Locale, rows: { label: string; value: number }[]): string {
    const drawn = rows.filter((r) => finite(r.value));
    if (drawn.length === 0) return pictureMessage("chartNoData", l);
    const max = drawn.reduce((a, b) => (b.value > a.value ? b : a));
    const min = drawn.reduce((a, b) => (b.value < a.value ? b : a));
    switch (this.type) {
      case "donut": {
        const parts = drawn.filter((r) => r.value > 0);
        const total = parts.reduce((s, r) => s + r.value, 0);
        return pictureMessage("chartSummaryDonut", l, {
          count: parts.length,
          total: this.fmt(total, l),
          maxLabel: max.label,
          share: formatFigure(total > 0 ? max.value / total : 0, "percent", this.currency, l),
        });
      }
      case "line":
        return pictureMessage("chartSummaryLine", l, {
          count: drawn.length,
          first: this.fmt(drawn[0]!.value, l),
          firstLabel: drawn[0]!.label,
          last: this.fmt(drawn.at(-1)!.value, l),
          lastLabel: drawn.at(-1)!.label,
          max: this.fmt(max.value, l),
          maxLabel: max.label,
        });
      case "distribution":
        return pictureMessage("chartSummaryDistribution", l, {
          count: this.values.filter(finite).length,
          bins: rows.length,
          range: max.label,
          most: max.value,
        });
      default:
        return pictureMessage("chartSummaryBar", l, {
          count: drawn.length,
          maxLabel: max.label,
          max: this.fmt(max.value, l),
          minLabel: min.label,
          min: this.fmt(min.value, l),
        });
    }
  }

  private bars(l: Locale): TemplateResult {
    const data = this.data.map((d, i) => ({ ...d, i })).filter((d) => finite(d.value));
    const height = data.length * 28 + 28;
    const values = data.map((d) => d.value);
    const x = scaleLinear()
      .domain([Math.min(0, ...values), Math.max(0, ...values)])
      .nice()
      .range([140, WIDTH - 64]);
    const y = scaleBand<number>()
      .domain(data.map((d) => d.i))
      .range([4, height - 24])
      .padding(0.2);
    return svg`<svg viewBox="0 0 ${WIDTH} ${height}">
      ${x.ticks(4).map(
        (t) => svg`<line class="grid" x1=${x(t)} x2=${x(t)} y1="0" y2=${height - 20}></line>
          <text class="tick" x=${x(t)} y=${height - 6} text-anchor="middle">${this.fmt(t, l)}</text>`,
      )}
      ${data.map((d) => {
        const top = y(d.i)!;
        const x0 = x(Math.min(0, d.value));
        return svg`<g class=${d.highlight ? "bar highlight" : "bar"}>
          <text class="category" x="132" y=${top + y.bandwidth() / 2} text-anchor="end" dominant-baseline="central">${d.label}</text>
          <rect x=${x0} y=${top} width=${Math.max(1, Math.abs(x(d.value) - x(0)))} height=${y.bandwidth()}></rect>
          <text class="amount" x=${x(Math.max(0, d.value)) + 4} y=${top + y.bandwidth() / 2} dominant-baseline="central">${this.fmt(d.value, l)}</text>
        </g>`;
      })}
    </svg>`;
  }

  private lineChart(l: Locale): TemplateResult {
    const height = 220;
    const data = this.data.map((d, i) => ({ ...d, i }));
    const values = data.map((d) => d.value).filter(finite);
    const x = scalePoint<number>()
      .domain(data.map((d) => d.i))
      .range([56, WIDTH - 16])
      .padding(0.3);
    const y = scaleLinear()
      .domain([Math.min(0, ...values), Math.max(0, ...values)])
      .nice()
      .range([height - 28, 8]);
    const path = line<(typeof data)[number]>()
      .defined((d) => finite(d.value))
      .x((d) => x(d.i)!)
      .y((d) => y(d.value))(data);
    // At most about 8 labels along the bottom.
    const every = Math.max(1, Math.ceil(data.length / 8));
    return svg`<svg viewBox="0 0 ${WIDTH} ${height}">
      ${y.ticks(4).map(
        (t) => svg`<line class="grid" x1="52" x2=${WIDTH - 8} y1=${y(t)} y2=${y(t)}></line>
          <text class="tick" x="48" y=${y(t)} text-anchor="end" dominant-baseline="central">${this.fmt(t, l)}</text>`,
      )}
      ${data.map((d) =>
        d.i % every === 0
          ? svg`<text class="tick" x=${x(d.i)} y=${height - 8} text-anchor="middle">${d.label}</text>`
          : nothing,
      )}
      <path class="line" d=${path ?? ""}></path>
      ${data
        .filter((d) => finite(d.value))
        .map(
          (d) =>
            svg`<circle class=${d.highlight ? "point highlight" : "point"} cx=${x(d.i)} cy=${y(d.value)} r="3.5"></circle>`,
        )}
    </svg>`;
  }

  private donut(l: Locale): TemplateResult {
    const parts = this.data.map((d, i) => ({ ...d, i })).filter((d) => finite(d.value) && d.value > 0);
    const total = parts.reduce((s, d) => s + d.value, 0);
    const arcs = pie<(typeof parts)[number]>()
      .sort(null)
      .value((d) => d.value)(parts);
    const shape = arc<PieArcDatum<(typeof parts)[number]>>().innerRadius(58).outerRadius(96).padAngle(0.01);
    return svg`<svg viewBox="0 0 220 220" class="donut">
      <g transform="translate(110 110)">
        ${arcs.map((a) => svg`<path class=${`slice s${a.data.i % SERIES}`} d=${shape(a) ?? ""}></path>`)}
        <text class="total" text-anchor="middle" dominant-baseline="central">${this.fmt(total, l)}</text>
      </g>
    </svg>`;
  }

  /** The donut's key: each part's colour, name and share (outside the image, so it is read). */
  private legend(l: Locale): TemplateResult {
    const parts = this.data.map((d, i) => ({ ...d, i })).filter((d) => finite(d.value) && d.value > 0);
    const total = parts.reduce((s, d) => s + d.value, 0);
    return html`<ul part="legend">
      ${parts.map(
        (d) =>
          html`<li>
            <span class=${`swatch s${d.i % SERIES}`} aria-hidden="true"></span>${d.label}
            <span class="share">${formatFigure(d.value / total, "percent", this.currency, l)}</span>
          </li>`,
      )}
    </ul>`;
  }

  private distribution(l: Locale): TemplateResult {
    const ranges = this.ranges();
    const height = 200;
    const x = scaleLinear()
      .domain([ranges[0]!.from, ranges.at(-1)!.to])
      .range([40, WIDTH - 16]);
    const y = scaleLinear()
      .domain([0, Math.max(1, ...ranges.map((r) => r.count))])
      .nice()
      .range([height - 28, 8]);
    return svg`<svg viewBox="0 0 ${WIDTH} ${height}">
      ${y.ticks(4).map(
        (t) => svg`<line class="grid" x1="36" x2=${WIDTH - 8} y1=${y(t)} y2=${y(t)}></line>
          <text class="tick" x="32" y=${y(t)} text-anchor="end" dominant-baseline="central">${formatFigure(t, "number", this.currency, l)}</text>`,
      )}
      ${ranges.map(
        (r) => svg`<rect class="column" x=${x(r.from) + 1} width=${Math.max(1, x(r.to) - x(r.from) - 2)}
          y=${y(r.count)} height=${y(0) - y(r.count)}></rect>`,
      )}
      ${[ranges[0]!.from, ...ranges.map((r) => r.to)].map(
        (e) => svg`<text class="tick" x=${x(e)} y=${height - 8} text-anchor="middle">${this.fmt(e, l)}</text>`,
      )}
    </svg>`;
  }

  private table(l: Locale, rows: { label: string; value: number; highlight?: boolean }[]) {
    const distribution = this.type === "distribution";
    const donut = this.type === "donut";
    const total = rows.filter((r) => finite(r.value) && r.value > 0).reduce((s, r) => s + r.value, 0);
    const headings = [
      this.itemLabel || pictureMessage(distribution ? "chartRange" : "chartItem", l),
      this.valueLabel || pictureMessage(distribution ? "chartCount" : "chartValue", l),
      ...(donut ? [pictureMessage("chartShare", l)] : []),
    ];
    return dataTable(
      this.label,
      headings,
      rows.map((r) => ({
        label: r.label,
        ...(r.highlight ? { highlight: true } : {}),
        cells: [
          finite(r.value) ? (distribution ? String(r.value) : this.fmt(r.value, l)) : "—",
          ...(donut
            ? [
                finite(r.value) && r.value > 0 && total > 0
                  ? formatFigure(r.value / total, "percent", this.currency, l)
                  : "—",
              ]
            : []),
        ],
      })),
      l,
    );
  }

  override render() {
    const l = this.effectiveLocale;
    const rows = this.rows(l);
    const drawable = rows.some((r) => finite(r.value) && (this.type !== "donut" || r.value > 0));
    const picture = !drawable
      ? html`<p class="empty">${pictureMessage("chartNoData", l)}</p>`
      : this.type === "line"
        ? this.lineChart(l)
        : this.type === "donut"
          ? this.donut(l)
          : this.type === "distribution"
            ? this.distribution(l)
            : this.bars(l);
    return html`<figure part="base" data-type=${this.type}>
      <figcaption part="label" id="label">${this.label}</figcaption>
      <div part="chart" role="img" aria-labelledby="label summary">${picture}</div>
      ${this.type === "donut" && drawable ? this.legend(l) : nothing}
      <p id="summary" class="visually-hidden">${this.summary(l, rows)}</p>
      ${this.table(l, rows)}
    </figure>`;
  }
}
