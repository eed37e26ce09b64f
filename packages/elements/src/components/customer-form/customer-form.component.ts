import { html, nothing, type PropertyValues } from "lit";
import { property, state } from "lit/decorators.js";
import {
  bankDay,
  consentInForce,
  isValidationError,
  labelIn,
  validate,
  type ConsentPurpose,
  type Customer,
  type CustomerChange,
} from "@bankcrm/core";
import { CONSENT_PURPOSES, RISK_TOLERANCE_LEVELS } from "@bankcrm/core/vocabulary";
import { ContactFields } from "@bankcrm/core/schemas";
import { consentPurposeLabels, riskToleranceLabels } from "@bankcrm/core/i18n";
import { BankcrmCustomerChangeEvent } from "../../events/customer-events.js";
import { formText } from "../../internal/format.js";
import { failure, listAll, writeOutcome } from "../../internal/records.js";
import { sayService } from "../../i18n/customer-form-messages.js";
import { FieldErrors } from "../../internal/form-fields.js";
import { BankcrmContextElement } from "../base/context-element.js";
import { customerFormStyles } from "./customer-form.styles.js";

/** The consent text version recorded with a grant or withdrawal when the host names none. */
export const DEFAULT_CUSTOMER_CONSENT_VERSION = "bankcrm-consent-2026-11";

/**
 * Keeps a customer's details current (客户关怀, 客户信息维护): contact details,
 * a risk re-assessment, a consent granted or withdrawn — each sent as one change
 * through the client (`customers.change`), which keeps what it was, what it
 * became, who and when; a withdrawal is in force at once (core `consentInForce`:
 * offers and campaigns read the latest). The history of changes is listed
 * beneath. Identifiers are shown masked; only fields the person types are sent.
 *
 * @tagname bankcrm-customer-form
 * @summary Update contact details, record a risk re-assessment, grant or withdraw consent — each change kept.
 *
 * @csspart base - The whole element.
 * @csspart section - One of contact, risk, consents.
 * @csspart history - The change history.
 * @csspart status - The live region saying what happened.
 *
 * @event bankcrm-customer-change - A change was kept (`detail.kind`: contact, risk_assessment, consent).
 */
export class BankcrmCustomerForm extends BankcrmContextElement {
  static override styles = customerFormStyles;

  /** The customer. */
  @property({ attribute: "customer-id" }) customerId: string | undefined;

  /** Recorded with a consent granted or withdrawn here. */
  @property({ attribute: "consent-version" }) consentVersion = DEFAULT_CUSTOMER_CONSENT_VERSION;

  /** The moment the changes are made; default the clock. */
  @property({ attribute: false }) now: Date | undefined;

  @state() private customer: Customer | undefined;
  @state() private history: CustomerChange[] = [];
  private fields = new FieldErrors(this);
  @state() private statusText = "";
  @state() private busy = false;
  @state() private loadError: string | undefined;

  override willUpdate(changed: PropertyValues<this>) {
    const typed = changed as Map<PropertyKey, unknown>;
    if ((this.clientChanged(typed) || typed.has("customerId")) && this.customerId) void this.load();
  }

  /** Reads the customer and their change history again. */
  async load(): Promise<void> {
    const client = this.effectiveClient;
    const id = this.customerId;
    if (!client || !id) return;
    try {
      const [customer, history] = await Promise.all([
        client.customers.get(id),
        client.customerChanges ? listAll((q) => client.customerChanges!.list(q), { customerId: id }) : [],
      ]);
      if (id !== this.customerId) return;
      this.customer = customer;
      this.history = [...history].sort((a, b) => b.at.localeCompare(a.at));
      this.loadError = customer ? undefined : id;
    } catch (error) {
      this.loadError = error instanceof Error ? error.message : String(error);
    }
  }

  private async change(input: Record<string, unknown>, form?: HTMLFormElement) {
    const l = this.effectiveLocale;
    const client = this.effectiveClient;
    if (this.busy || !client?.customers.change || !this.customerId) {
      if (!client?.customers.change) this.statusText = sayService("noClient", l);
      return;
    }
    this.busy = true;
    this.fields.set([]);
    this.statusText = "";
    try {
      const result = await client.customers.change(this.customerId, input, {
        expectedVersion: this.customer?.version ?? 0,
      });
      this.statusText = writeOutcome(result, sayService("customerSaved", l), l);
      if (result.status === "saved" || result.status === "queued") {
        form?.reset();
        this.dispatchEvent(
          new BankcrmCustomerChangeEvent({ change: result.change, kind: result.change.kind, status: result.status }),
        );
        await this.load();
      }
    } catch (error) {
      if (isValidationError(error)) {
        this.fields.set(error.errors);
        this.statusText = sayService("fixErrors", l, { count: error.errors.length });
        await this.fields.focusFirst();
      } else this.statusText = failure(error, l);
    } finally {
      this.busy = false;
    }
  }

  private onContact(e: SubmitEvent) {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const contact: Record<string, string> = {};
    for (const field of ["mobile", "email", "address"]) {
      const value = formText(data, field).trim();
      if (value !== "") contact[field] = field === "mobile" ? value.replace(/[\s-]/g, "") : value;
    }
    const reason = formText(data, "reason").trim();
    // Checked here, in the element's language, before the client checks the change in its own.
    const check = validate(ContactFields, contact, this.effectiveLocale);
    if (!check.success) {
      this.fields.set(check.errors.map((e) => ({ ...e, path: ["contact", ...e.path] })));
      this.statusText = sayService("fixErrors", this.effectiveLocale, { count: check.errors.length });
      void this.fields.focusFirst();
      return;
    }
    void this.change({ kind: "contact", contact, ...(reason ? { reason } : {}) }, form);
  }

  private onRisk(e: SubmitEvent) {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    void this.change(
      {
        kind: "risk_assessment",
        riskTolerance: formText(data, "riskTolerance"),
        riskAssessedAt: formText(data, "riskAssessedAt"),
      },
      form,
    );
  }

  private consent(purpose: ConsentPurpose, granted: boolean) {
    void this.change({
      kind: "consent",
      consent: {
        purpose,
        channel: "all",
        granted,
        textVersion: this.consentVersion,
        recordedAt: (this.now ?? new Date()).toISOString(),
      },
    });
  }

  private field(
    name: string,
    caption: string,
    path: string[],
    attrs: { type?: string; placeholder?: string; value?: string } = {},
  ) {
    const id = `f-${name}`;
    return html`<label class="field" for=${id}
      >${caption}
      <input
        id=${id}
        name=${name}
        type=${attrs.type ?? "text"}
        placeholder=${attrs.placeholder ?? nothing}
        .value=${attrs.value ?? ""}
        aria-invalid=${this.fields.invalid(...path)}
        aria-describedby=${this.fields.describedBy(id, ...path)}
      />${this.fields.text(id, ...path)}</label
    >`;
  }

  private describe(change: CustomerChange): string {
    const l = this.effectiveLocale;
    if (change.kind === "consent" && change.consent)
      return `${labelIn(consentPurposeLabels, change.consent.purpose, l)} ${sayService(change.consent.granted ? "customerGranted" : "customerWithdrawn", l)}`;
    if (change.kind === "risk_assessment")
      return `${sayService("customerRisk", l)}: ${change.previousRiskTolerance ?? "—"} → ${change.riskTolerance ?? "—"}`;
    return `${sayService("customerContact", l)}: ${Object.keys(change.contact ?? {}).join(", ")}`;
  }

  /** Each purpose's consent in force, with the button that grants or withdraws it. */
  private renderConsents(c: Customer) {
    const l = this.effectiveLocale;
    return html`<section part="section" aria-labelledby="consent-h" data-section="consents">
      <h3 id="consent-h">${sayService("customerConsents", l)}</h3>
      <ul>
        ${CONSENT_PURPOSES.map((purpose) => {
          const inForce = consentInForce(c.consents, purpose, "all");
          const stateText = sayService(
            inForce ? (inForce.granted ? "customerGranted" : "customerWithdrawn") : "customerNotAsked",
            l,
          );
          return html`<li class="row" data-purpose=${purpose} data-granted=${inForce?.granted ? "true" : "false"}>
            <span class="grow"
              >${sayService("customerConsentState", l, {
                purpose: labelIn(consentPurposeLabels, purpose, l),
                state: stateText,
              })}</span
            >
            <button
              type="button"
              data-action=${inForce?.granted ? "withdraw" : "grant"}
              ?disabled=${this.busy}
              @click=${() => this.consent(purpose, !inForce?.granted)}
            >
              ${sayService(inForce?.granted ? "customerWithdraw" : "customerGrant", l)}
            </button>
          </li>`;
        })}
      </ul>
    </section>`;
  }

  override render() {
    const l = this.effectiveLocale;
    if (!this.effectiveClient?.customers.change) return html`<p role="status">${sayService("noClient", l)}</p>`;
    if (this.loadError !== undefined) return this.loadingOrError(false, this.loadError)!;
    const c = this.customer;
    if (!c) return this.loadingOrError(true, undefined)!;
    const today = bankDay(this.now ?? new Date());
    return html`<section part="base" aria-labelledby="title">
      <h2 id="title">${sayService("customerFormTitle", l)} · ${c.name}</h2>
      <form part="section" novalidate aria-labelledby="contact-h" @submit=${this.onContact} data-section="contact">
        <h3 id="contact-h">${sayService("customerContact", l)}</h3>
        ${this.field("mobile", sayService("customerMobile", l), ["contact", "mobile"], {
          type: "tel",
          placeholder: c.contact.mobile ?? "",
        })}
        ${this.field("email", sayService("customerEmail", l), ["contact", "email"], { type: "email", placeholder: c.contact.email ?? "" })}
        ${this.field("address", sayService("customerAddress", l), ["contact", "address"])}
        ${this.field("reason", sayService("customerReason", l), ["reason"])}
        <div><button type="submit" ?disabled=${this.busy}>${sayService("customerSave", l)}</button></div>
      </form>
      <form part="section" novalidate aria-labelledby="risk-h" @submit=${this.onRisk} data-section="risk">
        <h3 id="risk-h">${sayService("customerRisk", l)}</h3>
        <label class="field"
          >${sayService("customerRiskLevel", l)}
          <select name="riskTolerance">
            ${RISK_TOLERANCE_LEVELS.map(
              (r) =>
                html`<option value=${r} ?selected=${r === c.riskTolerance}>
                  ${labelIn(riskToleranceLabels, r, l)}
                </option>`,
            )}
          </select></label
        >
        ${this.field("riskAssessedAt", sayService("customerRiskDate", l), ["riskAssessedAt"], { type: "date", value: today })}
        <div><button type="submit" ?disabled=${this.busy}>${sayService("customerSave", l)}</button></div>
      </form>
      ${this.renderConsents(c)}
      <p part="status" role="status">${this.statusText}</p>
      <section part="history" aria-labelledby="history-h">
        <h3 id="history-h">${sayService("customerHistory", l)}</h3>
        ${
          this.history.length === 0
            ? html`<p class="muted">${sayService("customerNoHistory", l)}</p>`
            : html`<ul>
                ${this.history.map(
                  (h) =>
                    html`<li class="row" data-change=${h.kind}>
                      <time datetime=${h.at}>${h.at.slice(0, 16).replace("T", " ")}</time> · ${h.by} ·
                      ${this.describe(h)}
                    </li>`,
                )}
              </ul>`
        }
      </section>
    </section>`;
  }
}
