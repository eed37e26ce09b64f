import { html, nothing, type PropertyValues, type TemplateResult } from "lit";
import { property, state } from "lit/decorators.js";
import {
  BankcrmError,
  BankcrmInvalidArgumentError,
  LeadSchema,
  isValidationError,
  labelIn,
  message,
  validate,
  type FieldError,
  type LeadPurpose,
  type LeadSource,
  type Locale,
} from "@bankcrm/core";
import { CONTACT_TIMES, LEAD_PURPOSES } from "@bankcrm/core/vocabulary";
import { contactTimeLabels, leadPurposeLabels, productTypeLabels } from "@bankcrm/core/i18n";
import { BankcrmLeadErrorEvent, BankcrmLeadSavedEvent, BankcrmLeadSubmitEvent } from "../../events/lead-events.js";
import { field, selectInput, textInput } from "../../internal/form-fields.js";
import { BankcrmFormElement, type FormState } from "../base/form-element.js";
import { LEAD_FORM_FIELDS, leadFieldsFor, type LeadFormField } from "./lead-fields.js";
import {
  DEFAULT_CONSENT_VERSION,
  EMPTY,
  errorsByField,
  fieldErrorList,
  leadFromDraft,
  newLeadId,
  type Draft,
  type DraftField,
} from "./lead-draft.js";
import { leadFormStyles } from "./lead-form.styles.js";
import { leadFormMessage, type LeadFormMessageKey } from "../../i18n/lead-form-messages.js";

export type { LeadFormField } from "./lead-fields.js";
export { DEFAULT_CONSENT_VERSION } from "./lead-draft.js";

type Status = { kind: "submitting" | "saved" | "queued" | "failed" | "conflict" | "invalid" | "error"; text: string };

/**
 * One lead form for two audiences: customers on internet banking
 * (`audience="customer"`) and staff in a branch (`audience="staff"`). It asks
 * only what the purpose needs (PIPL), validates with the core's lead schema
 * (localized messages tied to each field by `aria-describedby`, focus on the
 * first invalid field), starts with the consent box unticked and records the
 * consent text version and the time it was given. Submitting goes through the
 * client: saved online, queued in the outbox offline — the `role="status"`
 * region says which — and never twice.
 *
 * Inside a host's `<form>` it is a form-associated field instead: it has no
 * submit button, its value is the lead as JSON (under its `name`), and the host
 * form will not submit while the lead is invalid.
 *
 * @tagname bankcrm-lead-form
 * @summary A purpose-configured, validated lead form with consent, online or queued offline.
 *
 * @csspart form - The form.
 * @csspart field - A label with its control and message.
 * @csspart error - A field's validation message.
 * @csspart consent - The consent box and its text.
 * @csspart submit - The submit button.
 * @csspart status - The live region saying what happened.
 *
 * @cssproperty --bankcrm-lead-form-gap - Space between fields; default 0.75rem.
 * @cssproperty --bankcrm-lead-form-max-width - Widest the form grows; default 32rem.
 *
 * @event bankcrm-lead-submit - Before the lead is sent; cancelable; `detail.lead` is the validated lead.
 * @event bankcrm-lead-saved - The lead was stored (`detail.status` "saved") or queued in the outbox ("queued").
 * @event bankcrm-lead-error - The lead could not be stored (refused, conflict, no client); the form keeps what was typed.
 */
export class BankcrmLeadForm extends BankcrmFormElement {
  static override styles = leadFormStyles;

  /** What the lead is about; fixes the fields. Unset: the person chooses. */
  @property() purpose: LeadPurpose | undefined;

  /** `customer` (internet banking, default) or `staff` (branch; adds notes, records who captured it). */
  @property() audience: "customer" | "staff" = "customer";

  /** Where the lead came from; default `internet_banking` for customers, `branch_walk_in` for staff. */
  @property() source: LeadSource | undefined;

  /** The existing customer this lead is about, if any. */
  @property({ attribute: "customer-id" }) customerId: string | undefined;

  /** Branch and campaign the lead is attributed to. */
  @property({ attribute: "branch-id" }) branchId: string | undefined;
  @property({ attribute: "campaign-id" }) campaignId: string | undefined;

  /** Version of the consent text shown, recorded with the consent. */
  @property({ attribute: "consent-version" }) consentVersion = DEFAULT_CONSENT_VERSION;

  /** The consent text; default the standard text in the locale. */
  @property({ attribute: "consent-text" }) consentText: string | undefined;

  /** Values to start with (e.g. the signed-in customer's name). */
  @property({ attribute: false }) prefill: Partial<Record<keyof Draft, string>> = {};

  @state() private draft: Draft = { ...EMPTY };
  @state() private consentGranted = false;
  @state() private status: Status | undefined;
  @state() private submitting = false;
  private consentAt: string | undefined;
  private draftId = newLeadId();
  private attempted = false;

  private get purposeValue(): LeadPurpose | undefined {
    const p = this.purpose ?? this.draft.purpose;
    return (LEAD_PURPOSES as readonly string[]).includes(p) ? (p as LeadPurpose) : undefined;
  }

  private get shownFields(): readonly LeadFormField[] {
    const p = this.purposeValue;
    return p ? leadFieldsFor(p, this.audience) : [];
  }

  /** The current draft, validated once per update: the form value, its validity and (after a submit) the messages. */
  private validation: ReturnType<BankcrmLeadForm["check"]> = { errors: {} };

  override willUpdate(changed: PropertyValues<this>) {
    if (changed.has("prefill")) this.draft = { ...this.draft, ...this.prefill };
    this.validation = this.check(this.effectiveLocale);
    // After a submit attempt, messages follow what is typed (and clear as problems are fixed).
    const typed = changed as Map<PropertyKey, unknown>;
    if (this.attempted && (typed.has("draft") || typed.has("consentGranted")))
      this.fields.set(fieldErrorList(this.validation.errors));
  }

  /** The lead as JSON while it is valid; otherwise its errors, in the order of the fields. */
  protected formState(): FormState {
    const { lead, errors } = this.validation;
    return { value: lead ? JSON.stringify(lead) : null, errors: fieldErrorList(errors) };
  }

  /** The lead the form would submit, built from what was typed; amount errors are found here. */
  private build(locale: Locale): { lead: Record<string, unknown>; amountError?: string } {
    const { lead, badAmount } = leadFromDraft(this.draft, {
      id: this.draftId,
      purpose: this.purposeValue,
      fields: this.shownFields,
      audience: this.audience,
      customerId: this.customerId,
      source: this.source,
      branchId: this.branchId,
      campaignId: this.campaignId,
      user: this.effectiveUser,
      consent: { granted: this.consentGranted, textVersion: this.consentVersion, recordedAt: this.consentAt },
    });
    return badAmount ? { lead, amountError: message("invalidAmount", locale) } : { lead };
  }

  /** Validates with the core schema; returns the lead, or the errors by field (and any not tied to a field). */
  private check(locale: Locale): { lead?: Record<string, unknown>; errors: Partial<Record<DraftField, string>> } {
    const { lead, amountError } = this.build(locale);
    const result = validate(LeadSchema, lead, locale);
    const errors = result.success ? {} : this.byField(result.errors);
    if (amountError) errors.expectedAmount = amountError;
    // The schema's consent rule runs only once the rest parses; the person should hear of it at once.
    if (!this.consentGranted) errors.consent ??= message("consentRequired", locale);
    return Object.keys(errors).length === 0 && result.success ? { lead: result.data, errors } : { errors };
  }

  private byField(list: readonly FieldError[]): Partial<Record<DraftField, string>> {
    return errorsByField(list, (f) => this.isShown(f));
  }

  private isShown(field: DraftField): boolean {
    if (field === "purpose") return this.purpose === undefined;
    if (field === "name" || field === "mobile" || field === "consent") return true;
    return this.shownFields.includes(field);
  }

  /** Validates and sends the lead through the client. Does nothing while a submission is under way. */
  async submit(): Promise<void> {
    if (this.submitting || this.isDisabled) return;
    const locale = this.effectiveLocale;
    this.attempted = true;
    const { lead, errors } = this.check(locale);
    this.fields.set(fieldErrorList(errors));
    if (!lead) {
      this.status = { kind: "invalid", text: leadFormMessage("leadFixErrors", locale, { count: this.fields.count }) };
      return this.fields.focusFirst();
    }
    if (!this.dispatchEvent(new BankcrmLeadSubmitEvent({ lead }))) return;
    const client = this.effectiveClient;
    if (!client?.leads) {
      this.status = { kind: "error", text: message("leadNoClient", locale) };
      this.dispatchEvent(
        new BankcrmLeadErrorEvent({
          lead,
          error: new BankcrmInvalidArgumentError("client", "no client to submit through"),
        }),
      );
      return;
    }
    this.submitting = true;
    this.status = { kind: "submitting", text: leadFormMessage("leadSubmitting", locale) };
    try {
      const result = await client.leads.create(lead);
      if (result.status === "saved" || result.status === "queued") {
        const staff = this.audience === "staff";
        const key: LeadFormMessageKey =
          result.status === "queued" ? "leadQueued" : staff ? "leadSavedStaff" : "leadSaved";
        this.status = { kind: result.status, text: leadFormMessage(key, locale) };
        this.clear();
        this.dispatchEvent(new BankcrmLeadSavedEvent({ lead: result.record, status: result.status }));
      } else {
        const reason = result.reason ?? result.status;
        const key: LeadFormMessageKey = result.status === "conflict" ? "leadConflict" : "leadFailed";
        this.status = { kind: result.status, text: leadFormMessage(key, locale, { reason }) };
        this.dispatchEvent(
          new BankcrmLeadErrorEvent({
            lead,
            error: new BankcrmError(result.status === "conflict" ? "conflict" : "request_failed", reason),
            status: result.status,
          }),
        );
      }
    } catch (error) {
      if (isValidationError(error)) this.fields.set(fieldErrorList(this.byField(error.errors)));
      const reason = error instanceof Error ? error.message : String(error);
      this.status = { kind: "error", text: leadFormMessage("leadFailed", locale, { reason }) };
      this.dispatchEvent(new BankcrmLeadErrorEvent({ lead, error }));
      if (isValidationError(error)) void this.fields.focusFirst();
    } finally {
      this.submitting = false;
    }
  }

  /** Empties the form for the next lead (a new id; the consent unticked again). */
  private clear() {
    this.draft = { ...EMPTY, ...this.prefill };
    this.consentGranted = false;
    this.consentAt = undefined;
    this.fields.set([]);
    this.attempted = false;
    this.draftId = newLeadId();
  }

  /** Clears the form and its status. */
  reset(): void {
    this.clear();
    this.status = undefined;
  }

  private set(field: keyof Draft, value: string) {
    this.draft = { ...this.draft, [field]: value };
  }

  private onConsent(e: Event) {
    this.consentGranted = (e.target as HTMLInputElement).checked;
    this.consentAt = this.consentGranted ? new Date().toISOString() : undefined;
  }

  private field(id: keyof Draft, caption: string, control: TemplateResult, required: boolean) {
    const optionalText = required ? undefined : message("optional", this.effectiveLocale);
    return field({ id, caption, control, error: this.fields.at(id), optionalText });
  }

  private input(
    id: "name" | "mobile" | "expectedAmount",
    options: { type: string; autocomplete: string; inputmode?: string; maxlength: number },
  ) {
    const control = { id, value: this.draft[id], error: this.fields.at(id), disabled: this.isDisabled };
    return textInput({ ...control, ...options, required: id !== "expectedAmount", onValue: (v) => this.set(id, v) });
  }

  private select(
    id: "purpose" | "productInterest" | "preferredContactTime",
    options: { value: string; label: string }[],
    required: boolean,
  ) {
    const control = { id, value: this.draft[id], error: this.fields.at(id), disabled: this.isDisabled, required };
    const chooseText = message("choose", this.effectiveLocale);
    return selectInput({ ...control, options, chooseText, onValue: (v) => this.set(id, v) });
  }

  override render() {
    const locale = this.effectiveLocale;
    const fields = this.shownFields;
    const purpose = this.purposeValue;
    const products = purpose ? LEAD_FORM_FIELDS[purpose].products : [];
    const inHostForm = this.inHostForm;
    const title = leadFormMessage(this.audience === "staff" ? "leadFormTitleStaff" : "leadFormTitle", locale);
    return html`<form
      part="form"
      novalidate
      aria-label=${title}
      @submit=${(e: Event) => {
        e.preventDefault();
        if (!inHostForm) void this.submit();
      }}
    >
      ${
        this.purpose === undefined
          ? this.field(
              "purpose",
              message("leadPurpose", locale),
              this.select(
                "purpose",
                LEAD_PURPOSES.map((p) => ({ value: p, label: labelIn(leadPurposeLabels, p, locale) })),
                true,
              ),
              true,
            )
          : html`<p class="purpose">${labelIn(leadPurposeLabels, this.purpose, locale)}</p>`
      }
      ${this.field("name", leadFormMessage("leadName", locale), this.input("name", { type: "text", autocomplete: "name", maxlength: 60 }), true)}
      ${this.field(
        "mobile",
        leadFormMessage("leadMobile", locale),
        this.input("mobile", { type: "tel", autocomplete: "tel-national", inputmode: "numeric", maxlength: 13 }),
        true,
      )}
      ${
        fields.includes("productInterest")
          ? this.field(
              "productInterest",
              leadFormMessage("leadProductInterest", locale),
              this.select(
                "productInterest",
                products.map((p) => ({ value: p, label: labelIn(productTypeLabels, p, locale) })),
                false,
              ),
              false,
            )
          : nothing
      }
      ${
        fields.includes("expectedAmount")
          ? this.field(
              "expectedAmount",
              leadFormMessage("leadExpectedAmount", locale),
              this.input("expectedAmount", { type: "text", autocomplete: "off", inputmode: "decimal", maxlength: 20 }),
              false,
            )
          : nothing
      }
      ${
        fields.includes("preferredContactTime")
          ? this.field(
              "preferredContactTime",
              leadFormMessage("leadContactTime", locale),
              this.select(
                "preferredContactTime",
                CONTACT_TIMES.map((t) => ({ value: t, label: labelIn(contactTimeLabels, t, locale) })),
                false,
              ),
              false,
            )
          : nothing
      }
      ${
        fields.includes("notes")
          ? this.field(
              "notes",
              leadFormMessage("leadNotes", locale),
              html`<textarea
                id="notes"
                name="notes"
                rows="3"
                maxlength="500"
                ?disabled=${this.isDisabled}
                aria-invalid=${this.fields.invalid("notes")}
                aria-describedby=${this.fields.describedBy("notes", "notes")}
                .value=${this.draft.notes}
                @input=${(e: Event) => this.set("notes", (e.target as HTMLTextAreaElement).value)}
              ></textarea>`,
              false,
            )
          : nothing
      }
      <div part="consent" class=${this.fields.at("consent") ? "invalid" : ""}>
        <input
          id="consent"
          type="checkbox"
          required
          ?disabled=${this.isDisabled}
          .checked=${this.consentGranted}
          aria-invalid=${this.fields.invalid("consent")}
          aria-describedby=${this.fields.describedBy("consent", "consent", { description: "consent-version" })}
          @change=${this.onConsent}
        />
        <label for="consent">${this.consentText ?? leadFormMessage("consentDefault", locale)}</label>
        <p id="consent-version" class="muted">
          ${leadFormMessage("consentVersionNote", locale, { version: this.consentVersion })}
        </p>
        ${this.fields.text("consent", "consent")}
      </div>
      ${this.submitButton(leadFormMessage(this.submitting ? "leadSubmitting" : "leadSubmit", locale), this.submitting)}
      <div part="status" role="status" class=${this.status?.kind ?? ""}>${this.status?.text ?? ""}</div>
    </form>`;
  }
}
