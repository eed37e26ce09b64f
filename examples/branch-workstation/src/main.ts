/**
 * The branch workstation (网点工作台) — bankcrm's main demo: a relationship
 * manager's day. Pick a demo user (the role changes what is masked and what
 * can be revealed), find customers by search, tier and segment in a sortable
 * virtualized list, open one for the single customer view and capture leads.
 *
 * Embedded (default): everything stays in this browser's IndexedDB; the first
 * start generates the demo bank with a progress bar. Server mode (when the page
 * is served with BANKCRM_API, see serve.mjs): reads come from the server and
 * are cached in IndexedDB for offline use; leads go through the outbox, and the
 * header shows online / offline with the outbox status.
 */
import { LitElement, html, css, nothing } from "lit";
import { property, query, state } from "lit/decorators.js";
import {
  BRANCHES,
  compileSegment,
  customerFieldCatalog,
  explainSegment,
  formatMoney,
  type ExplainedNode,
  generateStaff,
  labelsOf,
  mineAssociationRules,
  resolveLocale,
  type AssociationRule,
  type Locale,
  type RevealAuditEvent,
  type Staff,
  type StaffRole,
  type Tier,
} from "@bankcrm/core";
import {
  createCachedStore,
  createCrmClient,
  createHttpStore,
  createIndexedDbStore,
  createOutbox,
  httpSender,
  type CrmClient,
  type CrmStore,
  type HttpStore,
  type IndexedDbStore,
  type Outbox,
  type OutboxStatus,
} from "@bankcrm/data";
import "@bankcrm/elements/provider.js";
import { visuallyHidden } from "@bankcrm/elements";
import { deleteDemoBook, ensureHistory, openDemoBook, rowOf, type BookRow } from "./book.js";
import "./customer-360.js";
import { CustomerList } from "./customer-list.js";
import { SEGMENTS } from "./segments.js";
import { text, type TextKey } from "./messages.js";

const params = new URLSearchParams(location.search);
const TOTAL = Math.max(1, Math.min(1_000_000, Number(params.get("customers") ?? 50_000) || 50_000));
const SEED = params.get("seed") ?? "bankcrm";
const DB_NAME = `bankcrm-workstation-${SEED}-${TOTAL}`;
const BRANCH_NAMES: Record<string, string> = Object.fromEntries(BRANCHES.map((b) => [b.id, b.name]));

const STAFF = generateStaff(SEED).all;
const STAFF_NAMES = Object.fromEntries(STAFF.map((s) => [s.id, s.name]));

/** The four demo users, all of the first branch (the auditor is at head office). */
function demoUsers(
  staff: readonly Staff[],
): Record<"relationship_manager" | "branch_manager" | "teller" | "auditor", Staff> {
  const branch = BRANCHES[0]!.id;
  const find = (role: StaffRole, branchId?: string) =>
    staff.find((s) => s.role === role && (branchId === undefined || s.branchId === branchId))!;
  return {
    relationship_manager: find("relationship_manager", branch),
    branch_manager: find("branch_manager", branch),
    teller: find("teller", branch),
    auditor: find("auditor"),
  };
}
const USERS = demoUsers(STAFF);
type DemoRole = keyof typeof USERS;
const ROLE_TEXT: Record<DemoRole, TextKey> = {
  relationship_manager: "roleRm",
  branch_manager: "roleBranchManager",
  teller: "roleTeller",
  auditor: "roleAuditor",
};

type SortKey = "aum" | "name" | "tier" | "onboardedAt";
const TIER_RANK: Record<string, number> = { standard: 0, gold: 1, platinum: 2, diamond: 3, private: 4 };
const COMPARE: Record<SortKey, (a: BookRow, b: BookRow) => number> = {
  aum: (a, b) => (a.aum ?? -1) - (b.aum ?? -1),
  name: (a, b) => a.name.localeCompare(b.name, "zh-CN"),
  tier: (a, b) => (TIER_RANK[a.tier ?? ""] ?? -1) - (TIER_RANK[b.tier ?? ""] ?? -1),
  onboardedAt: (a, b) => (a.onboardedAt < b.onboardedAt ? -1 : a.onboardedAt > b.onboardedAt ? 1 : 0),
};
const SEGMENT_PREDICATES = new Map(
  SEGMENTS.map((s) => [s.definition.id, compileSegment(s.definition, customerFieldCatalog)] as const),
);

type Status = "opening" | "generating" | "ready" | "error" | "loggedOut";

export class WorkstationApp extends LitElement {
  static override styles = [
    visuallyHidden,
    css`
      :host {
        --ws-surface: #ffffff;
        --ws-subtle: #f5f6f8;
        --ws-border: #e3e6eb;
        --ws-selected: #e8f0fe;
        --ws-muted: #5c6370;
        --ws-text: #1f2329;
        display: block;
        min-height: 100vh;
        color: var(--ws-text);
        background: var(--ws-surface);
      }
      :host([theme="dark"]) {
        --ws-surface: #16181d;
        --ws-subtle: #1f232b;
        --ws-border: #343a46;
        --ws-selected: #1e3350;
        --ws-muted: #a8b0bc;
        --ws-text: #e6e8eb;
      }
      .page {
        max-width: 1440px;
        margin: 0 auto;
        padding: 12px 16px;
      }
      header,
      .toolbar {
        display: flex;
        gap: 8px 12px;
        align-items: center;
        flex-wrap: wrap;
      }
      header {
        justify-content: space-between;
        border-bottom: 1px solid var(--ws-border);
        padding-bottom: 8px;
      }
      h1 {
        font-size: 1.25rem;
        margin: 0;
      }
      .toolbar {
        margin: 10px 0;
      }
      button,
      select,
      input {
        font: inherit;
        color: inherit;
        background: var(--ws-surface);
        border: 1px solid var(--ws-border);
        border-radius: 4px;
        padding: 4px 10px;
      }
      progress {
        width: 100%;
        height: 12px;
      }
      .layout {
        display: grid;
        grid-template-columns: minmax(0, 1fr);
        gap: 16px;
        align-items: start;
      }
      .layout.split {
        grid-template-columns: minmax(0, 5fr) minmax(360px, 6fr);
      }
      .panel {
        max-height: calc(100vh - 140px);
        overflow: auto;
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
        background: #1e7d32;
      }
      .dot.off {
        background: #b3261e;
      }
      details {
        font-size: 0.75rem;
        margin-top: 8px;
      }
      .error {
        color: #b3261e;
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
  @state() private client: CrmClient | undefined;
  @state() private rows: BookRow[] = [];
  @state() private visible: BookRow[] = [];
  @state() private search = "";
  @state() private tier: Tier | "" = "";
  @state() private segment = "";
  @state() private sortKey: SortKey = "aum";
  @state() private descending = true;
  @state() private selectedId: string | undefined;
  @state() private audit: RevealAuditEvent[] = [];
  @state() private online = true;
  @state() private outboxStatus: OutboxStatus = { pending: 0, failed: 0, conflicts: 0 };
  @state() private rules: readonly AssociationRule[] = [];
  @query("ws-customer-list") private list!: CustomerList;

  private api: string | undefined;
  private store: CrmStore | undefined;
  private idb: IndexedDbStore | undefined;
  private outbox: Outbox | undefined;
  private scope: { rows: BookRow[]; role: DemoRole; scoped: BookRow[] } | undefined;

  private t(key: TextKey, values: Record<string, string | number> = {}) {
    return text(key, this.locale, values);
  }

  override connectedCallback() {
    super.connectedCallback();
    document.documentElement.lang = this.locale;
    void this.start();
  }

  /** Server mode when serve.mjs was given BANKCRM_API: it then serves this file. */
  private async readConfig(): Promise<{ api?: string }> {
    try {
      const response = await fetch("/bankcrm-config.json", { cache: "no-store" });
      return response.ok ? ((await response.json()) as { api?: string }) : {};
    } catch {
      return {};
    }
  }

  private async start() {
    try {
      this.api = (await this.readConfig()).api;
      if (this.api) await this.startServer(this.api);
      else await this.startEmbedded();
      this.makeClient();
      this.status = "ready";
      this.applyFilters();
      await this.updateComplete;
      await new Promise((r) => requestAnimationFrame(r));
      performance.mark("bankcrm:interactive");
      // Cross-sell rules from what the book holds, once the page is usable.
      setTimeout(() => this.mineRules(), 0);
    } catch (error) {
      this.status = "error";
      this.errorText = String((error as Error).message ?? error);
    }
  }

  private async startEmbedded() {
    this.idb = await createIndexedDbStore({ name: DB_NAME, locale: this.locale });
    this.store = this.idb;
    this.rows = await openDemoBook(this.idb, {
      name: DB_NAME,
      seed: SEED,
      total: TOTAL,
      onProgress: (done, total) => {
        this.status = "generating";
        this.done = done;
        this.total = total;
      },
    });
  }

  private async startServer(api: string) {
    // "Offline" in the page makes every request fail as a lost network would.
    const gatedFetch: typeof fetch = (input, init) =>
      this.online ? fetch(input, init) : Promise.reject(new TypeError("offline (switched off in the page)"));
    const remote = (this.remote = createHttpStore({
      baseUrl: new URL(api, location.href).href,
      // The current demo user's token (the server scopes and stamps by it): switching user switches the answers.
      getToken: () => this.tokenOf(USERS[this.demoRole].id),
      fetch: gatedFetch,
      retries: 0,
      timeout: 5000,
    }));
    // The cache keeps a customer 30 days after they were last opened, then forgets them.
    this.idb = await createIndexedDbStore({
      name: "bankcrm-workstation-cache",
      locale: this.locale,
      retentionDays: 30,
    });
    this.store = createCachedStore({ remote, cache: this.idb, isOnline: () => this.online && navigator.onLine });
    this.outbox = await createOutbox({ name: "bankcrm-workstation", send: httpSender(remote) });
    this.outbox.subscribe((status) => (this.outboxStatus = status));
    this.outboxStatus = await this.outbox.status();
    this.outbox.start(window);
    await this.loadServerRows();
    if (this.segment) await this.pushDownSegment(this.segment);
  }

  private remote: HttpStore | undefined;
  /** Server mode: each segment's members as the server's database found them, for the current user. */
  private segmentMembers: Map<string, Set<string>> | undefined;

  /**
   * Server mode: the segment runs in the server's database (core's toSql over its
   * customer view, with holdings and transactions), scoped to the user. Offline,
   * the rows' own fields are all there is: the local predicate.
   */
  private async pushDownSegment(id: string) {
    const definition = SEGMENTS.find((s) => s.definition.id === id)?.definition;
    if (!definition || !this.remote) return;
    try {
      const ids = new Set<string>();
      let after: string | undefined;
      do {
        const page = await this.remote.evaluateSegment(definition, { limit: 1000, ...(after ? { after } : {}) });
        for (const member of page.ids) ids.add(member);
        after = page.next;
      } while (after && ids.size < 20_000);
      (this.segmentMembers ??= new Map()).set(id, ids);
    } catch {
      this.segmentMembers?.delete(id);
    }
  }

  private tokens = new Map<string, { token: string; until: number }>();
  /** A token for a demo user from the page's sign-in stand-in (serve.mjs), kept until a minute before it expires. */
  private async tokenOf(staffId: string): Promise<string> {
    const kept = this.tokens.get(staffId);
    if (kept && kept.until > Date.now()) return kept.token;
    const response = await fetch(`/bankcrm-token?staff=${encodeURIComponent(staffId)}`, { cache: "no-store" });
    if (!response.ok) throw new Error(`sign-in failed (${response.status})`);
    const { token } = (await response.json()) as { token: string };
    this.tokens.set(staffId, { token, until: Date.now() + 59 * 60_000 });
    return token;
  }

  /** The user's customers from the server (or the cache offline), a page at a time. */
  private async loadServerRows() {
    const user = USERS[this.demoRole];
    const scope =
      this.demoRole === "relationship_manager"
        ? { relationshipManagerId: user.id }
        : this.demoRole === "auditor"
          ? {}
          : { branchId: user.branchId };
    const rows: BookRow[] = [];
    let after: string | undefined;
    do {
      const page = await this.store!.listCustomers({ ...scope, limit: 500, ...(after ? { after } : {}) });
      for (const c of page.items) rows.push(rowOf(c));
      after = page.next;
    } while (after && rows.length < 20_000);
    this.rows = rows;
  }

  private makeClient() {
    if (!this.store) return;
    const user = USERS[this.demoRole];
    this.client = createCrmClient({
      store: this.store,
      user: { id: user.id, role: user.role, branchId: user.branchId },
      locale: this.locale,
      ...(this.outbox ? { outbox: this.outbox } : {}),
      onAudit: (event) => {
        this.audit = [event, ...this.audit].slice(0, 20);
      },
    });
  }

  private mineRules() {
    const baskets = this.rows.map((r) => r.productTypes ?? []).filter((b) => b.length > 0);
    if (baskets.length < 50) return;
    this.rules = mineAssociationRules(baskets, { minSupport: 0.02, minConfidence: 0.2, minLength: 2, maxLength: 3 });
  }

  /** The rows the current user may see: their own book, their branch, or all (auditor). */
  private scoped(): BookRow[] {
    // Computed once per book and user, not on every keystroke of the search.
    if (this.scope?.rows === this.rows && this.scope.role === this.demoRole) return this.scope.scoped;
    const user = USERS[this.demoRole];
    const scoped = this.api
      ? this.rows // the server already scoped them
      : this.demoRole === "relationship_manager"
        ? this.rows.filter((r) => r.relationshipManagerId === user.id)
        : this.demoRole === "auditor"
          ? this.rows
          : this.rows.filter((r) => r.branchId === user.branchId);
    this.scope = { rows: this.rows, role: this.demoRole, scoped };
    return scoped;
  }

  /** Search, tier and segment filters, then the sort: synchronous over the in-memory rows. */
  private applyFilters() {
    performance.mark("bankcrm:filter:start");
    const q = this.search.trim().toLowerCase();
    const digits = /^\d{4}$/.test(q) ? q : undefined;
    // In server mode the segment ran in the server's database (pushdown): its members by id.
    const members = this.api && this.segment ? this.segmentMembers?.get(this.segment) : undefined;
    const predicate = members
      ? (r: BookRow) => members.has(r.id)
      : this.segment
        ? SEGMENT_PREDICATES.get(this.segment)
        : undefined;
    const tier = this.tier;
    const out = this.scoped().filter(
      (r) =>
        (!tier || r.tier === tier) &&
        (!q ||
          r.name.toLowerCase().includes(q) ||
          r.id.toLowerCase().includes(q) ||
          (digits !== undefined && r.mobile?.endsWith(digits) === true)) &&
        (!predicate || predicate(r)),
    );
    const compare = COMPARE[this.sortKey];
    out.sort(this.descending ? (a, b) => compare(b, a) : compare);
    this.visible = out;
    void this.updateComplete.then(() =>
      requestAnimationFrame(() => performance.measure("bankcrm:filter", "bankcrm:filter:start")),
    );
  }

  private async onRole(event: Event) {
    const select = event.target as HTMLSelectElement;
    if (this.api) {
      // Server mode: the cache and the outbox hold the previous user's data — they leave with them.
      if (!(await this.logout())) {
        select.value = this.demoRole;
        return;
      }
      this.demoRole = select.value as DemoRole;
      this.status = "opening";
      await this.start();
      return;
    }
    this.demoRole = select.value as DemoRole;
    this.selectedId = undefined;
    this.makeClient();
    this.applyFilters();
  }

  private async setOnline(online: boolean) {
    this.online = online;
    if (online) await this.outbox?.flush({ ignoreBackoff: true });
  }

  private async reset() {
    this.idb?.close();
    if (this.idb) await this.idb.destroy();
    await deleteDemoBook(DB_NAME);
    this.rows = [];
    this.visible = [];
    this.selectedId = undefined;
    this.status = "opening";
    await this.start();
  }

  /**
   * Leaving this device: the client's logout closes the store and deletes its
   * database and keys and the outbox's — refused while writes wait, unless the
   * person confirms discarding them — and the page deletes its row cache.
   */
  private async logout(): Promise<boolean> {
    if (!this.client) return true;
    const waiting = this.outbox
      ? this.outboxStatus.pending + this.outboxStatus.failed + this.outboxStatus.conflicts
      : 0;
    if (waiting > 0 && !confirm(this.t("discardPending", { count: waiting }))) return false;
    await this.client.logout({ discardPending: waiting > 0 });
    this.idb = undefined;
    this.outbox = undefined;
    this.store = undefined;
    this.client = undefined;
    this.outboxStatus = { pending: 0, failed: 0, conflicts: 0 };
    if (!this.api) await deleteDemoBook(DB_NAME);
    this.tokens.clear();
    this.rows = [];
    this.visible = [];
    this.selectedId = undefined;
    this.segmentMembers = undefined;
    return true;
  }

  private async onLogout() {
    if (await this.logout()) this.status = "loggedOut";
  }

  private async signInAgain() {
    this.status = "opening";
    await this.start();
  }

  private switchLocale() {
    this.locale = this.locale === "zh-CN" ? "en" : "zh-CN";
    document.documentElement.lang = this.locale;
    document.title = this.t("title");
  }

  override render() {
    const l = this.locale;
    return html`<bankcrm-provider .client=${this.client} locale=${l} theme=${this.theme}>
      <div class="page">
        <header>
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
              this.api
                ? nothing
                : html`<button type="button" @click=${this.reset} ?disabled=${this.status !== "ready"}>
                    ${this.t("reset")}
                  </button>`
            }
            <button type="button" data-testid="logout" @click=${this.onLogout} ?disabled=${this.status !== "ready"}>
              ${this.t("logout")}
            </button>
          </div>
        </header>
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
    </bankcrm-provider>`;
  }

  private renderConnection() {
    if (!this.api)
      return html`<span class="connection" data-testid="connection"
        ><span class="dot"></span>${this.t("embedded")}</span
      >`;
    const s = this.outboxStatus;
    return html`<span class="connection" data-testid="connection">
      <span class=${this.online ? "dot" : "dot off"}></span>
      <span role="status" data-testid="online">${this.t(this.online ? "online" : "offline")}</span>
      <span role="status" data-testid="outbox"
        >${this.t("outbox", { pending: s.pending, failed: s.failed, conflicts: s.conflicts })}</span
      >
      <button type="button" data-testid="toggle-online" @click=${() => void this.setOnline(!this.online)}>
        ${this.t(this.online ? "goOffline" : "goOnline")}
      </button>
    </span>`;
  }

  private renderProgress() {
    return html`<section aria-labelledby="progress-label">
      <p id="progress-label" role="status">
        ${this.status === "opening" ? this.t("opening") : this.t("generating", { done: this.done.toLocaleString(), total: this.total.toLocaleString() })}
      </p>
      <progress aria-labelledby="progress-label" max=${this.total || 1} .value=${this.done}></progress>
    </section>`;
  }

  private renderMain() {
    const l = this.locale;
    const scopeKey: TextKey =
      this.demoRole === "relationship_manager" ? "scopeRm" : this.demoRole === "auditor" ? "scopeAll" : "scopeBranch";
    return html`
      <div class="toolbar" role="search">
        <strong>${this.t(scopeKey)}</strong>
        <label>
          <span class="visually-hidden">${this.t("search")}</span>
          <input
            type="search"
            data-testid="search"
            placeholder=${this.t("searchPlaceholder")}
            aria-label=${this.t("search")}
            .value=${this.search}
            @input=${(e: Event) => {
              this.search = (e.target as HTMLInputElement).value;
              this.applyFilters();
            }}
          />
        </label>
        <label>
          ${this.t("tier")}
          <select
            data-testid="tier"
            @change=${(e: Event) => {
              this.tier = (e.target as HTMLSelectElement).value as Tier | "";
              this.applyFilters();
            }}
          >
            <option value="" ?selected=${this.tier === ""}>${this.t("allTiers")}</option>
            ${labelsOf("tier", l).map((t) => html`<option value=${t.value} ?selected=${this.tier === t.value}>${t.label}</option>`)}
          </select>
        </label>
        <label>
          ${this.t("segment")}
          <select
            data-testid="segment"
            @change=${(e: Event) => {
              this.segment = (e.target as HTMLSelectElement).value;
              if (this.api && this.segment) void this.pushDownSegment(this.segment).then(() => this.applyFilters());
              else this.applyFilters();
            }}
          >
            <option value="" ?selected=${this.segment === ""}>${this.t("allSegments")}</option>
            ${SEGMENTS.map(
              (s) =>
                html`<option value=${s.definition.id} ?selected=${this.segment === s.definition.id}>
                  ${l === "zh-CN" ? s.label[0] : s.label[1]}
                </option>`,
            )}
          </select>
        </label>
        <label>
          ${this.t("sortBy")}
          <select
            data-testid="sort"
            @change=${(e: Event) => {
              this.sortKey = (e.target as HTMLSelectElement).value as SortKey;
              this.applyFilters();
            }}
          >
            ${(
              [
                ["aum", "sortAum"],
                ["name", "sortName"],
                ["tier", "sortTier"],
                ["onboardedAt", "sortOnboarded"],
              ] as const
            ).map(([key, t]) => html`<option value=${key} ?selected=${this.sortKey === key}>${this.t(t)}</option>`)}
          </select>
        </label>
        <button
          type="button"
          data-testid="direction"
          aria-pressed=${this.descending ? "true" : "false"}
          @click=${() => {
            this.descending = !this.descending;
            this.applyFilters();
          }}
        >
          ${this.t(this.descending ? "descending" : "ascending")}
        </button>
        <span role="status" data-testid="count"
          >${this.t("count", { count: this.visible.length.toLocaleString() })}</span
        >
      </div>
      <div class=${this.selectedId ? "layout split" : "layout"}>
        <ws-customer-list
          .rows=${this.visible}
          .selectedId=${this.selectedId}
          .locale=${l}
          @ws-open=${(e: CustomEvent<{ id: string }>) => (this.selectedId = e.detail.id)}
        ></ws-customer-list>
        ${this.selectedId ? this.renderSelected() : nothing}
      </div>
    `;
  }

  /** Why the open customer is in (or out of) the chosen segment: the core's explanation, condition by condition. */
  private renderWhy() {
    const named = SEGMENTS.find((s) => s.definition.id === this.segment);
    const row = named && this.rows.find((r) => r.id === this.selectedId);
    if (!named || !row) return nothing;
    const l = this.locale;
    const tree = explainSegment(named.definition, customerFieldCatalog, row);
    const show = (value: unknown, field?: string): string => {
      if (value === null || value === undefined) return "—";
      if (typeof value === "number" && field && customerFieldCatalog.get(field)?.type === "money")
        return formatMoney(value, "CNY", l, { compact: true });
      if (Array.isArray(value)) return value.map((v) => show(v, field)).join(" – ");
      return typeof value === "string" || typeof value === "number" || typeof value === "boolean"
        ? String(value)
        : JSON.stringify(value);
    };
    const conditions = (node: ExplainedNode): ExplainedNode[] =>
      node.kind === "condition" ? [node] : (node.children ?? []).flatMap(conditions);
    return html`<section class="why" data-testid="why-segment" aria-label=${named.label[l === "zh-CN" ? 0 : 1]}>
      <strong>
        ${this.t("whySegment", {
          verdict: this.t(tree.matched ? "inSegment" : "notInSegment"),
          segment: named.label[l === "zh-CN" ? 0 : 1],
        })}
      </strong>
      <ul>
        ${conditions(tree).map(
          (c) =>
            html`<li class=${c.matched ? "yes" : "no"}>
              ${c.matched ? "✓" : "✗"} ${c.label?.[l]} ${c.op} ${show(c.value, c.field)} ·
              ${this.t("actualValue", { value: show(c.actual, c.field) })}
            </li>`,
        )}
      </ul>
    </section>`;
  }

  private renderSelected() {
    const idb = this.idb;
    const embedded = !this.api && idb !== undefined;
    return html`<aside aria-label=${this.t("customerView")} class="panel">
      <button type="button" data-testid="close" @click=${() => (this.selectedId = undefined)}>
        ${this.t("close")}
      </button>
      ${this.renderWhy()}
      <ws-customer-360
        customer-id=${this.selectedId!}
        .client=${this.client}
        .locale=${this.locale}
        .names=${{ ...BRANCH_NAMES, ...STAFF_NAMES }}
        .rules=${this.rules}
        ?offline=${!this.online}
        .prepare=${
          embedded
            ? async (id: string) => {
                const raw = await idb.getCustomer(id);
                if (raw) await ensureHistory(idb, raw, SEED);
              }
            : undefined
        }
      ></ws-customer-360>
      <details>
        <summary>${this.t("auditLog")}</summary>
        <ul data-testid="audit">
          ${
            this.audit.length === 0
              ? html`<li>${this.t("noAudit")}</li>`
              : this.audit.map(
                  (e) =>
                    html`<li>${e.at} · ${e.actorId} (${e.actorRole}) · ${e.customerId} · ${e.field} · ${e.reason}</li>`,
                )
          }
        </ul>
      </details>
    </aside>`;
  }
}

customElements.define("bankcrm-workstation-app", WorkstationApp);
