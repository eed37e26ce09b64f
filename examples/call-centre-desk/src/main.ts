/**
 * The call-centre desk (呼叫中心坐席) — an agent's desk for the service-agent
 * demo user, built from the same packages as the workstation: find the caller
 * by mobile, bank card, or the last four digits of their mobile or ID (masked candidates),
 * verify them with questions before anything is shown, then one compact view —
 * the card, open cases with their working-day limits, the recent timeline,
 * offers worth mentioning with their suitability reasons — and the call's work:
 * log the call, open a case, schedule a call-back, record the caller's rating.
 *
 * Embedded: the demo customers are generated into this browser's IndexedDB
 * (encrypted) on the first start. `?today=2026-09-30` sets the desk's clock to a
 * day of the demo (time limits across National Day, say); `?customers=N`.
 */
import { LitElement, css, html, nothing } from "lit";
import { state } from "lit/decorators.js";
import {
  BRANCHES,
  DEMO_AS_OF,
  PRODUCTS,
  generateCustomerHistory,
  generateDemoCustomers,
  generateStaff,
  isValidBankCardNumber,
  normalizeBankCardNumber,
  labelIn,
  mineAssociationRules,
  nextBestOffers,
  productTypeLabels,
  resolveLocale,
  riskToleranceLabels,
  type AssociationRule,
  type Customer,
  type Locale,
  type NextBestOffers,
} from "@bankcrm/core";
import { createCrmClient, createIndexedDbStore, type CrmClient, type IndexedDbStore } from "@bankcrm/data";
import "@bankcrm/elements/provider.js";
import "@bankcrm/elements/customer-card.js";
import "@bankcrm/elements/customer-timeline.js";
import "@bankcrm/elements/case-form.js";
import "@bankcrm/elements/case-queue.js";
import "@bankcrm/elements/activity-form.js";
import "@bankcrm/elements/task-list.js";
import "@bankcrm/elements/satisfaction-survey.js";
import "@bankcrm/elements/customer-form.js";
import { text, type TextKey } from "./messages.js";
// The workstation's page and control styles: one look for the bank's two hosts.
import { controlStyles, pageStyles } from "../../branch-workstation/src/panel-styles.js";

const params = new URLSearchParams(location.search);
const TOTAL = Math.max(10, Math.min(50_000, Number(params.get("customers") ?? 2000) || 2000));
const SEED = params.get("seed") ?? "bankcrm";
const DB_NAME = `bankcrm-desk-${SEED}-${TOTAL}`;
/**
 * The desk's clock: the real one, or a demo day from ?today=YYYY-MM-DD — that
 * day in Beijing at Beijing's current time of day, so the bank's day is the one
 * asked for whatever the hour (a UTC time of day put on the date would fall on
 * the next Beijing day from 16:00 UTC).
 */
const TODAY = params.get("today");
const clock = (): Date =>
  TODAY && /^\d{4}-\d{2}-\d{2}$/.test(TODAY)
    ? new Date(`${TODAY}T${new Date(Date.now() + 8 * 3_600_000).toISOString().slice(11, 19)}+08:00`)
    : new Date();
const AGENT = generateStaff(SEED).all.find((s) => s.role === "service_agent" && s.branchId === BRANCHES[0]!.id)!;
const MAX_ATTEMPTS = 3;

type Step = "opening" | "find" | "verify" | "call" | "error";

export class CallCentreDesk extends LitElement {
  static override styles = [
    pageStyles,
    controlStyles,
    css`
      h2 {
        font-size: 1rem;
        margin: 12px 0 6px;
      }
      form.find,
      form.verify {
        display: flex;
        flex-wrap: wrap;
        gap: 8px;
        align-items: end;
      }
      label {
        display: grid;
        gap: 2px;
      }
      ul.candidates {
        list-style: none;
        padding: 0;
        display: grid;
        gap: 6px;
      }
      .grid {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(380px, 1fr));
        gap: 12px;
        align-items: start;
      }
      .muted {
        color: var(--bankcrm-color-text-muted);
      }
      .error {
        color: var(--bankcrm-color-danger);
      }
    `,
  ];

  @state() private locale: Locale = resolveLocale(params.get("lang") ?? "zh-CN");
  @state() private step: Step = "opening";
  @state() private progress = 0;
  @state() private candidates: Customer[] = [];
  @state() private searched = false;
  @state() private picked: Customer | undefined;
  @state() private attempts = 0;
  @state() private verifyText = "";
  @state() private offers: NextBestOffers | undefined;
  @state() private surveyCase: string | undefined;
  @state() private errorText = "";
  private client: CrmClient | undefined;
  private store: IndexedDbStore | undefined;
  private rules: readonly AssociationRule[] = [];
  /**
   * Card and account numbers to their customer, from the demo's holdings: the
   * lookup a bank's card system answers (the stores have no such index). Kept
   * in memory only, never shown.
   */
  private cards = new Map<string, string>();

  private t(key: TextKey, values: Record<string, string | number> = {}) {
    return text(key, this.locale, values);
  }

  override connectedCallback() {
    super.connectedCallback();
    document.documentElement.lang = this.locale;
    void this.start();
  }

  /** The demo customers into IndexedDB once (in chunks, with progress), and the cross-sell rules of their holdings. */
  private async start() {
    try {
      this.store = await createIndexedDbStore({ name: DB_NAME, locale: this.locale });
      const baskets: string[][] = [];
      const have = (await this.store.listCustomers({ limit: 1 })).items.length > 0;
      for (let start = 0; start < TOTAL; start += 500) {
        const customers = generateDemoCustomers({ seed: SEED, start, count: Math.min(500, TOTAL - start) });
        if (!have) await this.store.importCustomers(customers);
        for (const c of customers) {
          const { holdings } = generateCustomerHistory(c, { seed: SEED, asOf: DEMO_AS_OF, detail: "holdings" });
          baskets.push([...new Set(holdings.map((h) => h.productType))]);
          for (const h of holdings) this.cards.set(h.accountNumber, c.id);
        }
        this.progress = Math.min(TOTAL, start + 500);
      }
      this.rules = mineAssociationRules(
        baskets.filter((b) => b.length > 0),
        {
          minSupport: 0.02,
          minConfidence: 0.2,
          minLength: 2,
          maxLength: 3,
        },
      );
      this.client = createCrmClient({
        store: this.store,
        user: { id: AGENT.id, role: AGENT.role, branchId: AGENT.branchId },
        locale: this.locale,
        now: clock,
        onAudit: () => {},
      });
      this.step = "find";
    } catch (error) {
      this.step = "error";
      this.errorText = String((error as Error).message ?? error);
    }
  }

  /** Candidates by full mobile, masked mobile, or the last four digits of the mobile or ID — masked. */
  private async find(e: SubmitEvent) {
    e.preventDefault();
    const value = new FormData(e.currentTarget as HTMLFormElement).get("query");
    const query = typeof value === "string" ? value.trim() : "";
    if (!this.client || query === "") return;
    // A bank card (Luhn-valid, 16–19 digits): the card lookup; anything else: the customer search.
    const card = normalizeBankCardNumber(query);
    if (/^\d{16,19}$/.test(card) && isValidBankCardNumber(card)) {
      const id = this.cards.get(card);
      const found = id ? await this.client.customers.get(id) : undefined;
      this.candidates = found ? [found] : [];
    } else this.candidates = (await this.client.customers.search(query, 10)).items;
    this.searched = true;
  }

  private pick(c: Customer) {
    this.picked = c;
    this.attempts = 0;
    this.verifyText = "";
    this.step = "verify";
  }

  /**
   * Verification: the caller's birth date (or, for a company, its credit code's
   * last four) and the last four of their ID, compared in the store — the desk
   * never shows the values it checks.
   */
  private async verify(e: SubmitEvent) {
    e.preventDefault();
    const data = new FormData(e.currentTarget as HTMLFormElement);
    const get = (k: string) => {
      const v = data.get(k);
      return typeof v === "string" ? v.trim() : "";
    };
    const raw = this.picked && (await this.store?.getCustomer(this.picked.id));
    if (!raw) return;
    const key = raw.kind === "individual" ? raw.idDocument.number : raw.uscc;
    const first = raw.kind === "individual" ? raw.birthDate : raw.uscc.slice(0, 4);
    const ok = get("first") === first && get("last4").toUpperCase() === key.slice(-4);
    if (!ok) {
      this.attempts++;
      this.verifyText = this.t(this.attempts >= MAX_ATTEMPTS ? "verifyLocked" : "verifyFailed", {
        left: MAX_ATTEMPTS - this.attempts,
      });
      return;
    }
    await this.openCall(raw);
  }

  private async openCall(raw: Customer) {
    const { holdings, transactions, interactions, serviceCases } = generateCustomerHistory(raw, {
      seed: SEED,
      asOf: DEMO_AS_OF,
    });
    const store = this.store!;
    if ((await store.holdings(raw.id)).length === 0) {
      await store.put("transactions", transactions);
      await store.put("interactions", interactions);
      await store.put("serviceCases", serviceCases);
      await store.put("holdings", holdings);
    }
    this.offers = nextBestOffers(raw, holdings, this.rules, PRODUCTS, { now: clock() });
    this.step = "call";
  }

  private endCall() {
    this.picked = undefined;
    this.candidates = [];
    this.searched = false;
    this.offers = undefined;
    this.surveyCase = undefined;
    this.step = "find";
  }

  override render() {
    return html`<bankcrm-provider .client=${this.client} locale=${this.locale}>
      <div class="page">
        <header>
          <h1>${this.t("title")}</h1>
          <span>${this.t("agent", { name: AGENT.name })}${TODAY ? ` · ${this.t("demoDay", { day: TODAY })}` : ""}</span>
          <button
            type="button"
            @click=${() => {
              this.locale = this.locale === "zh-CN" ? "en" : "zh-CN";
              document.documentElement.lang = this.locale;
            }}
          >
            ${this.t("switchLocale")}
          </button>
        </header>
        <main>${this.renderStep()}</main>
      </div>
    </bankcrm-provider>`;
  }

  private renderStep() {
    switch (this.step) {
      case "opening":
        return html`<p role="status">${this.t("opening", { done: this.progress, total: TOTAL })}</p>`;
      case "error":
        return html`<p role="alert" class="error">${this.errorText}</p>`;
      case "find":
        return this.renderFind();
      case "verify":
        return this.renderVerify();
      case "call":
        return this.renderCall();
    }
  }

  private renderFind() {
    return html`<h2 id="find-h">${this.t("findCaller")}</h2>
      <form class="find" role="search" aria-labelledby="find-h" @submit=${this.find}>
        <label
          >${this.t("findBy")}
          <input name="query" data-testid="caller-query" autocomplete="off" inputmode="numeric" maxlength="20" />
        </label>
        <button type="submit">${this.t("search")}</button>
      </form>
      ${
        this.searched
          ? this.candidates.length === 0
            ? html`<p role="status">${this.t("noCandidates")}</p>`
            : html`<p role="status">${this.t("candidates", { count: this.candidates.length })}</p>
                <ul class="candidates" data-testid="candidates">
                  ${this.candidates.map(
                    (c) =>
                      html`<li>
                        <button type="button" data-customer-id=${c.id} @click=${() => this.pick(c)}>
                          ${c.name} · ${c.contact.mobile ?? "—"} · ${c.id}
                        </button>
                      </li>`,
                  )}
                </ul>`
          : nothing
      }`;
  }

  private renderVerify() {
    const c = this.picked!;
    const locked = this.attempts >= MAX_ATTEMPTS;
    return html`<h2 id="verify-h">${this.t("verify", { name: c.name })}</h2>
      <p class="muted">${this.t(c.kind === "individual" ? "verifyAskPerson" : "verifyAskCompany")}</p>
      <form class="verify" aria-labelledby="verify-h" @submit=${this.verify}>
        <label
          >${this.t(c.kind === "individual" ? "birthDate" : "usccFirst4")}
          <input name="first" autocomplete="off" maxlength="10" ?disabled=${locked} />
        </label>
        <label
          >${this.t("idLast4")}
          <input name="last4" autocomplete="off" maxlength="4" ?disabled=${locked} />
        </label>
        <button type="submit" ?disabled=${locked}>${this.t("verifyButton")}</button>
        <button type="button" @click=${this.endCall}>${this.t("notThisCaller")}</button>
      </form>
      <p role="alert" class="error" data-testid="verify-result">${this.verifyText}</p>`;
  }

  private renderCall() {
    const c = this.picked!;
    const now = clock();
    const l = this.locale;
    return html`<h2>${this.t("onCall", { name: c.name })}</h2>
      <button type="button" data-testid="end-call" @click=${this.endCall}>${this.t("endCall")}</button>
      <div class="grid">
        <bankcrm-customer-card customer-id=${c.id} reveal-reason=${this.t("revealReason")}></bankcrm-customer-card>
        <section aria-labelledby="offers-h" data-testid="offers">
          <h2 id="offers-h">${this.t("offers")}</h2>
          ${
            this.offers && this.offers.offers.length > 0
              ? html`<ul>
                  ${this.offers.offers.slice(0, 3).map(
                    (o) =>
                      html`<li>
                        ${o.product.name} · ${labelIn(productTypeLabels, o.product.type, l)} —
                        ${o.reasons
                          .map((r) =>
                            r.code === "suitable"
                              ? this.t("reasonSuitable", {
                                  risk: r.riskLevel ?? "",
                                  tolerance: r.tolerance ? labelIn(riskToleranceLabels, r.tolerance, l) : "",
                                })
                              : this.t("reasonRule", {
                                  held: (r.antecedent ?? []).map((t) => labelIn(productTypeLabels, t, l)).join("、"),
                                  confidence: Math.round((r.confidence ?? 0) * 100),
                                }),
                          )
                          .join("；")}
                      </li>`,
                  )}
                </ul>`
              : html`<p class="muted">${this.t("noOffers")}</p>`
          }
        </section>
        <bankcrm-case-queue
          customer-id=${c.id}
          .now=${now}
          data-testid="cases"
          @bankcrm-case-change=${(e: CustomEvent<{ action: string; serviceCase: { id: string } }>) => {
            // A case resolved on the call: ask the caller for their rating there and then.
            if (e.detail.action === "resolve") this.surveyCase = e.detail.serviceCase.id;
          }}
        ></bankcrm-case-queue>
        <bankcrm-case-form customer-id=${c.id} .now=${now}></bankcrm-case-form>
        <bankcrm-activity-form customer-id=${c.id} kind="call" .now=${now}></bankcrm-activity-form>
        <bankcrm-task-list customer-id=${c.id} .now=${now}></bankcrm-task-list>
        <section aria-labelledby="survey-h">
          <h2 id="survey-h">${this.t("survey")}</h2>
          ${
            this.surveyCase
              ? html`<bankcrm-satisfaction-survey case-id=${this.surveyCase}></bankcrm-satisfaction-survey>`
              : html`<p class="muted">${this.t("surveyAfterResolve")}</p>`
          }
        </section>
        <bankcrm-customer-form customer-id=${c.id} .now=${now}></bankcrm-customer-form>
      </div>
      <h2>${this.t("timeline")}</h2>
      <bankcrm-customer-timeline customer-id=${c.id} now=${now.toISOString()}></bankcrm-customer-timeline>`;
  }
}

customElements.define("bankcrm-call-centre-desk", CallCentreDesk);
