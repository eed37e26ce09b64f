/**
 * The branch workstation (网点工作台) — bankcrm's main demo. For now: the
 * relationship manager's customer list on the embedded IndexedDB store,
 * generated on first start with a progress bar, with tiers and masked
 * identifiers. Later issues grow it into the full single customer view.
 */
import { LitElement, html, css, nothing } from "lit";
import { state } from "lit/decorators.js";
import {
  BRANCHES,
  generateDemoCustomers,
  label,
  labelsOf,
  mask,
  resolveLocale,
  type Customer,
  type Locale,
  type Tier,
} from "@bankcrm/core";
import { createCrmClient, createIndexedDbStore, type CrmClient, type IndexedDbStore } from "@bankcrm/data";
import "@bankcrm/elements/tier-badge.js";
import "@bankcrm/elements/customer-card.js";
import type { RevealAuditEvent, StaffRole } from "@bankcrm/core";
import { text, type TextKey } from "./messages.js";

const params = new URLSearchParams(location.search);
const TOTAL = Math.max(1, Math.min(1_000_000, Number(params.get("customers") ?? 50_000) || 50_000));
const SEED = params.get("seed") ?? "bankcrm";
const DB_NAME = `bankcrm-workstation-${SEED}-${TOTAL}`;
const CHUNK = 1000;
const PAGE = 50;
const BRANCH_NAMES = new Map(BRANCHES.map((b) => [b.id, b.name]));

type Status = "opening" | "generating" | "ready" | "error";

export class WorkstationApp extends LitElement {
  static override styles = css`
    :host {
      display: block;
      max-width: 1200px;
      margin: 0 auto;
      padding: 16px;
    }
    header {
      display: flex;
      gap: 12px;
      align-items: center;
      justify-content: space-between;
      flex-wrap: wrap;
    }
    h1 {
      font-size: 1.25rem;
      margin: 0;
    }
    .toolbar {
      display: flex;
      gap: 8px;
      align-items: center;
      flex-wrap: wrap;
      margin: 12px 0;
    }
    table {
      width: 100%;
      border-collapse: collapse;
      font-size: 0.875rem;
    }
    th,
    td {
      text-align: left;
      padding: 6px 8px;
      border-bottom: 1px solid #e3e6eb;
      white-space: nowrap;
    }
    th {
      background: #f5f6f8;
      position: sticky;
      top: 0;
    }
    td.mono {
      font-family: ui-monospace, "SFMono-Regular", Menlo, monospace;
    }
    progress {
      width: 100%;
      height: 12px;
    }
    button,
    select {
      font: inherit;
      padding: 4px 10px;
    }
    .visually-hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
    .layout.split {
      display: grid;
      grid-template-columns: minmax(0, 1fr) minmax(280px, 400px);
      gap: 16px;
      align-items: start;
    }
    .layout.split table {
      display: block;
      overflow-x: auto;
    }
    .panel {
      position: sticky;
      top: 16px;
      max-height: calc(100vh - 32px);
      overflow: auto;
      background: #fff;
      border: 1px solid #d0d5dd;
      border-radius: 6px;
      padding: 12px;
    }
    .panel h2 {
      font-size: 0.9375rem;
      margin: 12px 0 4px;
    }
    .panel ul {
      font-size: 0.75rem;
      padding-left: 1.25em;
      margin: 0;
    }
    .error {
      color: #a8071a;
    }
  `;

  @state() private locale: Locale = resolveLocale(params.get("lang") ?? "zh-CN");
  @state() private status: Status = "opening";
  @state() private done = 0;
  @state() private total = 0;
  @state() private tier: Tier | "" = "";
  @state() private rows: Customer[] = [];
  @state() private count = 0;
  @state() private errorText = "";
  @state() private userRole: StaffRole = "relationship_manager";
  @state() private selectedId: string | undefined;
  @state() private audit: RevealAuditEvent[] = [];
  @state() private client: CrmClient | undefined;
  private cursors: (string | undefined)[] = [undefined];
  private store: IndexedDbStore | undefined;

  /** A client for the chosen demo user; reveals are audited into the page's log. */
  private makeClient() {
    if (!this.store) return;
    this.client = createCrmClient({
      store: this.store,
      user: { id: this.userRole === "teller" ? "ST-DEMO-TELLER" : "ST-DEMO-RM", role: this.userRole },
      locale: this.locale,
      onAudit: (event) => {
        this.audit = [event, ...this.audit].slice(0, 20);
      },
    });
  }

  private onRole(event: Event) {
    this.userRole = (event.target as HTMLSelectElement).value as StaffRole;
    this.makeClient();
  }

  private t(key: TextKey, values: Record<string, string | number> = {}) {
    return text(key, this.locale, values);
  }

  override connectedCallback() {
    super.connectedCallback();
    void this.start();
  }

  private async start() {
    try {
      this.store = await createIndexedDbStore({ name: DB_NAME, locale: this.locale });
      const existing = await this.store.count();
      if (existing < TOTAL) await this.generate(existing);
      this.makeClient();
      this.status = "ready";
      await this.load();
    } catch (error) {
      this.status = "error";
      this.errorText = String((error as Error).message ?? error);
    }
  }

  /** Generates the demo book in chunks, resuming where an interrupted run stopped. */
  private async generate(from: number) {
    this.status = "generating";
    this.total = TOTAL;
    this.done = from;
    for (let start = from; start < TOTAL; start += CHUNK) {
      const customers = generateDemoCustomers({ seed: SEED, start, count: Math.min(CHUNK, TOTAL - start) });
      await this.store!.importCustomers(customers);
      this.done = start + customers.length;
    }
  }

  private async load(after?: string) {
    const filter = this.tier ? { tier: this.tier } : {};
    this.rows = (await this.store!.listCustomers({ ...filter, limit: PAGE, ...(after ? { after } : {}) })).items;
    this.count = await this.store!.count(filter);
  }

  private async onTier(event: Event) {
    this.tier = (event.target as HTMLSelectElement).value as Tier | "";
    this.cursors = [undefined];
    await this.load();
  }

  private async next() {
    const last = this.rows[this.rows.length - 1];
    if (!last) return;
    this.cursors.push(last.id);
    await this.load(last.id);
  }

  private async previous() {
    if (this.cursors.length <= 1) return;
    this.cursors.pop();
    await this.load(this.cursors[this.cursors.length - 1]);
  }

  private async reset() {
    await this.store?.destroy();
    this.rows = [];
    this.cursors = [undefined];
    this.status = "opening";
    await this.start();
  }

  private switchLocale() {
    this.locale = this.locale === "zh-CN" ? "en" : "zh-CN";
    document.documentElement.lang = this.locale;
    document.title = this.t("title");
  }

  override render() {
    return html`
      <header>
        <h1>${this.t("title")}</h1>
        <div class="toolbar">
          <button type="button" @click=${this.switchLocale}>${this.t("switchLocale")}</button>
          <label>
            ${this.t("user")}
            <select data-testid="role" @change=${this.onRole} .value=${this.userRole}>
              <option value="relationship_manager">${this.t("roleRm")}</option>
              <option value="teller">${this.t("roleTeller")}</option>
            </select>
          </label>
          <button type="button" @click=${this.reset} ?disabled=${this.status !== "ready"}>${this.t("reset")}</button>
        </div>
      </header>
      ${this.status === "generating" || this.status === "opening" ? this.renderProgress() : nothing}
      ${this.status === "error" ? html`<p class="error" role="alert">${this.t("error")} ${this.errorText}</p>` : nothing}
      ${this.status === "ready" ? this.renderList() : nothing}
    `;
  }

  private renderProgress() {
    return html`<section aria-labelledby="progress-label">
      <p id="progress-label" role="status">
        ${this.status === "opening" ? this.t("opening") : this.t("generating", { done: this.done.toLocaleString(), total: this.total.toLocaleString() })}
      </p>
      <progress aria-labelledby="progress-label" max=${this.total || 1} .value=${this.done}></progress>
    </section>`;
  }

  private renderList() {
    const page = this.cursors.length;
    return html`
      <div class="toolbar">
        <label>
          ${this.t("tier")}
          <select data-testid="tier" @change=${this.onTier} .value=${this.tier}>
            <option value="">${this.t("allTiers")}</option>
            ${labelsOf("tier", this.locale).map((t) => html`<option value=${t.value}>${t.label}</option>`)}
          </select>
        </label>
        <span role="status" data-testid="count">${this.t("count", { count: this.count.toLocaleString() })}</span>
        <button type="button" @click=${this.previous} ?disabled=${page <= 1}>${this.t("previous")}</button>
        <span>${this.t("page", { page })}</span>
        <button type="button" @click=${this.next} ?disabled=${this.rows.length < PAGE}>${this.t("next")}</button>
      </div>
      <div class=${this.selectedId ? "layout split" : "layout"}>
        <table>
          <caption class="visually-hidden">
            ${this.t("caption")}
          </caption>
          <thead>
            <tr>
              <th scope="col">${this.t("customerId")}</th>
              <th scope="col">${this.t("name")}</th>
              <th scope="col">${this.t("kind")}</th>
              <th scope="col">${this.t("tier")}</th>
              <th scope="col">${this.t("identifier")}</th>
              <th scope="col">${this.t("mobile")}</th>
              <th scope="col">${this.t("branch")}</th>
              <th scope="col"><span class="visually-hidden">${this.t("open")}</span></th>
            </tr>
          </thead>
          <tbody>
            ${this.rows.map(
              (c) =>
                html`<tr data-customer-id=${c.id}>
                  <td class="mono">${c.id}</td>
                  <td>${c.kind === "individual" ? mask(c.name, "name") : c.name}</td>
                  <td>${label("customerKind", c.kind, this.locale)}</td>
                  <td><bankcrm-tier-badge .tier=${c.tier} locale=${this.locale}></bankcrm-tier-badge></td>
                  <td class="mono" data-field="identifier">
                    ${c.kind === "individual" ? mask(c.idDocument.number, "idNumber") : c.uscc}
                  </td>
                  <td class="mono" data-field="mobile">${c.contact.mobile ? mask(c.contact.mobile, "mobile") : "—"}</td>
                  <td>${BRANCH_NAMES.get(c.branchId) ?? c.branchId}</td>
                  <td>
                    <button type="button" data-open=${c.id} @click=${() => (this.selectedId = c.id)}>
                      ${this.t("open")}
                    </button>
                  </td>
                </tr>`,
            )}
          </tbody>
        </table>
        ${this.selectedId ? this.renderSelected() : nothing}
      </div>
    `;
  }

  private renderSelected() {
    return html`<aside aria-label=${this.t("customerView")} class="panel">
      <bankcrm-customer-card
        customer-id=${this.selectedId!}
        .client=${this.client}
        .names=${Object.fromEntries(BRANCH_NAMES)}
        locale=${this.locale}
        reveal-reason=${this.t("revealReason")}
      ></bankcrm-customer-card>
      <h2>${this.t("auditLog")}</h2>
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
    </aside>`;
  }
}

customElements.define("bankcrm-workstation-app", WorkstationApp);
