import { html, nothing } from "lit";
import { property, state } from "lit/decorators.js";
import {
  DAY_MS,
  bankDay,
  bankTime,
  InteractionSchema,
  canReadConfidential,
  canWrite,
  isValidationError,
  labelIn,
  validate,
  type InteractionChannel,
  type InteractionOutcome,
  type InteractionType,
  type Task,
} from "@bankcrm/core";
import { interactionOutcomeLabels } from "@bankcrm/core/i18n";
import { say } from "../../i18n/activity-form-messages.js";
import type { ActivityFormMessageKey } from "../../i18n/activity-form-messages.js";
import { BankcrmActivitySavedEvent } from "../../events/activity-events.js";
import { failure, writeOutcome } from "../../internal/records.js";
import { formText } from "../../internal/format.js";
import { BankcrmFormElement, formShell, type FormState } from "../base/form-element.js";
import { activityFormStyles } from "./activity-form.styles.js";

/** The kinds of contact a relationship manager logs, as the interaction's channel and type. */
export const ACTIVITY_KINDS = {
  call: { channel: "phone", type: "call", label: "activityCall" },
  visit: { channel: "visit", type: "visit", label: "activityVisit" },
  meeting: { channel: "branch", type: "visit", label: "activityMeeting" },
  wechat: { channel: "wechat", type: "note", label: "activityWechat" },
  sms: { channel: "sms", type: "note", label: "activitySms" },
} as const satisfies Record<
  string,
  { channel: InteractionChannel; type: InteractionType; label: ActivityFormMessageKey }
>;
export type ActivityKind = keyof typeof ACTIVITY_KINDS;
const OUTCOMES: readonly InteractionOutcome[] = ["successful", "follow_up", "no_answer", "declined", "informational"];

/**
 * Logs a contact with a customer — a call, visit, meeting, WeChat or SMS —
 * with its outcome and next step, and, when asked, creates the follow-up task
 * (due 09:00 on the chosen day). Both go through the client, so the customer's
 * timeline shows the contact at once (the client announces the write) and an
 * offline device queues them in the outbox. Validation messages come from the
 * core schema, localized, at their field.
 *
 * Inside a host's `<form>` it is a form-associated field instead: no save
 * button, its value the contact as JSON (under its `name`), and the host form
 * will not submit while the contact is invalid.
 *
 * @tagname bankcrm-activity-form
 * @summary Log a call, visit, meeting, WeChat or SMS contact, with its follow-up task.
 *
 * @csspart form - The form.
 * @csspart error - A field's message.
 * @csspart submit - The save button.
 * @csspart status - The live region saying what happened.
 *
 * @event bankcrm-activity-saved - The contact (and follow-up task) was saved or queued.
 */
export class BankcrmActivityForm extends BankcrmFormElement {
  static override styles = activityFormStyles;

  /** The customer the contact was with. */
  @property({ attribute: "customer-id" }) customerId: string | undefined;

  /** The opportunity or case the contact was about, if any. */
  @property({ attribute: "opportunity-id" }) opportunityId: string | undefined;
  @property({ attribute: "case-id" }) caseId: string | undefined;

  /** The kind to start with. */
  @property() kind: ActivityKind = "call";

  /** The moment it is logged at; default the clock. */
  @property({ attribute: false }) now: Date | undefined;

  /** The channel it is recorded on, in place of the kind's own (the call centre's desk: `call_center_inbound`). */
  @property() channel: InteractionChannel | undefined;

  /**
   * When the contact began (a call answered), on the real clock: its handling time — from then to the moment it is
   * logged, to the second — is recorded with it (`now` sets only the record's time).
   */
  @property({ attribute: false }) startedAt: Date | undefined;

  @state() private statusText = "";
  @state() private followUp = false;
  @state() private busy = false;
  /** The ids the next contact and its task get (kept while it is typed, so a host form's value is stable). */
  private ids = { interaction: `IN-${crypto.randomUUID()}`, task: `TK-${crypto.randomUUID()}` };

  /** The contact as typed (at the current moment), its follow-up's due day, and what is wrong with them. */
  private draft(form: HTMLFormElement, userId: string) {
    const l = this.effectiveLocale;
    const data = new FormData(form);
    const get = (name: string) => formText(data, name).trim() || undefined;
    const kind = ACTIVITY_KINDS[(get("kind") ?? this.kind) as ActivityKind] ?? ACTIVITY_KINDS.call;
    const nextStep = get("nextStep");
    const due = get("due");
    const taskId = this.followUp ? this.ids.task : undefined;
    const at = this.now ?? new Date();
    const took = this.startedAt ? Math.round((Date.now() - this.startedAt.getTime()) / 1000) : undefined;
    const interaction = {
      id: this.ids.interaction,
      customerId: this.customerId,
      at: at.toISOString(),
      channel: this.channel ?? kind.channel,
      ...(took !== undefined && took >= 0 && took <= 86_400 ? { durationSeconds: took } : {}),
      type: kind.type,
      outcome: get("outcome"),
      summary: get("summary") ?? "",
      ...(nextStep ? { nextStep } : {}),
      ...(taskId ? { taskId } : {}),
      ...(this.opportunityId ? { opportunityId: this.opportunityId } : {}),
      ...(this.caseId ? { caseId: this.caseId } : {}),
      staffId: userId,
      confidential: data.get("confidential") === "on",
    };
    // Checked here, in the element's language, before the client checks it again in its own.
    const check = validate(InteractionSchema, interaction, l);
    const errors = [
      ...(check.success ? [] : check.errors),
      ...(taskId && !due ? [{ path: ["due"], message: say("required", l), code: "required" }] : []),
    ];
    return { interaction, taskId, due, nextStep, errors };
  }

  protected formState(): FormState {
    const form = this.renderRoot.querySelector("form");
    const user = this.effectiveUser;
    if (!form || !user || !this.customerId) return { value: null, errors: [] };
    const { interaction, errors } = this.draft(form, user.id);
    return { value: errors.length === 0 ? JSON.stringify(interaction) : null, errors };
  }

  /** Clears what was typed and takes new ids for the next contact. */
  reset(): void {
    this.renderRoot.querySelector("form")?.reset();
    this.followUp = false;
    this.fields.set([]);
    this.ids = { interaction: `IN-${crypto.randomUUID()}`, task: `TK-${crypto.randomUUID()}` };
  }

  private async onSubmit(e: SubmitEvent) {
    e.preventDefault();
    const client = this.effectiveClient;
    const l = this.effectiveLocale;
    if (this.busy || this.inHostForm) return;
    if (!client?.interactions || !this.customerId) {
      this.statusText = say("noClient", l);
      return;
    }
    const { interaction, taskId, due, nextStep, errors } = this.draft(
      e.currentTarget as HTMLFormElement,
      client.user.id,
    );
    const user = client.user;
    this.busy = true;
    this.fields.set([]);
    this.statusText = "";
    try {
      if (errors.length > 0) {
        this.fields.set(errors);
        this.statusText = say("fixErrors", l, { count: errors.length });
        return;
      }
      const saved = await client.interactions.create(interaction);
      let task: Task | undefined;
      if (taskId && client.tasks) {
        const created = await client.tasks.create({
          id: taskId,
          assigneeId: user.id,
          customerId: this.customerId,
          ...(this.opportunityId ? { opportunityId: this.opportunityId } : {}),
          type: "follow_up",
          title: (nextStep ?? interaction.summary).slice(0, 120),
          priority: "medium",
          status: "open",
          dueAt: bankTime(due!, "09:00"),
        });
        task = created.record;
      }
      this.statusText = writeOutcome(saved, say(task ? "activitySavedWithTask" : "activitySaved", l), l);
      if (saved.status === "saved" || saved.status === "queued") {
        this.reset();
        this.dispatchEvent(
          new BankcrmActivitySavedEvent({ interaction: saved.record, ...(task ? { task } : {}), status: saved.status }),
        );
      }
    } catch (error) {
      if (isValidationError(error)) {
        this.fields.set(error.errors);
        this.statusText = say("fixErrors", l, { count: error.errors.length });
      } else this.statusText = failure(error, l);
    } finally {
      this.busy = false;
      if (this.fields.count > 0) await this.fields.focusFirst();
    }
  }

  /** The follow-up task's due day, when one is asked for. */
  private followUpDue(tomorrow: string) {
    const l = this.effectiveLocale;
    return this.followUp
      ? html`<label class="field"
          >${say("activityFollowUpDue", l)}
          <input
            type="date"
            name="due"
            required
            .value=${tomorrow}
            aria-invalid=${this.fields.invalid("due")}
            aria-describedby=${this.fields.describedBy("due", "due")}
          />
          ${this.fields.text("due", "due")}</label
        >`
      : nothing;
  }

  override render() {
    const l = this.effectiveLocale;
    const user = this.effectiveUser;
    if (!this.effectiveClient?.interactions) return html`<p role="status">${say("noClient", l)}</p>`;
    if (user && !canWrite("interactions", user, "create"))
      return html`<p role="status" class="muted">${say("readOnlyRole", l)}</p>`;
    const tomorrow = bankDay(new Date((this.now ?? new Date()).getTime() + DAY_MS));
    return formShell({
      title: say("activityTitle", l),
      onSubmit: this.onSubmit,
      onEdit: this.syncFormState,
      disabled: this.isDisabled,
      controls: html`
        <fieldset>
          <legend>${say("activityKind", l)}</legend>
          ${(Object.keys(ACTIVITY_KINDS) as ActivityKind[]).map(
            (k) =>
              html`<label class="choice"
                ><input type="radio" name="kind" value=${k} ?checked=${k === this.kind} />
                ${say(ACTIVITY_KINDS[k].label, l)}</label
              >`,
          )}
        </fieldset>
      `,
      after: html`<label class="field"
          >${say("activityOutcome", l)}
          <select
            name="outcome"
            aria-invalid=${this.fields.invalid("outcome")}
            aria-describedby=${this.fields.describedBy("outcome", "outcome")}
          >
            ${OUTCOMES.map((o) => html`<option value=${o}>${labelIn(interactionOutcomeLabels, o, l)}</option>`)}
          </select>
          ${this.fields.text("outcome", "outcome")}</label
        >
        <label class="field"
          >${say("activitySummary", l)}
          <textarea
            name="summary"
            rows="2"
            maxlength="500"
            required
            aria-invalid=${this.fields.invalid("summary")}
            aria-describedby=${this.fields.describedBy("summary", "summary")}
          ></textarea>
          ${this.fields.text("summary", "summary")}</label
        >
        <label class="field"
          >${say("activityNextStep", l)}
          <input
            name="nextStep"
            maxlength="200"
            aria-invalid=${this.fields.invalid("nextStep")}
            aria-describedby=${this.fields.describedBy("nextStep", "nextStep")}
          />
          ${this.fields.text("nextStep", "nextStep")}</label
        >
        ${
          // Only roles that read confidential notes write one (the server refuses others): no box for them.
          canReadConfidential(user)
            ? html`<label class="choice"
                ><input type="checkbox" name="confidential" /> ${say("activityConfidential", l)}</label
              >`
            : nothing
        }
        <label class="choice"
          ><input
            type="checkbox"
            name="followUp"
            .checked=${this.followUp}
            @change=${(e: Event) => (this.followUp = (e.target as HTMLInputElement).checked)}
          />
          ${say("activityFollowUp", l)}</label
        >
        ${this.followUpDue(tomorrow)}
      </fieldset>
      ${this.submitButton(say("activitySave", l), this.busy)}
      <p part="status" role="status">${this.statusText}</p>`,
    });
  }
}
