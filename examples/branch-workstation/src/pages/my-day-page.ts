/**
 * "My day" (我的一天), the workstation's home for the two sales roles.
 *
 * Relationship manager: overdue and today's tasks with care suggestions, the
 * leads waiting for a first contact, their pipeline with its forecast, and
 * their targets with pace. Branch manager: the team's pipeline and forecast,
 * the team ranked against its targets, and the leads nobody is assigned to.
 *
 * The elements read and write through the provider's client; this page only
 * computes what they are given: care events, and target achievement with
 * commission — core's `salesPerformance`, the server's (`GET /sales/performance`)
 * or embedded over this browser's records (the book's holdings and what the
 * demo world opened since), with the demo bank's commission scheme.
 */
import { LitElement, css, html, nothing } from "lit";
import { property, state } from "lit/decorators.js";
import {
  bankDay,
  careEvents,
  describeError,
  quarterOf,
  salesPerformance,
  type Achievement,
  type CareEvent,
  type Customer,
  type Holding,
  type Locale,
  type SalesPerformance,
} from "@bankcrm/core";
import { DEMO_AS_OF, DEMO_COMMISSION_SCHEME, generateCustomerHistory } from "@bankcrm/core/demo";
import type { CrmClient } from "@bankcrm/data";
import "@bankcrm/elements/task-list.js";
import "@bankcrm/elements/lead-queue.js";
import "@bankcrm/elements/case-queue.js";
import "@bankcrm/elements/pipeline.js";
import "@bankcrm/elements/target-progress.js";
import { text, type TextKey } from "../messages.js";
import { SEED, STAFF, STAFF_NAMES, USERS, relationshipManagersOf, type DemoRole } from "../users.js";
import "./sales-panel.js";
import type { WorldPort } from "../embedded-world.js";
import { pageHostStyles } from "../panel-styles.js";
import { everyPage } from "../paging.js";

/** A page of the book's lists at a time, at most 20,000 records (the demo branch). */
const pages = <T>(list: Parameters<typeof everyPage<T>>[0]) => everyPage(list, { limit: 500, max: 20_000 });

export class MyDayPage extends LitElement {
  static override styles = [
    pageHostStyles,
    css`
      h2 {
        font-size: 1.125rem;
        margin: 10px 0;
      }
      .day {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(420px, 1fr));
        gap: 16px;
        align-items: start;
      }
      .wide {
        grid-column: 1 / -1;
      }
      p[role="status"] {
        color: var(--bankcrm-color-text-muted);
        font-size: 0.875rem;
      }
      .error {
        color: var(--bankcrm-color-danger);
      }
      h3.sub {
        font-size: 1rem;
        margin: 0 0 8px;
      }
    `,
  ];

  @property({ attribute: "demo-role" }) demoRole: DemoRole = "relationship_manager";
  @property() locale: Locale = "zh-CN";
  @property({ attribute: false }) client: CrmClient | undefined;
  /** Embedded: holdings are generated from the seed (as the single customer view does); else only the server knows them. */
  @property({ type: Boolean }) embedded = false;
  /** The demo's time, what its world opened, the server's performance (the session). */
  @property({ attribute: false }) world: WorldPort | undefined;

  @state() private care: CareEvent[] = [];
  @state() private achievements: Achievement[] = [];
  @state() private branchAchievements: Achievement[] = [];
  @state() private performance: SalesPerformance | undefined;
  @state() private today = "";
  @state() private computing = false;
  @state() private failure = "";
  private generation = 0;

  private t(key: TextKey, values: Record<string, string | number> = {}) {
    return text(key, this.locale, values);
  }

  override updated(changed: Map<string, unknown>) {
    if (changed.has("client") || changed.has("demoRole")) void this.compute();
  }

  /** Care events and achievement for the user, after the page is shown (they read the whole book). */
  private async compute() {
    const client = this.client;
    const generation = ++this.generation;
    if (!client) return;
    this.computing = true;
    await new Promise((r) => setTimeout(r, 0));
    try {
      const user = USERS[this.demoRole];
      const world = this.world;
      const today = bankDay(world?.demoNow() ?? new Date());
      const team = this.demoRole === "branch_manager" ? relationshipManagersOf(user.branchId) : [user];
      const ids = new Set(team.map((s) => s.id));
      const customers = (
        await pages((q) =>
          client.customers.list(
            this.demoRole === "branch_manager"
              ? { ...q, branchId: user.branchId }
              : { ...q, relationshipManagerId: user.id },
          ),
        )
      ).filter((c) => c.relationshipManagerId !== undefined && ids.has(c.relationshipManagerId));
      const holdings = this.embedded ? customers.flatMap((c) => this.holdingsOf(c)) : [];
      const performance = world?.performer
        ? await world.performer()
        : salesPerformance({
            targets: await pages((q) => client.salesTargets.list(q)),
            customers,
            // The book's holdings and what the demo world opened since (once each: a 360 view keeps histories too).
            holdings: [
              ...new Map(
                [...holdings, ...((await world?.openedSince(quarterOf(today).periodStart)) ?? [])].map((h) => [
                  h.id,
                  h,
                ]),
              ).values(),
            ],
            staff: STAFF,
            scheme: DEMO_COMMISSION_SCHEME,
            asOf: today,
          });
      const mine = (a: Achievement) => "staffId" in a.owner && ids.has(a.owner.staffId);
      const care = this.demoRole === "relationship_manager" ? careEvents(customers, holdings, { asOf: today }) : [];
      if (generation !== this.generation) return;
      this.achievements = performance.achievements.filter(mine);
      this.branchAchievements = performance.achievements.filter((a) => "branchId" in a.owner);
      this.performance = { ...performance, commission: performance.commission.filter((c) => ids.has(c.staffId)) };
      this.today = today;
      this.care = care;
      this.failure = "";
    } catch (error) {
      // A client replaced meanwhile (another user, a logout) was closed under this run: its answer is no one's.
      if (generation !== this.generation || client !== this.client) return;
      this.failure = this.t("dayFailed", { reason: describeError(error, this.locale) });
    } finally {
      if (generation === this.generation) this.computing = false;
    }
  }

  private holdingsOf(customer: Customer): Holding[] {
    return generateCustomerHistory(customer, { seed: SEED, asOf: DEMO_AS_OF, detail: "holdings" }).holdings;
  }

  private salesPanel() {
    return html`<ws-sales-panel
      demo-role=${this.demoRole}
      .locale=${this.locale}
      .performance=${this.performance}
      .client=${this.client}
      today=${this.today}
      @targets-changed=${() => void this.compute()}
    ></ws-sales-panel>`;
  }

  override render() {
    const user = USERS[this.demoRole];
    const manager = this.demoRole === "branch_manager";
    const rms = relationshipManagersOf(user.branchId);
    return html`<h2>${this.t(manager ? "myDayManager" : "myDay", { name: user.name })}</h2>
      ${this.computing ? html`<p role="status">${this.t("computingDay")}</p>` : nothing}
      ${this.failure ? html`<p role="alert" class="error" data-testid="day-failed">${this.failure}</p>` : nothing}
      <div class="day" data-testid="my-day">
        ${
          manager
            ? html`<bankcrm-pipeline class="wide" .names=${STAFF_NAMES}></bankcrm-pipeline>
                <bankcrm-target-progress
                  mode="team"
                  .achievements=${this.achievements}
                  .names=${STAFF_NAMES}
                ></bankcrm-target-progress>
                <div>
                  <h3 class="sub">${this.t("branchTargets")}</h3>
                  <bankcrm-target-progress .achievements=${this.branchAchievements}></bankcrm-target-progress>
                </div>
                ${this.salesPanel()}
                <bankcrm-lead-queue
                  unassigned
                  branch-id=${user.branchId}
                  .staff=${rms.map((s) => ({ id: s.id, name: s.name }))}
                ></bankcrm-lead-queue>
                <bankcrm-case-queue
                  class="wide"
                  .staff=${rms.map((s) => ({ id: s.id, name: s.name }))}
                ></bankcrm-case-queue>`
            : html`<bankcrm-task-list .careEvents=${this.care}></bankcrm-task-list>
                <bankcrm-lead-queue assignee-id=${user.id}></bankcrm-lead-queue>
                <bankcrm-pipeline class="wide" owner-id=${user.id}></bankcrm-pipeline>
                <bankcrm-target-progress .achievements=${this.achievements}></bankcrm-target-progress>
                ${this.salesPanel()}`
        }
      </div>`;
  }
}

customElements.define("ws-my-day", MyDayPage);
