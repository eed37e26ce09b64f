/**
 * Marketing (营销): build a segment by hand over the whole book — the builder
 * counts it in a Web Worker as it is edited — save it, put a campaign on it,
 * have the branch manager approve it (four eyes), launch it, and read its
 * effect against a control group.
 *
 * Launching takes the audience with core's exclusions and holds out a control
 * group tier by tier — the server does it (POST /campaigns/{id}/launch), or
 * embedded campaign-launch.ts over this browser's book. "Measure" reads what the
 * members did since (the server's effect route, or embedded-world.ts): nothing
 * is made up at the launch. The demo's clock moves four weeks on, the demo world
 * answering, so a launch can be measured the day it is made.
 */
import { LitElement, html, nothing } from "lit";
import { property, state } from "lit/decorators.js";
import {
  bankDay,
  customerFieldCatalog,
  describeError,
  type Campaign,
  type CampaignEffect,
  type CampaignMeasurement,
  type Locale,
  type SegmentDefinition,
} from "@bankcrm/core";
import { CAMPAIGN_CHANNELS, PRODUCT_RISK_LEVELS, PRODUCT_TYPES } from "@bankcrm/core/vocabulary";
import { campaignChannelLabels, productRiskLevelLabels, productTypeLabels } from "@bankcrm/core/i18n";
import type { CampaignLaunch, CrmClient } from "@bankcrm/data";
import { campaignTable } from "./campaign-table.js";
import { createModuleWorker, createSegmentCounter, type SegmentCounter } from "@bankcrm/elements/segment-counter.js";
import "@bankcrm/elements/segment-builder.js";
import "@bankcrm/elements/campaign-report.js";
import type { BankcrmSegmentChangeEvent } from "@bankcrm/elements";
import workerUrl from "../segment-worker.ts?worker&url";
import type { BookRow } from "../book.js";
import { launchDemo, launchSummary, type KeepDemo } from "../campaign-launch.js";
import type { WorldPort } from "../embedded-world.js";
import { text, type TextKey } from "../messages.js";
import { marketingPageStyles } from "./marketing-page.styles.js";
import { fixedSegments, saveSegment, savedSegments, segmentLabel } from "../saved-segments.js";
import { USERS, type DemoRole } from "../users.js";
import "./segment-export.js";
import type { SegmentExporter } from "./segment-export.js";

export class MarketingPage extends LitElement {
  static override styles = marketingPageStyles;

  @property({ attribute: "demo-role" }) demoRole: DemoRole = "marketing";
  @property() locale: Locale = "zh-CN";
  @property({ attribute: false }) client: CrmClient | undefined;
  /** The book's rows (the customer view segments test). */
  @property({ attribute: false }) rows: readonly BookRow[] = [];
  /** Whether the page is shown (the shell keeps it alive while hidden). */
  @property({ type: Boolean }) active = false;
  /** Server mode: counts in the server's database (session.segmentCounter); the worker over the rows otherwise. */
  @property({ attribute: false }) serverCounter: ((rows: readonly BookRow[]) => SegmentCounter<unknown>) | undefined;
  /** Embedded: where a launch keeps its members; unset in server mode (the server keeps them). */
  @property({ attribute: false }) keep: KeepDemo | undefined;
  /** The demo's time and clock, and a launch measured from the records (the server's or this browser's: the session). */
  @property({ attribute: false }) world: WorldPort | undefined;
  /** Server mode: the launch as the server does it (`POST /campaigns/{id}/launch`). */
  @property({ attribute: false }) launcher: ((campaign: Campaign) => Promise<CampaignLaunch>) | undefined;
  /** Server mode: the segment's members as CSV for its purpose (marketing and branch managers). */
  @property({ attribute: false }) exporter: SegmentExporter | undefined;

  @state() private segments: SegmentDefinition[] = fixedSegments();
  @state() private definition: SegmentDefinition = this.segments[0]!;
  @state() private valid = true;
  @state() private campaigns: Campaign[] = [];
  @state() private effects: Record<string, CampaignEffect> = {};
  @state() private shown: string | undefined;
  @state() private measured: Record<string, CampaignMeasurement> = {};
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
      this.counter =
        this.serverCounter?.(this.rows) ??
        createSegmentCounter(this.rows, customerFieldCatalog, { worker: createModuleWorker(workerUrl) });
    }
  }

  override updated(changed: Map<string, unknown>) {
    if (changed.has("client")) {
      const client = this.client;
      // A client replaced meanwhile (another user, a logout) was closed under this read: its answer is no one's.
      this.loadCampaigns().catch((error: unknown) => client === this.client && this.fail(error));
      this.loadSegments().catch((error: unknown) => client === this.client && this.fail(error));
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
    if (id) void this.loadSegments(decodeURIComponent(id));
  };

  /** The saved segments, read again (another user may have saved one); `open`: the one to open in the builder. */
  private async loadSegments(open?: string) {
    const client = this.client;
    const segments = await savedSegments(client);
    if (client !== this.client) return;
    this.segments = segments;
    const found = open ? segments.find((s) => s.id === open) : undefined;
    if (found) this.openSegment(found);
  }

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

  private async save(): Promise<SegmentDefinition | undefined> {
    if (!this.valid) {
      this.failure = this.t("segmentInvalid");
      return undefined;
    }
    if (!this.client) return undefined;
    let saved: SegmentDefinition;
    try {
      saved = await saveSegment(this.client, this.definition, USERS[this.demoRole].id);
    } catch (error) {
      this.fail(error);
      return undefined;
    }
    await this.loadSegments();
    this.definition = saved;
    this.say(this.t("segmentSaved", { name: saved.name, version: saved.version }));
    return saved;
  }

  private async createCampaign(event: SubmitEvent) {
    event.preventDefault();
    const client = this.client;
    if (!client) return;
    // Read before anything is awaited: once the event has been dispatched, its target is retargeted out of this shadow root.
    const form = new FormData(event.target as HTMLFormElement);
    const segment = await this.save();
    if (!segment) return;
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
        ...(get("product") ? { productType: get("product") } : {}),
        ...(get("risk") ? { productRisk: get("risk") } : {}),
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

  /**
   * The launch: on the server, the server takes the audience and activates the campaign; embedded, core's
   * `planLaunch` over this browser's book, the demo's responses fed back, then the transition.
   */
  private async launch(campaign: Campaign) {
    const client = this.client!;
    const definition = this.segments.find((s) => s.id === campaign.segmentId);
    this.busy = true;
    this.say(this.t("launching"));
    try {
      let summary = launchSummary({ treatment: 0, control: 0, excluded: 0 }, {}, this.locale);
      if (this.launcher) {
        const launched = await this.launcher(campaign);
        summary = launchSummary(launched.counts, launched.excludedBy, this.locale);
        // The server's answer is the campaign as it now is (the cache hears of it from the feed a moment later).
        this.campaigns = this.campaigns.map((c) => (c.id === campaign.id ? launched.campaign : c));
      } else {
        if (definition && this.keep) {
          const launched = await launchDemo(campaign, definition, {
            rows: this.rows,
            client,
            keep: this.keep,
            locale: this.locale,
            at: (this.world?.demoNow() ?? new Date()).toISOString(),
          });
          summary = launched.summary;
        }
        await client.campaigns.transition(campaign.id, "launch");
      }
      this.say(this.t("launched", { name: campaign.name, ...summary }));
      if (!this.launcher) await this.loadCampaigns();
    } catch (error) {
      this.fail(error);
    } finally {
      this.busy = false;
    }
  }

  /** The campaign measured from the records now; its effect shown once both groups have members. */
  private async measure(campaign: Campaign) {
    try {
      const m = await this.world!.measurer!(campaign);
      this.measured = { ...this.measured, [campaign.id]: m };
      if (m.effect) {
        this.effects = { ...this.effects, [campaign.id]: m.effect };
        this.shown = campaign.id;
      }
    } catch (error) {
      this.fail(error);
    }
  }

  /** The demo's clock four weeks on: the demo world answers the launched campaigns (demo-clock.ts, embedded-world.ts). */
  private async advanceClock() {
    const moved = await this.world?.advanceClock(28);
    if (!moved) return this.fail(new Error(this.t("demoClockFailed")));
    this.say(
      this.t("demoClockMoved", { date: new Date(moved.now).toLocaleDateString(this.locale), opened: moved.opened }),
    );
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
        <button type="button" data-testid="save-segment" @click=${() => void this.save()}>
          ${this.t("saveSegment")}
        </button>
        <ws-segment-export
          .definition=${this.definition}
          ?valid=${this.valid}
          .exporter=${this.exporter}
          locale=${this.locale}
        ></ws-segment-export>
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
        <label
          >${this.t("campaignProduct")}
          <select name="product">
            <option value="">${this.t("noProduct")}</option>
            ${PRODUCT_TYPES.map((p) => html`<option value=${p}>${productTypeLabels[p][l]}</option>`)}
          </select></label
        >
        <label
          >${this.t("campaignRisk")}
          <select name="risk">
            <option value="">${this.t("noRisk")}</option>
            ${PRODUCT_RISK_LEVELS.map((r) => html`<option value=${r}>${productRiskLevelLabels[r][l]}</option>`)}
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
    return campaignTable({
      locale: this.locale,
      role: this.demoRole,
      campaigns: this.campaigns,
      segments: this.segments,
      reported: new Set(Object.keys(this.effects)),
      measured: this.measured,
      busy: this.busy,
      measures: this.world?.measurer !== undefined,
      clock: this.world !== undefined && this.demoRole === "marketing",
      t: (key, values) => this.t(key, values),
      approve: (c) => void this.approve(c),
      launch: (c) => void this.launch(c),
      show: (c) => (this.shown = c.id),
      measure: (c) => void this.measure(c),
      advanceClock: () => void this.advanceClock(),
    });
  }
}

customElements.define("ws-marketing-page", MarketingPage);
