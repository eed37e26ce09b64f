import { html, nothing, type PropertyValues } from "lit";
import { property, state } from "lit/decorators.js";
import {
  DAY_MS,
  TaskSchema,
  bankDay,
  bankTime,
  careTask,
  groupTasks,
  isValidationError,
  labelIn,
  validate,
  type CareEvent,
  type DayTasks,
  type FieldError,
  type Task,
  type WriteStatus,
} from "@bankcrm/core";
import { TASK_TYPES, PRIORITIES } from "@bankcrm/core/vocabulary";
import { careReasonLabels, priorityLabels, taskTypeLabels } from "@bankcrm/core/i18n";
import { say } from "../../i18n/task-list-messages.js";
import type { TaskListMessageKey } from "../../i18n/task-list-messages.js";
import { BankcrmTaskChangeEvent } from "../../events/task-events.js";
import { ClientRecords } from "../../internal/client-records.js";
import { failure, listAll, writeOutcome } from "../../internal/records.js";
import { formText, shortDay } from "../../internal/format.js";
import { BankcrmContextElement } from "../base/context-element.js";
import { taskListStyles } from "./task-list.styles.js";

const BUCKETS = [
  ["overdue", "tasksOverdue"],
  ["today", "tasksToday"],
  ["upcoming", "tasksUpcoming"],
] as const satisfies readonly [keyof DayTasks, TaskListMessageKey][];
const SNOOZE_DAYS = [1, 3, 7] as const;

/**
 * A person's tasks (时间管理): overdue, today and upcoming on the bank's clock;
 * complete, snooze (to 09:00 on a later day) and create — every write through
 * the client, so roles, validation and the outbox apply. Tasks made from care
 * events show their reason; `careEvents` not yet tasks are offered as
 * suggestions to add. Customer names come from the client, masked.
 *
 * @tagname bankcrm-task-list
 * @summary My tasks: overdue, today, upcoming; complete, snooze, create; care suggestions.
 *
 * @csspart base - The whole list.
 * @csspart group - One of overdue / today / upcoming / suggestions.
 * @csspart task - One task.
 * @csspart form - The new-task form.
 * @csspart status - The live region saying what a write did.
 *
 * @event bankcrm-task-change - A task was created, completed or snoozed (`detail.status`: saved or queued).
 */
export class BankcrmTaskList extends BankcrmContextElement {
  static override styles = taskListStyles;

  /** Whose tasks; default the user's. */
  @property({ attribute: "assignee-id" }) assigneeId: string | undefined;

  /** Only this customer's tasks (in a single customer view). */
  @property({ attribute: "customer-id" }) customerId: string | undefined;

  /** The moment "today" is judged from; default the clock. */
  @property({ attribute: false }) now: Date | undefined;

  /** Care events (core `careEvents`) to offer as tasks; those already tasks are not offered again. */
  @property({ attribute: false }) careEvents: readonly CareEvent[] = [];

  /** Hides the new-task form. */
  @property({ type: Boolean, attribute: "no-create" }) noCreate = false;

  @state() private statusText = "";
  @state() private busy = false;
  @state() private formErrors: FieldError[] = [];
  @state() private names: Record<string, string> = {};
  private records = new ClientRecords<Task>(this, {
    collection: "tasks",
    read: () => {
      const tasks = this.effectiveClient?.tasks;
      if (!tasks) return undefined;
      const { customerId } = this;
      const assignee = this.assignee;
      return listAll((q) => tasks.list(q), customerId ? { customerId } : {}).then((all) =>
        all.filter((t) => assignee === undefined || t.assigneeId === assignee),
      );
    },
    loaded: () => void this.loadNames(),
  });

  private get tasks(): Task[] {
    return this.records.items;
  }
  private get assignee(): string | undefined {
    return this.assigneeId ?? this.effectiveUser?.id;
  }
  private get clock(): Date {
    return this.now ?? new Date();
  }

  override willUpdate(changed: PropertyValues<this>) {
    const typed = changed as Map<PropertyKey, unknown>;
    if (!this.clientChanged(typed) && (typed.has("assigneeId") || typed.has("customerId") || typed.has("user")))
      void this.load();
    this.records.follow(this.effectiveClient);
  }

  /** Reads the tasks again from the client. */
  load(): Promise<void> {
    return this.records.load();
  }

  /** The customers' names as the client gives them (masked for the role). */
  private async loadNames() {
    const client = this.effectiveClient;
    if (!client) return;
    const wanted = new Set<string>();
    for (const t of this.tasks) if (t.customerId && !(t.customerId in this.names)) wanted.add(t.customerId);
    for (const e of this.careEvents) if (!(e.customerId in this.names)) wanted.add(e.customerId);
    const found: Record<string, string> = {};
    for (const id of [...wanted].slice(0, 100)) {
      const c = await client.customers.get(id).catch(() => undefined);
      found[id] = c?.name ?? id;
    }
    if (Object.keys(found).length > 0) this.names = { ...this.names, ...found };
  }

  private emit(task: Task, action: "created" | "completed" | "snoozed", status: WriteStatus) {
    if (status === "saved" || status === "queued")
      this.dispatchEvent(new BankcrmTaskChangeEvent({ task, action, status }));
  }

  private async run(action: () => Promise<void>) {
    if (this.busy) return;
    this.busy = true;
    this.statusText = "";
    try {
      await action();
    } catch (error) {
      this.statusText = failure(error, this.effectiveLocale);
    } finally {
      this.busy = false;
    }
  }

  /** Marks a task done. */
  complete(task: Task): Promise<void> {
    return this.run(async () => {
      const result = await this.effectiveClient!.tasks!.transition(task.id, "complete", {
        expectedVersion: task.version ?? 0,
      });
      this.statusText = writeOutcome(result, say("taskCompleted", this.effectiveLocale), this.effectiveLocale);
      this.emit(result.record, "completed", result.status);
      await this.load();
    });
  }

  /** Moves a task to 09:00 (Beijing) `days` days from today. */
  snooze(task: Task, days: number): Promise<void> {
    return this.run(async () => {
      const day = new Date(Date.parse(`${bankDay(this.clock)}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
      const result = await this.effectiveClient!.tasks!.transition(task.id, "snooze", {
        until: bankTime(day, "09:00"),
        expectedVersion: task.version ?? 0,
      });
      this.statusText = writeOutcome(result, say("taskSnoozed", this.effectiveLocale), this.effectiveLocale);
      this.emit(result.record, "snoozed", result.status);
      await this.load();
    });
  }

  private async create(input: Record<string, unknown>, form?: HTMLFormElement) {
    const check = validate(TaskSchema, input, this.effectiveLocale);
    if (!check.success) {
      this.formErrors = check.errors;
      this.statusText = say("fixErrors", this.effectiveLocale, { count: check.errors.length });
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    await this.run(async () => {
      try {
        const result = await this.effectiveClient!.tasks!.create(input);
        this.formErrors = [];
        this.statusText = writeOutcome(result, say("taskCreated", this.effectiveLocale), this.effectiveLocale);
        this.emit(result.record, "created", result.status);
        form?.reset();
        await this.load();
      } catch (error) {
        if (!isValidationError(error)) throw error;
        this.formErrors = error.errors;
        this.statusText = say("fixErrors", this.effectiveLocale, { count: error.errors.length });
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      }
    });
  }

  private onCreate(e: SubmitEvent) {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const get = (name: string) => formText(data, name).trim();
    const due = get("due");
    const dueAt = /^\d{4}-\d{2}-\d{2}$/.test(due) ? bankTime(due, "09:00") : due;
    void this.create(
      {
        id: `TK-${crypto.randomUUID()}`,
        assigneeId: this.assignee,
        ...(this.customerId ? { customerId: this.customerId } : {}),
        type: get("type"),
        title: get("title"),
        priority: get("priority"),
        status: "open",
        dueAt,
      },
      form,
    );
  }

  private addCare(event: CareEvent) {
    const task = careTask(event, {
      assigneeId: this.assignee ?? "",
      asOf: this.clock,
      locale: this.effectiveLocale,
      ...(this.names[event.customerId] ? { customerName: this.names[event.customerId] } : {}),
    });
    void this.create(task);
  }

  private renderTask(task: Task) {
    const l = this.effectiveLocale;
    const due = new Date(task.dueAt);
    const name = task.customerId ? (this.names[task.customerId] ?? "") : "";
    const snoozeId = `snooze-${task.id}`;
    return html`<li part="task" class="row" data-task-id=${task.id}>
      <span class="grow">
        <strong><bdi>${task.title}</bdi></strong>
        ${name ? html`<span class="muted"> · <bdi>${name}</bdi></span>` : nothing}
        ${task.careReason ? html` <span class="badge care">${labelIn(careReasonLabels, task.careReason, l)}</span>` : nothing}
        <br />
        <span class="muted"
          >${labelIn(taskTypeLabels, task.type, l)} · ${labelIn(priorityLabels, task.priority, l)} ·
          <time datetime=${task.dueAt}>${shortDay(due, l)}</time></span
        >
      </span>
      <span class="actions" role="group" aria-label=${say("taskActions", l, { title: task.title })}>
        <button type="button" data-action="complete" ?disabled=${this.busy} @click=${() => this.complete(task)}>
          ${say("taskComplete", l)}
        </button>
        <label class="visually-hidden" for=${snoozeId}>${say("taskSnoozeBy", l)}</label>
        <select id=${snoozeId} data-action="snooze-days">
          ${SNOOZE_DAYS.map((d) => html`<option value=${d}>${say("taskSnoozeDays", l, { days: d })}</option>`)}
        </select>
        <button
          type="button"
          data-action="snooze"
          ?disabled=${this.busy}
          @click=${() => {
            const select = this.renderRoot.querySelector<HTMLSelectElement>(`#${CSS.escape(snoozeId)}`);
            void this.snooze(task, Number(select?.value ?? 1));
          }}
        >
          ${say("taskSnooze", l)}
        </button>
      </span>
    </li>`;
  }

  private renderSuggestions() {
    const l = this.effectiveLocale;
    const taken = new Set(this.tasks.map((t) => t.id));
    const open = this.careEvents.filter(
      (e) =>
        (this.customerId === undefined || e.customerId === this.customerId) &&
        !taken.has(`TK-CARE-${e.customerId}-${e.reason}-${e.dueOn}`),
    );
    if (open.length === 0) return nothing;
    return html`<section part="group" aria-labelledby="care-h">
      <h3 id="care-h">${say("tasksCare", l)} (${open.length})</h3>
      <ul>
        ${open.slice(0, 50).map(
          (e) =>
            html`<li class="row" data-care=${e.reason}>
              <span class="grow"
                ><span class="badge care">${labelIn(careReasonLabels, e.reason, l)}</span>
                <bdi>${this.names[e.customerId] ?? e.customerId}</bdi> ·
                <time datetime=${e.dueOn}>${e.dueOn}</time></span
              >
              <button type="button" data-action="add-care" ?disabled=${this.busy} @click=${() => this.addCare(e)}>
                ${say("taskAddCare", l)}
              </button>
            </li>`,
        )}
      </ul>
    </section>`;
  }

  private renderForm() {
    const l = this.effectiveLocale;
    const error = (field: string) => this.formErrors.find((e) => e.path[0] === field)?.message;
    const invalid = (field: string) => (error(field) ? "true" : "false");
    const described = (field: string) => (error(field) ? `new-${field}-error` : nothing);
    const message_ = (field: string) =>
      error(field) ? html`<span class="error" id=${`new-${field}-error`}>${error(field)}</span>` : nothing;
    const tomorrow = new Date(this.clock.getTime() + DAY_MS);
    return html`<form part="form" novalidate @submit=${this.onCreate} aria-labelledby="new-h">
      <h3 id="new-h">${say("taskNew", l)}</h3>
      <label class="field"
        >${say("taskTitle", l)}
        <input
          name="title"
          maxlength="120"
          required
          aria-invalid=${invalid("title")}
          aria-describedby=${described("title")}
        />${message_("title")}</label
      >
      <label class="field"
        >${say("taskDue", l)}
        <input
          name="due"
          type="date"
          required
          .value=${bankDay(tomorrow)}
          aria-invalid=${invalid("dueAt")}
          aria-describedby=${described("dueAt")}
        />${message_("dueAt")}</label
      >
      <label class="field"
        >${say("taskType", l)}
        <select name="type">
          ${TASK_TYPES.map((t) => html`<option value=${t}>${labelIn(taskTypeLabels, t, l)}</option>`)}
        </select></label
      >
      <label class="field"
        >${say("taskPriority", l)}
        <select name="priority">
          ${PRIORITIES.map(
            (p) => html`<option value=${p} ?selected=${p === "medium"}>${labelIn(priorityLabels, p, l)}</option>`,
          )}
        </select></label
      >
      <div><button type="submit" ?disabled=${this.busy}>${say("taskCreate", l)}</button></div>
    </form>`;
  }

  override render() {
    const l = this.effectiveLocale;
    const waiting = this.loadingOrError(this.records.loading, this.records.error);
    if (waiting) return waiting;
    if (!this.effectiveClient?.tasks) return html`<div part="base" role="status">${say("noClient", l)}</div>`;
    const day = groupTasks(this.tasks, { now: this.clock });
    const empty = day.overdue.length + day.today.length + day.upcoming.length === 0;
    return html`<section part="base" aria-labelledby="title">
      <h2 id="title">${say("tasksTitle", l)}</h2>
      ${empty ? html`<p class="muted" data-empty>${say("tasksNone", l)}</p>` : nothing}
      ${BUCKETS.map(([bucket, key]) =>
        day[bucket].length === 0
          ? nothing
          : html`<section part="group" class=${bucket} aria-labelledby=${`${bucket}-h`} data-bucket=${bucket}>
              <h3 id=${`${bucket}-h`} class=${bucket === "overdue" ? "late" : ""}>
                ${say(key, l)} (${day[bucket].length})
              </h3>
              <ul>
                ${day[bucket].map((t) => this.renderTask(t))}
              </ul>
            </section>`,
      )}
      ${this.renderSuggestions()} ${this.noCreate ? nothing : this.renderForm()}
      <p part="status" role="status">${this.statusText}</p>
    </section>`;
  }
}
