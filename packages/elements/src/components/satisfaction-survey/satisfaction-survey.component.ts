import { html, nothing, type PropertyValues } from "lit";
import { property, state } from "lit/decorators.js";
import { serviceStatistics, type ServiceCase } from "@bankcrm/core";
import { BankcrmCaseChangeEvent } from "../../events/case-events.js";
import { formText } from "../../internal/format.js";
import { failure, writeOutcome } from "../../internal/records.js";
import { sayService } from "../../i18n/satisfaction-survey-messages.js";
import { BankcrmContextElement } from "../base/context-element.js";
import { satisfactionSurveyStyles } from "./satisfaction-survey.styles.js";

const SCORES = [1, 2, 3, 4, 5] as const;

/**
 * After a case is resolved (客户满意度): a rating from 1 to 5 and a comment,
 * written onto the case through the client — where the branch's statistics
 * (core `serviceStatistics`: CSAT and response rate) read it. Small enough to
 * embed in internet banking. Given `summaryOf` cases, it shows their CSAT.
 *
 * @tagname bankcrm-satisfaction-survey
 * @summary A 1–5 rating and comment on a resolved case, feeding the case and CSAT.
 *
 * @csspart form - The survey.
 * @csspart scores - The five choices.
 * @csspart summary - CSAT of `summaryOf`.
 * @csspart status - The live region saying what happened.
 *
 * @event bankcrm-case-change - The rating was recorded (`detail.action` "rated").
 */
export class BankcrmSatisfactionSurvey extends BankcrmContextElement {
  static override styles = satisfactionSurveyStyles;

  /** The case rated. */
  @property({ attribute: "case-id" }) caseId: string | undefined;

  /** Cases whose CSAT and response rate to show beneath (e.g. the branch's this month). */
  @property({ attribute: false }) summaryOf: readonly ServiceCase[] | undefined;

  @state() private serviceCase: ServiceCase | undefined;
  @state() private score: number | undefined;
  @state() private statusText = "";
  @state() private error = "";
  @state() private busy = false;
  @state() private done = false;

  override willUpdate(changed: PropertyValues<this>) {
    const typed = changed as Map<PropertyKey, unknown>;
    if ((this.clientChanged(typed) || typed.has("caseId")) && this.caseId) void this.load();
  }

  private async load() {
    const repo = this.effectiveClient?.serviceCases;
    const id = this.caseId;
    if (!repo || !id) return;
    const found = await this.find(id).catch(() => undefined);
    if (id === this.caseId) {
      this.serviceCase = found;
      this.done = found?.satisfaction !== undefined;
    }
  }

  /** The case by id: the client's `get`, else its (scoped) list a page at a time. */
  private async find(id: string): Promise<ServiceCase | undefined> {
    const repo = this.effectiveClient!.serviceCases!;
    if (repo.get) return repo.get(id);
    let after: string | undefined;
    do {
      const page = await repo.list({ limit: 500, ...(after ? { after } : {}) });
      const hit = page.items.find((c) => c.id === id);
      if (hit) return hit;
      after = page.next;
    } while (after);
    return undefined;
  }

  private async onSubmit(e: SubmitEvent) {
    e.preventDefault();
    const l = this.effectiveLocale;
    const c = this.serviceCase;
    const repo = this.effectiveClient?.serviceCases;
    if (this.busy || !c || !repo) return;
    if (this.score === undefined) {
      this.error = sayService("required", l);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLInputElement>('input[name="score"]')?.focus();
      return;
    }
    const comment = formText(new FormData(e.currentTarget as HTMLFormElement), "comment").trim();
    this.busy = true;
    this.error = "";
    try {
      const result = await repo.update(
        c.id,
        { satisfaction: this.score, ...(comment ? { satisfactionComment: comment } : {}) },
        { expectedVersion: c.version ?? 0 },
      );
      this.statusText =
        result.status === "saved"
          ? sayService("surveyThanks", l)
          : writeOutcome(result, sayService("surveyThanks", l), l);
      if (result.status === "saved" || result.status === "queued") {
        this.done = true;
        this.serviceCase = result.record;
        this.dispatchEvent(
          new BankcrmCaseChangeEvent({ serviceCase: result.record, action: "rated", status: result.status }),
        );
      }
    } catch (error) {
      this.statusText = failure(error, l);
    } finally {
      this.busy = false;
    }
  }

  private renderSummary() {
    if (!this.summaryOf) return nothing;
    const l = this.effectiveLocale;
    const s = serviceStatistics(this.summaryOf, { asOf: new Date() }).satisfaction;
    const pct = (x: number | undefined) =>
      x === undefined ? "—" : new Intl.NumberFormat(l, { style: "percent", maximumFractionDigits: 0 }).format(x);
    return html`<p part="summary" class="muted">
      ${sayService("surveySummary", l, { csat: pct(s.csat), responses: s.responses, rate: pct(s.responseRate) })}
    </p>`;
  }

  override render() {
    const l = this.effectiveLocale;
    if (!this.effectiveClient?.serviceCases) return html`<p role="status">${sayService("noClient", l)}</p>`;
    const c = this.serviceCase;
    if (!c) return html`<div role="status" aria-busy="true">${sayService("loading", l)}</div>`;
    const resolved = c.status === "resolved" || c.status === "closed";
    return html`<form part="form" novalidate aria-labelledby="title" @submit=${this.onSubmit}>
      <h2 id="title">${sayService("surveyTitle", l)}</h2>
      <p class="muted">${sayService("surveyCase", l, { subject: c.subject })}</p>
      ${
        !resolved
          ? html`<p role="status">${sayService("surveyNotResolved", l)}</p>`
          : this.done
            ? html`<p data-rated=${String(c.satisfaction ?? "")}>
                ${sayService("surveyAlready", l, { n: c.satisfaction ?? "" })}
              </p>`
            : html`<fieldset part="scores" aria-describedby=${this.error ? "score-error" : nothing}>
                  <legend>${sayService("surveyRating", l)}</legend>
                  ${SCORES.map(
                    (n) =>
                      html`<label class="score"
                        ><input
                          type="radio"
                          name="score"
                          value=${n}
                          aria-invalid=${this.error ? "true" : "false"}
                          .checked=${this.score === n}
                          @change=${() => {
                            this.score = n;
                            this.error = "";
                          }}
                        /><span>${sayService("surveyStars", l, { n })}</span></label
                      >`,
                  )}
                </fieldset>
                ${this.error ? html`<p class="error" id="score-error">${this.error}</p>` : nothing}
                <label class="field"
                  >${sayService("surveyComment", l)}
                  <textarea name="comment" rows="2" maxlength="500"></textarea>
                </label>
                <div><button type="submit" ?disabled=${this.busy}>${sayService("surveySubmit", l)}</button></div>`
      }
      <p part="status" role="status">${this.statusText}</p>
      ${this.renderSummary()}
    </form>`;
  }
}
