import { html, nothing, type PropertyValues } from "lit";
import { property, state } from "lit/decorators.js";
import {
  ServiceCaseSchema,
  bankDay,
  DAY_MS,
  computeSlaDue,
  caseDerivedFields,
  labelIn,
  mainlandChinaCalendar,
  slaPolicyFor,
  validate,
  DEFAULT_SLA_TABLE,
  type InteractionChannel,
  type Locale,
  type Priority,
  type ServiceCase,
  type ServiceCaseType,
  type SlaTable,
  type WorkCalendar,
} from "@bankcrm/core";
import {
  PRIORITIES,
  PRIVACY_RIGHTS,
  SERVICE_CASE_TYPES,
  SERVICE_CATEGORIES,
  type PrivacyRight,
} from "@bankcrm/core/vocabulary";
import {
  interactionChannelLabels,
  priorityLabels,
  serviceCaseTypeLabels,
  serviceCategoryLabels,
  privacyRightLabels,
} from "@bankcrm/core/i18n";
import { BankcrmCaseChangeEvent } from "../../events/case-events.js";
import { formText } from "../../internal/format.js";
import { failure, listAll, writeOutcome } from "../../internal/records.js";
import { sayService } from "../../i18n/case-form-messages.js";
import { BankcrmFormElement, formShell, type FormState } from "../base/form-element.js";
import { caseFormStyles } from "./case-form.styles.js";

const CHANNELS: readonly InteractionChannel[] = [
  "call_center_inbound",
  "phone",
  "branch",
  "online_banking",
  "mobile_app",
  "wechat",
  "email",
];
const OPEN = new Set(["open", "in_progress", "pending_customer"]);

/**
 * Takes in a complaint, enquiry, service request or fraud report (客户服务与支持):
 * type, category, channel, priority, subject and description. Its time limit is
 * shown as the person chooses — in working days on the mainland China calendar,
 * holidays and make-up days counted (core `computeSlaDue`) — and the case is
 * opened through the client with it. When the customer already has an open case
 * of the same type and category, the form says so before it is sent.
 *
 * Inside a host's `<form>` it is a form-associated field instead: no submit
 * button, its value the case as JSON (under its `name`), and the host form
 * will not submit while the case is invalid.
 *
 * @tagname bankcrm-case-form
 * @summary Open a service case with its working-day time limit; warns of an open case of the same kind.
 *
 * @csspart form - The form.
 * @csspart due - The time limit the case will get.
 * @csspart warning - The open cases of the same kind.
 * @csspart submit - The submit button (none inside a host form).
 * @csspart status - The live region saying what happened.
 *
 * @event bankcrm-case-change - The case was opened (`detail.action` "opened").
 */
export class BankcrmCaseForm extends BankcrmFormElement {
  static override styles = caseFormStyles;

  /** The customer the case is for. */
  @property({ attribute: "customer-id" }) customerId: string | undefined;

  /** The type to start with. */
  @property() type: ServiceCaseType = "complaint";

  /** The channel it came in by; default the call centre. */
  @property() channel: InteractionChannel = "call_center_inbound";

  /** Working days allowed by type and priority; default core's `DEFAULT_SLA_TABLE`. */
  @property({ attribute: false }) slaTable: SlaTable = DEFAULT_SLA_TABLE;

  /** The working calendar; default mainland China. */
  @property({ attribute: false }) calendar: WorkCalendar = mainlandChinaCalendar;

  /** The moment it is opened; default the clock. */
  @property({ attribute: false }) now: Date | undefined;

  @state() private chosen: { type: ServiceCaseType; category: string; priority: Priority; right: PrivacyRight } = {
    type: "complaint",
    category: "",
    priority: "medium",
    right: "copy",
  };
  @state() private openCases: ServiceCase[] = [];
  @state() private statusText = "";
  @state() private busy = false;

  override willUpdate(changed: PropertyValues<this>) {
    const typed = changed as Map<PropertyKey, unknown>;
    if (typed.has("type")) this.chosen = { ...this.chosen, type: this.type };
    if ((this.clientChanged(typed) || typed.has("customerId")) && this.customerId) void this.loadOpen();
  }

  private async loadOpen() {
    const cases = this.effectiveClient?.serviceCases;
    const customerId = this.customerId;
    if (!cases || !customerId) return;
    const all = await listAll((q) => cases.list(q), { customerId }).catch(() => []);
    if (customerId === this.customerId) this.openCases = all.filter((c) => OPEN.has(c.status));
  }

  private get sameKind(): ServiceCase[] {
    const { type, category } = this.chosen;
    return this.openCases.filter((c) => c.type === type && (c.category ?? "") === category);
  }

  private due() {
    const policy = slaPolicyFor({ type: this.chosen.type, priority: this.chosen.priority }, this.slaTable);
    return { ...computeSlaDue(this.now ?? new Date(), policy, this.calendar), days: policy.workingDays };
  }

  /** The id the next case gets (kept while it is typed, so a host form's value is stable). */
  private caseId = `SC-${crypto.randomUUID()}`;

  /** The case as typed, opened now with its time limit, and what is wrong with it. */
  private draft(form: HTMLFormElement) {
    const data = new FormData(form);
    const description = formText(data, "description").trim();
    const now = this.now ?? new Date();
    const due = this.due();
    const input = {
      id: this.caseId,
      customerId: this.customerId,
      type: this.chosen.type,
      ...(this.chosen.category ? { category: this.chosen.category } : {}),
      ...(this.chosen.type === "personal_information" ? { privacyRight: this.chosen.right } : {}),
      priority: this.chosen.priority,
      channel: formText(data, "channel"),
      status: "open",
      subject: formText(data, "subject").trim(),
      ...(description ? { description } : {}),
      openedAt: now.toISOString(),
      slaDueAt: due.dueAt,
    };
    const check = validate(ServiceCaseSchema, input, this.effectiveLocale);
    return { input, due, errors: check.success ? [] : check.errors };
  }

  protected formState(): FormState {
    const form = this.renderRoot.querySelector("form");
    if (!form || !this.customerId) return { value: null, errors: [] };
    const { input, errors } = this.draft(form);
    return { value: errors.length === 0 ? JSON.stringify(input) : null, errors };
  }

  /** Clears what was typed and takes a new id for the next case. */
  reset(): void {
    this.renderRoot.querySelector("form")?.reset();
    this.chosen = { ...this.chosen, category: "" };
    this.fields.set([]);
    this.caseId = `SC-${crypto.randomUUID()}`;
  }

  private async onSubmit(e: SubmitEvent) {
    e.preventDefault();
    const l = this.effectiveLocale;
    const client = this.effectiveClient;
    if (this.busy || this.inHostForm) return;
    if (!client?.serviceCases || !this.customerId) {
      this.statusText = sayService("noClient", l);
      return;
    }
    const { input, due, errors } = this.draft(e.currentTarget as HTMLFormElement);
    if (errors.length > 0) {
      this.fields.set(errors);
      this.statusText = sayService("fixErrors", l, { count: errors.length });
      await this.fields.focusFirst();
      return;
    }
    this.busy = true;
    this.fields.set([]);
    try {
      const result = await client.serviceCases.create(input);
      const text = writeOutcome(result, sayService("caseOpened", l), l);
      this.statusText =
        result.status === "saved"
          ? sayService("caseOpened", l, { due: bankDay(new Date(Date.parse(due.dueAt) - 1)) })
          : text;
      if (result.status === "saved" || result.status === "queued") {
        this.reset();
        this.dispatchEvent(
          new BankcrmCaseChangeEvent({ serviceCase: result.record, action: "opened", status: result.status }),
        );
        await this.loadOpen();
      }
    } catch (error) {
      this.statusText = failure(error, l);
    } finally {
      this.busy = false;
    }
  }

  private select<T extends string>(
    name: string,
    caption: string,
    values: readonly T[],
    label: (v: T) => string,
    selected: string,
    onChange?: (v: string) => void,
    optional = false,
  ) {
    return html`<label class="field"
      >${caption}
      <select
        name=${name}
        aria-invalid=${this.fields.invalid(name)}
        aria-describedby=${this.fields.describedBy(name, name)}
        @change=${(e: Event) => onChange?.((e.target as HTMLSelectElement).value)}
      >
        ${optional ? html`<option value="" ?selected=${selected === ""}>${sayService("choose", this.effectiveLocale)}</option>` : nothing}
        ${values.map((v) => html`<option value=${v} ?selected=${v === selected}>${label(v)}</option>`)}
      </select>
      ${this.fields.text(name, name)}</label
    >`;
  }

  /** A personal-information request names the right the person asks to exercise. */
  private renderRight(l: Locale) {
    if (this.chosen.type !== "personal_information") return nothing;
    return this.select(
      "privacyRight",
      sayService("casePrivacyRight", l),
      PRIVACY_RIGHTS,
      (v) => labelIn(privacyRightLabels, v, l),
      this.chosen.right,
      (v) => (this.chosen = { ...this.chosen, right: v as PrivacyRight }),
    );
  }

  /** The limit the case will have: the bank's working days and, for a complaint, the regulator's calendar days. */
  private renderDue(due: ReturnType<BankcrmCaseForm["due"]>) {
    const l = this.effectiveLocale;
    // The regulator's limit, as the writer will derive it: a complaint's 15 days, a personal-information request's 30.
    const derived = caseDerivedFields({ type: this.chosen.type, openedAt: (this.now ?? new Date()).toISOString() });
    const regulatory = derived.regulatoryDueAt ? bankDay(new Date(Date.parse(derived.regulatoryDueAt) - 1)) : undefined;
    const days = regulatory
      ? Math.round((Date.parse(regulatory) - Date.parse(bankDay(this.now ?? new Date()))) / DAY_MS)
      : 0;
    return html`<p part="due" class="wide" data-due=${due.dueDay}>
      ${sayService("caseDuePreview", l, { due: due.dueDay, days: due.days })}
      ${due.estimated ? sayService("caseDueEstimated", l) : ""}
      ${
        regulatory
          ? html`<span data-regulatory-due=${regulatory}
              >${sayService("caseRegulatoryDue", l, { due: regulatory, days })}</span
            >`
          : nothing
      }
    </p>`;
  }

  override render() {
    const l = this.effectiveLocale;
    if (!this.effectiveClient?.serviceCases) return html`<p role="status">${sayService("noClient", l)}</p>`;
    const due = this.due();
    const same = this.sameKind;
    return formShell({
      title: sayService("caseFormTitle", l),
      onSubmit: this.onSubmit,
      onEdit: this.syncFormState,
      disabled: this.isDisabled,
      controls: html`
        ${this.select(
          "type",
          sayService("caseType", l),
          SERVICE_CASE_TYPES,
          (v) => labelIn(serviceCaseTypeLabels, v, l),
          this.chosen.type,
          (v) => (this.chosen = { ...this.chosen, type: v as ServiceCaseType }),
        )}
        ${this.renderRight(l)}
        ${this.select(
          "category",
          sayService("caseCategory", l),
          SERVICE_CATEGORIES,
          (v) => labelIn(serviceCategoryLabels, v, l),
          this.chosen.category,
          (v) => (this.chosen = { ...this.chosen, category: v }),
          true,
        )}
        ${this.select("channel", sayService("caseChannel", l), CHANNELS, (v) => labelIn(interactionChannelLabels, v, l), this.channel)}
        ${this.select(
          "priority",
          sayService("casePriority", l),
          PRIORITIES,
          (v) => labelIn(priorityLabels, v, l),
          this.chosen.priority,
          (v) => (this.chosen = { ...this.chosen, priority: v as Priority }),
        )}
        <label class="field wide"
          >${sayService("caseSubject", l)}
          <input
            name="subject"
            maxlength="120"
            required
            aria-invalid=${this.fields.invalid("subject")}
            aria-describedby=${this.fields.describedBy("subject", "subject")}
          />${this.fields.text("subject", "subject")}</label
        >
        <label class="field wide"
          >${sayService("caseDescription", l)}
          <textarea
            name="description"
            rows="3"
            maxlength="2000"
            aria-invalid=${this.fields.invalid("description")}
            aria-describedby=${this.fields.describedBy("description", "description")}
          ></textarea
          >${this.fields.text("description", "description")}</label
        >
        ${this.renderDue(due)}
        <p part="warning" class="wide late" role="status">
          ${
            same.length > 0
              ? sayService("caseSameOpen", l, { count: same.length, subjects: same.map((c) => c.subject).join("、") })
              : ""
          }
        </p>
      `,
      after: html`${this.submitButton(sayService("caseSubmit", l), this.busy, "wide")}
        <p part="status" class="wide" role="status">${this.statusText}</p>`,
    });
  }
}
