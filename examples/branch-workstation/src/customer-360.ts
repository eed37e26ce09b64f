/**
 * The single customer view (客户360视图): card, value breakdown, holdings,
 * timeline, next best offers, RFM, credit and transactions worth a look, service cases (taken at the branch
 * too), and the relationship manager's work
 * on the customer — a contact logged, leads worked, the customer's pipeline,
 * tasks, lead capture — all through the client, so masking and roles apply.
 */
import { LitElement, css, html, nothing } from "lit";
import { property, state } from "lit/decorators.js";
import {
  canWrite,
  computeContribution,
  formatMoney,
  inCustomerScope,
  label,
  scoreCustomerValue,
  type AssociationRule,
  type GroupMemberRecords,
  type GroupSummary,
  type Contribution,
  type Customer,
  type Holding,
  type Locale,
  type Money,
  type ValueScore,
  DAY_MS,
} from "@bankcrm/core";
import { DEMO_AS_OF, PRODUCTS } from "@bankcrm/core/demo";
import {
  anomalySignals,
  creditAnalysis,
  summarizeGroup,
  type AnomalySignal,
  type CreditLine,
  type CreditWarning,
} from "@bankcrm/core/analytics";
import type { CrmClient } from "@bankcrm/data";
import "@bankcrm/elements/customer-card.js";
import "@bankcrm/elements/customer-timeline.js";
import "@bankcrm/elements/lead-form.js";
import "@bankcrm/elements/activity-form.js";
import "@bankcrm/elements/lead-queue.js";
import "@bankcrm/elements/offer-list.js";
import "@bankcrm/elements/knowledge-search.js";
import "@bankcrm/elements/pipeline.js";
import "@bankcrm/elements/task-list.js";
import "@bankcrm/elements/customer-form.js";
import "@bankcrm/elements/value-breakdown.js";
import "@bankcrm/elements/relationship-group.js";
import "@bankcrm/elements/case-queue.js";
import "@bankcrm/elements/case-form.js";
import { aumOf, type BookRow } from "./book.js";
import { text, type TextKey } from "./messages.js";
import { panelStyles } from "./panel-styles.js";
import { accountPanels, renderCredit, renderRfm, renderSignals } from "./customer-insights.js";
import type { PointsEvent } from "./loyalty-panel.js";

interface Loaded {
  customer: Customer;
  holdings: Holding[];
  contribution: Contribution;
  value: ValueScore;
  /** Loans and cards: limits, use, days past due, early warnings (core's creditAnalysis). */
  credit: { lines: CreditLine[]; warnings: CreditWarning[] };
  /** Transactions worth a look (core's anomalySignals), newest first. */
  signals: AnomalySignal[];
  aum: Money;
  productCount: number;
}

/**
 * The card's key figures; what the customer's loans and cards owe is a company's credit line's use; the points are the
 * ledger's balance now, once the points panel has read it.
 */
const figuresOf = (d: Loaded, points: PointsEvent["detail"] | undefined) => ({
  ...(points ? { points: points.balance, ...(points.expiring[0] ? { pointsExpiring: points.expiring[0] } : {}) } : {}),
  aum: d.aum,
  contribution: d.contribution.total,
  productCount: d.productCount,
  creditUsed: {
    amount: d.credit.lines.filter((x) => x.currency === "CNY").reduce((sum, x) => sum + x.owed, 0),
    currency: "CNY",
  },
});

const NOW = new Date(`${DEMO_AS_OF}T12:00:00+08:00`);

export class Customer360 extends LitElement {
  static override styles = [
    panelStyles,
    css`
      a {
        color: var(--bankcrm-color-accent);
      }
      :host {
        display: grid;
        /* Never wider than the panel: a wide table scrolls within its section, not the page. */
        grid-template-columns: minmax(0, 1fr);
        gap: 12px;
      }
      table {
        width: 100%;
        border-collapse: collapse;
        font-size: 0.8125rem;
      }
      th,
      td {
        text-align: left;
        padding: 4px 6px;
        border-bottom: 1px solid var(--bankcrm-color-border);
      }
      td.num,
      th.num {
        text-align: right;
        font-variant-numeric: tabular-nums;
      }
      ul {
        margin: 0;
        padding-left: 1.2em;
        font-size: 0.8125rem;
      }
      .muted {
        color: var(--bankcrm-color-text-muted);
        font-size: 0.8125rem;
      }
      .grid {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(260px, 1fr));
        gap: 12px;
      }
      select {
        font: inherit;
      }
    `,
  ];

  @property({ attribute: false }) client: CrmClient | undefined;
  @property({ attribute: "customer-id" }) customerId: string | undefined;
  @property() locale: Locale = "zh-CN";
  @property({ type: Boolean }) offline = false;
  @property({ attribute: false }) names: Record<string, string> = {};
  @property({ attribute: false }) rules: readonly AssociationRule[] = [];
  /** The customer's row of the book (its value metrics: RFM), when the list has it. */
  @property({ attribute: false }) row: BookRow | undefined;
  /** Called before reading a customer (the embedded demo generates their history on first open). */
  @property({ attribute: false }) prepare: ((customerId: string) => Promise<void>) | undefined;
  @state() private loaded: Loaded | undefined;
  @state() private error: string | undefined;
  /** The customer's households and groups; undefined while loading (read after the rest: opening stays fast). */
  @state() private groups: GroupSummary[] | undefined;
  @state() private groupsError: string | undefined;
  /** The ledger's balance as the points panel last read it (for the card). */
  @state() private points: PointsEvent["detail"] | undefined;
  private generation = 0;

  private t(key: TextKey, values: Record<string, string | number> = {}) {
    return text(key, this.locale, values);
  }

  /** Stops hearing the client's changes (the client's `on`). */
  private unlisten: (() => void) | undefined;

  override updated(changed: Map<string, unknown>) {
    if ((changed.has("customerId") || changed.has("client")) && this.customerId && this.client)
      void this.load(this.customerId, this.client);
    if (changed.has("client")) this.listen();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.unlisten?.();
    this.unlisten = undefined;
  }

  override connectedCallback() {
    super.connectedCallback();
    if (this.client && !this.unlisten) this.listen();
  }

  /**
   * The customer changed elsewhere — merged with another record of them (their holdings and tier with it), unmerged,
   * edited by a colleague — as the server's change feed tells: the view reads again.
   */
  private listen() {
    this.unlisten?.();
    this.unlisten = this.client?.on("change", (event) => {
      if (event.collection === "customers" && this.customerId && event.ids.includes(this.customerId) && this.client)
        void this.load(this.customerId, this.client);
    });
  }

  private async load(id: string, client: CrmClient) {
    const generation = ++this.generation;
    performance.mark("bankcrm:open-customer:start");
    this.error = undefined;
    if (this.loaded?.customer.id !== id) {
      this.loaded = undefined;
      this.points = undefined;
    }
    try {
      await this.prepare?.(id);
      const [customer, holdings, transactions] = await Promise.all([
        client.customers.get(id),
        client.holdings.list(id),
        client.transactions.list({ customerId: id, limit: 1000 }),
      ]);
      if (generation !== this.generation) return;
      if (!customer) throw new Error(id);
      const contribution = computeContribution(customer, holdings, transactions.items);
      const aum = aumOf(holdings);
      const productCount = new Set(holdings.filter((h) => h.status !== "closed").map((h) => h.productType)).size;
      const since = NOW.getTime() - 90 * DAY_MS;
      const value = scoreCustomerValue({
        aum: aum.amount,
        contribution: contribution.total.amount,
        productCount,
        tenureYears: (NOW.getTime() - Date.parse(customer.onboardedAt)) / (365.25 * DAY_MS),
        engagement: transactions.items.filter((t) => t.at !== undefined && Date.parse(t.at) >= since).length,
      });
      this.loaded = {
        customer,
        holdings,
        contribution,
        value,
        signals: anomalySignals(transactions.items, { asOf: DEMO_AS_OF }),
        credit: creditAnalysis(holdings, transactions.items, { asOf: DEMO_AS_OF }),
        aum,
        productCount,
      };
      await this.updateComplete;
      performance.measure("bankcrm:open-customer", "bankcrm:open-customer:start");
      this.dispatchEvent(new Event("ws-customer-ready", { bubbles: true, composed: true }));
      void this.loadGroups(id, client, generation);
    } catch (error) {
      if (generation === this.generation) this.error = error instanceof Error ? error.message : String(error);
    }
  }

  /**
   * The households and corporate groups the customer belongs to, each member's
   * figures read through the client. Members outside the user's book (the same
   * rule as the server's) are not read: the group counts them as not shown.
   */
  private async loadGroups(id: string, client: CrmClient, generation: number) {
    this.groups = undefined;
    this.groupsError = undefined;
    try {
      const page = await client.relationshipGroups.list({ customerId: id, limit: 10 });
      const out: GroupSummary[] = [];
      for (const group of page.items) {
        const records: GroupMemberRecords[] = [];
        for (const m of group.members) {
          const customer = await client.customers.get(m.customerId).catch(() => undefined);
          if (!customer || !inCustomerScope(client.user, customer)) continue;
          await this.prepare?.(m.customerId);
          const [holdings, transactions] = await Promise.all([
            client.holdings.list(m.customerId),
            client.transactions.list({ customerId: m.customerId, limit: 1000 }),
          ]);
          records.push({
            customer,
            holdings,
            contribution: computeContribution(customer, holdings, transactions.items).total.amount,
          });
        }
        out.push(summarizeGroup(group, records));
      }
      if (generation === this.generation) this.groups = out;
    } catch (error) {
      if (generation === this.generation) this.groupsError = error instanceof Error ? error.message : String(error);
    }
  }

  private money(amount: number | undefined, compact = false) {
    return amount === undefined ? "—" : formatMoney(amount, "CNY", this.locale, { compact });
  }

  /** The customer's households and groups, and — for those who keep them — their editor. */
  private groupsSection(c: Customer, d: Loaded) {
    const l = this.locale;
    return html`<section aria-labelledby="groups-h" data-testid="groups">
      <h2 id="groups-h">${this.t("groups")}</h2>
      ${
        this.groupsError !== undefined || this.groups === undefined || this.groups.length === 0
          ? html`<bankcrm-relationship-group
              ?loading=${this.groups === undefined && this.groupsError === undefined}
              .error=${this.groupsError}
              locale=${l}
            ></bankcrm-relationship-group>`
          : this.groups.map(
              (g) =>
                html`<bankcrm-relationship-group
                  customer-id=${c.id}
                  .summary=${g}
                  ?masked=${d.holdings.some((h) => h.balance === undefined)}
                  locale=${l}
                ></bankcrm-relationship-group>`,
            )
      }
      <ws-group-editor
        .client=${this.client}
        customer-id=${c.id}
        locale=${l}
        @ws-groups-changed=${() => this.client && void this.loadGroups(c.id, this.client, this.generation)}
      ></ws-group-editor>
    </section>`;
  }

  override render() {
    const l = this.locale;
    const say = (key: TextKey, values?: Record<string, string | number>) => this.t(key, values);
    if (this.error !== undefined) return html`<p role="alert">${this.error}</p>`;
    const d = this.loaded;
    if (!d) return html`<p role="status" aria-busy="true">${this.t("loadingCustomer")}</p>`;
    const c = d.customer;
    return html`
      <bankcrm-customer-card
        .customer=${c}
        .client=${this.client}
        .value=${d.value}
        .figures=${figuresOf(d, this.points)}
        .names=${this.names}
        locale=${l}
        ?offline=${this.offline}
        reveal-reason=${this.t("revealReason")}
      ></bankcrm-customer-card>
      <div class="grid">
        <section aria-labelledby="value-h">
          <h2 id="value-h">${this.t("valueBreakdown")}</h2>
          <!-- Amounts are financial data: a role whose holdings come without balances sees no waterfall. -->
          <bankcrm-value-breakdown
            label=${this.t("contributionTotal")}
            .contribution=${d.contribution}
            ?masked=${d.holdings.some((h) => h.balance === undefined)}
            locale=${l}
          ></bankcrm-value-breakdown>
        </section>
        ${this.groupsSection(c, d)} ${renderRfm(this.row, say, l)} ${renderCredit(d.credit, say, l)}
        ${renderSignals(d.signals, say, l)}
        ${accountPanels(this.client, c, this.locale, (points) => (this.points = points))}
        <section data-testid="offers">
          <bankcrm-offer-list
            .client=${this.client}
            customer-id=${c.id}
            .catalog=${PRODUCTS}
            .rules=${this.rules}
            .now=${NOW}
            locale=${l}
          ></bankcrm-offer-list>
          <!-- The bank's scripts and answers, to search while with the customer. -->
          <bankcrm-knowledge-search .client=${this.client} locale=${l}></bankcrm-knowledge-search>
        </section>
      </div>
      <section aria-labelledby="holdings-h" data-testid="holdings">
        <h2 id="holdings-h">${this.t("holdings")}</h2>
        ${
          d.holdings.length === 0
            ? html`<p class="muted">${this.t("noHoldings")}</p>`
            : html`<table>
                <thead>
                  <tr>
                    <th scope="col">${this.t("product")}</th>
                    <th scope="col">${this.t("productType")}</th>
                    <th scope="col">${this.t("status")}</th>
                    <th scope="col" class="num">${this.t("balance")}</th>
                  </tr>
                </thead>
                <tbody>
                  ${d.holdings.map(
                    (h) =>
                      html`<tr>
                        <td>${h.productName ?? h.productCode}</td>
                        <td>${label("productType", h.productType, l)}</td>
                        <td>${label("holdingStatus", h.status, l)}</td>
                        <td class="num">${this.money(h.balance?.amount)}</td>
                      </tr>`,
                  )}
                </tbody>
              </table>`
        }
      </section>
      <section aria-labelledby="cases-h" data-testid="cases">
        <h2 id="cases-h">${this.t("cases")}</h2>
        <bankcrm-case-queue customer-id=${c.id} .client=${this.client} .now=${NOW} locale=${l}></bankcrm-case-queue>
        ${
          // A complaint or request taken at the branch counter (受理), with its time limits, for the roles that may.
          this.client && canWrite("serviceCases", this.client.user, "create")
            ? html`<bankcrm-case-form
                customer-id=${c.id}
                channel="branch"
                .client=${this.client}
                .now=${NOW}
                locale=${l}
              ></bankcrm-case-form>`
            : nothing
        }
      </section>
      <div class="grid" data-testid="work">
        <bankcrm-activity-form customer-id=${c.id} .client=${this.client} locale=${l}></bankcrm-activity-form>
        <bankcrm-lead-queue customer-id=${c.id} .client=${this.client} locale=${l}></bankcrm-lead-queue>
      </div>
      <bankcrm-pipeline
        data-testid="opportunities"
        customer-id=${c.id}
        .client=${this.client}
        .names=${this.names}
        locale=${l}
      ></bankcrm-pipeline>
      <bankcrm-task-list customer-id=${c.id} no-create .client=${this.client} locale=${l}></bankcrm-task-list>
      <section aria-labelledby="timeline-h">
        <h2 id="timeline-h">${this.t("timeline")}</h2>
        <bankcrm-customer-timeline
          customer-id=${c.id}
          .client=${this.client}
          locale=${l}
          now=${NOW.toISOString()}
          ?offline=${this.offline}
        ></bankcrm-customer-timeline>
      </section>
      ${
        // Contact details, a risk re-assessment (before a sale: 适当性), consents — each change kept; for the roles
        // that may change a customer (not the auditor, not marketing).
        this.client && canWrite("customers", this.client.user, "change")
          ? html`<bankcrm-customer-form data-testid="profile" customer-id=${c.id} .client=${this.client} locale=${l}>
            </bankcrm-customer-form>`
          : nothing
      }
      <section aria-labelledby="lead-h">
        <h2 id="lead-h">${this.t("captureLead")}</h2>
        <bankcrm-lead-form
          audience="staff"
          customer-id=${c.id}
          branch-id=${c.branchId}
          .client=${this.client}
          locale=${l}
          consent-version="2026-11"
        ></bankcrm-lead-form>
      </section>
    `;
  }
}

customElements.define("ws-customer-360", Customer360);
