import { html, nothing, type PropertyValues } from "lit";
import { property, query, state } from "lit/decorators.js";
import { virtualize, virtualizerRef, type VirtualizerHostElement } from "@lit-labs/virtualizer/virtualize.js";
import type { RangeChangedEvent } from "@lit-labs/virtualizer/events.js";
import { flow } from "@lit-labs/virtualizer/layouts/flow.js";
import { canReadConfidential, message, TIMELINE_COLLECTIONS } from "@bankcrm/core";
import type { TimelineItem, TimelineKind } from "../../context/contexts.js";

/** The collections whose records show on the timeline (core's TIMELINE_COLLECTIONS). */
const TIMELINE_SOURCES: ReadonlySet<string> = new Set(Object.values(TIMELINE_COLLECTIONS));
import { BankcrmTimelineLoadMoreEvent } from "../../events/timeline-events.js";
import { BankcrmContextElement } from "../base/context-element.js";
import { sweepOrphanMarkers, type MarkerSweeper } from "../../internal/orphan-markers.js";
import { customerTimelineStyles } from "./customer-timeline.styles.js";
import {
  TIMELINE_KINDS,
  absoluteTime,
  channelLabel,
  channelOf,
  dayKey,
  dayLabel,
  describe,
  kindLabel,
  relativeTime,
} from "./timeline-format.js";
import { timelineMessage } from "../../i18n/timeline-messages.js";

interface Row {
  item: TimelineItem;
  at: Date;
  /** The first entry of its day carries the day's heading. */
  firstOfDay: boolean;
}

/** How many rows before the end of what is loaded the next page is asked for. */
const PREFETCH_ROWS = 15;

/**
 * Every touchpoint with a customer on one line of time — interactions,
 * transactions, service cases and campaign contacts — newest first, grouped by
 * day, with filters by type and channel and relative times in the locale.
 * Virtualized: 10,000 entries render only what is on screen. A `role="feed"`:
 * arrow keys and Page Up/Down move between entries, Home/End to the ends, and
 * more is loaded as the user scrolls or moves. Confidential notes are hidden
 * from roles that may not read them (and when no user is known).
 *
 * @tagname bankcrm-customer-timeline
 * @summary A customer's touchpoints on one virtualized, filterable line of time.
 *
 * @csspart base - The whole timeline.
 * @csspart toolbar - The filters.
 * @csspart feed - The scrolling list (role="feed").
 * @csspart entry - One entry (role="article").
 * @csspart day - The day heading above the first entry of a day.
 * @csspart kind - An entry's type.
 * @csspart time - An entry's relative time.
 * @csspart load-more - The button that loads the next page.
 *
 * @cssproperty --bankcrm-customer-timeline-height - Height of the scrolling list; default 28rem.
 * @cssproperty --bankcrm-customer-timeline-accent-interaction - Marker colour of interactions.
 * @cssproperty --bankcrm-customer-timeline-accent-transaction - Marker colour of transactions.
 * @cssproperty --bankcrm-customer-timeline-accent-case - Marker colour of service cases.
 * @cssproperty --bankcrm-customer-timeline-accent-campaign - Marker colour of campaign contacts.
 *
 * @event bankcrm-timeline-load-more - The user reached the end of `entries` given as a property while `has-more` is set: append the next page.
 */
export class BankcrmCustomerTimeline extends BankcrmContextElement {
  static override styles = customerTimelineStyles;

  /** Entries to show, newest first (instead of fetching by `customer-id`). */
  @property({ attribute: false }) entries: TimelineItem[] | undefined;

  /** Fetches the customer's timeline through the client, a page at a time. */
  @property({ attribute: "customer-id" }) customerId: string | undefined;

  /** With `entries`: more exist; reaching the end fires `bankcrm-timeline-load-more`. */
  @property({ type: Boolean, attribute: "has-more" }) hasMore = false;

  /** Entries fetched per page. */
  @property({ type: Number, attribute: "page-size" }) pageSize = 50;

  /** The types shown; default all four. */
  @property({ attribute: false }) kinds: readonly TimelineKind[] = TIMELINE_KINDS;

  /** The channel shown (a channel code); empty: all. */
  @property() channel = "";

  /** "Now" for relative times (ISO string); default the clock. */
  @property() now: string | undefined;

  /** Shows the loading state (also while the first page is fetched). */
  @property({ type: Boolean, reflect: true }) loading = false;

  /** An error to show instead of the timeline. */
  @property() error: string | undefined;

  /** Offline: shows what is loaded, says so, and asks for no more. */
  @property({ type: Boolean, reflect: true }) offline = false;

  @state() private fetched: TimelineItem[] = [];
  @state() private loadingMore = false;
  @state() private rows: Row[] = [];
  /**
   * The virtualizer is started only once its feed is in the document: started
   * in the same render that creates the feed, it would look for its scrolling
   * ancestors in a detached fragment and miss a host's scroll container, so it
   * would never render rows scrolled into view there.
   */
  @state() private feedAttached = false;
  /** Whether the virtualizer has put rows in the feed yet (it renders none while off screen). */
  @state() private rowsInView = false;
  /** The channels of the loaded entries, for the channel filter. */
  private channels: string[] = [];
  /** "Now" for this update's relative times. */
  private nowDate = new Date();
  private cursor: string | undefined;
  private exhausted = false;
  private generation = 0;
  /** With `entries`: the length at which the host was last asked for more (asked once per page). */
  private askedAt = -1;

  @query('[part="feed"]') private feed!: HTMLElement & VirtualizerHostElement;
  /** Stops following the client's changes. */
  private unsubscribe: (() => void) | undefined;
  /** Cleans up after lit-html's removePart leak in the feed (see internal/orphan-markers.ts). */
  private sweeper: { feed: HTMLElement; sweep: MarkerSweeper } | undefined;

  private get items(): TimelineItem[] {
    return this.entries ?? this.fetched;
  }

  /** Whether more entries may exist beyond those loaded. */
  get moreAvailable(): boolean {
    return this.entries !== undefined ? this.hasMore : !this.exhausted && this.customerId !== undefined;
  }

  override willUpdate(changed: PropertyValues<this>) {
    if (changed.has("customerId") && this.entries === undefined) {
      this.fetched = [];
      this.cursor = undefined;
      this.exhausted = false;
    }
    const any = changed as Map<PropertyKey, unknown>;
    this.nowDate = this.now !== undefined ? new Date(this.now) : new Date();
    if (any.has("entries") || any.has("fetched"))
      this.channels = [...new Set(this.items.map(channelOf).filter((c): c is string => c !== undefined))].sort();
    if (
      ["entries", "fetched", "kinds", "channel", "user", "contextUser"].some((k) => any.has(k)) ||
      this.clientChanged(any)
    )
      this.rows = this.buildRows();
  }

  private get showsFeed(): boolean {
    return !this.loading && this.error === undefined && (this.items.length > 0 || this.moreAvailable);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.sweeper?.sweep.disconnect();
    this.sweeper = undefined;
  }

  /** How many leaked lit-html markers the feed has swept (0 with a fixed lit-html). */
  get sweptMarkers(): number {
    return this.sweeper?.sweep.removed ?? 0;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Reconnected after a disconnect: follow the client again, and sweep the feed again (next update).
    if (this.hasUpdated) {
      this.follow();
      this.requestUpdate();
    }
  }

  /** Follows the client's writes: a write to a collection on the timeline reloads the newest page at once. */
  private follow() {
    this.unsubscribe?.();
    this.unsubscribe = this.effectiveClient?.on?.("change", (event) => {
      if (this.entries === undefined && this.customerId && TIMELINE_SOURCES.has(event.collection)) this.refresh();
    });
  }

  /**
   * Reloads from the newest entry (when fetching by `customer-id`): what was
   * just written shows at once. Entries already shown stay until the new page
   * arrives.
   */
  refresh(): void {
    if (this.entries !== undefined || !this.customerId) return;
    this.cursor = undefined;
    this.exhausted = false;
    void this.fetchPage(true, true);
  }

  override updated(changed: PropertyValues<this>) {
    if (this.clientChanged(changed)) this.follow();
    if (!this.showsFeed) this.feedAttached = false;
    else if (!this.feedAttached && this.feed?.isConnected) this.feedAttached = true;
    const feed = this.showsFeed ? this.feed : undefined;
    if (this.sweeper?.feed !== feed) {
      this.sweeper?.sweep.disconnect();
      this.sweeper = feed ? { feed, sweep: sweepOrphanMarkers(feed) } : undefined;
    }
    if (
      this.entries === undefined &&
      this.customerId &&
      (changed.has("customerId") || this.clientChanged(changed)) &&
      this.fetched.length === 0
    )
      void this.fetchPage(true);
  }

  private buildRows(): Row[] {
    const seeConfidential = canReadConfidential(this.effectiveUser);
    const kinds = new Set(this.kinds);
    const rows: Row[] = [];
    let lastDay = -1;
    for (const item of this.items) {
      if (!kinds.has(item.kind)) continue;
      if (this.channel && channelOf(item) !== this.channel) continue;
      if (item.kind === "interaction" && item.record.confidential && !seeConfidential) continue;
      const at = new Date(item.at);
      const day = dayKey(at);
      rows.push({ item, at, firstOfDay: day !== lastDay });
      lastDay = day;
    }
    return rows;
  }

  private async fetchPage(first: boolean, replace = false) {
    const client = this.effectiveClient;
    const id = this.customerId;
    if (!client?.timeline || !id || (this.loadingMore && !replace) || (this.exhausted && !first)) return;
    const generation = ++this.generation;
    if (first && !replace) this.loading = true;
    else if (!replace) this.loadingMore = true;
    this.error = undefined;
    try {
      const page = await client.timeline(id, {
        limit: this.pageSize,
        ...(this.cursor !== undefined ? { after: this.cursor } : {}),
      });
      if (generation !== this.generation || id !== this.customerId) return;
      this.fetched = replace ? page.items : [...this.fetched, ...page.items];
      this.cursor = page.next;
      this.exhausted = page.next === undefined;
    } catch (error) {
      if (generation === this.generation) this.error = error instanceof Error ? error.message : String(error);
    } finally {
      if (generation === this.generation) {
        this.loading = false;
        this.loadingMore = false;
      }
    }
  }

  /** Loads the next page (or asks the host for it). */
  loadMore(): void {
    if (this.offline || !this.moreAvailable || this.loadingMore) return;
    if (this.entries === undefined) return void this.fetchPage(false);
    if (this.askedAt === this.entries.length) return;
    this.askedAt = this.entries.length;
    this.dispatchEvent(new BankcrmTimelineLoadMoreEvent({ loaded: this.entries.length }));
  }

  private onRangeChanged(e: RangeChangedEvent) {
    this.rowsInView = e.first >= 0 && e.last >= e.first;
    if (e.last >= this.rows.length - PREFETCH_ROWS) this.loadMore();
  }

  private onKeydown(e: KeyboardEvent) {
    const article = (e.target as Element).closest?.("[data-index]");
    // On the feed itself (its own tab stop): into the entries.
    const index = article ? Number(article.getAttribute("data-index")) : -1;
    const last = this.rows.length - 1;
    const target =
      e.key === "ArrowDown" || e.key === "PageDown"
        ? index + 1
        : e.key === "ArrowUp" || e.key === "PageUp"
          ? Math.max(0, index - 1)
          : e.key === "Home"
            ? 0
            : e.key === "End"
              ? last
              : undefined;
    if (target === undefined) return;
    e.preventDefault();
    if (target >= last - PREFETCH_ROWS) this.loadMore();
    void this.focusEntry(Math.max(0, Math.min(last, target)));
  }

  /** Scrolls entry `index` (of those shown) into view and focuses it. */
  async focusEntry(index: number): Promise<void> {
    await this.updateComplete;
    const virtualizer = this.feed?.[virtualizerRef];
    virtualizer?.element(index)?.scrollIntoView({ block: "nearest" });
    for (let attempt = 0; attempt < 20; attempt++) {
      const el = this.renderRoot.querySelector<HTMLElement>(`[data-index="${index}"]`);
      if (el) {
        el.focus({ preventScroll: attempt === 0 });
        return;
      }
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
  }

  private renderRow = (row: Row, index: number) => {
    const locale = this.effectiveLocale;
    const now = this.nowDate;
    const { item, at } = row;
    const { title, detail } = describe(item, locale);
    const channel = channelOf(item);
    const setSize = this.moreAvailable ? -1 : this.rows.length;
    return html`<article
      part="entry"
      class=${item.kind}
      tabindex="0"
      data-index=${index}
      aria-posinset=${index + 1}
      aria-setsize=${setSize}
      aria-labelledby=${`title-${index}`}
      aria-describedby=${`detail-${index}`}
    >
      ${row.firstOfDay ? html`<h3 part="day">${dayLabel(at, now, locale)}</h3>` : nothing}
      <div class="line">
        <span part="kind">${kindLabel(item.kind, locale)}</span>
        ${channel ? html`<span class="channel">${channelLabel(channel, locale)}</span>` : nothing}
        ${
          item.kind === "interaction" && item.record.confidential
            ? html`<span class="confidential">${message("confidential", locale)}</span>`
            : nothing
        }
        <time part="time" datetime=${item.at} title=${absoluteTime(at, locale)}>${relativeTime(at, now, locale)}</time>
      </div>
      <p class="title" id=${`title-${index}`}>${title}</p>
      <p class="detail" id=${`detail-${index}`}>${detail}</p>
    </article>`;
  };

  private renderToolbar() {
    const locale = this.effectiveLocale;
    const shown = new Set(this.kinds);
    const channels =
      this.channel && !this.channels.includes(this.channel) ? [this.channel, ...this.channels] : this.channels;
    return html`<div part="toolbar" role="group" aria-label=${timelineMessage("timelineFilters", locale)}>
      ${TIMELINE_KINDS.map(
        (kind) =>
          html`<label class="kind-filter"
            ><input
              type="checkbox"
              .checked=${shown.has(kind)}
              @change=${(e: Event) => {
                const on = (e.target as HTMLInputElement).checked;
                this.kinds = TIMELINE_KINDS.filter((k) => (k === kind ? on : shown.has(k)));
              }}
            />${kindLabel(kind, locale)}</label
          >`,
      )}
      <label class="channel-filter"
        >${timelineMessage("timelineChannel", locale)}
        <select
          @change=${(e: Event) => {
            this.channel = (e.target as HTMLSelectElement).value;
          }}
        >
          <option value="" ?selected=${this.channel === ""}>${timelineMessage("timelineAllChannels", locale)}</option>
          ${channels.map(
            (c) => html`<option value=${c} ?selected=${this.channel === c}>${channelLabel(c, locale)}</option>`,
          )}
        </select></label
      >
    </div>`;
  }

  override render() {
    const locale = this.effectiveLocale;
    const state = this.loadingOrError(this.loading, this.error);
    if (state) return state;
    if (this.items.length === 0 && !this.moreAvailable)
      return html`<div part="base" class="muted">${timelineMessage("timelineEmpty", locale)}</div>`;
    const more = this.moreAvailable;
    return html`<div part="base">
      ${this.renderToolbar()}
      ${this.offline ? html`<p class="muted">${timelineMessage("timelineOfflineCached", locale)}</p>` : nothing}
      <p id="keys" class="visually-hidden">${timelineMessage("timelineKeys", locale)}</p>
      ${this.rows.length === 0 ? html`<p class="muted">${timelineMessage("timelineFiltered", locale)}</p>` : nothing}
      <div
        part="feed"
        role="feed"
        aria-label=${timelineMessage("timelineLabel", locale)}
        aria-describedby="keys"
        tabindex="0"
        aria-busy=${this.loadingMore || (this.rows.length > 0 && !this.rowsInView) ? "true" : "false"}
        @keydown=${this.onKeydown}
        @rangeChanged=${this.onRangeChanged}
      >
        ${
          this.feedAttached
            ? virtualize({
                items: this.rows,
                renderItem: this.renderRow,
                keyFunction: (row: Row) => `${row.item.kind}|${row.item.id}`,
                scroller: true,
                layout: flow(),
              })
            : nothing
        }
      </div>
      <div class="footer">
        <span role="status"
          >${
            this.loadingMore
              ? timelineMessage("timelineLoadingMore", locale)
              : more
                ? timelineMessage("timelineCount", locale, { count: this.items.length })
                : timelineMessage("timelineEnd", locale, { count: this.items.length })
          }</span
        >
        ${
          more && !this.offline
            ? html`<button part="load-more" type="button" ?disabled=${this.loadingMore} @click=${() => this.loadMore()}>
                ${timelineMessage("timelineLoadMore", locale)}
              </button>`
            : nothing
        }
      </div>
    </div>`;
  }
}
