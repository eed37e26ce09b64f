/**
 * Outbound calling at the desk (电话营销): a running campaign on the phone channel gives the agent a call list —
 * core's `outboundCallList` over its launch's treatment group as it stands now (consent to marketing calls in force,
 * not deceased or closed, not answered, retries spaced, the bank's calling hours). The agent calls one, reads the
 * campaign product's scripts from the knowledge base, and records what came of the call: the campaign's response and
 * the call on the customer's timeline (outbound channel, handling time); a request not to be called again is also
 * recorded as the withdrawal of their consent to marketing calls.
 */
import { html, LitElement, nothing } from "lit";
import { property, state } from "lit/decorators.js";
import {
  describeError,
  labelIn,
  type Campaign,
  type CampaignMember,
  type CampaignResponse,
  type Customer,
  type Interaction,
  type Locale,
} from "@bankcrm/core";
import { callLeftOutLabels, contactTimeLabels, outboundOutcomeLabels } from "@bankcrm/core/i18n";
import {
  OUTBOUND_OUTCOMES,
  outboundCallList,
  outboundResponse,
  type CallList,
  type OutboundOutcome,
} from "@bankcrm/core/marketing";
import type { CrmClient } from "@bankcrm/data";
import { everyPage } from "../../branch-workstation/src/paging.js";
import { controlStyles, pageStyles } from "../../branch-workstation/src/panel-styles.js";
import { text, type TextKey } from "./messages.js";

/** The interaction's outcome for each outbound one. */
const INTERACTION_OUTCOME: Record<OutboundOutcome, Interaction["outcome"]> = {
  noAnswer: "no_answer",
  notInterested: "declined",
  interested: "follow_up",
  converted: "successful",
  doNotCall: "declined",
};

export class DeskOutbound extends LitElement {
  static override styles = [pageStyles, controlStyles];

  @property({ attribute: false }) client: CrmClient | undefined;
  @property({ attribute: false }) locale: Locale = "zh-CN";
  @property({ attribute: false }) clock: () => Date = () => new Date();
  /** On the bank's server: its call list (`GET /campaigns/{id}/call-list`), judged there; else judged here. */
  @property({ attribute: false }) remote:
    ((campaignId: string) => Promise<CallList & { names: Record<string, string> }>) | undefined;
  @state() private names: Record<string, string> = {};
  @state() private campaigns: Campaign[] = [];
  @state() private campaignId = "";
  @state() private list: CallList | undefined;
  @state() private calling: Customer | undefined;
  @state() private said = "";
  /** The open call's outcome is recorded: the view stays, its timeline showing it, until "back to the list". */
  @state() private recorded = false;
  /** When the agent dialled: the call's handling time runs from here (the real clock, as inbound calls'). */
  private dialledAt: Date | undefined;
  private readFor: CrmClient | undefined;

  private t(key: TextKey, values: Record<string, string | number> = {}) {
    return text(key, this.locale, values);
  }

  override updated() {
    if (this.client && this.readFor !== this.client) {
      this.readFor = this.client;
      void this.readCampaigns();
    }
  }

  private async readCampaigns() {
    const client = this.client!;
    try {
      const all: Campaign[] = await everyPage((q) => client.campaigns.list(q));
      this.campaigns = all.filter((c) => c.status === "active" && c.channels.includes("phone"));
      this.campaignId = this.campaigns[0]?.id ?? "";
      await this.readList();
    } catch (error) {
      this.said = this.t("outboundFailed", { reason: describeError(error, this.locale) });
    }
  }

  /** The chosen campaign's call list now: the server's, or core's over the records the client may read. */
  private async readList() {
    const client = this.client;
    const campaign = this.campaigns.find((c) => c.id === this.campaignId);
    if (!client || !campaign) return void (this.list = undefined);
    if (this.remote) {
      const { names, ...list } = await this.remote(campaign.id);
      this.names = names;
      this.list = list;
      return;
    }
    const members = (await everyPage((q) => client.campaignMembers.list(q))).filter(
      (m: CampaignMember) => m.campaignId === campaign.id && m.group === "treatment",
    );
    const responses = (await everyPage((q) => client.campaignResponses.list(q))).filter(
      (r: CampaignResponse) => r.campaignId === campaign.id,
    );
    const people = new Map<string, Customer>();
    for (const m of members) {
      const c = await client.customers.get(m.customerId);
      if (c) people.set(c.id, c);
    }
    this.names = Object.fromEntries([...people.values()].map((c) => [c.id, c.name]));
    this.list = outboundCallList(campaign, members, people, responses, { now: this.clock() });
  }

  /** Opens the call: the customer's record as the client shows it (masked). */
  private async dial(customerId: string) {
    this.said = "";
    this.recorded = false;
    this.dialledAt = new Date();
    this.calling = await this.client?.customers.get(customerId);
  }

  /** What came of the call: the campaign's response; a "do not call again" also withdraws their consent to calls. */
  private async record(outcome: OutboundOutcome) {
    const client = this.client;
    const customer = this.calling;
    if (!client || !customer) return;
    // One outcome per call: a second click while the first is being written records nothing.
    if (this.recorded) return;
    this.recorded = true;
    const at = this.clock().toISOString();
    try {
      await client.campaignResponses.create(outboundResponse(this.campaignId, customer.id, outcome, at));
      // The call on the customer's timeline, on the outbound channel with its handling time.
      const campaign = this.campaigns.find((c) => c.id === this.campaignId);
      const seconds = Math.max(0, Math.round((Date.now() - (this.dialledAt ?? new Date()).getTime()) / 1000));
      await client.interactions.create({
        id: `IN-${crypto.randomUUID()}`,
        customerId: customer.id,
        at,
        channel: "call_center_outbound",
        type: "call",
        outcome: INTERACTION_OUTCOME[outcome],
        summary: `${this.t("outboundTitle")}：${campaign?.name ?? this.campaignId} · ${labelIn(outboundOutcomeLabels, outcome, this.locale)}`,
        staffId: client.user.id,
        confidential: false,
        durationSeconds: seconds,
      });
      if (outcome === "doNotCall")
        await client.customers.change(customer.id, {
          kind: "consent",
          reason: this.t("outboundTitle"),
          consent: { purpose: "marketing", channel: "phone", granted: false, textVersion: "2026-01", recordedAt: at },
        });
      this.said = this.t("outboundSaved", { outcome: labelIn(outboundOutcomeLabels, outcome, this.locale) });
    } catch (error) {
      this.recorded = false;
      this.said = this.t("outboundFailed", { reason: describeError(error, this.locale) });
    }
  }

  /** Back to the list, read again (the call just recorded moves the customer off it). */
  private async back() {
    this.calling = undefined;
    this.recorded = false;
    await this.readList().catch((error: unknown) => {
      this.said = this.t("outboundFailed", { reason: describeError(error, this.locale) });
    });
  }

  private renderCall(c: Customer, campaign: Campaign | undefined) {
    const l = this.locale;
    return html`<section aria-labelledby="outbound-call" data-testid="outbound-call">
      <h2 id="outbound-call">${this.t("outboundOnCall", { name: c.name })}</h2>
      <bankcrm-customer-card customer-id=${c.id}></bankcrm-customer-card>
      <bankcrm-knowledge-search product-type=${campaign?.productType ?? nothing}></bankcrm-knowledge-search>
      <fieldset>
        <legend>${this.t("outboundOutcome")}</legend>
        ${OUTBOUND_OUTCOMES.map(
          (o) =>
            html`<button type="button" data-outcome=${o} ?disabled=${this.recorded} @click=${() => void this.record(o)}>
              ${labelIn(outboundOutcomeLabels, o, l)}
            </button>`,
        )}
      </fieldset>
      <button type="button" data-testid="outbound-back" @click=${() => void this.back()}>
        ${this.t("outboundBack")}
      </button>
      <bankcrm-customer-timeline customer-id=${c.id} page-size="5"></bankcrm-customer-timeline>
    </section>`;
  }

  private renderList(list: CallList) {
    const l = this.locale;
    const name = (id: string) => this.names[id] ?? id;
    const opensAt = list.opensAt
      ? new Intl.DateTimeFormat(l, { dateStyle: "short", timeStyle: "short", timeZone: "Asia/Shanghai" }).format(
          new Date(list.opensAt),
        )
      : "";
    return html`${list.open ? nothing : html`<p role="status" data-testid="outbound-closed">${this.t("outboundClosed", { at: opensAt })}</p>`}
      <p>${list.calls.length > 0 ? this.t("outboundToCall", { count: list.calls.length }) : this.t("outboundEmpty")}</p>
      <ul data-testid="call-list">
        ${list.calls.slice(0, 20).map(
          (e) =>
            html`<li data-customer=${e.customerId}>
              <bdi>${name(e.customerId)}</bdi>
              ${e.attempts > 0 ? html` · ${this.t("outboundAttempts", { count: e.attempts })}` : nothing}
              ${e.preferredTime ? html` · ${this.t("outboundPreferred", { time: labelIn(contactTimeLabels, e.preferredTime, l) })}` : nothing}
              <button type="button" ?disabled=${!list.open} @click=${() => void this.dial(e.customerId)}>
                ${this.t("outboundCall")}
              </button>
            </li>`,
        )}
      </ul>
      <details>
        <summary>${this.t("outboundLeftOut", { count: list.leftOut.length })}</summary>
        <ul data-testid="left-out">
          ${list.leftOut.map(
            (x) =>
              html`<li data-customer=${x.customerId} data-reason=${x.reason}>
                <bdi>${name(x.customerId)}</bdi> · ${labelIn(callLeftOutLabels, x.reason, l)}
              </li>`,
          )}
        </ul>
      </details>`;
  }

  override render() {
    const campaign = this.campaigns.find((c) => c.id === this.campaignId);
    return html`<section aria-labelledby="outbound-h" data-testid="outbound">
      <h2 id="outbound-h">${this.t("outboundTitle")}</h2>
      ${
        this.campaigns.length === 0
          ? html`<p>${this.t("outboundNone")}</p>`
          : html`<label
                >${this.t("outboundCampaign")}
                <select
                  @change=${(e: Event) => {
                    this.campaignId = (e.target as HTMLSelectElement).value;
                    void this.back();
                  }}
                >
                  ${this.campaigns.map((c) => html`<option value=${c.id} ?selected=${c.id === this.campaignId}>${c.name}</option>`)}
                </select>
              </label>
              ${this.calling ? this.renderCall(this.calling, campaign) : this.list ? this.renderList(this.list) : nothing}`
      }
      <p role="status" data-testid="outbound-status">${this.said}</p>
    </section>`;
  }
}

customElements.define("desk-outbound", DeskOutbound);
