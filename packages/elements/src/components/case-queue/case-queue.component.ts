import { html, nothing, type PropertyValues } from "lit";
import { property, state } from "lit/decorators.js";
import {
  availableTransitions,
  bankDay,
  isValidationError,
  labelIn,
  mainlandChinaCalendar,
  slaState,
  type ServiceCase,
  type SlaState,
  type WorkCalendar,
  type WriteResult,
} from "@bankcrm/core";
import { RESOLUTION_CODES } from "@bankcrm/core/vocabulary";
import {
  priorityLabels,
  resolutionCodeLabels,
  serviceCaseStatusLabels,
  serviceCaseTypeLabels,
  serviceCategoryLabels,
} from "@bankcrm/core/i18n";
import { BankcrmCaseChangeEvent } from "../../events/case-events.js";
import { ClientRecords } from "../../internal/client-records.js";
import { failure, listAll, writeOutcome } from "../../internal/records.js";
import { sayService } from "../../i18n/case-queue-messages.js";
import type { CaseQueueMessageKey } from "../../i18n/case-queue-messages.js";
import type { AssignableStaff } from "../lead-queue/lead-queue.component.js";
import { BankcrmContextElement } from "../base/context-element.js";
import { caseQueueStyles } from "./case-queue.styles.js";

const GROUPS = [
  ["overdue", "slaOverdue"],
  ["due_soon", "slaDueSoon"],
  ["on_time", "slaOnTime"],
  ["resolved", "slaResolved"],
] as const satisfies readonly [string, CaseQueueMessageKey][];
const groupOf = (state: SlaState) => (state === "met" || state === "missed" ? "resolved" : state);

/**
 * Service cases by their time limit (投诉处理): overdue, due soon, on time, and
 * the recently resolved — each with the working days left (or over) on the
 * working calendar — or, for a complaint, the regulator's calendar-day limit when it comes first (extended with a
 * reason: the second time by the branch manager). Assign (branch manager, with `staff`), start, escalate with
 * a reason (each raises the priority a step), resolve with an outcome and the
 * resolution told to the customer, reopen within the window with a reason —
 * every write through the client.
 *
 * @tagname bankcrm-case-queue
 * @summary Cases by time-limit state with working days left; assign, escalate, resolve, reopen.
 *
 * @csspart base - The whole queue.
 * @csspart group - One time-limit state's cases.
 * @csspart case - One case.
 * @csspart sla - A case's working days left or over.
 * @csspart status - The live region saying what a write did.
 *
 * @event bankcrm-case-change - A case was assigned, started, escalated, resolved or reopened.
 */
export class BankcrmCaseQueue extends BankcrmContextElement {
  static override styles = caseQueueStyles;

  /** Only this customer's cases. */
  @property({ attribute: "customer-id" }) customerId: string | undefined;

  /** Only cases assigned to this member of staff. */
  @property({ attribute: "assignee-id" }) assigneeId: string | undefined;

  /** Staff a branch manager may assign to; assigning is offered only when given. */
  @property({ attribute: false }) staff: readonly AssignableStaff[] = [];

  /** The working calendar; default mainland China. */
  @property({ attribute: false }) calendar: WorkCalendar = mainlandChinaCalendar;

  /** The moment the limits are judged at; default the clock. */
  @property({ attribute: false }) now: Date | undefined;

  /** Resolved cases shown (the most recent). */
  @property({ type: Number, attribute: "resolved-limit" }) resolvedLimit = 10;

  @state() private statusText = "";
  @state() private busy = false;
  @state() private fieldErrors: Record<string, string> = {};
  private records = new ClientRecords<ServiceCase>(this, {
    collection: "serviceCases",
    read: () => {
      const repo = this.effectiveClient?.serviceCases;
      if (!repo) return undefined;
      const { customerId, assigneeId } = this;
      return listAll((q) => repo.list(q), customerId ? { customerId } : {}).then((all) =>
        all.filter((c) => (!customerId || c.customerId === customerId) && (!assigneeId || c.assignedTo === assigneeId)),
      );
    },
  });

  override willUpdate(changed: PropertyValues<this>) {
    const typed = changed as Map<PropertyKey, unknown>;
    if (!this.clientChanged(typed) && (typed.has("customerId") || typed.has("assigneeId"))) void this.load();
    this.records.follow(this.effectiveClient);
  }

  /** Reads the cases again from the client. */
  load(): Promise<void> {
    return this.records.load();
  }

  private async write(c: ServiceCase, action: string, run: () => Promise<WriteResult<ServiceCase>>) {
    if (this.busy) return;
    this.busy = true;
    this.statusText = "";
    const l = this.effectiveLocale;
    try {
      const result = await run();
      this.statusText = writeOutcome(result, sayService("caseChanged", l), l);
      this.fieldErrors = {};
      if (result.status === "saved" || result.status === "queued")
        this.dispatchEvent(new BankcrmCaseChangeEvent({ serviceCase: result.record, action, status: result.status }));
      await this.load();
    } catch (error) {
      if (isValidationError(error)) {
        const key = `${action}-${c.id}`;
        this.fieldErrors = { [key]: error.errors[0]?.message ?? "" };
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(key)}`)?.focus();
      } else this.statusText = failure(error, l);
    } finally {
      this.busy = false;
    }
  }

  /** Applies a case event; `details` as the machine wants them (`reason`, `resolution`, `code`). */
  transition(c: ServiceCase, event: string, details: Record<string, unknown> = {}): Promise<void> {
    return this.write(c, event, () =>
      this.effectiveClient!.serviceCases!.transition(c.id, event, { ...details, expectedVersion: c.version ?? 0 }),
    );
  }

  /** Assigns a case to a member of staff. */
  assign(c: ServiceCase, staffId: string): Promise<void> {
    return this.write(c, "assign", () =>
      this.effectiveClient!.serviceCases!.update(c.id, { assignedTo: staffId }, { expectedVersion: c.version ?? 0 }),
    );
  }

  private value(id: string): string {
    return (
      this.renderRoot.querySelector<HTMLInputElement | HTMLSelectElement>(`#${CSS.escape(id)}`)?.value.trim() ?? ""
    );
  }

  private input(id: string, label: string) {
    const error = this.fieldErrors[id];
    return html`<label class="visually-hidden" for=${id}>${label}</label>
      <input
        id=${id}
        maxlength="500"
        placeholder=${label}
        aria-invalid=${error ? "true" : "false"}
        aria-describedby=${error ? `${id}-error` : nothing}
      />${error ? html`<span class="error" id=${`${id}-error`}>${error}</span>` : nothing}`;
  }

  private renderCase(
    c: ServiceCase,
    sla: { state: SlaState; workingDaysLeft: number; dueAt: string; binding: "sla" | "regulatory" },
  ) {
    const l = this.effectiveLocale;
    const user = this.effectiveUser;
    const offered = new Set(user ? availableTransitions("serviceCases", c, user).map((t) => t.event) : []);
    const canAssign = user?.role === "branch_manager" && this.staff.length > 0 && offered.has("escalate");
    const assignee = c.assignedTo ? (this.staff.find((s) => s.id === c.assignedTo)?.name ?? c.assignedTo) : undefined;
    const slaText =
      sla.state === "met" || sla.state === "missed"
        ? sayService(sla.state === "met" ? "slaMet" : "slaMissed", l)
        : sla.workingDaysLeft < 0
          ? sayService("slaDaysOver", l, { days: -sla.workingDaysLeft })
          : sayService("slaDaysLeft", l, { days: sla.workingDaysLeft });
    return html`<li part="case" class="row" data-case-id=${c.id} data-sla=${sla.state}>
      <span class="grow">
        <strong><bdi>${c.subject}</bdi></strong>
        <span class="muted">
          ·
          ${labelIn(serviceCaseTypeLabels, c.type, l)}${c.category ? ` · ${labelIn(serviceCategoryLabels, c.category, l)}` : ""}
          · ${labelIn(priorityLabels, c.priority, l)} · ${labelIn(serviceCaseStatusLabels, c.status, l)}
          ${c.escalationLevel ? ` · ${sayService("caseEscalated", l, { level: c.escalationLevel })}` : ""}
          ${assignee ? ` · ${sayService("leadAssignedTo", l, { name: assignee })}` : ""}</span
        ><br />
        <span
          part="sla"
          data-binding=${sla.binding}
          class=${sla.state === "overdue" || sla.state === "missed" ? "late" : "muted"}
          >${sla.binding === "regulatory" ? `${sayService("slaRegulatory", l)} · ` : ""}${slaText} ·
          <time datetime=${sla.dueAt}>${bankDay(new Date(Date.parse(sla.dueAt) - 1))}</time></span
        >
        ${c.resolution ? html`<br /><span class="muted">${c.resolutionCode ? `${labelIn(resolutionCodeLabels, c.resolutionCode, l)}：` : ""}<bdi>${c.resolution}</bdi></span>` : nothing}
      </span>
      ${this.renderActions(c, offered, canAssign)}
    </li>`;
  }

  /** A transition that asks why: the reason's field and the button that sends it. */
  private reasonAction(
    c: ServiceCase,
    event: "escalate" | "reopen" | "extend",
    reason: CaseQueueMessageKey,
    button: CaseQueueMessageKey,
  ) {
    const l = this.effectiveLocale;
    const id = `${event}-${c.id}`;
    return html`${this.input(id, sayService(reason, l))}
      <button
        type="button"
        data-event=${event}
        ?disabled=${this.busy}
        @click=${() => this.transition(c, event, { reason: this.value(id) })}
      >
        ${sayService(button, l)}
      </button>`;
  }

  /** What may be done to a case now: assign (a branch manager), start, escalate, resolve, reopen — as its machine offers. */
  private renderActions(c: ServiceCase, offered: ReadonlySet<string>, canAssign: boolean) {
    const l = this.effectiveLocale;
    const id = (what: string) => `${what}-${c.id}`;
    return html`<span class="actions" role="group" aria-label=${sayService("caseActions", l, { subject: c.subject })}>
      ${
        canAssign
          ? html`<label class="visually-hidden" for=${id("assign")}>${sayService("caseAssign", l)}</label>
              <select id=${id("assign")}>
                ${this.staff.map((s) => html`<option value=${s.id} ?selected=${s.id === c.assignedTo}>${s.name}</option>`)}
              </select>
              <button
                type="button"
                data-action="assign"
                ?disabled=${this.busy}
                @click=${() => this.assign(c, this.value(id("assign")))}
              >
                ${sayService("caseAssign", l)}
              </button>`
          : nothing
      }
      ${
        offered.has("start")
          ? html`<button
              type="button"
              data-event="start"
              ?disabled=${this.busy}
              @click=${() => this.transition(c, "start")}
            >
              ${sayService("caseStart", l)}
            </button>`
          : nothing
      }
      ${offered.has("escalate") ? this.reasonAction(c, "escalate", "caseEscalateReason", "caseEscalate") : nothing}
      ${offered.has("extend") ? this.reasonAction(c, "extend", "caseExtendReason", "caseExtend") : nothing}
      ${
        offered.has("resolve")
          ? html`<label class="visually-hidden" for=${id("code")}>${sayService("caseResolutionCode", l)}</label>
              <select id=${id("code")}>
                ${RESOLUTION_CODES.map((r) => html`<option value=${r}>${labelIn(resolutionCodeLabels, r, l)}</option>`)}
              </select>
              ${this.input(id("resolve"), sayService("caseResolution", l))}
              <button
                type="button"
                data-event="resolve"
                ?disabled=${this.busy}
                @click=${() =>
                  this.transition(c, "resolve", {
                    resolution: this.value(id("resolve")),
                    code: this.value(id("code")),
                  })}
              >
                ${sayService("caseResolve", l)}
              </button>`
          : nothing
      }
      ${offered.has("reopen") ? this.reasonAction(c, "reopen", "caseReopenReason", "caseReopen") : nothing}
    </span>`;
  }

  override render() {
    const l = this.effectiveLocale;
    const waiting = this.loadingOrError(this.records.loading, this.records.error);
    if (waiting) return waiting;
    if (!this.effectiveClient?.serviceCases)
      return html`<div part="base" role="status">${sayService("noClient", l)}</div>`;
    const now = this.now ?? new Date();
    const judged = this.records.items.map((c) => ({ c, sla: slaState(c, now, { calendar: this.calendar }) }));
    return html`<section part="base" aria-labelledby="title">
      <h2 id="title">${sayService("caseQueueTitle", l)}</h2>
      ${this.records.items.length === 0 ? html`<p class="muted" data-empty>${sayService("caseQueueEmpty", l)}</p>` : nothing}
      ${GROUPS.map(([group, key]) => {
        let list = judged.filter((j) => groupOf(j.sla.state) === group);
        if (list.length === 0) return nothing;
        list.sort((a, b) =>
          group === "resolved"
            ? (b.c.resolvedAt ?? "").localeCompare(a.c.resolvedAt ?? "")
            : a.sla.dueAt.localeCompare(b.sla.dueAt),
        );
        if (group === "resolved") list = list.slice(0, this.resolvedLimit);
        return html`<section part="group" aria-labelledby=${`${group}-h`} data-group=${group}>
          <h3 id=${`${group}-h`} class=${group === "overdue" ? "late" : ""}>${sayService(key, l)} (${list.length})</h3>
          <ul>
            ${list.map((j) => this.renderCase(j.c, j.sla))}
          </ul>
        </section>`;
      })}
      <p part="status" role="status">${this.statusText}</p>
    </section>`;
  }
}
