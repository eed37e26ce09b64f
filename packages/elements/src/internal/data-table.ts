/**
 * The data behind a picture, as a real table in a disclosure ("数据表" / "Data
 * table"): what screen-reader users and anyone wanting the exact figures read.
 * Shared by the chart and the value breakdown.
 */
import { html, nothing, type TemplateResult } from "lit";
import { type Locale } from "@bankcrm/core";
import { pictureMessage } from "../i18n/picture-messages.js";

export interface DataTableRow {
  /** The row's heading cell. */
  label: string;
  cells: string[];
  /** Marked in words after the label, and by `data-highlight`. */
  highlight?: boolean;
}

export function dataTable(
  caption: string,
  headings: readonly string[],
  rows: readonly DataTableRow[],
  locale: Locale,
): TemplateResult | typeof nothing {
  if (rows.length === 0) return nothing;
  return html`<details part="table">
    <summary>${pictureMessage("chartTable", locale)}</summary>
    <table>
      <caption class="visually-hidden">
        ${caption}
      </caption>
      <thead>
        <tr>
          ${headings.map((h) => html`<th scope="col">${h}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          (r) =>
            html`<tr data-highlight=${r.highlight ? "true" : "false"}>
              <th scope="row">${r.label}${r.highlight ? pictureMessage("chartHighlighted", locale) : ""}</th>
              ${r.cells.map((c) => html`<td>${c}</td>`)}
            </tr>`,
        )}
      </tbody>
    </table>
  </details>`;
}
