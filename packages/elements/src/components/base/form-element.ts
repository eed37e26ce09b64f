/**
 * The form layer's element half, written once for every form element (modelled
 * on Shoelace's FormControlController and Lion's FormControlMixin): a
 * form-associated custom element (ElementInternals) that a host's `<form>`
 * treats as one of its fields. Its `name` and value (the record it would write,
 * as JSON) go into the host form's FormData; while the record is invalid the
 * host form does not submit, and `reportValidity()` points at the first
 * invalid control with its localized message; the host form's reset and
 * `<fieldset disabled>` reach it. Outside a host form the element submits
 * through the client itself, with its own button.
 *
 * The field markup — label, description, error text linked by
 * `aria-describedby`, `aria-invalid`, focus of the first invalid control —
 * is `internal/form-fields.ts` (`FieldErrors`, `field`, `textInput`, `selectInput`).
 */
import { html, nothing, type PropertyValues, type TemplateResult } from "lit";
import { property, state } from "lit/decorators.js";
import type { FieldError } from "@bankcrm/core";
import { FieldErrors } from "../../internal/form-fields.js";
import { BankcrmContextElement } from "./context-element.js";

/** What the element would give a host form now: the record as JSON (or none), and what keeps it from submitting. */
export interface FormState {
  value: string | null;
  errors: readonly FieldError[];
}

/**
 * A form element's form: its heading, its controls in one fieldset (disabled together, by
 * `disabled` or a host form's fieldset), then what follows them (its button, its status); every
 * edit re-reads the form state (`onEdit`: the element's `syncFormState`).
 */
export function formShell(o: {
  title: string;
  onSubmit: (e: SubmitEvent) => void | Promise<void>;
  onEdit: () => void;
  disabled: boolean;
  controls: unknown;
  after: unknown;
}): TemplateResult {
  return html`<form
    part="form"
    novalidate
    aria-labelledby="title"
    @submit=${o.onSubmit}
    @input=${o.onEdit}
    @change=${o.onEdit}
  >
    <h2 id="title">${o.title}</h2>
    <fieldset class="controls" ?disabled=${o.disabled}>${o.controls}</fieldset>
    ${o.after}
  </form>`;
}

export abstract class BankcrmFormElement extends BankcrmContextElement {
  static formAssociated = true;

  /** The field name under which a host form receives the record (form-associated use). */
  @property({ reflect: true }) name = "";

  /** Disables every control. */
  @property({ type: Boolean, reflect: true }) disabled = false;

  /**
   * Disabled by a host form's disabled `<fieldset>`: kept apart from `disabled`, whose attribute would
   * keep the element disabled once the fieldset is enabled again.
   */
  @state() private disabledByForm = false;

  /** Whether the controls are disabled: by `disabled`, or by the host form. */
  protected get isDisabled(): boolean {
    return this.disabled || this.disabledByForm;
  }

  /** The errors each control shows, and the focus on the first invalid one. */
  protected readonly fields = new FieldErrors(this);
  protected readonly internals = this.attachInternals();

  /** The host form this element is a field of, if any. */
  get form(): HTMLFormElement | null {
    return this.internals.form;
  }

  /** Whether it sits in a host form (then it has no submit button of its own). */
  protected get inHostForm(): boolean {
    return this.internals.form !== null;
  }

  get validity(): ValidityState {
    return this.internals.validity;
  }

  get validationMessage(): string {
    return this.internals.validationMessage;
  }

  checkValidity(): boolean {
    return this.internals.checkValidity();
  }

  /** Reports the first problem at its control (the browser's bubble) and returns whether the record is valid. */
  reportValidity(): boolean {
    return this.internals.reportValidity();
  }

  /**
   * Its own submit button (part `submit`), which only an element outside a host form has. While a
   * submission is under way it is held with `aria-disabled` (it keeps the focus; a second press does
   * nothing), not `disabled`.
   */
  protected submitButton(text: string, busy: boolean, className = ""): TemplateResult | typeof nothing {
    return this.inHostForm
      ? nothing
      : html`<div class=${className}>
          <button part="submit" type="submit" ?disabled=${this.isDisabled} aria-disabled=${busy ? "true" : "false"}>
            ${text}
          </button>
        </div>`;
  }

  /** The record the element would write now, validated: computed after every update. */
  protected abstract formState(): FormState;

  /** Clears what was typed, for the next record. */
  abstract reset(): void;

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.syncFormState();
  }

  /** Re-reads the form state; for controls the element does not keep in its own state (call on their input). */
  protected syncFormState(): void {
    const { value, errors } = this.formState();
    this.internals.setFormValue(value);
    const first = errors[0];
    if (!first) {
      this.internals.setValidity({});
      return;
    }
    const key = String(first.path[0] ?? "");
    const anchor = key
      ? (this.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(key)}, [name="${CSS.escape(key)}"]`) ?? undefined)
      : undefined;
    this.internals.setValidity({ customError: true }, first.message, anchor);
  }

  formResetCallback(): void {
    this.reset();
  }

  formDisabledCallback(disabled: boolean): void {
    this.disabledByForm = disabled;
  }
}
