/**
 * The desk's three steps as views of the desk's state: find the caller (masked
 * candidates), verify them (nothing shown that is checked), and the call —
 * the card, offers with their reasons, cases, the call's work, the rating, the
 * customer form and the timeline.
 */
import { html, nothing, type TemplateResult } from "lit";
import { type AssociationRule, type Customer, type Locale } from "@bankcrm/core";
import { PRODUCTS } from "@bankcrm/core/demo";
import type { TextKey } from "./messages.js";

type Say = (key: TextKey, values?: Record<string, string | number>) => string;

export interface FindView {
  t: Say;
  searched: boolean;
  candidates: readonly Customer[];
  find: (e: SubmitEvent) => void;
  pick: (c: Customer) => void;
}

export interface VerifyView {
  t: Say;
  picked: Customer;
  locked: boolean;
  verifyText: string;
  verify: (e: SubmitEvent) => void;
  endCall: () => void;
}

export interface CallView {
  t: Say;
  locale: Locale;
  picked: Customer;
  now: Date;
  /** When the call was answered: the contact logged records its handling time. */
  callStartedAt: Date | undefined;
  /** Cross-sell rules mined over the book's holdings (the offer list ranks with them). */
  rules: readonly AssociationRule[];
  surveyCase: string | undefined;
  /** A case resolved on the call: ask the caller for their rating. */
  survey: (caseId: string) => void;
  endCall: () => void;
}

export function findView(v: FindView): TemplateResult {
  return html`<h2 id="find-h">${v.t("findCaller")}</h2>
    <form class="find" role="search" aria-labelledby="find-h" @submit=${v.find}>
      <label
        >${v.t("findBy")}
        <input name="query" data-testid="caller-query" autocomplete="off" inputmode="numeric" maxlength="20" />
      </label>
      <button type="submit">${v.t("search")}</button>
    </form>
    ${
      v.searched
        ? v.candidates.length === 0
          ? html`<p role="status">${v.t("noCandidates")}</p>`
          : html`<p role="status">${v.t("candidates", { count: v.candidates.length })}</p>
              <ul class="candidates" data-testid="candidates">
                ${v.candidates.map(
                  (c) =>
                    html`<li>
                      <button type="button" data-customer-id=${c.id} @click=${() => v.pick(c)}>
                        ${c.name} · ${c.contact.mobile ?? "—"} · ${c.id}
                      </button>
                    </li>`,
                )}
              </ul>`
        : nothing
    }`;
}

export function verifyView(v: VerifyView): TemplateResult {
  const c = v.picked;
  const locked = v.locked;
  return html`<h2 id="verify-h">${v.t("verify", { name: c.name })}</h2>
    <p class="muted">${v.t(c.kind === "individual" ? "verifyAskPerson" : "verifyAskCompany")}</p>
    <form class="verify" aria-labelledby="verify-h" @submit=${v.verify}>
      <label
        >${v.t(c.kind === "individual" ? "birthDate" : "usccFirst4")}
        <input name="first" autocomplete="off" maxlength="10" ?disabled=${locked} />
      </label>
      <label
        >${v.t("idLast4")}
        <input name="last4" autocomplete="off" maxlength="4" ?disabled=${locked} />
      </label>
      <button type="submit" ?disabled=${locked}>${v.t("verifyButton")}</button>
      <button type="button" @click=${v.endCall}>${v.t("notThisCaller")}</button>
    </form>
    <p role="alert" class="error" data-testid="verify-result">${v.verifyText}</p>`;
}

export function callView(v: CallView): TemplateResult {
  const c = v.picked;
  const now = v.now;
  return html`<h2>${v.t("onCall", { name: c.name })}</h2>
    <button type="button" data-testid="end-call" @click=${v.endCall}>${v.t("endCall")}</button>
    <div class="grid">
      <bankcrm-customer-card customer-id=${c.id} reveal-reason=${v.t("revealReason")}></bankcrm-customer-card>
      <section data-testid="offers">
        <bankcrm-offer-list
          customer-id=${c.id}
          channel="call_center_inbound"
          .catalog=${PRODUCTS}
          .rules=${v.rules}
          .now=${now}
        ></bankcrm-offer-list>
      </section>
      <section data-testid="knowledge">
        <bankcrm-knowledge-search></bankcrm-knowledge-search>
      </section>
      <bankcrm-case-queue
        customer-id=${c.id}
        .now=${now}
        data-testid="cases"
        @bankcrm-case-change=${(e: CustomEvent<{ action: string; serviceCase: { id: string } }>) => {
          // A case resolved on the call: ask the caller for their rating there and then.
          if (e.detail.action === "resolve") v.survey(e.detail.serviceCase.id);
        }}
      ></bankcrm-case-queue>
      <bankcrm-case-form customer-id=${c.id} .now=${now}></bankcrm-case-form>
      <bankcrm-activity-form
        customer-id=${c.id}
        kind="call"
        channel="call_center_inbound"
        .startedAt=${v.callStartedAt}
        .now=${now}
      ></bankcrm-activity-form>
      <bankcrm-task-list customer-id=${c.id} .now=${now}></bankcrm-task-list>
      <section aria-labelledby="survey-h">
        <h2 id="survey-h">${v.t("survey")}</h2>
        ${
          v.surveyCase
            ? html`<bankcrm-satisfaction-survey case-id=${v.surveyCase}></bankcrm-satisfaction-survey>`
            : html`<p class="muted">${v.t("surveyAfterResolve")}</p>`
        }
      </section>
      <bankcrm-customer-form customer-id=${c.id} .now=${now}></bankcrm-customer-form>
    </div>
    <h2>${v.t("timeline")}</h2>
    <bankcrm-customer-timeline customer-id=${c.id} now=${now.toISOString()}></bankcrm-customer-timeline>`;
}
