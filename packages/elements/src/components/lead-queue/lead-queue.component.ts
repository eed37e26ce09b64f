import { html, nothing, type PropertyValues } from "lit";
import { property, state } from "lit/decorators.js";
import {
  DAY_MS,
  DEFAULT_FIRST_CONTACT_HOURS,
  availableTransitions,
  bankDay,
  firstContactClock,
  isValidationError,
  labelIn,
  type Customer,
  type FirstContactPolicy,
  type Lead,
  type Locale,
  type WriteResult,
} from "@bankcrm/core";
import { leadPurposeLabels, leadSourceLabels } from "@bankcrm/core/i18n";
import { say } from "../../i18n/lead-queue-messages.js";
import type { LeadQueueMessageKey } from "../../i18n/lead-queue-messages.js";
import { BankcrmLeadChangeEvent } from "../../events/lead-queue-events.js";
import { ClientRecords } from "../../internal/client-records.js";
import { failure, listAll, writeOutcome } from "../../internal/records.js";
import { compactMoney } from "../../internal/format.js";
import { LEAD_FORM_FIELDS } from "../lead-form/lead-fields.js";
import { BankcrmContextElement } from "../base/context-element.js";
import { leadQueueStyles } from "./lead-queue.styles.js";

const SECTIONS = [
  ["new", "leadsNew"],
  ["contacted", "leadsContacted"],
  ["qualified", "leadsQualified"],
] as const satisfies readonly [Lead["status"], LeadQueueMessageKey][];
const EVENT_TEXT: Record<string, LeadQueueMessageKey> = {
  contact: "leadContact",
  qualify: "leadQualify",
  convert: "leadConvert",
  disqualify: "leadDisqualify",
};
const HOUR = 3_600_000;

/** A member of staff a branch manager may assign leads to. */
export interface AssignableStaff {
  id: string;
  name: string;
}

/**
 * Leads waiting to be worked (销售机会管理), by status: new ones with their
 * first-contact time limit counting down (24 hours for internet-banking leads
 * by default; `policy` sets a bank's own), then contacted and qualified. A
 * branch manager assigns; the assignee contacts, qualifies, converts (an
 * opportunity is created for the lead's customer) or disqualifies with a
 * reason. A prospect whose mobile matches an existing customer gets a hint
 * (masked) and can be linked to that customer. Every write goes through the
 * client.
 *
 * @tagname bankcrm-lead-queue
 * @summary Leads by status with a first-contact countdown; assign, contact, qualify, convert, disqualify.
 *
 * @csspart base - The whole queue.
 * @csspart section - One status's leads.
 * @csspart lead - One lead.
 * @csspart clock - A new lead's time left (or overdue).
 * @csspart match - The hint that the mobile matches an existing customer.
 * @csspart status - The live region saying what a write did.
 *
 * @event bankcrm-lead-change - A lead was assigned, linked, or moved (`detail.action`, `detail.status`).
 */
export class BankcrmLeadQueue extends BankcrmContextElement {
  static override styles = leadQueueStyles;

  /** Only leads assigned to this member of staff. */
  @property({ attribute: "assignee-id" }) assigneeId: string | undefined;

  /** Only this customer's leads (in a single customer view). */
  @property({ attribute: "customer-id" }) customerId: string | undefined;

  /** Only leads of this branch. */
  @property({ attribute: "branch-id" }) branchId: string | undefined;

  /** Only leads nobody is assigned to (a branch manager's to-do). */
  @property({ type: Boolean }) unassigned = false;

  /** Staff a branch manager may assign to; assigning is offered only when given. */
  @property({ attribute: false }) staff: readonly AssignableStaff[] = [];

  /** Hours to first contact by source; default 24 h for internet banking, app and call centre, else 48 h. */
  @property({ attribute: false }) policy: FirstContactPolicy = DEFAULT_FIRST_CONTACT_HOURS;

  /** The moment the clocks count from; default the clock (updated every minute). */
  @property({ attribute: false }) now: Date | undefined;

  /** Days a new opportunity is expected to close in, from conversion. */
  @property({ type: Number, attribute: "close-in-days" }) closeInDays = 30;

  @state() private statusText = "";
  @state() private busy = false;
  @state() private reasonErrors: Record<string, string> = {};
  @state() private mobileMatches: Record<string, Customer[]> = {};
  /** The (masked) names of the customers whose leads carry none of their own. */
  @state() private customerNames: Record<string, string> = {};
  @state() private tick = 0;
  private timer: ReturnType<typeof setInterval> | undefined;
  private records = new ClientRecords<Lead>(this, {
    collection: "leads",
    read: () => {
      const list = this.effectiveClient?.leads?.list;
      if (!list) return undefined;
      const { assigneeId, branchId, customerId, unassigned } = this;
      return listAll((q) => list(q), customerId ? { customerId } : {}).then((all) =>
        all.filter(
          (l) =>
            (assigneeId === undefined || l.assignedTo === assigneeId) &&
            (branchId === undefined || l.branchId === branchId) &&
            (customerId === undefined || l.customerId === customerId) &&
            (!unassigned || l.assignedTo === undefined) &&
            SECTIONS.some(([s]) => s === l.status),
        ),
      );
    },
    loaded: () => {
      void this.findMatches();
      void this.findNames();
    },
  });

  private get leads(): Lead[] {
    return this.records.items;
  }

  private get clock(): Date {
    void this.tick;
    return this.now ?? new Date();
  }

  override connectedCallback() {
    super.connectedCallback();
    this.timer = setInterval(() => {
      if (!this.now) this.tick++;
    }, 60_000);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    clearInterval(this.timer);
  }

  override willUpdate(changed: PropertyValues<this>) {
    const typed = changed as Map<PropertyKey, unknown>;
    if (
      !this.clientChanged(typed) &&
      (typed.has("assigneeId") || typed.has("branchId") || typed.has("unassigned") || typed.has("customerId"))
    )
      void this.load();
    this.records.follow(this.effectiveClient);
  }

  /** Reads the leads again from the client. */
  load(): Promise<void> {
    return this.records.load();
  }

  /** Prospects whose (masked) mobile matches a customer's: a hint, never a merge. */
  private async findMatches() {
    const search = this.effectiveClient?.customers.search;
    if (!search) return;
    const found: Record<string, Customer[]> = {};
    for (const lead of this.leads
      .filter((l) => !l.customerId && l.mobile && !(l.id in this.mobileMatches))
      .slice(0, 30)) {
      const page = await search(lead.mobile!, 3).catch(() => ({ items: [] as Customer[] }));
      found[lead.id] = page.items;
    }
    if (Object.keys(found).length > 0) this.mobileMatches = { ...this.mobileMatches, ...found };
  }

  /** A customer's lead names nobody itself (the customer record does): their name as the client shows it. */
  private async findNames() {
    const get = this.effectiveClient?.customers.get;
    if (!get) return;
    const ids = new Set(this.leads.flatMap((l) => (l.name === undefined && l.customerId ? [l.customerId] : [])));
    const found: Record<string, string> = {};
    for (const id of [...ids].filter((i) => !(i in this.customerNames)).slice(0, 50)) {
      const customer = await get(id).catch(() => undefined);
      found[id] = customer?.name ?? id;
    }
    if (Object.keys(found).length > 0) this.customerNames = { ...this.customerNames, ...found };
  }

  /** Who the lead is about: the prospect's own name, else its customer's. */
  private nameOf(lead: Lead): string {
    return lead.name ?? (lead.customerId ? (this.customerNames[lead.customerId] ?? lead.customerId) : "");
  }

  private async write(lead: Lead, action: string, run: () => Promise<WriteResult<Lead>>) {
    if (this.busy) return;
    this.busy = true;
    this.statusText = "";
    const l = this.effectiveLocale;
    try {
      const result = await run();
      this.statusText = writeOutcome(result, say("leadChanged", l), l);
      if (result.status === "saved" || result.status === "queued")
        this.dispatchEvent(
          new BankcrmLeadChangeEvent({
            lead: result.record,
            action,
            status: result.status,
            ...(result.record.opportunityId ? { opportunityId: result.record.opportunityId } : {}),
          }),
        );
      this.reasonErrors = {};
      await this.load();
    } catch (error) {
      if (isValidationError(error) && action === "disqualify") {
        this.reasonErrors = { [lead.id]: error.errors[0]?.message ?? say("required", l) };
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLElement>(`#reason-${CSS.escape(lead.id)}`)?.focus();
      } else this.statusText = failure(error, l);
    } finally {
      this.busy = false;
    }
  }

  /** Applies a lead's event (contact, qualify, convert, disqualify). Convert creates the opportunity first. */
  transition(lead: Lead, event: string, reason?: string): Promise<void> {
    const leads = this.effectiveClient?.leads;
    return this.write(lead, event, async () => {
      if (!leads?.transition) throw new Error(say("noClient", this.effectiveLocale));
      const details: Record<string, unknown> = { expectedVersion: lead.version ?? 0 };
      if (event === "disqualify") details.reason = reason ?? "";
      if (event === "convert") details.opportunityId = await this.createOpportunity(lead);
      return leads.transition(lead.id, event, details);
    });
  }

  private async createOpportunity(lead: Lead): Promise<string> {
    const client = this.effectiveClient!;
    if (!client.opportunities || !lead.customerId) throw new Error(say("leadNeedsCustomer", this.effectiveLocale));
    const now = this.clock;
    const id = `OP-${crypto.randomUUID()}`;
    const product = lead.productInterest ?? LEAD_FORM_FIELDS[lead.purpose].products[0] ?? "current_deposit";
    const result = await client.opportunities.create({
      id,
      customerId: lead.customerId,
      leadId: lead.id,
      // No name in a generated title: titles are free text, shown unmasked to every role that sees the opportunity.
      title: `${labelIn(leadPurposeLabels, lead.purpose, this.effectiveLocale)} · ${lead.id}`.slice(0, 120),
      productType: product,
      stage: "prospecting",
      amount: lead.expectedAmount ?? { amount: 0, currency: "CNY" },
      probability: 0.1,
      expectedClose: bankDay(new Date(now.getTime() + this.closeInDays * DAY_MS)),
      ownerId: lead.assignedTo ?? client.user.id,
      createdAt: now.toISOString(),
    });
    if (result.status === "failed" || result.status === "conflict") throw new Error(result.reason ?? result.status);
    return id;
  }

  /** Assigns a lead to a member of staff (branch manager). */
  assign(lead: Lead, staffId: string): Promise<void> {
    const leads = this.effectiveClient?.leads;
    return this.write(lead, "assign", async () => {
      if (!leads?.update) throw new Error(say("noClient", this.effectiveLocale));
      return leads.update(lead.id, { assignedTo: staffId }, { expectedVersion: lead.version ?? 0 });
    });
  }

  /** Links a prospect to the existing customer its mobile matched. */
  link(lead: Lead, customerId: string): Promise<void> {
    const leads = this.effectiveClient?.leads;
    return this.write(lead, "link", async () => {
      if (!leads?.update) throw new Error(say("noClient", this.effectiveLocale));
      return leads.update(lead.id, { customerId }, { expectedVersion: lead.version ?? 0 });
    });
  }

  private renderClock(lead: Lead, l: Locale) {
    const clock = firstContactClock(lead, this.clock, this.policy);
    if (!clock) return nothing;
    const hours = Math.floor(Math.abs(clock.left) / HOUR);
    const minutes = Math.floor((Math.abs(clock.left) % HOUR) / 60_000);
    return html`<span
      part="clock"
      class=${clock.overdue ? "late" : "muted"}
      data-overdue=${clock.overdue ? "true" : "false"}
    >
      <time datetime=${clock.dueAt}
        >${say(clock.overdue ? "leadClockOverdue" : "leadClockLeft", l, { hours, minutes })}</time
      >
    </span>`;
  }

  private renderMatch(lead: Lead, l: Locale) {
    const found = this.mobileMatches[lead.id];
    if (lead.customerId || !found || found.length === 0) return nothing;
    return html`<p part="match" class="muted">
      ${say("leadMatches", l, { count: found.length })}
      ${found.map(
        (c) =>
          html`<button type="button" data-action="link" ?disabled=${this.busy} @click=${() => this.link(lead, c.id)}>
            ${say("leadLinkTo", l, { name: c.name })}
          </button>`,
      )}
    </p>`;
  }

  private renderLead(lead: Lead, l: Locale) {
    const user = this.effectiveUser;
    const offered = user ? availableTransitions("leads", lead, user).map((t) => t.event) : [];
    const canAssign = user?.role === "branch_manager" && this.staff.length > 0;
    const assignId = `assign-${lead.id}`;
    const assignee = lead.assignedTo
      ? (this.staff.find((s) => s.id === lead.assignedTo)?.name ?? lead.assignedTo)
      : undefined;
    return html`<li part="lead" class="row" data-lead-id=${lead.id}>
      <span class="grow">
        <strong><bdi>${this.nameOf(lead)}</bdi></strong>
        ${lead.mobile ? html`<span class="muted">${lead.mobile}</span>` : nothing}<br />
        ${labelIn(leadPurposeLabels, lead.purpose, l)} · ${labelIn(leadSourceLabels, lead.source, l)}
        ${lead.expectedAmount ? html` · ${compactMoney(lead.expectedAmount.amount, lead.expectedAmount.currency, l)}` : nothing}
        ·
        <span class="muted">${assignee ? say("leadAssignedTo", l, { name: assignee }) : say("leadUnassigned", l)}</span>
        ${this.renderClock(lead, l)} ${this.renderMatch(lead, l)}
      </span>
      <span class="actions" role="group" aria-label=${say("leadActions", l, { name: this.nameOf(lead) })}>
        ${
          canAssign
            ? html`<label class="visually-hidden" for=${assignId}>${say("leadAssign", l)}</label>
                <select id=${assignId}>
                  ${this.staff.map(
                    (s) => html`<option value=${s.id} ?selected=${s.id === lead.assignedTo}>${s.name}</option>`,
                  )}
                </select>
                <button
                  type="button"
                  data-action="assign"
                  ?disabled=${this.busy}
                  @click=${() => {
                    const select = this.renderRoot.querySelector<HTMLSelectElement>(`#${CSS.escape(assignId)}`);
                    if (select) void this.assign(lead, select.value);
                  }}
                >
                  ${say("leadAssign", l)}
                </button>`
            : nothing
        }
        ${offered
          .filter((e) => e !== "disqualify")
          .map(
            (event) =>
              html`<button
                type="button"
                data-event=${event}
                ?disabled=${this.busy || (event === "convert" && !lead.customerId)}
                title=${event === "convert" && !lead.customerId ? say("leadNeedsCustomer", l) : nothing}
                @click=${() => this.transition(lead, event)}
              >
                ${say(EVENT_TEXT[event] ?? "leadChanged", l)}
              </button>`,
          )}
        ${offered.includes("disqualify") ? this.renderDisqualify(lead, l) : nothing}
      </span>
    </li>`;
  }

  /** Disqualifying asks why: the reason's field, its error, and the button. */
  private renderDisqualify(lead: Lead, l: Locale) {
    const reasonId = `reason-${lead.id}`;
    const reasonError = this.reasonErrors[lead.id];
    return html`<label class="visually-hidden" for=${reasonId}>${say("leadDisqualifyReason", l)}</label>
      <input
        id=${reasonId}
        maxlength="200"
        placeholder=${say("leadDisqualifyReason", l)}
        aria-invalid=${reasonError ? "true" : "false"}
        aria-describedby=${reasonError ? `${reasonId}-error` : nothing}
      />
      <button
        type="button"
        data-event="disqualify"
        ?disabled=${this.busy}
        @click=${() => {
          const input = this.renderRoot.querySelector<HTMLInputElement>(`#${CSS.escape(reasonId)}`);
          void this.transition(lead, "disqualify", input?.value.trim() ?? "");
        }}
      >
        ${say("leadDisqualify", l)}
      </button>
      ${reasonError ? html`<span class="error" id=${`${reasonId}-error`}>${reasonError}</span>` : nothing}`;
  }

  override render() {
    const l = this.effectiveLocale;
    const waiting = this.loadingOrError(this.records.loading, this.records.error);
    if (waiting) return waiting;
    if (!this.effectiveClient?.leads?.list) return html`<div part="base" role="status">${say("noClient", l)}</div>`;
    const now = this.clock;
    const dueOf = (lead: Lead) => firstContactClock(lead, now, this.policy)?.left ?? Number.POSITIVE_INFINITY;
    return html`<section part="base" aria-labelledby="title">
      <h2 id="title">${say("leadQueueTitle", l)}</h2>
      ${this.leads.length === 0 ? html`<p class="muted" data-empty>${say("leadQueueEmpty", l)}</p>` : nothing}
      ${SECTIONS.map(([status, key]) => {
        const list = this.leads.filter((x) => x.status === status);
        if (list.length === 0) return nothing;
        if (status === "new") list.sort((a, b) => dueOf(a) - dueOf(b));
        return html`<section part="section" aria-labelledby=${`${status}-h`} data-status=${status}>
          <h3 id=${`${status}-h`}>${say(key, l)} (${list.length})</h3>
          <ul>
            ${list.map((lead) => this.renderLead(lead, l))}
          </ul>
        </section>`;
      })}
      <p part="status" role="status">${this.statusText}</p>
    </section>`;
  }
}
