/**
 * What the 360 view says about a customer beyond their records: their RFM cell and what it means, their loans
 * and cards with early warnings, and transactions worth a look — each in words, from core's analyses.
 */
import { html, nothing } from "lit";
import { formatMoney, label, type Customer, type Locale } from "@bankcrm/core";
import {
  anomalyText,
  creditWarningText,
  loanClassLabels,
  rfmCell,
  type AnomalySignal,
  type CreditLine,
  type CreditWarning,
} from "@bankcrm/core/analytics";
import { rfmMeaningLabels } from "@bankcrm/core/i18n";
import type { CrmClient } from "@bankcrm/data";
import "./loyalty-panel.js";
import "./pricing-panel.js";
import "./contact-persons-panel.js";
import "./group-editor.js";
import type { PointsEvent } from "./loyalty-panel.js";
import type { BookRow } from "./book.js";
import type { TextKey } from "./messages.js";

/** The workstation's words in the view's locale. */
export type Say = (key: TextKey, values?: Record<string, string | number>) => string;

/** The customer's RFM cell, what it means, and the link that opens the cell's customers as a segment. */
export function renderRfm(row: BookRow | undefined, t: Say, l: Locale) {
  const scored = row?.rfmR !== undefined && row.rfmF !== undefined && row.rfmM !== undefined;
  const cell = scored ? rfmCell(row.rfmR!, row.rfmF!, row.rfmM!) : undefined;
  return html`<section aria-labelledby="rfm-h" data-testid="rfm">
    <h2 id="rfm-h">RFM</h2>
    ${
      cell
        ? html`<p data-rfm=${`${cell.r}-${cell.fm}`}>
              ${t("rfmCustomer", { r: row!.rfmR!, f: row!.rfmF!, m: row!.rfmM!, segment: label("rfmSegment", cell.segment, l) })}
            </p>
            <p class="muted">${rfmMeaningLabels[cell.segment][l]}</p>
            <a href=${`#/customers/rfm-${cell.r}-${cell.fm}`}>${t("rfmOpenCell")}</a>`
        : html`<p class="muted">${t("rfmPending")}</p>`
    }
  </section>`;
}

/** The customer's loans and cards: limit, owed, use of the limit, days past due and class, then the warnings. */
export function renderCredit(credit: { lines: CreditLine[]; warnings: CreditWarning[] }, t: Say, l: Locale) {
  if (credit.lines.length === 0) return nothing;
  const pct = (x: number | undefined) =>
    x === undefined ? "—" : new Intl.NumberFormat(l, { style: "percent", maximumFractionDigits: 0 }).format(x);
  const money = (minor: number | undefined, currency: string) =>
    minor === undefined ? "—" : formatMoney(minor, currency, l, { compact: true });
  return html`<section aria-labelledby="credit-h" data-testid="credit">
    <h2 id="credit-h">${t("creditTitle")}</h2>
    <table>
      <thead>
        <tr>
          <th scope="col">${t("productType")}</th>
          <th scope="col" class="num">${t("creditLimit")}</th>
          <th scope="col" class="num">${t("creditOwed")}</th>
          <th scope="col" class="num">${t("creditUse")}</th>
          <th scope="col">${t("creditClass")}</th>
        </tr>
      </thead>
      <tbody>
        ${credit.lines.map(
          (c) =>
            html`<tr data-holding-id=${c.holdingId}>
              <td>${label("productType", c.productType, l)}</td>
              <td class="num">${money(c.limit, c.currency)}</td>
              <td class="num">${money(c.owed, c.currency)}</td>
              <td class="num">${pct(c.utilisation)}</td>
              <td data-class=${c.class}>
                ${loanClassLabels[c.class][l]}${c.daysPastDue > 0 ? ` · ${t("creditPastDue", { days: c.daysPastDue })}` : ""}
              </td>
            </tr>`,
        )}
      </tbody>
    </table>
    ${
      credit.warnings.length > 0
        ? html`<ul>
            ${credit.warnings.map((w) => html`<li data-warning=${w.code}>${creditWarningText(w, l)}</li>`)}
          </ul>`
        : nothing
    }
  </section>`;
}

/** Transactions worth the RM's look, each in words: for attention, never a decision. */
export function renderSignals(signals: readonly AnomalySignal[], t: Say, l: Locale) {
  return html`<section aria-labelledby="signals-h" data-testid="signals">
    <h2 id="signals-h">${t("signalsTitle")}</h2>
    ${
      signals.length === 0
        ? html`<p class="muted">${t("signalsNone")}</p>`
        : html`<ul>
            ${signals.map(
              (s) =>
                html`<li data-signal=${s.code}>
                  <time datetime=${s.at}>${s.at.slice(0, 10)}</time> ${anomalyText(s, l)}
                </li>`,
            )}
          </ul>`
    }
    <p class="muted">${t("signalsNote")}</p>
  </section>`;
}

/**
 * The customer's accounts with the bank beyond their holdings: a company's contact persons and preferential prices,
 * and everyone's points and benefits (the balance the points panel reads goes to `onPoints`, for the card).
 */
export function accountPanels(
  client: CrmClient | undefined,
  c: Customer,
  locale: Locale,
  onPoints: (points: PointsEvent["detail"]) => void,
) {
  const company =
    c.kind === "corporate"
      ? html`<ws-contact-persons .client=${client} .customer=${c} locale=${locale}></ws-contact-persons>
          <ws-pricing .client=${client} customer-id=${c.id} locale=${locale}></ws-pricing>`
      : nothing;
  return html`${company}<ws-loyalty
      .client=${client}
      customer-id=${c.id}
      tier=${c.tier ?? "standard"}
      locale=${locale}
      @ws-points=${(e: PointsEvent) => onPoints(e.detail)}
    ></ws-loyalty>`;
}
