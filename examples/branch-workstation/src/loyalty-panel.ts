/**
 * A customer's points in the 360 view (积分与会员权益): the balance the ledger gives now and what lapses soonest, the
 * benefits of their tier, the ledger's latest entries, and — for staff who may — a reward redeemed through the client
 * (core's rule refuses what the balance or the tier does not allow; the server checks it again). Each time the ledger
 * is read the view hears its balance (`ws-points`), for the customer card.
 */
import { LitElement, css, html, nothing } from "lit";
import { property, state } from "lit/decorators.js";
import { canWrite, describeError, label, type Locale, type Tier } from "@bankcrm/core";
import {
  DEFAULT_LOYALTY_PROGRAM,
  beijingDay,
  benefitLabels,
  pointsBalance,
  rewardAllowed,
  rewardLabels,
  rewardOf,
  type LoyaltyEntry,
  type PointsBalance,
} from "@bankcrm/core/loyalty";
import type { CrmClient } from "@bankcrm/data";
import { text, type TextKey } from "./messages.js";
import { dataTableStyles, panelStyles } from "./panel-styles.js";
import { everyPage } from "./paging.js";

/** The balance the card shows, heard by the 360 view. */
export type PointsEvent = CustomEvent<Pick<PointsBalance, "balance" | "expiring">>;

const newestFirst = (a: LoyaltyEntry, b: LoyaltyEntry) => Date.parse(b.at) - Date.parse(a.at);

export class LoyaltyPanel extends LitElement {
  static override styles = [
    panelStyles,
    dataTableStyles,
    css`
      .muted {
        color: var(--bankcrm-color-text-muted);
        font-size: 0.8125rem;
      }
      h3 {
        font-size: 0.875rem;
        margin: 8px 0 4px;
      }
      .balance {
        font-size: 1.25rem;
        font-variant-numeric: tabular-nums;
        margin: 0;
      }
      th.n {
        text-align: end;
      }
      form {
        display: flex;
        flex-wrap: wrap;
        gap: 6px;
        align-items: end;
        margin: 8px 0;
      }
      select,
      button {
        font: inherit;
        min-height: 32px;
      }
    `,
  ];

  @property({ attribute: false }) client: CrmClient | undefined;
  @property({ attribute: "customer-id" }) customerId: string | undefined;
  @property() tier: Tier | undefined;
  @property() locale: Locale = "zh-CN";
  @state() private entries: LoyaltyEntry[] | undefined;
  /** The ledger's balance when it was last read. */
  @state() private standing: PointsBalance | undefined;
  @state() private error: string | undefined;
  @state() private said = "";
  @state() private busy = false;

  private t(key: TextKey, values: Record<string, string | number> = {}) {
    return text(key, this.locale, values);
  }

  override updated(changed: Map<string, unknown>) {
    if (changed.has("customerId") || changed.has("client")) void this.read();
  }

  private async read() {
    const ledger = this.client?.loyaltyEntries;
    const customerId = this.customerId;
    if (!ledger || !customerId) return;
    this.error = undefined;
    try {
      const entries = await everyPage((q) => ledger.list({ customerId, ...q }));
      if (customerId !== this.customerId) return;
      this.entries = entries.sort(newestFirst);
      this.standing = pointsBalance(this.entries, new Date().toISOString());
      const { balance, expiring } = this.standing;
      this.dispatchEvent(
        new CustomEvent("ws-points", { detail: { balance, expiring }, bubbles: true, composed: true }),
      );
    } catch (error) {
      this.error = describeError(error, this.locale);
    }
  }

  private async redeem(event: SubmitEvent) {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const chosen = new FormData(form).get("reward");
    const reward = rewardOf(typeof chosen === "string" ? chosen : undefined);
    const ledger = this.client?.loyaltyEntries;
    if (!reward || !ledger || !this.customerId || this.busy) return;
    this.busy = true;
    const name = rewardLabels[reward.code]?.[this.locale] ?? reward.code;
    try {
      const result = await ledger.create({
        id: `LR-${crypto.randomUUID()}`,
        customerId: this.customerId,
        kind: "redeem",
        points: -reward.points,
        rewardCode: reward.code,
        at: new Date().toISOString(),
      });
      this.said =
        result.status === "queued"
          ? this.t("loyaltyQueued")
          : this.t("loyaltyRedeemed", { reward: name, points: this.count(reward.points) });
      await this.read();
    } catch (error) {
      this.said = this.t("loyaltyFailed", { reason: describeError(error, this.locale) });
    } finally {
      this.busy = false;
    }
  }

  private count(n: number) {
    return new Intl.NumberFormat(this.locale).format(n);
  }

  private detail(e: LoyaltyEntry) {
    if (e.rewardCode) return rewardLabels[e.rewardCode]?.[this.locale] ?? e.rewardCode;
    if (e.transactionId) return this.t("loyaltyOnTransaction", { id: e.transactionId });
    return e.reason ?? "";
  }

  private redeemForm(balance: number) {
    if (!this.client || !canWrite("loyaltyEntries", this.client.user, "create")) return nothing;
    const rewards = DEFAULT_LOYALTY_PROGRAM.rewards.filter((r) => rewardAllowed(r, this.tier) && r.points <= balance);
    if (rewards.length === 0) return html`<p class="muted">${this.t("loyaltyNoReward")}</p>`;
    return html`<form @submit=${this.redeem}>
      <label
        >${this.t("loyaltyReward")}
        <select name="reward">
          ${rewards.map(
            (r) =>
              html`<option value=${r.code}>
                ${this.t("loyaltyRewardOption", { reward: rewardLabels[r.code]?.[this.locale] ?? r.code, points: this.count(r.points) })}
              </option>`,
          )}
        </select>
      </label>
      <button type="submit" ?disabled=${this.busy}>${this.t("loyaltyRedeem")}</button>
    </form>`;
  }

  override render() {
    const l = this.locale;
    const body = () => {
      if (this.error !== undefined) return html`<p role="alert">${this.error}</p>`;
      const b = this.standing;
      if (!this.entries || !b) return html`<p role="status" aria-busy="true">${this.t("loadingCustomer")}</p>`;
      const soonest = b.expiring[0];
      const tier = this.tier ?? "standard";
      return html`<p class="balance">
          ${this.t("loyaltyBalance")} <strong data-testid="points-balance">${this.count(b.balance)}</strong>
        </p>
        ${
          soonest
            ? html`<p class="muted">
                ${this.t("loyaltyExpiring", { points: this.count(soonest.points), date: soonest.on })}
              </p>`
            : nothing
        }
        <h3>${this.t("loyaltyBenefits", { tier: label("tier", tier, l) })}</h3>
        <ul>
          ${DEFAULT_LOYALTY_PROGRAM.benefits[tier].map((code) => html`<li>${benefitLabels[code][l]}</li>`)}
        </ul>
        ${this.redeemForm(b.balance)}
        <p role="status">${this.said}</p>
        <h3>${this.t("loyaltyLedger")}</h3>
        ${
          this.entries.length === 0
            ? html`<p class="muted">${this.t("loyaltyEmpty")}</p>`
            : html`<table>
                <thead>
                  <tr>
                    <th scope="col">${this.t("loyaltyDate")}</th>
                    <th scope="col">${this.t("loyaltyKind")}</th>
                    <th scope="col">${this.t("loyaltyDetail")}</th>
                    <th scope="col" class="n">${this.t("loyaltyPoints")}</th>
                  </tr>
                </thead>
                <tbody>
                  ${this.entries.slice(0, 10).map(
                    (e) =>
                      html`<tr data-kind=${e.kind}>
                        <td><time datetime=${e.at}>${beijingDay(e.at)}</time></td>
                        <td>${label("loyaltyEntryKind", e.kind, l)}</td>
                        <td>${this.detail(e)}</td>
                        <td class="n">${e.points > 0 ? "+" : ""}${this.count(e.points)}</td>
                      </tr>`,
                  )}
                </tbody>
              </table>`
        }`;
    };
    return html`<section aria-labelledby="loyalty-h" data-testid="loyalty">
      <h2 id="loyalty-h">${this.t("loyaltyTitle")}</h2>
      ${body()}
    </section>`;
  }
}

customElements.define("ws-loyalty", LoyaltyPanel);
