import { html, nothing, type PropertyValues } from "lit";
import { property, query, state } from "lit/decorators.js";
import { repeat } from "lit/directives/repeat.js";
import { guard } from "lit/directives/guard.js";
import {
  opportunityMove,
  bankDay,
  describeError,
  forecastPipeline,
  isBankcrmError,
  labelIn,
  type Locale,
  type Opportunity,
  type OpportunityStage,
  type PipelineForecast,
  type SaleDetails,
} from "@bankcrm/core";
import { opportunityStageLabels } from "@bankcrm/core/i18n";
import { say } from "../../i18n/pipeline-messages.js";
import {
  BankcrmOpportunityMoveErrorEvent,
  BankcrmOpportunityMoveEvent,
  BankcrmOpportunityMovedEvent,
} from "../../events/pipeline-events.js";
import { listAll, writeOutcome } from "../../internal/records.js";
import { ClientRecords } from "../../internal/client-records.js";
import { BankcrmContextElement } from "../base/context-element.js";
import { pipelineStyles } from "./pipeline.styles.js";
import {
  answerOf,
  cardKeyAction,
  columnsOf,
  COLUMNS,
  figures,
  isOpen,
  renderAsk,
  renderCard,
  renderSummary,
  type Ask,
} from "./pipeline-view.js";
import { saleAnswer, saleAsked } from "./pipeline-sale.js";

/** What a move carries: the won amount (fen), the lost reason, a won sale's suitability and recording. */
type MoveDetails = { amount?: number; reason?: string; sale?: SaleDetails };

/** Cards per column in the first frame (more than a column shows), then per following frame. */
const FIRST_WINDOW = 40;
const WINDOW_STEP = 200;

/**
 * A person's or a team's opportunities as columns by stage (销售机会管理), with
 * each stage's count, amount and probability-weighted forecast, and the month's
 * and quarter's forecast (core `forecastPipeline`). Close dates already past
 * are flagged.
 *
 * A card moves by keyboard (← / → one stage; Enter opens a dialog of every
 * stage, won and lost) or by dragging it to a column. The board shows the
 * move at once and applies the transition through the client; won asks for the
 * amount, lost for the reason. A refused move puts the card back and says why.
 * Winning an investment or insurance sale also asks the product's risk level and
 * the dual recording (双录); an unsuitable sale is refused with every reason, and
 * a branch manager who may override it is asked for the reason.
 *
 * @tagname bankcrm-pipeline
 * @summary Opportunities by stage with forecasts; cards moved by keyboard or pointer through the client.
 *
 * @csspart base - The whole board.
 * @csspart summary - The totals, month and quarter.
 * @csspart column - One stage's column.
 * @csspart card - One opportunity.
 * @csspart dialog - The move / won / lost dialog.
 * @csspart sale - The won dialog's suitability and dual-recording fields.
 * @csspart status - The live region announcing moves and refusals.
 *
 * @cssproperty --bankcrm-pipeline-column-width - Width of a column; default 14rem.
 * @cssproperty --bankcrm-pipeline-height - Height of the columns' scroll area; default 32rem.
 *
 * @event bankcrm-opportunity-move - Before a move; cancelable.
 * @event bankcrm-opportunity-moved - The move was saved or queued.
 * @event bankcrm-opportunity-move-error - The move was refused; the card is back.
 */
export class BankcrmPipeline extends BankcrmContextElement {
  static override styles = pipelineStyles;

  /** Only this owner's opportunities (a relationship manager's own); unset: all the client returns (a team). */
  @property({ attribute: "owner-id" }) ownerId: string | undefined;

  /** Only this customer's opportunities (in a single customer view). */
  @property({ attribute: "customer-id" }) customerId: string | undefined;

  /** The opportunities to show, instead of reading them from the client. */
  @property({ attribute: false }) opportunities: readonly Opportunity[] | undefined;

  /** The day the forecast is made and close dates are judged; default today. */
  @property({ attribute: false }) now: Date | undefined;

  /** Staff names by id, shown on cards in a team's board. */
  @property({ attribute: false }) names: Readonly<Record<string, string>> = {};

  /** Closed (won or lost) cards shown per column; the counts are always whole. */
  @property({ type: Number, attribute: "closed-limit" }) closedLimit = 20;

  @state() private items: Opportunity[] = [];
  @state() private announce = "";
  @state() private alertText = "";
  @state() private ask: Ask | undefined;
  @query("dialog") private dialog!: HTMLDialogElement;
  /** Moves shown but not yet written, by opportunity id. */
  private overlay = new Map<string, Opportunity>();
  private latest = new Map<string, symbol>();
  private chains = new Map<string, Promise<boolean>>();
  private forecast: PipelineForecast | undefined;
  private columns = new Map<OpportunityStage, Opportunity[]>();
  /** The opportunities read from the client (unless given as `opportunities`), read again on others' changes. */
  private records = new ClientRecords<Opportunity>(this, {
    collection: "opportunities",
    read: () => {
      const repo = this.effectiveClient?.opportunities;
      if (!repo || this.opportunities !== undefined) return undefined;
      const { ownerId, customerId } = this;
      return listAll((q) => repo.list(q), customerId ? { customerId } : {}, 20_000).then((all) =>
        all.filter((o) => (!ownerId || o.ownerId === ownerId) && (!customerId || o.customerId === customerId)),
      );
    },
    loaded: (items) => {
      // A card that has focus keeps it when the board is read again (a reordered card is moved in the DOM).
      const active = (this.renderRoot as ShadowRoot).activeElement as HTMLElement | null;
      if (active?.dataset.id) this.focusAfter = active.dataset.id;
      this.items = items;
    },
    ignore: (e) => {
      if (e.ids.every((id) => this.overlay.has(id))) return true; // our own move
      // Someone else's change while a move is under way: read again once the moves are done.
      if (this.overlay.size > 0) this.reloadAfterMoves = true;
      return this.overlay.size > 0;
    },
    describe: (error) => describeError(error, this.effectiveLocale),
  });
  private focusAfter: string | undefined;
  private reloadAfterMoves = false;
  /** Cards rendered per column so far: grows after the first paint until every card is in. */
  @state() private window = FIRST_WINDOW;
  private filling = false;

  private get today(): string {
    return bankDay(this.now ?? new Date());
  }

  override willUpdate(changed: PropertyValues<this>) {
    const typed = changed as Map<PropertyKey, unknown>;
    if (typed.has("opportunities") && this.opportunities) this.items = [...this.opportunities];
    if (this.opportunities === undefined) {
      if (!this.clientChanged(typed) && (typed.has("ownerId") || typed.has("customerId"))) void this.records.load();
      this.records.follow(this.effectiveClient);
    }
    if (typed.has("items") || typed.has("now") || typed.has("ownerId") || typed.has("customerId")) this.arrange();
  }

  override updated() {
    this.fill();
    if (this.focusAfter) {
      this.renderRoot.querySelector<HTMLElement>(`[data-id="${CSS.escape(this.focusAfter)}"]`)?.focus();
      this.focusAfter = undefined;
    }
  }

  /** Reads the opportunities again from the client. */
  load(): Promise<void> {
    return this.records.load();
  }

  /** Columns and forecast from the items: once per change of the items, not per render. */
  private arrange() {
    const mine = (o: Opportunity) =>
      !this.opportunities ||
      ((!this.ownerId || o.ownerId === this.ownerId) && (!this.customerId || o.customerId === this.customerId));
    this.columns = columnsOf(this.items.map((w) => this.overlay.get(w.id) ?? w).filter(mine), this.columns);
    const open = [...this.columns.values()].flat().filter((o) => isOpen(o.stage));
    this.forecast = forecastPipeline(open, { asOf: this.today });
  }

  /** What the board shows of an opportunity: a move under way, else the last written record. */
  private shownOf(id: string): Opportunity | undefined {
    return this.overlay.get(id) ?? this.items.find((o) => o.id === id);
  }

  /**
   * Moves an opportunity: shown at once, then written through the client; put
   * back with the reason if the write is refused. `details`: `amount` (fen) for
   * won, `reason` for lost. Moves of one card made faster than they are written
   * (→ → →) are written one after another, each from the record the last wrote.
   */
  async move(id: string, to: OpportunityStage, details: MoveDetails = {}): Promise<boolean> {
    const l = this.effectiveLocale;
    const from = this.shownOf(id);
    const repo = this.effectiveClient?.opportunities;
    if (!from || from.stage === to || !isOpen(from.stage)) return false;
    if (!repo) {
      this.alertText = say("noClient", l);
      return false;
    }
    if (!this.dispatchEvent(new BankcrmOpportunityMoveEvent({ opportunity: from, to }))) return false;
    const at = (this.now ?? new Date()).toISOString();
    const shown = opportunityMove(from, to, details, at).preview;
    const ticket = Symbol(to);
    this.latest.set(id, ticket);
    this.overlay.set(id, shown);
    // A read already under way started before this move: its answer would put the card back.
    this.records.cancel();
    this.alertText = "";
    this.focusAfter = id;
    this.refresh();
    const prior = this.chains.get(id) ?? Promise.resolve(true);
    const run = prior.then(() => this.write(id, to, details, from.title, ticket));
    this.chains.set(id, run);
    try {
      return await run;
    } finally {
      if (this.chains.get(id) === run) this.chains.delete(id);
    }
  }

  /** Writes one move from the last written record; the board follows the newest move of the card. */
  private async write(
    id: string,
    to: OpportunityStage,
    details: MoveDetails,
    title: string,
    ticket: symbol,
  ): Promise<boolean> {
    const l = this.effectiveLocale;
    const base = this.items.find((o) => o.id === id)!;
    const newest = () => this.latest.get(id) === ticket;
    const stage = labelIn(opportunityStageLabels, to, l);
    try {
      const { event, details: input } = opportunityMove(base, to, details, new Date().toISOString());
      const result = await this.effectiveClient!.opportunities!.transition(id, event, {
        ...input,
        expectedVersion: base.version ?? 0,
      });
      if (result.status === "failed" || result.status === "conflict") throw new Error(result.reason ?? result.status);
      this.items = this.items.map((o) => (o.id === id ? result.record : o));
      if (newest()) this.overlay.delete(id);
      this.announce = `${say("pipelineMoved", l, { title, stage })} ${
        result.status === "queued" ? writeOutcome(result, say("pipelineMoved", l), l) : ""
      }`.trim();
      this.dispatchEvent(new BankcrmOpportunityMovedEvent({ opportunity: result.record, status: result.status }));
      return true;
    } catch (error) {
      // Back to the last written record (a later move of the card, if any, is written from it).
      if (newest()) this.overlay.delete(id);
      this.focusAfter = id;
      this.alertText = say("pipelineMoveRefused", l, { title, stage, reason: describeError(error, l) });
      // A sale the one who tried may override (a branch manager): ask again, for the reason.
      if (isBankcrmError(error, "sale_refused") && (error as { overridable?: boolean }).overridable)
        this.openAsk(base, "won", { error: describeError(error, l), override: true });
      this.dispatchEvent(new BankcrmOpportunityMoveErrorEvent({ opportunity: base, to, error }));
      return false;
    } finally {
      this.refresh();
      if (this.overlay.size === 0 && this.reloadAfterMoves) {
        this.reloadAfterMoves = false;
        void this.load();
      }
    }
  }

  private refresh() {
    this.arrange();
    this.requestUpdate();
  }

  /** Renders the rest of each column a step per frame after the first paint, so a large board shows at once. */
  private fill() {
    if (this.filling) return;
    const longest = Math.max(0, ...[...this.columns.values()].map((c) => c.length));
    if (this.window >= longest) return;
    this.filling = true;
    requestAnimationFrame(() =>
      setTimeout(() => {
        this.filling = false;
        this.window += WINDOW_STEP;
      }, 0),
    );
  }

  private openAsk(opportunity: Opportunity, to?: "won" | "lost", more: Pick<Ask, "error" | "override"> = {}) {
    this.ask = { opportunity, to, ...more };
    void this.updateComplete.then(() => {
      if (!this.dialog.open) this.dialog.showModal();
      this.dialog.querySelector<HTMLElement>("input, button")?.focus();
    });
  }

  private closeAsk() {
    const id = this.ask?.opportunity.id;
    this.ask = undefined;
    if (this.dialog?.open) this.dialog.close();
    if (id) this.focusAfter = id;
  }

  private onCardKey(e: KeyboardEvent, o: Opportunity) {
    const action = cardKeyAction(e.key, o.stage);
    if (!action) return;
    e.preventDefault();
    if (action === "ask") this.openAsk(o);
    else if (typeof action === "object") void this.move(o.id, action.move);
    else {
      const card = e.currentTarget as HTMLElement;
      const next = action === "next" ? card.nextElementSibling : card.previousElementSibling;
      (next as HTMLElement | null)?.focus();
    }
  }

  private onDrop(e: DragEvent, to: OpportunityStage) {
    e.preventDefault();
    const id = e.dataTransfer?.getData("text/plain");
    const o = id ? this.shownOf(id) : undefined;
    if (!o || o.stage === to) return;
    if (to === "won" || to === "lost") this.openAsk(o, to);
    else void this.move(o.id, to);
  }

  private async confirmAsk(e: SubmitEvent) {
    e.preventDefault();
    const ask = this.ask;
    if (!ask?.to) return;
    const l = this.effectiveLocale;
    const data = new FormData(e.currentTarget as HTMLFormElement);
    const answer = answerOf(ask.to, data, l);
    const sale =
      ask.to === "won" && saleAsked(ask.opportunity) ? saleAnswer(data, this.effectiveClient?.user.id ?? "", l) : {};
    if ("error" in answer || "error" in sale) {
      this.ask = { ...ask, error: "error" in answer ? answer.error : (sale as { error: string }).error };
      return;
    }
    this.closeAsk();
    await this.move(ask.opportunity.id, ask.to, { ...answer.details, ...sale });
  }

  private renderCard(o: Opportunity, l: Locale) {
    const owner = !this.ownerId && this.names[o.ownerId] ? this.names[o.ownerId] : undefined;
    const onKey = (e: KeyboardEvent) => this.onCardKey(e, o);
    return renderCard(o, l, { today: this.today, owner, pending: this.overlay.has(o.id), onKey });
  }

  private renderColumn(stage: OpportunityStage, l: Locale) {
    const list = this.columns.get(stage) ?? [];
    // Progressive: the first cards of each column in the first frame, the rest in the frames after (see `fill`).
    const shown = list.slice(0, isOpen(stage) ? this.window : Math.min(this.closedLimit, this.window));
    const f = this.forecast!.stages.find((s) => s.stage === stage);
    const headingId = `col-${stage}`;
    return html`<section
      part="column"
      class=${isOpen(stage) ? "column" : "column closed"}
      data-stage=${stage}
      aria-labelledby=${headingId}
      @dragover=${(e: DragEvent) => e.preventDefault()}
      @drop=${(e: DragEvent) => this.onDrop(e, stage)}
    >
      <h3 id=${headingId}>${labelIn(opportunityStageLabels, stage, l)} <span class="count">${list.length}</span></h3>
      ${f ? html`<p class="muted figures">${figures(f, l, this.forecast!.currency)}</p>` : nothing}
      <ul aria-labelledby=${headingId}>
        ${repeat(
          shown,
          (o) => o.id,
          // A card is rendered again only when its record, its pending state, the language or the day change.
          (o) =>
            guard([o, this.overlay.has(o.id), l, this.today, this.ownerId, this.names], () => this.renderCard(o, l)),
        )}
      </ul>
    </section>`;
  }

  /** A stage picked in the dialog: won and lost ask for the amount or the reason; any other moves at once. */
  private choose(o: Opportunity, to: OpportunityStage) {
    if (to === "won" || to === "lost") {
      this.ask = { opportunity: o, to };
      void this.updateComplete.then(() => this.dialog.querySelector<HTMLElement>("input")?.focus());
      return;
    }
    this.closeAsk();
    void this.move(o.id, to);
  }

  private renderDialog(l: Locale) {
    const on = { choose: (o: Opportunity, to: OpportunityStage) => this.choose(o, to), cancel: () => this.closeAsk() };
    return html`<dialog
      part="dialog"
      aria-labelledby="ask-h"
      @close=${() => this.ask && !this.dialog.open && this.closeAsk()}
    >
      ${renderAsk(this.ask, l, { ...on, confirm: (e: SubmitEvent) => void this.confirmAsk(e) })}
    </dialog>`;
  }

  override render() {
    const l = this.effectiveLocale;
    const waiting = this.loadingOrError(this.records.loading, this.records.error);
    if (waiting) return waiting;
    if (!this.forecast) this.arrange();
    const empty = this.items.length === 0;
    return html`<section part="base" aria-labelledby="title">
      <h2 id="title">${say("pipelineTitle", l)}</h2>
      ${renderSummary(this.forecast!, l)}
      <p id="keys" class="visually-hidden">${say("pipelineKeys", l)}</p>
      ${empty ? html`<p class="muted" data-empty>${say("pipelineEmpty", l)}</p>` : nothing}
      <div class="board" role="region" tabindex="0" aria-label=${say("pipelineBoard", l)}>
        ${COLUMNS.map((s) => {
          const f = this.forecast!.stages.find((x) => x.stage === s);
          return guard(
            [
              this.columns.get(s),
              f?.count,
              f?.amount,
              f?.weighted,
              l,
              this.window,
              this.closedLimit,
              this.today,
              this.names,
            ],
            () => this.renderColumn(s, l),
          );
        })}
      </div>
      <p part="status" role="status">${this.announce}</p>
      <p role="alert" class="error">${this.alertText}</p>
      ${this.renderDialog(l)}
    </section>`;
  }
}
