/**
 * What the pipeline shows, as pure templates over what they are given: the
 * stages and their order, the forecast's figures and summary, one card, and the
 * move / won / lost dialog. The element keeps the state (the board, moves in
 * flight, the dialog's question) and the handlers; these only render them.
 */
import { html, nothing } from "lit";
import {
  bankDay,
  DAY_MS,
  labelIn,
  OPEN_STAGES,
  type Locale,
  type Opportunity,
  type OpportunityStage,
  type PipelineFigures,
  type PipelineForecast,
} from "@bankcrm/core";
import { opportunityStageLabels, productTypeLabels } from "@bankcrm/core/i18n";
import { compactMoney, formText, yuanToFen } from "../../internal/format.js";
import { say } from "../../i18n/pipeline-messages.js";
import { renderSaleFields, saleAsked } from "./pipeline-sale.js";

export type OpenStage = (typeof OPEN_STAGES)[number];
const CLOSED = ["won", "lost"] as const;
/** The board's columns, left to right. */
export const COLUMNS: readonly OpportunityStage[] = [...OPEN_STAGES, ...CLOSED];
export const isOpen = (stage: string): stage is OpenStage => (OPEN_STAGES as readonly string[]).includes(stage);
/** Soonest close first (ties by id). */
export const byClose = (a: Opportunity, b: Opportunity) =>
  a.expectedClose < b.expectedClose ? -1 : a.expectedClose > b.expectedClose ? 1 : a.id < b.id ? -1 : 1;

/** The question the dialog asks: where to move a card, or (won / lost) the amount or the reason. */
export interface Ask {
  opportunity: Opportunity;
  to: "won" | "lost" | undefined;
  error?: string;
  /** The sale was refused and the one who tried may override it: the dialog asks for the reason. */
  override?: boolean;
}

export function figures(f: PipelineFigures, l: Locale, currency: string) {
  return say("pipelineFigures", l, {
    count: f.count,
    amount: compactMoney(f.amount, currency, l),
    weighted: compactMoney(f.weighted, currency, l),
  });
}

/** The totals, the month's and the quarter's forecast, and how many close dates have passed. */
export function renderSummary(f: PipelineForecast, l: Locale) {
  return html`<dl part="summary">
    <div>
      <dt>${say("pipelineTotal", l)}</dt>
      <dd data-figure="total">${figures(f.total, l, f.currency)}</dd>
    </div>
    <div>
      <dt>${say("pipelineMonth", l)}</dt>
      <dd data-figure="month">${figures(f.thisMonth, l, f.currency)}</dd>
    </div>
    <div>
      <dt>${say("pipelineQuarter", l)}</dt>
      <dd data-figure="quarter">${figures(f.thisQuarter, l, f.currency)}</dd>
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

/** One opportunity: title, product and owner, amount and probability, its close date (late ones flagged). */
export function renderCard(
  o: Opportunity,
  l: Locale,
  c: { today: string; owner: string | undefined; pending: boolean; onKey: (e: KeyboardEvent) => void },
) {
  const late = isOpen(o.stage) && o.expectedClose < c.today;
  const days = late ? Math.round((Date.parse(c.today) - Date.parse(o.expectedClose)) / DAY_MS) : 0;
  return html`<li
    part="card"
    class=${late ? "card late-card" : "card"}
    tabindex="0"
    draggable=${isOpen(o.stage) ? "true" : "false"}
    data-id=${o.id}
    aria-describedby="keys"
    aria-busy=${c.pending ? "true" : "false"}
    @keydown=${c.onKey}
    @dragstart=${(e: DragEvent) => e.dataTransfer?.setData("text/plain", o.id)}
  >
    <strong><bdi>${o.title}</bdi></strong>
    <span class="muted"
      >${labelIn(productTypeLabels, o.productType, l)}${c.owner ? html` · <bdi>${c.owner}</bdi>` : ""}</span
    >
    <span
      >${
        // A role without C2 (marketing) gets the record without its amount.
        (o as Partial<Opportunity>).amount ? compactMoney(o.amount.amount, o.amount.currency, l) : "—"
      }
      · ${Math.round(o.probability * 100)}%</span
    >
    <span class=${late ? "late" : "muted"}
      >${
        late
          ? say("pipelineLate", l, { date: o.expectedClose, days })
          : say("pipelineCloses", l, { date: o.closedAt ? bankDay(o.closedAt) : o.expectedClose })
      }</span
    >
  </li>`;
}

/** The dialog's content: every other stage to move to, or the won amount / lost reason to confirm. */
export function renderAsk(
  ask: Ask | undefined,
  l: Locale,
  on: { choose: (o: Opportunity, to: OpportunityStage) => void; cancel: () => void; confirm: (e: SubmitEvent) => void },
) {
  const o = ask?.opportunity;
  if (!ask || !o) return nothing;
  if (ask.to === undefined)
    return html`<h3 id="ask-h">${say("pipelineMoveTo", l, { title: o.title })}</h3>
      <div class="targets">
        ${COLUMNS.filter((s) => s !== o.stage).map(
          (s) =>
            html`<button type="button" data-to=${s} @click=${() => on.choose(o, s)}>
              ${labelIn(opportunityStageLabels, s, l)}
            </button>`,
        )}
        <button type="button" @click=${on.cancel}>${say("cancel", l)}</button>
      </div>`;
  const invalid = ask.error ? "true" : "false";
  const describedBy = ask.error ? "ask-error" : nothing;
  return html`<form @submit=${on.confirm} novalidate>
    <h3 id="ask-h">${say(ask.to === "won" ? "pipelineWinTitle" : "pipelineLoseTitle", l, { title: o.title })}</h3>
    <label class="field"
      >${say(ask.to === "won" ? "pipelineWonAmount" : "pipelineLostReason", l)}
      ${
        ask.to === "won"
          ? html`<input
              name="amount"
              inputmode="decimal"
              autocomplete="off"
              .value=${(o as Partial<Opportunity>).amount ? String(o.amount.amount / 100) : ""}
              aria-invalid=${invalid}
              aria-describedby=${describedBy}
            />`
          : html`<input name="reason" maxlength="200" aria-invalid=${invalid} aria-describedby=${describedBy} />`
      }
    </label>
    ${ask.to === "won" && saleAsked(o) ? renderSaleFields(o, l, ask.override === true) : nothing}
    ${ask.error ? html`<p class="error" id="ask-error">${ask.error}</p>` : nothing}
    <div class="actions">
      <button type="submit" data-action="confirm">${say("confirm", l)}</button>
      <button type="button" @click=${on.cancel}>${say("cancel", l)}</button>
    </div>
  </form>`;
}

/** What a key does on a card: ← / → move it one open stage, Enter or Space opens the dialog, ↑ / ↓ walk the column. */
export function cardKeyAction(
  key: string,
  stage: OpportunityStage,
): { move: OpenStage } | "ask" | "next" | "previous" | undefined {
  const index = isOpen(stage) ? OPEN_STAGES.indexOf(stage) : -1;
  if (key === "ArrowDown") return "next";
  if (key === "ArrowUp") return "previous";
  if (index < 0) return undefined; // a closed card only walks its column
  if (key === "ArrowRight" && index < OPEN_STAGES.length - 1) return { move: OPEN_STAGES[index + 1]! };
  if (key === "ArrowLeft" && index > 0) return { move: OPEN_STAGES[index - 1]! };
  return key === "Enter" || key === " " ? "ask" : undefined;
}

/** The dialog's answer: the won amount (yuan, typed) in fen or the lost reason — or what is wrong with it. */
export function answerOf(
  to: "won" | "lost",
  data: FormData,
  l: Locale,
): { error: string } | { details: { amount: number } | { reason: string } } {
  if (to === "won") {
    const fen = yuanToFen(formText(data, "amount"));
    return fen === undefined || Number.isNaN(fen) || fen <= 0
      ? { error: say("invalidAmount", l) }
      : { details: { amount: fen } };
  }
  const reason = formText(data, "reason").trim();
  return reason === "" ? { error: say("required", l) } : { details: { reason } };
}

/**
 * The board's columns: each stage's cards soonest close first (closed ones most recently closed first). A column
 * whose cards are unchanged keeps its array from `before`, so its render is skipped: a move redraws two columns.
 */
export function columnsOf(
  cards: Iterable<Opportunity>,
  before: ReadonlyMap<OpportunityStage, Opportunity[]>,
): Map<OpportunityStage, Opportunity[]> {
  const columns = new Map<OpportunityStage, Opportunity[]>(COLUMNS.map((s) => [s, []]));
  for (const o of cards) columns.get(o.stage)?.push(o);
  for (const [stage, list] of columns) {
    list.sort(byClose);
    if (!isOpen(stage)) list.sort((a, b) => (b.closedAt ?? "").localeCompare(a.closedAt ?? "") || byClose(a, b));
    const was = before.get(stage);
    if (was && was.length === list.length && was.every((o, i) => o === list[i])) columns.set(stage, was);
  }
  return columns;
}
