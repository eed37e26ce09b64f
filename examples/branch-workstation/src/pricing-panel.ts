/**
 * A company's preferential prices in the 360 view (优惠定价): each with its kind, product, standard and offered
 * rates, the concession, its validity and where its approval stands (who approved it). The relationship manager
 * requests one with the reason; a branch manager approves it — not their own, and within their authority — or
 * rejects it with why (core's pricing machine, checked again on a server). Writes go through the client.
 */
import { LitElement, css, html, nothing } from "lit";
import { property, state } from "lit/decorators.js";
import {
  availableTransitions,
  canWrite,
  describeError,
  label,
  type Locale,
  type PreferentialPrice,
  type WriteResult,
} from "@bankcrm/core";
import { DEFAULT_PRICING_AUTHORITY, concessionBp } from "@bankcrm/core/branch";
import { bankDay } from "@bankcrm/core/sales";
import type { CrmClient } from "@bankcrm/data";
import { text, type TextKey } from "./messages.js";
import { controlStyles, dataTableStyles, formTableStyles, panelStyles } from "./panel-styles.js";
import { STAFF_NAMES } from "./users.js";

const percent = (bp: number) => `${(bp / 100).toFixed(2)}%`;
/** "3.55" → 355 bp; undefined when not a rate with at most two decimals. */
const bpOf = (value: string) =>
  /^\d{1,2}(\.\d{1,2})?$/.test(value.trim()) ? Math.round(Number(value) * 100) : undefined;

export class PricingPanel extends LitElement {
  static override styles = [
    panelStyles,
    controlStyles,
    formTableStyles,
    dataTableStyles,
    css`
      /* A row of the 360 view's grid of its own: the table has five columns. */
      :host {
        grid-column: 1 / -1;
      }
      .muted {
        color: var(--bankcrm-color-text-muted);
        font-size: 0.8125rem;
      }
    `,
  ];

  @property({ attribute: false }) client: CrmClient | undefined;
  @property({ attribute: "customer-id" }) customerId: string | undefined;
  @property() locale: Locale = "zh-CN";
  @state() private prices: PreferentialPrice[] | undefined;
  @state() private said = "";
  /** Why the branch manager rejects a request (asked before the reject button acts). */
  @state() private rejectReason = "";

  private t(key: TextKey, values: Record<string, string | number> = {}) {
    return text(key, this.locale, values);
  }

  override updated(changed: Map<string, unknown>) {
    if (changed.has("customerId") || changed.has("client")) void this.read();
  }

  private async read() {
    const prices = this.client?.preferentialPrices;
    const customerId = this.customerId;
    if (!prices || !customerId) return;
    const page = await prices.list({ customerId, limit: 100 }).catch(() => ({ items: [] as PreferentialPrice[] }));
    if (customerId === this.customerId) this.prices = page.items;
  }

  private async written(write: Promise<WriteResult<PreferentialPrice>>, done: TextKey) {
    try {
      const result = await write;
      this.said = result.status === "queued" ? this.t("pricingQueued") : this.t(done);
      await this.read();
      return true;
    } catch (error) {
      this.said = this.t("pricingFailed", { reason: describeError(error, this.locale) });
      return false;
    }
  }

  private async request(event: SubmitEvent) {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const field = (name: string) => {
      const v = data.get(name);
      return typeof v === "string" ? v : "";
    };
    const [standardBp, offeredBp] = [bpOf(field("standard")), bpOf(field("offered"))];
    if (standardBp === undefined || offeredBp === undefined || !this.client || !this.customerId) {
      this.said = this.t("pricingInvalidRate");
      return;
    }
    const kind = field("kind") === "deposit_rate" ? "deposit_rate" : "loan_rate";
    const today = bankDay(new Date());
    const ok = await this.written(
      this.client.preferentialPrices.create({
        id: `PP-${crypto.randomUUID()}`,
        customerId: this.customerId,
        kind,
        productType: kind === "loan_rate" ? "business_loan" : "time_deposit",
        standardBp,
        offeredBp,
        validFrom: today,
        validUntil: field("until"),
        reason: field("reason"),
        status: "requested",
      }),
      "pricingRequested",
    );
    if (ok) form.reset();
  }

  private decide(price: PreferentialPrice, event: "approve" | "reject") {
    const client = this.client;
    if (!client) return;
    const reason = this.rejectReason.trim();
    if (event === "reject" && reason === "") {
      this.said = this.t("pricingRejectReason");
      return;
    }
    const input = event === "reject" ? { reason } : {};
    void this.written(
      client.preferentialPrices.transition(price.id, event, { ...input, expectedVersion: price.version }),
      event === "approve" ? "pricingApproved" : "pricingRejected",
    );
  }

  private status(p: PreferentialPrice) {
    const l = this.locale;
    const today = bankDay(new Date());
    if (p.status === "approved" && p.validUntil < today) return this.t("pricingExpired");
    // Waiting, and beyond what a branch manager may approve: said, as the approve button is not offered.
    if (p.status === "requested" && concessionBp(p) > DEFAULT_PRICING_AUTHORITY[p.kind])
      return `${label("pricingStatus", p.status, l)} · ${this.t("pricingBeyond")}`;
    const approvedBy = p.approvedBy
      ? ` · ${this.t("pricingApprovedBy", { name: STAFF_NAMES[p.approvedBy] ?? p.approvedBy })}`
      : "";
    return `${label("pricingStatus", p.status, l)}${approvedBy}`;
  }

  private row(p: PreferentialPrice) {
    const l = this.locale;
    const events = this.client ? availableTransitions("preferentialPrices", p, this.client.user) : [];
    const may = (e: string) => events.some((x) => x.event === e);
    return html`<tr data-price-id=${p.id} data-status=${p.status}>
      <td>${label("pricingKind", p.kind, l)} · ${label("productType", p.productType, l)}</td>
      <td>${percent(p.standardBp)} → ${percent(p.offeredBp)}</td>
      <td>${concessionBp(p)} bp</td>
      <td>${p.validFrom} – ${p.validUntil}</td>
      <td>
        ${this.status(p)}
        ${may("approve") ? html`<button type="button" @click=${() => this.decide(p, "approve")}>${this.t("pricingApprove")}</button>` : nothing}
        ${may("reject") ? html`<button type="button" @click=${() => this.decide(p, "reject")}>${this.t("pricingReject")}</button>` : nothing}
      </td>
    </tr>`;
  }

  private requestForm() {
    if (!this.client || !canWrite("preferentialPrices", this.client.user, "create")) return nothing;
    const l = this.locale;
    return html`<form @submit=${this.request} aria-label=${this.t("pricingRequest")}>
      <label
        >${this.t("pricingKind")}
        <select name="kind">
          <option value="loan_rate">${label("pricingKind", "loan_rate", l)}</option>
          <option value="deposit_rate">${label("pricingKind", "deposit_rate", l)}</option>
        </select>
      </label>
      <label>${this.t("pricingStandard")} <input name="standard" inputmode="decimal" required value="3.85" /></label>
      <label>${this.t("pricingOffered")} <input name="offered" inputmode="decimal" required /></label>
      <label>${this.t("pricingUntil")} <input name="until" type="date" required /></label>
      <label>${this.t("pricingReason")} <input name="reason" maxlength="500" required /></label>
      <button type="submit">${this.t("pricingSubmit")}</button>
    </form>`;
  }

  override render() {
    const prices = this.prices;
    return html`<section aria-labelledby="pricing-h" data-testid="pricing">
      <h2 id="pricing-h">${this.t("pricingTitle")}</h2>
      ${
        prices === undefined
          ? html`<p role="status" aria-busy="true">${this.t("loadingCustomer")}</p>`
          : prices.length === 0
            ? html`<p class="muted">${this.t("pricingNone")}</p>`
            : html`<table>
                <thead>
                  <tr>
                    <th scope="col">${this.t("pricingKind")}</th>
                    <th scope="col">${this.t("pricingRates")}</th>
                    <th scope="col">${this.t("pricingConcession")}</th>
                    <th scope="col">${this.t("pricingValid")}</th>
                    <th scope="col">${this.t("pricingStatus")}</th>
                  </tr>
                </thead>
                <tbody>
                  ${prices.map((p) => this.row(p))}
                </tbody>
              </table>`
      }
      ${
        prices?.some((p) => this.client && availableTransitions("preferentialPrices", p, this.client.user).length > 0)
          ? html`<label
              >${this.t("pricingRejectReason")}
              <input
                name="reject-reason"
                maxlength="500"
                .value=${this.rejectReason}
                @input=${(e: Event) => (this.rejectReason = (e.target as HTMLInputElement).value)}
              />
            </label>`
          : nothing
      }
      ${this.requestForm()}
      <p role="status">${this.said}</p>
    </section>`;
  }
}

customElements.define("ws-pricing", PricingPanel);
