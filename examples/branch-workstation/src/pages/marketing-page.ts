/**
 * Marketing (营销): build a segment by hand over the whole book — the builder
 * counts it in a Web Worker as it is edited — save it, put a campaign on it,
 * have the branch manager approve it (four eyes), launch it, and read its
 * effect against a control group.
 *
 * Launching works out the audience with core's `campaignAudience` (consent for
 * the channel in force, do-not-contact, the frequency cap — each exclusion with
 * its reason), holds out a control group with `assignControlGroup`, and — the
 * demo standing in for the bank's delivery and product systems — feeds the
 * responses those systems would send back, which `campaignEffectiveness` then
 * measures. In server mode the responses are the bank's to feed, so launching
 * there only changes the campaign's state.
 */
import { LitElement, css, html, nothing } from "lit";
import { property, state } from "lit/decorators.js";
import {
  CAMPAIGN_CHANNELS,
  assignControlGroup,
  bankDay,
  campaignAudience,
  campaignChannelLabels,
  campaignEffectiveness,
  campaignStatusLabels,
  audienceExclusionLabels,
  compileSegment,
  createRandom,
  customerFieldCatalog,
  describeError,
  type Campaign,
  type AudienceExclusion,
  type CampaignChannel,
  type CampaignEffect,
  type CampaignResponse,
  type Customer,
  type Locale,
  type SegmentDefinition,
} from "@bankcrm/core";
import type { CrmClient } from "@bankcrm/data";
import { createModuleWorker, createSegmentCounter, type SegmentCounter } from "@bankcrm/elements/segment-counter.js";
import "@bankcrm/elements/segment-builder.js";
import "@bankcrm/elements/campaign-report.js";
import { visuallyHidden, type BankcrmSegmentChangeEvent } from "@bankcrm/elements";
import workerUrl from "../segment-worker.ts?worker&url";
import type { BookRow } from "../book.js";
import { text, type TextKey } from "../messages.js";
import { controlStyles, pageHostStyles, panelStyles } from "../panel-styles.js";
import { saveSegment, savedSegments, segmentLabel } from "../saved-segments.js";
import { USERS, type DemoRole } from "../users.js";

const EFFECTS = "bankcrm-workstation-campaign-effects";
/** What a conversion is worth to the bank in the demo (fen): a year's margin on a typical product sold. */
const REVENUE_PER_CONVERSION = 200_000;
const CONTROL_SHARE = 0.1;

function storedEffects(): Record<string, CampaignEffect> {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(EFFECTS) ?? "{}");
    return parsed && typeof parsed === "object" ? (parsed as Record<string, CampaignEffect>) : {};
  } catch {
    return {};
  }
}

/**
 * The responses the bank's systems would send back for a campaign, generated
 * for the demo from its id (the same every time): 95% delivered, 40% of those
 * opened, a quarter of those responding, and the treatment converting at about
 * twice the control group's base rate.
 */
export function demoResponses(
  campaign: Pick<Campaign, "id">,
  target: readonly string[],
  control: readonly string[],
  channel: CampaignChannel,
  at: string,
): { responses: CampaignResponse[]; controlConversions: number } {
  const rnd = createRandom(`responses-${campaign.id}`);
  const responses: CampaignResponse[] = [];
  target.forEach((customerId, i) => {
    const u = rnd.next();
    const type: CampaignResponse["type"] =
      u < 0.06 ? "converted" : u < 0.12 ? "responded" : u < 0.4 ? "opened" : u < 0.95 ? "delivered" : "bounced";
    responses.push({ id: `${campaign.id}-R${i}`, campaignId: campaign.id, customerId, channel, type, at });
  });
  let controlConversions = 0;
  for (let i = 0; i < control.length; i++) if (rnd.next() < 0.03) controlConversions++;
  return { responses, controlConversions };
}

export class MarketingPage extends LitElement {
  static override styles = [
    pageHostStyles,
    visuallyHidden,
    panelStyles,
    controlStyles,
    css`
      .grid {
        display: grid;
        grid-template-columns: minmax(220px, 280px) 1fr;
        gap: 16px;
        align-items: start;
      }
      @media (max-width: 900px) {
        .grid {
          grid-template-columns: 1fr;
        }
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 4px;
      }
      li button {
        width: 100%;
        text-align: start;
      }
      li button[aria-current="true"] {
        border-color: var(--bankcrm-color-accent);
        font-weight: 600;
      }
      form {
        display: flex;
        flex-wrap: wrap;
        gap: 8px 12px;
        align-items: end;
      }
      form label {
        display: grid;
        gap: 2px;
      }
      table {
        border-collapse: collapse;
        width: 100%;
      }
      th,
      td {
        text-align: start;
        border-top: 1px solid var(--bankcrm-color-border);
        padding: 4px 8px;
      }
      .stack {
        display: grid;
        gap: 16px;
      }
      p[role="status"] {
        color: var(--bankcrm-color-text-muted);
        font-size: 0.875rem;
      }
      .error {
        color: var(--bankcrm-color-danger);
      }
    `,
  ];

  @property({ attribute: "demo-role" }) demoRole: DemoRole = "marketing";
  @property() locale: Locale = "zh-CN";
  @property({ attribute: false }) client: CrmClient | undefined;
  /** The book's rows (the customer view segments test). */
  @property({ attribute: false }) rows: readonly BookRow[] = [];
  /** Whether the page is shown (the shell keeps it alive while hidden). */
  @property({ type: Boolean }) active = false;
  /** Where the demo feeds the responses a campaign brings back; unset in server mode (the bank's systems feed them). */
  @property({ attribute: false }) feed: ((responses: CampaignResponse[]) => Promise<void>) | undefined;

  @state() private segments: SegmentDefinition[] = savedSegments();
  @state() private definition: SegmentDefinition = this.segments[0]!;
  @state() private valid = true;
  @state() private campaigns: Campaign[] = [];
  @state() private effects: Record<string, CampaignEffect> = storedEffects();
  @state() private shown: string | undefined;
  @state() private status = "";
  @state() private failure = "";
  @state() private busy = false;
  private counter: SegmentCounter<unknown> | undefined;
  private counted: readonly BookRow[] | undefined;

  private t(key: TextKey, values: Record<string, string | number> = {}) {
    return text(key, this.locale, values);
  }

  override willUpdate() {
    // One counter (one worker, its columns) per book, started the first time the page is shown:
    // every user has this page, and a hidden one need not read the book's columns at start.
    if (this.active && this.rows !== this.counted && this.rows.length > 0) {
      this.counter?.dispose();
      this.counted = this.rows;
      this.counter = createSegmentCounter(this.rows, customerFieldCatalog, {
        worker: createModuleWorker(workerUrl),
      });
    }
  }

  override updated(changed: Map<string, unknown>) {
    if (changed.has("client")) {
      const client = this.client;
      // A client replaced meanwhile (another user, a logout) was closed under this read: its answer is no one's.
      this.loadCampaigns().catch((error: unknown) => client === this.client && this.fail(error));
    }
  }

  override connectedCallback() {
    super.connectedCallback();
    window.addEventListener("hashchange", this.onHash);
    this.onHash();
  }

  /** `#/marketing/<id>`: a saved segment opened from elsewhere (the customer list's "open in the builder"). */
  private onHash = () => {
    const id = /^#\/marketing\/(.+)$/.exec(location.hash)?.[1];
    if (!id) return;
    this.segments = savedSegments();
    const found = this.segments.find((s) => s.id === decodeURIComponent(id));
    if (found) this.openSegment(found);
  };

  override disconnectedCallback() {
    super.disconnectedCallback();
    window.removeEventListener("hashchange", this.onHash);
    this.counter?.dispose();
    this.counted = undefined;
  }

  private async loadCampaigns() {
    if (!this.client) return;
    const page = await this.client.campaigns.list({ limit: 200 });
    this.campaigns = [...page.items].sort((a, b) => b.startDate.localeCompare(a.startDate) || b.id.localeCompare(a.id));
  }

  private say(status: string) {
    this.status = status;
    this.failure = "";
  }

  private fail(error: unknown) {
    this.failure = this.t("campaignFailed", { reason: describeError(error, this.locale) });
  }

  private openSegment(definition: SegmentDefinition) {
    this.definition = definition;
    this.valid = true;
  }

  private newSegment() {
    const id = `SEG-${Date.now().toString(36).toUpperCase()}`;
    this.openSegment({
      schemaVersion: 1,
      id,
      name: this.locale === "zh-CN" ? "新分群" : "New segment",
      version: 1,
      rule: { all: [{ field: "status", op: "eq", value: "active" }] },
    });
  }

  private onChange(event: BankcrmSegmentChangeEvent) {
    this.definition = event.detail.definition;
    this.valid = event.detail.valid;
  }

  private save(): SegmentDefinition | undefined {
    if (!this.valid) {
      this.failure = this.t("segmentInvalid");
      return undefined;
    }
    const saved = saveSegment(this.definition);
    this.segments = savedSegments();
    this.definition = saved;
    this.say(this.t("segmentSaved", { name: saved.name, version: saved.version }));
    return saved;
  }

  private async createCampaign(event: SubmitEvent) {
    event.preventDefault();
    const client = this.client;
    if (!client) return;
    const segment = this.save();
    if (!segment) return;
    const form = new FormData(event.target as HTMLFormElement);
    const get = (name: string) => {
      const value = form.get(name);
      return typeof value === "string" ? value : "";
    };
    const yuan = Number(get("budget"));
    try {
      const { record } = await client.campaigns.create({
        id: `CP-${Date.now().toString(36).toUpperCase()}`,
        name: get("name"),
        status: "draft",
        channels: [get("channel")],
        segmentId: segment.id,
        requiredConsent: "marketing",
        startDate: get("start"),
        endDate: get("end"),
        ...(Number.isFinite(yuan) && yuan > 0 ? { budget: { amount: Math.round(yuan * 100), currency: "CNY" } } : {}),
        ownerId: USERS[this.demoRole].id,
      });
      this.say(this.t("campaignCreated", { name: record.name }));
      await this.loadCampaigns();
    } catch (error) {
      this.fail(error);
    }
  }

  private async approve(campaign: Campaign) {
    try {
      await this.client!.campaigns.transition(campaign.id, "approve");
      this.say(this.t("approved", { name: campaign.name }));
      await this.loadCampaigns();
    } catch (error) {
      this.fail(error);
    }
  }

  /** The audience (core's exclusions), the hold-out, the responses fed back, and then the state. */
  private async launch(campaign: Campaign) {
    const client = this.client!;
    const definition = this.segments.find((s) => s.id === campaign.segmentId);
    this.busy = true;
    this.say(this.t("launching"));
    try {
      const channel = campaign.channels[0]!;
      let summary = { members: 0, excluded: 0, control: 0, reasons: "—" };
      if (definition && this.feed) {
        const inSegment = compileSegment(definition, customerFieldCatalog);
        const ids = this.rows.filter((r) => inSegment(r)).map((r) => r.id);
        const customers: Customer[] = [];
        for (let i = 0; i < ids.length; i += 200) {
          const batch = await Promise.all(ids.slice(i, i + 200).map((id) => client.customers.get(id)));
          for (const c of batch) if (c) customers.push(c);
        }
        const now = new Date();
        const audience = campaignAudience(() => true, customers, {
          channel,
          purpose: campaign.requiredConsent,
          asOf: now,
        });
        const { target, control } = assignControlGroup(audience.members, {
          campaignId: campaign.id,
          share: CONTROL_SHARE,
        });
        const { responses, controlConversions } = demoResponses(campaign, target, control, channel, now.toISOString());
        await this.feed(responses);
        const byReason = new Map<AudienceExclusion, number>();
        for (const x of audience.excluded) byReason.set(x.reason, (byReason.get(x.reason) ?? 0) + 1);
        summary = {
          members: audience.members.length,
          excluded: audience.excluded.length,
          control: control.length,
          reasons: [...byReason].map(([r, n]) => `${audienceExclusionLabels[r][this.locale]} ${n}`).join("、") || "—",
        };
        if (target.length > 0) {
          const effect = campaignEffectiveness(campaign, {
            targeted: target,
            responses,
            control: { size: Math.max(1, control.length), conversions: controlConversions },
            revenuePerConversion: REVENUE_PER_CONVERSION,
            ...(campaign.budget ? { cost: campaign.budget.amount } : {}),
          });
          this.effects = { ...this.effects, [campaign.id]: effect };
          localStorage.setItem(EFFECTS, JSON.stringify(this.effects));
          this.shown = campaign.id;
        }
      }
      await client.campaigns.transition(campaign.id, "launch");
      this.say(this.t("launched", { name: campaign.name, ...summary }));
      await this.loadCampaigns();
    } catch (error) {
      this.fail(error);
    } finally {
      this.busy = false;
    }
  }

  override render() {
    const l = this.locale;
    const marketing = this.demoRole === "marketing";
    return html`<div class="grid">
      <section aria-labelledby="saved-h">
        <h2 id="saved-h">${this.t("savedSegments")}</h2>
        <ul data-testid="saved-segments">
          ${this.segments.map(
            (s) =>
              html`<li>
                <button
                  type="button"
                  data-segment=${s.id}
                  aria-current=${s.id === this.definition.id ? "true" : "false"}
                  aria-label=${this.t("openSegment", { name: segmentLabel(s, l) })}
                  @click=${() => this.openSegment(s)}
                >
                  ${segmentLabel(s, l)}
                </button>
              </li>`,
          )}
        </ul>
        ${
          marketing
            ? html`<p>
                <button type="button" data-testid="new-segment" @click=${this.newSegment}>
                  ${this.t("newSegment")}
                </button>
              </p>`
            : nothing
        }
      </section>
      <div class="stack">
        <bankcrm-segment-builder
          .catalog=${customerFieldCatalog}
          .definition=${this.definition}
          .counter=${this.active ? this.counter : undefined}
          ?readonly=${!marketing}
          locale=${l}
          @bankcrm-segment-change=${this.onChange}
        ></bankcrm-segment-builder>
        ${
          marketing
            ? this.renderDraft()
            : html`<p role="status">
                ${this.t(this.demoRole === "branch_manager" ? "marketingReadOnly" : "marketingViewOnly")}
              </p>`
        }
        <p role="status" data-testid="marketing-status">${this.status}</p>
        ${this.failure ? html`<p role="alert" class="error">${this.failure}</p>` : nothing} ${this.renderCampaigns()}
        ${
          this.shown && this.effects[this.shown]
            ? html`<bankcrm-campaign-report
                locale=${l}
                name=${this.campaigns.find((c) => c.id === this.shown)?.name ?? ""}
                .effect=${this.effects[this.shown]}
              ></bankcrm-campaign-report>`
            : nothing
        }
      </div>
    </div>`;
  }

  private renderDraft() {
    const l = this.locale;
    const today = bankDay(new Date());
    const end = bankDay(new Date(Date.now() + 30 * 86_400_000));
    return html`<section aria-labelledby="draft-h">
      <h2 id="draft-h">${this.t("campaignDraft")}</h2>
      <p>
        <button type="button" data-testid="save-segment" @click=${() => this.save()}>${this.t("saveSegment")}</button>
      </p>
      <form data-testid="campaign-form" @submit=${this.createCampaign}>
        <label
          >${this.t("campaignName")}
          <input
            name="name"
            required
            maxlength="120"
            .value=${`${this.definition.name}${l === "zh-CN" ? "营销" : " campaign"}`}
        /></label>
        <label
          >${this.t("campaignChannel")}
          <select name="channel">
            ${CAMPAIGN_CHANNELS.map(
              (c) => html`<option value=${c} ?selected=${c === "sms"}>${campaignChannelLabels[c][l]}</option>`,
            )}
          </select></label
        >
        <label>${this.t("campaignBudget")} <input name="budget" inputmode="decimal" value="20000" /></label>
        <label>${this.t("campaignStart")} <input name="start" type="date" required .value=${today} /></label>
        <label>${this.t("campaignEnd")} <input name="end" type="date" required .value=${end} /></label>
        <button type="submit" data-testid="create-campaign" ?disabled=${!this.valid}>
          ${this.t("createCampaign")}
        </button>
      </form>
    </section>`;
  }

  private renderCampaigns() {
    const l = this.locale;
    const role = this.demoRole;
    return html`<section aria-labelledby="campaigns-h">
      <h2 id="campaigns-h">${this.t("campaigns")}</h2>
      ${
        this.campaigns.length === 0
          ? html`<p>${this.t("noCampaigns")}</p>`
          : html`<table data-testid="campaigns">
              <thead>
                <tr>
                  <th scope="col">${this.t("campaignName")}</th>
                  <th scope="col">${this.t("campaignSegment")}</th>
                  <th scope="col">${this.t("campaignChannel")}</th>
                  <th scope="col">${this.t("campaignStatus")}</th>
                  <th scope="col"><span class="visually-hidden">${this.t("open")}</span></th>
                </tr>
              </thead>
              <tbody>
                ${this.campaigns.map((c) => {
                  const segment = this.segments.find((s) => s.id === c.segmentId);
                  return html`<tr data-campaign=${c.id} data-status=${c.status}>
                    <th scope="row">${c.name}</th>
                    <td>${segment ? segmentLabel(segment, l) : (c.segmentId ?? "—")}</td>
                    <td>${c.channels.map((ch) => campaignChannelLabels[ch][l]).join("、")}</td>
                    <td>${campaignStatusLabels[c.status][l]}</td>
                    <td>
                      ${
                        role === "branch_manager" && c.status === "draft"
                          ? html`<button type="button" data-action="approve" @click=${() => this.approve(c)}>
                              ${this.t("approveCampaign", { name: c.name })}
                            </button>`
                          : nothing
                      }
                      ${
                        role === "marketing" && c.status === "scheduled"
                          ? html`<button
                              type="button"
                              data-action="launch"
                              ?disabled=${this.busy}
                              @click=${() => this.launch(c)}
                            >
                              ${this.t("launchCampaign", { name: c.name })}
                            </button>`
                          : nothing
                      }
                      ${
                        this.effects[c.id]
                          ? html`<button type="button" data-action="report" @click=${() => (this.shown = c.id)}>
                              ${this.t("showReport", { name: c.name })}
                            </button>`
                          : nothing
                      }
                    </td>
                  </tr>`;
                })}
              </tbody>
            </table>`
      }
    </section>`;
  }
}

customElements.define("ws-marketing-page", MarketingPage);
