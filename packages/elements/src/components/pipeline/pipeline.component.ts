import { html, nothing, type PropertyValues } from "lit";
import { property, query, state } from "lit/decorators.js";
import { repeat } from "lit/directives/repeat.js";
import {
  DAY_MS,
  DEFAULT_STAGE_PROBABILITY,
  OPEN_STAGES,
  bankDay,
  describeError,
  forecastPipeline,
  labelIn,
  opportunityStageLabels,
  productTypeLabels,
  type Locale,
  type Opportunity,
  type OpportunityStage,
  type PipelineFigures,
  type PipelineForecast,
} from "@bankcrm/core";
import { say } from "../../internal/say.js";
import {
  BankcrmOpportunityMoveErrorEvent,
  BankcrmOpportunityMoveEvent,
  BankcrmOpportunityMovedEvent,
} from "../../events/pipeline-events.js";
import { listAll, writeOutcome } from "../../internal/records.js";
import { compactMoney, yuanToFen } from "../../internal/format.js";
import { BankcrmContextElement } from "../base/context-element.js";
import { pipelineStyles } from "./pipeline.styles.js";

type OpenStage = (typeof OPEN_STAGES)[number];
const CLOSED = ["won", "lost"] as const;
const COLUMNS: readonly OpportunityStage[] = [...OPEN_STAGES, ...CLOSED];
const isOpen = (stage: string): stage is OpenStage => (OPEN_STAGES as readonly string[]).includes(stage);
const byClose = (a: Opportunity, b: Opportunity) =>
  a.expectedClose < b.expectedClose ? -1 : a.expectedClose > b.expectedClose ? 1 : a.id < b.id ? -1 : 1;

interface Ask {
  opportunity: Opportunity;
  to: "won" | "lost" | undefined;
  error?: string;
}

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
 *
 * @tagname bankcrm-pipeline
 * @summary Opportunities by stage with forecasts; cards moved by keyboard or pointer through the client.
 *
 * @csspart base - The whole board.
 * @csspart summary - The totals, month and quarter.
 * @csspart column - One stage's column.
 * @csspart card - One opportunity.
 * @csspart dialog - The move / won / lost dialog.
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
  @state() private loading = false;
  @state() private error: string | undefined;
  @state() private announce = "";
  @state() private alertText = "";
  @state() private ask: Ask | undefined;
  @query("dialog") private dialog!: HTMLDialogElement;
  private pending = new Set<string>();
  private forecast: PipelineForecast | undefined;
  private columns = new Map<OpportunityStage, Opportunity[]>();
  private unsubscribe: (() => void) | undefined;
  private loadSeq = 0;
  private focusAfter: string | undefined;

  private get today(): string {
    return bankDay(this.now ?? new Date());
  }

  override willUpdate(changed: PropertyValues<this>) {
    const typed = changed as Map<PropertyKey, unknown>;
    if (typed.has("opportunities") && this.opportunities) this.items = [...this.opportunities];
    if (
      this.opportunities === undefined &&
      (this.clientChanged(typed) || typed.has("ownerId") || typed.has("customerId"))
    ) {
      this.unsubscribe?.();
      this.unsubscribe = this.effectiveClient?.on?.("change", (e) => {
        if (e.collection === "opportunities" && this.pending.size === 0) void this.load();
      });
      void this.load();
    }
    if (typed.has("items") || typed.has("now") || typed.has("ownerId") || typed.has("customerId")) this.arrange();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  override updated() {
    if (this.focusAfter) {
      this.renderRoot.querySelector<HTMLElement>(`[data-id="${CSS.escape(this.focusAfter)}"]`)?.focus();
      this.focusAfter = undefined;
    }
  }

  /** Reads the opportunities again from the client. */
  async load(): Promise<void> {
    const repo = this.effectiveClient?.opportunities;
    if (!repo) return;
    const seq = ++this.loadSeq;
    this.loading = this.items.length === 0;
    try {
      const all = await listAll((q) => repo.list(q), this.customerId ? { customerId: this.customerId } : {}, 20_000);
      if (seq === this.loadSeq) {
        this.items = all.filter(
          (o) =>
            (!this.ownerId || o.ownerId === this.ownerId) && (!this.customerId || o.customerId === this.customerId),
        );
        this.error = undefined;
      }
    } catch (error) {
      if (seq === this.loadSeq) this.error = describeError(error, this.effectiveLocale);
    } finally {
      if (seq === this.loadSeq) this.loading = false;
    }
  }

  /** Columns and forecast from the items: once per change of the items, not per render. */
  private arrange() {
    const columns = new Map<OpportunityStage, Opportunity[]>(COLUMNS.map((s) => [s, []]));
    for (const o of this.items) {
      if (this.opportunities && this.ownerId && o.ownerId !== this.ownerId) continue;
      if (this.opportunities && this.customerId && o.customerId !== this.customerId) continue;
      columns.get(o.stage)?.push(o);
    }
    for (const [stage, list] of columns) {
      list.sort(byClose);
      // Closed columns: the most recently closed first (a limited number is shown).
      if (!isOpen(stage)) list.sort((a, b) => (b.closedAt ?? "").localeCompare(a.closedAt ?? "") || byClose(a, b));
    }
    this.columns = columns;
    this.forecast = forecastPipeline(
      [...columns.values()].flat().filter((o) => isOpen(o.stage)),
      { asOf: this.today },
    );
  }

  /**
   * Moves an opportunity: shown at once, then written through the client; put
   * back with the reason if the write is refused. `details`: `amount` (fen) for
   * won, `reason` for lost.
   */
  async move(id: string, to: OpportunityStage, details: { amount?: number; reason?: string } = {}): Promise<boolean> {
    const l = this.effectiveLocale;
    const before = this.items.find((o) => o.id === id);
    const repo = this.effectiveClient?.opportunities;
    if (!before || before.stage === to || !isOpen(before.stage) || this.pending.has(id)) return false;
    if (!repo) {
      this.alertText = say("noClient", l);
      return false;
    }
    if (!this.dispatchEvent(new BankcrmOpportunityMoveEvent({ opportunity: before, to }))) return false;
    const at = (this.now ?? new Date()).toISOString();
    const shown: Opportunity =
      to === "won"
        ? {
            ...before,
            stage: to,
            probability: 1,
            closedAt: at,
            amount: { ...before.amount, amount: details.amount ?? before.amount.amount },
          }
        : to === "lost"
          ? { ...before, stage: to, probability: 0, closedAt: at, lostReason: details.reason ?? "" }
          : { ...before, stage: to, probability: DEFAULT_STAGE_PROBABILITY[to] };
    this.pending.add(id);
    this.replace(shown);
    this.alertText = "";
    this.focusAfter = id;
    const stage = labelIn(opportunityStageLabels, to, l);
    try {
      const event = to === "won" ? "win" : to === "lost" ? "lose" : "move";
      const input =
        to === "won"
          ? { amount: { amount: details.amount ?? before.amount.amount, currency: before.amount.currency } }
          : to === "lost"
            ? { reason: details.reason ?? "" }
            : { stage: to };
      const result = await repo.transition(id, event, { ...input, expectedVersion: before.version ?? 0 });
      if (result.status === "failed" || result.status === "conflict") throw new Error(result.reason ?? result.status);
      this.replace(result.record);
      this.announce = `${say("pipelineMoved", l, { title: before.title, stage })} ${
        result.status === "queued" ? writeOutcome(result, "pipelineMoved", l) : ""
      }`.trim();
      this.dispatchEvent(new BankcrmOpportunityMovedEvent({ opportunity: result.record, status: result.status }));
      return true;
    } catch (error) {
      this.replace(before);
      this.focusAfter = id;
      this.alertText = say("pipelineMoveRefused", l, {
        title: before.title,
        stage,
        reason: describeError(error, l),
      });
      this.dispatchEvent(new BankcrmOpportunityMoveErrorEvent({ opportunity: before, to, error }));
      return false;
    } finally {
      this.pending.delete(id);
    }
  }

  private replace(record: Opportunity) {
    this.items = this.items.map((o) => (o.id === record.id ? record : o));
  }

  private openAsk(opportunity: Opportunity, to?: "won" | "lost") {
    this.ask = { opportunity, to };
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
    if (!isOpen(o.stage) && e.key !== "ArrowUp" && e.key !== "ArrowDown") return;
    const index = isOpen(o.stage) ? OPEN_STAGES.indexOf(o.stage) : -1;
    if (e.key === "ArrowRight" && index >= 0 && index < OPEN_STAGES.length - 1) {
      e.preventDefault();
      void this.move(o.id, OPEN_STAGES[index + 1]!);
    } else if (e.key === "ArrowLeft" && index > 0) {
      e.preventDefault();
      void this.move(o.id, OPEN_STAGES[index - 1]!);
    } else if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      this.openAsk(o);
    } else if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      const card = e.currentTarget as HTMLElement;
      const next = (
        e.key === "ArrowDown" ? card.nextElementSibling : card.previousElementSibling
      ) as HTMLElement | null;
      next?.focus();
    }
  }

  private onDrop(e: DragEvent, to: OpportunityStage) {
    e.preventDefault();
    const id = e.dataTransfer?.getData("text/plain");
    const o = id ? this.items.find((x) => x.id === id) : undefined;
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
    if (ask.to === "won") {
      const fen = yuanToFen(String(data.get("amount") ?? ""));
      if (fen === undefined || Number.isNaN(fen) || fen <= 0) {
        this.ask = { ...ask, error: say("invalidAmount", l) };
        return;
      }
      this.closeAsk();
      await this.move(ask.opportunity.id, "won", { amount: fen });
    } else {
      const reason = String(data.get("reason") ?? "").trim();
      if (reason === "") {
        this.ask = { ...ask, error: say("required", l) };
        return;
      }
      this.closeAsk();
      await this.move(ask.opportunity.id, "lost", { reason });
    }
  }

  private figures(f: PipelineFigures, l: Locale, currency: string) {
    return say("pipelineFigures", l, {
      count: f.count,
      amount: compactMoney(f.amount, currency, l),
      weighted: compactMoney(f.weighted, currency, l),
    });
  }

  private renderSummary(l: Locale) {
    const f = this.forecast!;
    const today = this.today;
    const month = f.months.find((m) => m.period === today.slice(0, 7));
    const quarterKey = `${today.slice(0, 4)}-Q${Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1}`;
    const quarter = f.quarters.find((q) => q.period === quarterKey);
    const zero = { count: 0, amount: 0, weighted: 0 };
    return html`<dl part="summary">
      <div>
        <dt>${say("pipelineTotal", l)}</dt>
        <dd data-figure="total">${this.figures(f.total, l, f.currency)}</dd>
      </div>
      <div>
        <dt>${say("pipelineMonth", l)}</dt>
        <dd data-figure="month">${this.figures(month ?? zero, l, f.currency)}</dd>
      </div>
      <div>
        <dt>${say("pipelineQuarter", l)}</dt>
        <dd data-figure="quarter">${this.figures(quarter ?? zero, l, f.currency)}</dd>
      </div>
      ${
        f.overdue.length > 0
          ? html`<div class="late">
              <dt>${say("pipelinePastClose", l)}</dt>
              <dd data-figure="overdue">${f.overdue.length}</dd>
            </div>`
          : nothing
      }
    </dl>`;
  }

  private renderCard(o: Opportunity, l: Locale) {
    const late = isOpen(o.stage) && o.expectedClose < this.today;
    const days = late ? Math.round((Date.parse(this.today) - Date.parse(o.expectedClose)) / DAY_MS) : 0;
    const owner = !this.ownerId && this.names[o.ownerId] ? this.names[o.ownerId] : undefined;
    return html`<li
      part="card"
      class=${late ? "card late-card" : "card"}
      tabindex="0"
      draggable=${isOpen(o.stage) ? "true" : "false"}
      data-id=${o.id}
      aria-describedby="keys"
      aria-busy=${this.pending.has(o.id) ? "true" : "false"}
      @keydown=${(e: KeyboardEvent) => this.onCardKey(e, o)}
      @dragstart=${(e: DragEvent) => e.dataTransfer?.setData("text/plain", o.id)}
    >
      <strong>${o.title}</strong>
      <span class="muted">${labelIn(productTypeLabels, o.productType, l)}${owner ? ` · ${owner}` : ""}</span>
      <span>${compactMoney(o.amount.amount, o.amount.currency, l)} · ${Math.round(o.probability * 100)}%</span>
      <span class=${late ? "late" : "muted"}
        >${
          late
            ? say("pipelineLate", l, { date: o.expectedClose, days })
            : say("pipelineCloses", l, { date: o.closedAt ? bankDay(o.closedAt) : o.expectedClose })
        }</span
      >
    </li>`;
  }

  private renderColumn(stage: OpportunityStage, l: Locale) {
    const list = this.columns.get(stage) ?? [];
    const shown = isOpen(stage) ? list : list.slice(0, this.closedLimit);
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
      ${f ? html`<p class="muted figures">${this.figures(f, l, this.forecast!.currency)}</p>` : nothing}
      <ul aria-labelledby=${headingId}>
        ${repeat(
          shown,
          (o) => o.id,
          (o) => this.renderCard(o, l),
        )}
      </ul>
    </section>`;
  }

  private renderDialog(l: Locale) {
    const ask = this.ask;
    const o = ask?.opportunity;
    return html`<dialog part="dialog" aria-labelledby="ask-h" @close=${() => this.ask && this.closeAsk()}>
      ${
        !o
          ? nothing
          : ask.to === undefined
            ? html`<h3 id="ask-h">${say("pipelineMoveTo", l, { title: o.title })}</h3>
                <div class="targets">
                  ${COLUMNS.filter((s) => s !== o.stage).map(
                    (s) =>
                      html`<button
                        type="button"
                        data-to=${s}
                        @click=${() => {
                          if (s === "won" || s === "lost") this.ask = { opportunity: o, to: s };
                          else {
                            this.closeAsk();
                            void this.move(o.id, s);
                          }
                          if (s === "won" || s === "lost")
                            void this.updateComplete.then(() =>
                              this.dialog.querySelector<HTMLElement>("input")?.focus(),
                            );
                        }}
                      >
                        ${labelIn(opportunityStageLabels, s, l)}
                      </button>`,
                  )}
                  <button type="button" @click=${() => this.closeAsk()}>${say("cancel", l)}</button>
                </div>`
            : html`<form @submit=${this.confirmAsk} novalidate>
                <h3 id="ask-h">
                  ${say(ask.to === "won" ? "pipelineWinTitle" : "pipelineLoseTitle", l, { title: o.title })}
                </h3>
                <label class="field"
                  >${say(ask.to === "won" ? "pipelineWonAmount" : "pipelineLostReason", l)}
                  ${
                    ask.to === "won"
                      ? html`<input
                          name="amount"
                          inputmode="decimal"
                          autocomplete="off"
                          .value=${String(o.amount.amount / 100)}
                          aria-invalid=${ask.error ? "true" : "false"}
                          aria-describedby=${ask.error ? "ask-error" : nothing}
                        />`
                      : html`<input
                          name="reason"
                          maxlength="200"
                          aria-invalid=${ask.error ? "true" : "false"}
                          aria-describedby=${ask.error ? "ask-error" : nothing}
                        />`
                  }
                </label>
                ${ask.error ? html`<p class="error" id="ask-error">${ask.error}</p>` : nothing}
                <div class="actions">
                  <button type="submit" data-action="confirm">${say("confirm", l)}</button>
                  <button type="button" @click=${() => this.closeAsk()}>${say("cancel", l)}</button>
                </div>
              </form>`
      }
    </dialog>`;
  }

  override render() {
    const l = this.effectiveLocale;
    const waiting = this.loadingOrError(this.loading, this.error);
    if (waiting) return waiting;
    if (!this.forecast) this.arrange();
    const empty = this.items.length === 0;
    return html`<section part="base" aria-labelledby="title">
      <h2 id="title">${say("pipelineTitle", l)}</h2>
      ${this.renderSummary(l)}
      <p id="keys" class="visually-hidden">${say("pipelineKeys", l)}</p>
      ${empty ? html`<p class="muted" data-empty>${say("pipelineEmpty", l)}</p>` : nothing}
      <div class="board" role="region" tabindex="0" aria-label=${say("pipelineBoard", l)}>
        ${COLUMNS.map((s) => this.renderColumn(s, l))}
      </div>
      <p part="status" role="status">${this.announce}</p>
      <p role="alert" class="error">${this.alertText}</p>
      ${this.renderDialog(l)}
    </section>`;
  }
}
