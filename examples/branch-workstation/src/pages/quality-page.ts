/**
 * Head office's data-quality page: how the bank's source files loaded (`GET /load/quality`, the loader's report of
 * each load) — the latest loads with their refused rows and what needs looking at (one identity number under several
 * customers, accounts or transactions whose parent nobody holds), and for the load chosen, each mapped field's
 * completeness, the refused rows by column and reason, and the trend of that source's loads. Loads happen on the
 * bank's server: embedded, the page says so.
 */
import { css, html, nothing, type TemplateResult } from "lit";
import { state } from "lit/decorators.js";

import type { HttpStore, LoadQualityReport } from "@bankcrm/data";
import type { TextKey } from "../messages.js";
import { SourcedPage } from "./sourced-page.js";
import { reportPageStyles } from "../panel-styles.js";

/** What the page reads (server mode): the latest reports, or undefined where the server refused or is unreachable. */
export type QualitySource = () => Promise<LoadQualityReport[] | undefined>;

/** The page's source over the server: its latest fifty reports. */
export const qualitySourceOf =
  (remote: HttpStore): QualitySource =>
  () =>
    remote.loadQuality({ limit: 50 }).catch(() => undefined);

const percent = (part: number, whole: number) => (whole > 0 ? Math.round((1000 * part) / whole) / 10 : 0);
/** The average completeness of a load's mapped fields, in percent. */
const completeness = (r: LoadQualityReport) =>
  r.completeness.length === 0
    ? 100
    : percent(
        r.completeness.reduce((n, f) => n + f.filled, 0),
        r.records * r.completeness.length,
      );

export class QualityPage extends SourcedPage<QualitySource> {
  static override styles = [
    ...reportPageStyles,
    css`
      section + section {
        margin-top: 12px;
      }
      tr[aria-current="true"] {
        background: var(--bankcrm-color-surface-alt, transparent);
        font-weight: 600;
      }
      .attention {
        color: var(--bankcrm-color-danger);
      }
      .wrap {
        overflow-x: auto;
      }
      meter {
        inline-size: 8rem;
      }
    `,
  ];

  @state() private reports: LoadQualityReport[] | undefined;
  @state() private failed = false;
  @state() private chosen = 0;

  protected override read(): void {
    void this.load();
  }

  private async load() {
    try {
      const reports = await this.source!();
      this.reports = reports;
      this.failed = reports === undefined;
      this.chosen = 0;
    } catch {
      this.failed = true;
    }
  }

  /** Items in a list as the locale writes one. */
  private list(items: readonly string[]): string {
    return items.join(this.locale === "zh-CN" ? "、" : ", ");
  }

  /** What a load leaves to look at: duplicates and orphans, in words. */
  private attention(r: LoadQualityReport): string {
    const notes: string[] = [];
    if (r.duplicates && r.duplicates.groups > 0) notes.push(this.t("qualityDuplicates", { n: r.duplicates.groups }));
    if (r.orphans && r.orphans.count > 0) notes.push(this.t("qualityOrphans", { n: r.orphans.count }));
    return notes.join(this.locale === "zh-CN" ? "；" : "; ");
  }

  private renderLoads(reports: LoadQualityReport[]) {
    return html`<div class="wrap">
      <table data-testid="quality-loads">
        <caption class="visually-hidden">
          ${this.t("qualityLoads")}
        </caption>
        <thead>
          <tr>
            ${(
              [
                "qualityAt",
                "qualitySource",
                "qualityFile",
                "qualityRows",
                "qualityRefused",
                "qualityComplete",
                "qualityAttention",
              ] as const
            ).map((k) => html`<th scope="col">${this.t(k)}</th>`)}
            <th scope="col"><span class="visually-hidden">${this.t("qualityDetails")}</span></th>
          </tr>
        </thead>
        <tbody>
          ${reports.map(
            (r, i) =>
              html`<tr aria-current=${i === this.chosen ? "true" : "false"}>
                <td>${this.when(r.at)}</td>
                <td>${r.system} · ${r.collection}</td>
                <td>${r.file}</td>
                <td class="n">${r.rows.toLocaleString(this.locale)}</td>
                <td class="n">${r.rejected.toLocaleString(this.locale)} (${percent(r.rejected, r.rows)}%)</td>
                <td class="n">${completeness(r)}%</td>
                <td class="attention">${this.attention(r)}</td>
                <td>
                  <button
                    type="button"
                    @click=${() => (this.chosen = i)}
                    aria-pressed=${i === this.chosen ? "true" : "false"}
                  >
                    ${this.t("qualityDetails")}<span class="visually-hidden"> ${r.file}</span>
                  </button>
                </td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  private when(at: string) {
    return new Date(at).toLocaleString(this.locale, { timeZone: "Asia/Shanghai" });
  }

  /** One of the detail's tables, in its own scrolling frame: a caption, column heads, and its rows. */
  private table(testid: string, caption: string, heads: readonly TextKey[], rows: readonly TemplateResult[]) {
    return html`<div class="wrap">
      <table data-testid=${testid}>
        <caption>
          ${caption}
        </caption>
        <thead>
          <tr>
            ${heads.map((k) => html`<th scope="col">${this.t(k)}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${rows}
        </tbody>
      </table>
    </div>`;
  }

  private renderCompleteness(r: LoadQualityReport) {
    return this.table(
      "quality-completeness",
      this.t("qualityCompleteness", { records: r.records.toLocaleString(this.locale) }),
      ["qualityField", "qualityColumn", "qualityFilled"],
      r.completeness.map(
        (f) =>
          html`<tr>
            <td>${f.field}</td>
            <td>${f.column}</td>
            <td class="n">
              <meter min="0" max="100" .value=${percent(f.filled, r.records)} aria-label=${f.field}></meter>
              ${percent(f.filled, r.records)}%
            </td>
          </tr>`,
      ),
    );
  }

  private renderValidity(r: LoadQualityReport) {
    if (r.validity.length === 0) return html`<p role="status">${this.t("qualityNoneRefused")}</p>`;
    return this.table(
      "quality-validity",
      this.t("qualityValidity"),
      ["qualityColumn", "qualityCode", "qualityRefused"],
      r.validity.map(
        (v) =>
          html`<tr>
            <td>${v.column}</td>
            <td>${v.code}</td>
            <td class="n">${v.refused}</td>
          </tr>`,
      ),
    );
  }

  /** The same source's loads among those read, oldest first. */
  private renderTrend(r: LoadQualityReport, all: LoadQualityReport[]) {
    const trend = all.filter((x) => x.system === r.system && x.collection === r.collection).reverse();
    return this.table(
      "quality-trend",
      this.t("qualityTrend", { system: r.system, collection: r.collection }),
      ["qualityAt", "qualityRows", "qualityRefused", "qualityComplete"],
      trend.map(
        (x) =>
          html`<tr>
            <td>${this.when(x.at)}</td>
            <td class="n">${x.rows.toLocaleString(this.locale)}</td>
            <td class="n">${percent(x.rejected, x.rows)}%</td>
            <td class="n">${completeness(x)}%</td>
          </tr>`,
      ),
    );
  }

  private renderDetail(r: LoadQualityReport, all: LoadQualityReport[]) {
    return html`<section aria-labelledby="quality-detail-h" data-testid="quality-detail">
      <h2 id="quality-detail-h">${this.t("qualityDetailOf", { file: r.file, system: r.system })}</h2>
      ${this.renderCompleteness(r)} ${this.renderValidity(r)}
      ${
        r.duplicates && r.duplicates.groups > 0
          ? html`<p data-testid="quality-duplicates">
              ${this.t("qualityDuplicates", { n: r.duplicates.groups })}:
              ${this.list(r.duplicates.examples.map((d) => `${d.key} → ${this.list(d.records)}`))}
            </p>`
          : nothing
      }
      ${
        r.orphans && r.orphans.count > 0
          ? html`<p data-testid="quality-orphans">
              ${this.t("qualityOrphans", { n: r.orphans.count })}: ${this.list(r.orphans.examples)}
            </p>`
          : nothing
      }
      ${this.renderTrend(r, all)}
    </section>`;
  }

  override render() {
    const reports = this.reports;
    const body = this.embedded
      ? html`<p role="status" data-testid="quality-embedded">${this.t("qualityEmbedded")}</p>`
      : this.failed
        ? html`<p role="alert">${this.t("qualityFailed")}</p>`
        : !reports
          ? html`<p role="status">${this.t("qualityLoading")}</p>`
          : reports.length === 0
            ? html`<p role="status" data-testid="quality-empty">${this.t("qualityEmpty")}</p>`
            : this.renderLoads(reports);
    const chosen = reports?.[this.chosen];
    return html`<section aria-labelledby="quality-h">
        <h2 id="quality-h">${this.t("navQuality")}</h2>
        ${body}
      </section>
      ${chosen && reports && !this.embedded ? this.renderDetail(chosen, reports) : nothing}`;
  }
}

customElements.define("ws-quality-page", QualityPage);
