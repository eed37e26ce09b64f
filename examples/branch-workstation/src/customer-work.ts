/**
 * A relationship manager's work on one customer, in the single customer view:
 * log a contact (with its outcome, next step and, when asked, a follow-up
 * task) and move the customer's leads through their states — every write
 * through the client, so validation, roles, the outbox and the timeline apply.
 * The full sales elements (lead queue, pipeline, task list) are the next step;
 * this is the workstation's minimal UI for them.
 */
import { LitElement, css, html, nothing } from "lit";
import { property, state } from "lit/decorators.js";
import {
  availableTransitions,
  canWrite,
  describeError,
  interactionChannelLabels,
  interactionOutcomeLabels,
  interactionTypeLabels,
  isValidationError,
  label,
  labelIn,
  type FieldError,
  type Lead,
  type Locale,
} from "@bankcrm/core";
import type { CrmClient } from "@bankcrm/data";
import { text, type TextKey } from "./messages.js";
import { panelStyles } from "./panel-styles.js";

const CHANNELS = ["phone", "visit", "branch", "wechat", "sms", "email", "call_center_outbound"] as const;
const TYPES = ["call", "visit", "note", "inquiry", "service"] as const;
const OUTCOMES = ["successful", "follow_up", "no_answer", "declined", "informational"] as const;
const EVENT_TEXT: Record<string, TextKey> = {
  contact: "eventContact",
  qualify: "eventQualify",
  convert: "eventConvert",
  disqualify: "eventDisqualify",
};

export class CustomerWork extends LitElement {
  static override styles = [
    panelStyles,
    css`
      :host {
        display: grid;
        gap: 12px;
        grid-template-columns: repeat(auto-fit, minmax(280px, 1fr));
      }
      form {
        display: grid;
        gap: 6px;
        font-size: 0.8125rem;
      }
      label {
        display: grid;
        gap: 2px;
      }
      label.inline {
        display: flex;
        gap: 6px;
        align-items: center;
      }
      input,
      select,
      textarea,
      button {
        font: inherit;
      }
      .error {
        color: var(--ws-danger, #b3261e);
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 8px;
        font-size: 0.8125rem;
      }
      li {
        border-top: 1px solid var(--ws-border);
        padding-top: 6px;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 6px;
        margin-top: 4px;
        align-items: end;
      }
      .muted {
        color: var(--ws-muted);
      }
      p {
        font-size: 0.8125rem;
        margin: 4px 0 0;
      }
    `,
  ];

  @property({ attribute: false }) client: CrmClient | undefined;
  @property({ attribute: "customer-id" }) customerId: string | undefined;
  @property() locale: Locale = "zh-CN";
  @state() private leads: Lead[] = [];
  @state() private errors: FieldError[] = [];
  @state() private contactStatus = "";
  @state() private leadStatus = "";
  @state() private leadError = "";
  @state() private followUp = false;
  @state() private busy = false;
  private unsubscribe: (() => void) | undefined;

  private t(key: TextKey, values: Record<string, string | number> = {}) {
    return text(key, this.locale, values);
  }

  override updated(changed: Map<string, unknown>) {
    if (changed.has("client")) {
      this.unsubscribe?.();
      this.unsubscribe = this.client?.on("change", (e) => {
        if (e.collection === "leads") void this.loadLeads();
      });
    }
    if ((changed.has("customerId") || changed.has("client")) && this.customerId && this.client) {
      this.errors = [];
      this.contactStatus = "";
      this.leadStatus = "";
      this.leadError = "";
      void this.loadLeads();
    }
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  private async loadLeads() {
    const { client, customerId } = this;
    if (!client || !customerId) return;
    const page = await client.leads.list({ customerId, limit: 50 });
    if (customerId === this.customerId) this.leads = page.items;
  }

  private errorFor(field: string) {
    return this.errors.find((e) => e.path[0] === field)?.message;
  }

  private async logContact(e: SubmitEvent) {
    e.preventDefault();
    const client = this.client;
    const customerId = this.customerId;
    if (!client || !customerId || this.busy) return;
    const form = e.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const value = (name: string) => {
      const v = data.get(name);
      return typeof v === "string" && v.trim() !== "" ? v.trim() : undefined;
    };
    const at = new Date().toISOString();
    const interactionId = `IN-${crypto.randomUUID()}`;
    const taskId = this.followUp ? `TK-${crypto.randomUUID()}` : undefined;
    const nextStep = value("nextStep");
    const due = value("due");
    this.busy = true;
    this.errors = [];
    this.contactStatus = "";
    try {
      const result = await client.interactions.create({
        id: interactionId,
        customerId,
        at,
        channel: value("channel"),
        type: value("type"),
        outcome: value("outcome"),
        summary: value("summary"),
        ...(nextStep ? { nextStep } : {}),
        ...(taskId ? { taskId } : {}),
        staffId: client.user.id,
        confidential: false,
      });
      if (taskId) {
        await client.tasks.create({
          id: taskId,
          assigneeId: client.user.id,
          customerId,
          type: "follow_up",
          title: (nextStep ?? value("summary") ?? "").slice(0, 120),
          priority: "medium",
          status: "open",
          dueAt: due ? new Date(`${due}T09:00:00+08:00`).toISOString() : at,
        });
      }
      this.contactStatus = this.t(
        result.status === "queued" ? "contactQueued" : taskId ? "contactSavedWithTask" : "contactSaved",
      );
      form.reset();
      this.followUp = false;
    } catch (error) {
      if (isValidationError(error)) {
        this.errors = error.errors;
        this.contactStatus = this.t("fixErrors");
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLElement>("[aria-invalid=true]")?.focus();
      } else this.contactStatus = describeError(error, this.locale);
    } finally {
      this.busy = false;
    }
  }

  private async move(lead: Lead, event: string, reasonInput?: HTMLInputElement) {
    const client = this.client;
    if (!client || this.busy) return;
    this.busy = true;
    this.leadError = "";
    this.leadStatus = "";
    try {
      const details =
        event === "convert"
          ? { customerId: this.customerId }
          : event === "disqualify"
            ? { reason: reasonInput?.value ?? "" }
            : {};
      const result = await client.leads.transition(lead.id, event, { ...details, expectedVersion: lead.version ?? 0 });
      this.leadStatus = this.t("leadMoved", { status: label("leadStatus", result.record.status, this.locale) });
      await this.loadLeads();
    } catch (error) {
      this.leadError = isValidationError(error)
        ? `${this.t("disqualifyReason")}: ${error.errors[0]?.message ?? ""}`
        : describeError(error, this.locale);
      reasonInput?.focus();
    } finally {
      this.busy = false;
    }
  }

  private field(name: string, labelKey: TextKey, control: unknown) {
    const error = this.errorFor(name);
    return html`<label
      >${this.t(labelKey)} ${control}
      ${error ? html`<span class="error" id=${`${name}-error`}>${error}</span>` : nothing}</label
    >`;
  }

  private contactForm() {
    const l = this.locale;
    const invalid = (name: string) => (this.errorFor(name) ? "true" : "false");
    const described = (name: string) => (this.errorFor(name) ? `${name}-error` : nothing);
    return html`<form @submit=${this.logContact} data-testid="log-contact" novalidate>
      ${this.field(
        "channel",
        "contactChannel",
        html`<select name="channel" aria-invalid=${invalid("channel")} aria-describedby=${described("channel")}>
          ${CHANNELS.map((c) => html`<option value=${c}>${labelIn(interactionChannelLabels, c, l)}</option>`)}
        </select>`,
      )}
      ${this.field(
        "type",
        "contactType",
        html`<select name="type" aria-invalid=${invalid("type")} aria-describedby=${described("type")}>
          ${TYPES.map((c) => html`<option value=${c}>${labelIn(interactionTypeLabels, c, l)}</option>`)}
        </select>`,
      )}
      ${this.field(
        "outcome",
        "contactOutcome",
        html`<select name="outcome">
          ${OUTCOMES.map((c) => html`<option value=${c}>${labelIn(interactionOutcomeLabels, c, l)}</option>`)}
        </select>`,
      )}
      ${this.field(
        "summary",
        "contactSummary",
        html`<textarea
          name="summary"
          rows="2"
          maxlength="500"
          aria-invalid=${invalid("summary")}
          aria-describedby=${described("summary")}
        ></textarea>`,
      )}
      ${this.field(
        "nextStep",
        "contactNextStep",
        html`<input name="nextStep" maxlength="200" aria-invalid=${invalid("nextStep")} />`,
      )}
      <label class="inline"
        ><input
          type="checkbox"
          name="followUp"
          .checked=${this.followUp}
          @change=${(e: Event) => (this.followUp = (e.target as HTMLInputElement).checked)}
        />${this.t("followUp")}</label
      >
      ${this.followUp ? this.field("due", "followUpDue", html`<input type="date" name="due" required />`) : nothing}
      <div><button type="submit" ?disabled=${this.busy}>${this.t("saveContact")}</button></div>
      <p role="status" data-testid="contact-status">${this.contactStatus}</p>
    </form>`;
  }

  private leadList() {
    const user = this.client?.user;
    if (this.leads.length === 0) return html`<p class="muted">${this.t("noLeads")}</p>`;
    return html`<ul data-testid="leads">
      ${this.leads.map((lead) => {
        const offered = user ? availableTransitions("leads", lead, user) : [];
        const reasonId = `reason-${lead.id}`;
        return html`<li data-lead-id=${lead.id}>
          <div>
            <strong>${label("leadPurpose", lead.purpose, this.locale)}</strong> ·
            <span data-testid="lead-status">${label("leadStatus", lead.status, this.locale)}</span>
          </div>
          ${
            offered.length > 0
              ? html`<div class="actions" role="group" aria-label=${this.t("leadActions", { name: lead.name })}>
                  ${
                    offered.some((o) => o.event === "disqualify")
                      ? html`<label
                          >${this.t("disqualifyReason")}
                          <input id=${reasonId} maxlength="200" data-testid="disqualify-reason"
                        /></label>`
                      : nothing
                  }
                  ${offered.map(
                    (o) =>
                      html`<button
                        type="button"
                        data-event=${o.event}
                        ?disabled=${this.busy}
                        @click=${() =>
                          this.move(
                            lead,
                            o.event,
                            this.renderRoot.querySelector<HTMLInputElement>(`#${CSS.escape(reasonId)}`) ?? undefined,
                          )}
                      >
                        ${EVENT_TEXT[o.event] ? this.t(EVENT_TEXT[o.event]!) : o.event}
                      </button>`,
                  )}
                </div>`
              : nothing
          }
        </li>`;
      })}
    </ul>`;
  }

  override render() {
    if (!this.client || !this.customerId) return nothing;
    const writes = canWrite("interactions", this.client.user, "create");
    return html`
      <section aria-labelledby="contact-h">
        <h2 id="contact-h">${this.t("logContact")}</h2>
        ${writes ? this.contactForm() : html`<p class="muted">${this.t("readOnlyRole")}</p>`}
      </section>
      <section aria-labelledby="leads-h">
        <h2 id="leads-h">${this.t("leads")}</h2>
        ${this.leadList()}
        <p role="status" data-testid="lead-status-line">${this.leadStatus}</p>
        ${this.leadError ? html`<p role="alert" class="error">${this.leadError}</p>` : nothing}
      </section>
    `;
  }
}

customElements.define("ws-customer-work", CustomerWork);
