/**
 * The workstation's shell: the header (who is signed in, online / offline and
 * the outbox, language, theme, log out), the navigation between its pages —
 * "my day" (the home of the relationship manager and the branch manager) and
 * the customers — and the provider that hands every element the client, the
 * locale and the theme. Data lives in the session (session.ts).
 */
import { LitElement, html, css, nothing } from "lit";
import { property, state } from "lit/decorators.js";
import { resolveLocale, type AssociationRule, type Locale, type RevealAuditEvent } from "@bankcrm/core";
import { mineAssociationRules } from "@bankcrm/core/analytics";
import type { FeedStatus, OutboxStatus } from "@bankcrm/data";
import "@bankcrm/elements/provider.js";
import { visuallyHidden } from "@bankcrm/elements";
import "./pages/customers-page.js";
import "./pages/my-day-page.js";
import "./pages/marketing-page.js";
import "./pages/value-page.js";
import { REPORT_PAGES, reportPages, type ReportPage } from "./pages/report-pages.js";
import type { CustomersPage } from "./pages/customers-page.js";
import { text, type TextKey } from "./messages.js";
import { controlStyles, pageStyles } from "./panel-styles.js";
import { WorkstationSession } from "./session.js";
import { connectionView } from "./connection.js";
import { hasPage, homeOf, pageAt, pagesOf, type Page } from "./pages.js";
import { BRANCH_NAMES, ROLE_TEXT, STAFF_NAMES, USERS, params, type DemoRole } from "./users.js";

type Status = "opening" | "generating" | "ready" | "error" | "loggedOut";

export class WorkstationApp extends LitElement {
  static override styles = [
    visuallyHidden,
    controlStyles,
    pageStyles,
    css`
      .inner {
        max-width: 1440px;
        margin: 0 auto;
      }
      .toolbar,
      nav ul {
        display: flex;
        gap: 8px 12px;
        align-items: center;
        flex-wrap: wrap;
      }
      nav ul {
        list-style: none;
        margin: 10px 0 0;
        padding: 0;
      }
      nav a {
        color: inherit;
        text-decoration: none;
        padding: 4px 10px;
        border-radius: var(--bankcrm-radius);
        border: 1px solid transparent;
      }
      nav a[aria-current="page"] {
        border-color: var(--bankcrm-color-accent);
        font-weight: 600;
      }
      progress {
        width: 100%;
        height: 12px;
      }
      .connection {
        display: inline-flex;
        gap: 8px;
        align-items: center;
        font-size: 0.875rem;
      }
      .dot {
        width: 0.6rem;
        height: 0.6rem;
        border-radius: 50%;
        background: var(--bankcrm-color-accent);
      }
      .dot.off {
        background: var(--bankcrm-color-danger);
      }
      .error {
        color: var(--bankcrm-color-danger);
      }
    `,
  ];

  @property({ reflect: true }) theme: "light" | "dark" = params.get("theme") === "dark" ? "dark" : "light";

  @state() private locale: Locale = resolveLocale(params.get("lang") ?? "zh-CN");
  @state() private status: Status = "opening";
  @state() private done = 0;
  @state() private total = 0;
  @state() private errorText = "";
  @state() private demoRole: DemoRole = "relationship_manager";
  @state() private page: Page = "day";
  @state() private audit: RevealAuditEvent[] = [];
  @state() private online = true;
  /** Server mode: whether the change feed is live. */
  @state() private feed: FeedStatus | undefined;
  @state() private outboxStatus: OutboxStatus = { pending: 0, failed: 0, conflicts: 0 };
  @state() private rules: readonly AssociationRule[] = [];
  /** Bumped when the session's client or rows change, so the pages take the new ones. */
  @state() private revision = 0;

  private session = this.newSession();

  private newSession() {
    return new WorkstationSession(this.locale, {
      onProgress: (done, total) => {
        this.status = "generating";
        this.done = done;
        this.total = total;
      },
      onOutbox: (status) => (this.outboxStatus = status),
      onAudit: (event) => (this.audit = [event, ...this.audit].slice(0, 20)),
      onValues: () => this.revision++,
      onFeed: (status) => (this.feed = status),
    });
  }

  private t(key: TextKey, values: Record<string, string | number> = {}) {
    return text(key, this.locale, values);
  }

  override connectedCallback() {
    super.connectedCallback();
    document.documentElement.lang = this.locale;
    this.page = this.pageFromHash();
    window.addEventListener("hashchange", this.onHash);
    void this.start();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    window.removeEventListener("hashchange", this.onHash);
  }

  private pageFromHash(): Page {
    const { page, open } = pageAt(location.hash, this.demoRole);
    // #/customers/<id> opens a customer or an RFM cell (the value page links to both); the marketing page reads its own.
    if (page === "customers" && open !== undefined)
      void this.updateComplete.then(() =>
        this.renderRoot.querySelector<CustomersPage>("ws-customers-page")?.open(open),
      );
    return page;
  }

  private onHash = () => (this.page = this.pageFromHash());

  private async start() {
    try {
      this.session.role = this.demoRole;
      await this.session.start();
      this.status = "ready";
      this.revision++;
      await this.updateComplete;
      // A link straight to a customer (#/customers/<id>) opens them now the list is there to open them in.
      this.page = this.pageFromHash();
      await new Promise((r) => requestAnimationFrame(r));
      performance.mark("bankcrm:interactive");
      // The book's value metrics: read from the device, or computed now in a worker (embedded).
      this.session.computeValues();
      // Cross-sell rules from what the book holds, once the page is usable.
      setTimeout(() => this.mineRules(), 0);
    } catch (error) {
      this.status = "error";
      this.errorText = String((error as Error).message ?? error);
    }
  }

  private mineRules() {
    const baskets = this.session.rows.map((r) => r.productTypes ?? []).filter((b) => b.length > 0);
    if (baskets.length < 50) return;
    this.rules = mineAssociationRules(baskets, { minSupport: 0.02, minConfidence: 0.2, minLength: 2, maxLength: 3 });
  }

  private async onRole(event: Event) {
    const select = event.target as HTMLSelectElement;
    const role = select.value as DemoRole;
    if (this.session.api) {
      // Server mode: the cache and the outbox hold the previous user's data — they leave with them.
      if (!(await this.logout())) {
        select.value = this.demoRole;
        return;
      }
      this.demoRole = role;
      this.status = "opening";
      this.session = this.newSession();
      await this.start();
    } else {
      this.demoRole = role;
      this.session.role = role;
      this.session.makeClient();
      this.revision++;
    }
    // The page stays where it is, unless the new role does not have it.
    if (!hasPage(role, this.page)) {
      this.page = homeOf(role);
      history.replaceState(null, "", `${location.pathname}${location.search}#/${this.page}`);
    }
  }

  private onValuesAction = (e: CustomEvent<{ action: "compute" | "again" | "cancel" }>) => {
    if (e.detail.action === "cancel") this.session.cancelValues();
    else this.session.computeValues(e.detail.action === "again");
  };

  private async setOnline(online: boolean) {
    this.online = online;
    await this.session.setOnline(online);
  }

  private async reset() {
    await this.session.reset();
    this.status = "opening";
    this.session = this.newSession();
    await this.start();
  }

  private logout(): Promise<boolean> {
    return this.session.logout((count) => confirm(this.t("discardPending", { count })));
  }

  private async onLogout() {
    if (await this.logout()) {
      this.status = "loggedOut";
      this.revision++;
    }
  }

  private async signInAgain() {
    this.status = "opening";
    this.session = this.newSession();
    await this.start();
  }

  private switchLocale() {
    this.locale = this.locale === "zh-CN" ? "en" : "zh-CN";
    document.documentElement.lang = this.locale;
    document.title = this.t("title");
  }

  override render() {
    return html`<bankcrm-provider .client=${this.session.client} locale=${this.locale} theme=${this.theme}>
      <div class="page">
        <div class="inner">
          ${this.renderHeader()}
          ${this.status === "generating" || this.status === "opening" ? this.renderProgress() : nothing}
          ${this.status === "error" ? html`<p class="error" role="alert">${this.t("error")} ${this.errorText}</p>` : nothing}
          ${this.status === "ready" ? this.renderMain() : nothing}
          ${
            this.status === "loggedOut"
              ? html`<p role="status" data-testid="logged-out">${this.t("loggedOut")}</p>
                  <button type="button" data-testid="sign-in" @click=${this.signInAgain}>
                    ${this.t("signInAgain")}
                  </button>`
              : nothing
          }
        </div>
      </div>
    </bankcrm-provider>`;
  }

  private renderHeader() {
    return html`<header>
      <h1>${this.t("title")}</h1>
      <div class="toolbar">
        ${this.renderConnection()}
        <label>
          ${this.t("user")}
          <select data-testid="role" @change=${this.onRole}>
            ${(Object.keys(USERS) as DemoRole[]).map(
              (role) =>
                html`<option value=${role} ?selected=${role === this.demoRole}>
                  ${this.t(ROLE_TEXT[role])} · ${USERS[role].name}
                </option>`,
            )}
          </select>
        </label>
        <button type="button" @click=${this.switchLocale}>${this.t("switchLocale")}</button>
        <label
          ><input
            type="checkbox"
            data-testid="theme"
            .checked=${this.theme === "dark"}
            @change=${(e: Event) => {
              this.theme = (e.target as HTMLInputElement).checked ? "dark" : "light";
            }}
          />
          ${this.t("theme")}</label
        >
        ${
          this.session.api
            ? nothing
            : html`<button type="button" @click=${this.reset} ?disabled=${this.status !== "ready"}>
                ${this.t("reset")}
              </button>`
        }
        <button type="button" data-testid="logout" @click=${this.onLogout} ?disabled=${this.status !== "ready"}>
          ${this.t("logout")}
        </button>
      </div>
    </header>`;
  }

  private renderConnection() {
    return connectionView({
      t: (key, values) => this.t(key, values),
      server: this.session.api !== undefined,
      online: this.online,
      feed: this.feed,
      outbox: this.outboxStatus,
      toggle: () => void this.setOnline(!this.online),
    });
  }

  private renderProgress() {
    return html`<section aria-labelledby="progress-label">
      <p id="progress-label" role="status">
        ${this.status === "opening" ? this.t("opening") : this.t("generating", { done: this.done.toLocaleString(), total: this.total.toLocaleString() })}
      </p>
      <progress aria-labelledby="progress-label" max=${this.total || 1} .value=${this.done}></progress>
    </section>`;
  }

  private renderNav() {
    return html`<nav aria-label=${this.t("navigation")}>
      <ul>
        ${pagesOf(this.demoRole).map(
          ({ id, nav }) =>
            html`<li>
              <a href=${`#/${id}`} data-testid=${`nav-${id}`} aria-current=${this.page === id ? "page" : nothing}
                >${this.t(nav)}</a
              >
            </li>`,
        )}
      </ul>
    </nav>`;
  }

  private renderMain() {
    const s = this.session;
    void this.revision;
    const role = this.demoRole;
    const hasDay = hasPage(role, "day");
    const hasMarketing = hasPage(role, "marketing");
    const hasValue = hasPage(role, "value");
    const day = this.page === "day" && hasDay;
    const marketing = this.page === "marketing" && hasMarketing;
    const value = this.page === "value" && hasValue;
    const reports = Object.fromEntries(REPORT_PAGES.map((p) => [p, this.page === p && hasPage(role, p)])) as Record<
      ReportPage,
      boolean
    >;
    // Both pages stay alive while the user moves between them (filters, the open customer, the board keep their state).
    return html`${this.renderNav()}
      <main>
        ${
          hasDay
            ? html`<ws-my-day
                ?hidden=${!day}
                .client=${s.client}
                demo-role=${this.demoRole}
                .locale=${this.locale}
                ?embedded=${s.embedded}
                .world=${s}
              ></ws-my-day>`
            : nothing
        }
        ${
          hasMarketing
            ? html`<ws-marketing-page
                ?hidden=${!marketing}
                ?active=${marketing}
                .client=${s.client}
                .rows=${s.rows}
                .serverCounter=${s.segmentCounter}
                demo-role=${this.demoRole}
                .locale=${this.locale}
                .keep=${s.embedded ? s.keepDemo.bind(s) : undefined}
                .launcher=${s.launcher}
                .exporter=${s.exporter}
                .world=${s}
              ></ws-marketing-page>`
            : nothing
        }
        ${
          hasValue
            ? html`<ws-value-page
                ?hidden=${!value}
                .rows=${s.rows}
                .values=${s.values}
                .valuesState=${s.valuesState}
                demo-role=${this.demoRole}
                .locale=${this.locale}
                ?embedded=${s.embedded}
                @ws-values=${this.onValuesAction}
              ></ws-value-page>`
            : nothing
        }
        ${reportPages(this.session, this.locale, reports, this.onValuesAction)}
        <ws-customers-page
          ?hidden=${day || marketing || value || Object.values(reports).some(Boolean)}
          .rows=${s.rows}
          .client=${s.client}
          demo-role=${this.demoRole}
          .locale=${this.locale}
          ?server=${s.api !== undefined}
          ?offline=${!this.online}
          .names=${{ ...BRANCH_NAMES, ...STAFF_NAMES }}
          .rules=${this.rules}
          .audit=${this.audit}
          .prepare=${s.prepare}
          .pushDown=${(d: Parameters<typeof s.segmentMembers>[0]) => s.segmentMembers(d)}
        ></ws-customers-page>
      </main>`;
  }
}

customElements.define("bankcrm-workstation-app", WorkstationApp);
