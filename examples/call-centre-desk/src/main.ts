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
import { LitElement, css, html } from "lit";
import { state } from "lit/decorators.js";
import {
  isValidBankCardNumber,
  normalizeBankCardNumber,
  resolveLocale,
  describeError,
  CALLER_VERIFICATION_ATTEMPTS,
  type AssociationRule,
  type Customer,
  type Locale,
} from "@bankcrm/core";
import { BRANCHES, DEMO_AS_OF, generateCustomerHistory, generateStaff } from "@bankcrm/core/demo";
import { createCrmClient, createHttpStore, type CrmClient, type CrmStore, type HttpStore } from "@bankcrm/data";
import "@bankcrm/elements/provider.js";
import "@bankcrm/elements/customer-card.js";
import "@bankcrm/elements/customer-timeline.js";
import "@bankcrm/elements/case-form.js";
import "@bankcrm/elements/case-queue.js";
import "@bankcrm/elements/activity-form.js";
import "@bankcrm/elements/task-list.js";
import "@bankcrm/elements/satisfaction-survey.js";
import "@bankcrm/elements/customer-form.js";
import "@bankcrm/elements/offer-list.js";
import "@bankcrm/elements/knowledge-search.js";
import "@bankcrm/elements/kpi-tile.js";
import "@bankcrm/elements/chart.js";
import { deskFigures, figuresView, type DeskFigures } from "./figures.js";
import { text, type TextKey } from "./messages.js";
import { openDeskBook } from "./book.js";
import { localChecker, serverChecker, type CallerChecker, type CallerState } from "./caller-check.js";
import { DemoTokens, serverApi } from "../../branch-workstation/src/demo-sign-in.js";
import { callView, findView, verifyView } from "./views.js";
import "./outbound.js";
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
/** `?today=YYYY-MM-DDTHH:MM` also sets the time of day in Beijing (the call list's calling hours), moving with the clock. */
const started = Date.now();
const clock = (): Date =>
  TODAY && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(TODAY)
    ? new Date(Date.parse(`${TODAY}:00+08:00`) + (Date.now() - started))
    : TODAY && /^\d{4}-\d{2}-\d{2}$/.test(TODAY)
      ? new Date(`${TODAY}T${new Date(Date.now() + 8 * 3_600_000).toISOString().slice(11, 19)}+08:00`)
      : new Date();
const AGENT = generateStaff(SEED).all.find((s) => s.role === "service_agent" && s.branchId === BRANCHES[0]!.id)!;

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

  /** When the call being worked was answered (its handling time is logged with the contact). */
  private callStartedAt: Date | undefined;
  @state() private locale: Locale = resolveLocale(params.get("lang") ?? "zh-CN");
  @state() private step: Step = "opening";
  @state() private progress = 0;
  @state() private candidates: Customer[] = [];
  @state() private searched = false;
  @state() private picked: Customer | undefined;
  @state() private caller: CallerState = { attemptsLeft: CALLER_VERIFICATION_ATTEMPTS };
  @state() private verifyText = "";
  @state() private surveyCase: string | undefined;
  @state() private errorText = "";
  /** The month's call figures, read when the desk waits for a call. */
  @state() private figures: DeskFigures | undefined;
  private client: CrmClient | undefined;
  private store: CrmStore | undefined;
  /** On a server: the server checks callers' answers (and locks); embedded: this browser does. */
  private checker: CallerChecker | undefined;
  private server = false;
  private rules: readonly AssociationRule[] = [];
  /** On the bank's server, the call lists it judges. */
  private callList: ((campaignId: string) => ReturnType<HttpStore["campaignCallList"]>) | undefined;
  /** Card and account numbers to their customer (the card system's lookup; see book.ts). */
  private cards = new Map<string, string>();

  private t(key: TextKey, values: Record<string, string | number> = {}) {
    return text(key, this.locale, values);
  }

  override connectedCallback() {
    super.connectedCallback();
    document.documentElement.lang = this.locale;
    void this.start();
  }

  /**
   * The bank, then the client the elements use, as the service agent: the server when the origin has one (`pnpm
   * start`'s demo bank: every read masked and scoped by it, every reveal audited by it), else the demo bank generated
   * into this browser.
   */
  private async start() {
    try {
      const api = await serverApi();
      if (api) {
        const tokens = new DemoTokens();
        const http = createHttpStore({ baseUrl: api, getToken: () => tokens.get(AGENT.id) });
        this.store = http;
        this.checker = serverChecker(http);
        this.callList = (id) => http.campaignCallList(id);
        this.server = true;
      } else {
        const book = await openDeskBook({
          name: DB_NAME,
          seed: SEED,
          total: TOTAL,
          locale: this.locale,
          onProgress: (done) => (this.progress = done),
        });
        this.store = book.store;
        this.rules = book.rules;
        this.cards = book.cards;
        this.checker = localChecker(book.store, AGENT.id, clock);
      }
      this.client = createCrmClient({
        store: this.store,
        user: { id: AGENT.id, role: AGENT.role, branchId: AGENT.branchId },
        locale: this.locale,
        now: clock,
        onAudit: () => {},
      });
      this.step = "find";
      void this.readFigures();
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
    // A bank card (Luhn-valid, 16–19 digits) the embedded book's card index knows: its customer. Anything else goes to
    // the customer search — on the bank's server, that answers a card number too (whose holding it is).
    const card = normalizeBankCardNumber(query);
    const id = /^\d{16,19}$/.test(card) && isValidBankCardNumber(card) ? this.cards.get(card) : undefined;
    if (id) {
      const found = await this.client.customers.get(id);
      this.candidates = found ? [found] : [];
    } else this.candidates = (await this.client.customers.search(query, 10)).items;
    this.searched = true;
  }

  private pick(c: Customer) {
    this.picked = c;
    this.caller = this.checker?.state(c.id) ?? { attemptsLeft: CALLER_VERIFICATION_ATTEMPTS };
    this.verifyText = this.lockText();
    this.step = "verify";
  }

  private lockText(): string {
    const until = this.caller.lockedUntil;
    if (!until) return "";
    const at = new Intl.DateTimeFormat(this.locale, {
      dateStyle: "short",
      timeStyle: "short",
      timeZone: "Asia/Shanghai",
    }).format(new Date(until));
    return this.t("verifyLocked", { until: at });
  }

  /**
   * Verification: the caller's birth date (or, for a company, its credit code's first four) and the last four of
   * their ID, checked where the full values are — the desk never shows the values it checks.
   */
  private async verify(e: SubmitEvent) {
    e.preventDefault();
    const data = new FormData(e.currentTarget as HTMLFormElement);
    const get = (k: string) => {
      const v = data.get(k);
      return typeof v === "string" ? v.trim() : "";
    };
    const picked = this.picked;
    if (!picked || !this.checker) return;
    try {
      const result = await this.checker.check(picked.id, { first: get("first"), last4: get("last4") });
      this.caller = result;
      if (result.match) return await this.openCall(picked);
      this.verifyText = this.lockText() || this.t("verifyFailed", { left: result.attemptsLeft });
    } catch (error) {
      this.verifyText = describeError(error, this.locale);
    }
  }

  /** The call's view: embedded, the customer's history generated on first use (the offer list reads what they hold). */
  private async openCall(picked: Customer) {
    const store = this.store!;
    const holdings = await store.holdings(picked.id);
    const customer = (await store.getCustomer(picked.id)) ?? picked;
    if (!this.server && holdings.length === 0) {
      const history = generateCustomerHistory(customer, { seed: SEED, asOf: DEMO_AS_OF });
      await store.put("transactions", history.transactions);
      await store.put("interactions", history.interactions);
      await store.put("serviceCases", history.serviceCases);
      await store.put("holdings", history.holdings);
    }
    this.callStartedAt = new Date(); // the real clock: the handling time is real even on a demo day
    this.step = "call";
  }

  private endCall() {
    this.picked = undefined;
    this.candidates = [];
    this.searched = false;
    this.surveyCase = undefined;
    this.step = "find";
    void this.readFigures();
  }

  /** The month's figures from the store (a call just logged included); left as they were if the read fails. */
  private async readFigures() {
    if (!this.store) return;
    this.figures = await deskFigures(this.store, clock()).catch(() => this.figures);
  }

  override render() {
    return html`<bankcrm-provider .client=${this.client} locale=${this.locale}>
      <div class="page">
        <header>
          <h1>${this.t("title")}</h1>
          <span
            >${this.t("agent", { name: AGENT.name })}${TODAY ? ` · ${this.t("demoDay", { day: TODAY.replace("T", " ") })}` : ""}</span
          >
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
        return html`${findView({
            t: (k, v) => this.t(k, v),
            searched: this.searched,
            candidates: this.candidates,
            find: (e) => void this.find(e),
            pick: (c) => this.pick(c),
          })}
          ${figuresView(this.figures, (k, v) => this.t(k, v), this.locale)}
          <desk-outbound
            .client=${this.client}
            .locale=${this.locale}
            .clock=${clock}
            .remote=${this.callList}
          ></desk-outbound>`;
      case "verify":
        return verifyView({
          t: (k, v) => this.t(k, v),
          picked: this.picked!,
          locked: this.caller.lockedUntil !== undefined,
          verifyText: this.verifyText,
          verify: (e) => void this.verify(e),
          endCall: () => this.endCall(),
        });
      case "call":
        return callView({
          t: (k, v) => this.t(k, v),
          locale: this.locale,
          picked: this.picked!,
          now: clock(),
          rules: this.rules,
          callStartedAt: this.callStartedAt,
          surveyCase: this.surveyCase,
          survey: (id) => (this.surveyCase = id),
          endCall: () => this.endCall(),
        });
    }
  }
}

customElements.define("bankcrm-call-centre-desk", CallCentreDesk);
