/**
 * The markup every form field shares, written once: a label in the same
 * shadow root as its control, an optional-field hint, the error as text linked
 * by `aria-describedby` (`<id>-error`) with `aria-invalid` on the control.
 * Elements keep their own state; these only render it. (A first piece of the
 * form layer; the lead form uses it.)
 */
import { html, nothing, type TemplateResult } from "lit";

/** The id of a field's error text, when there is an error to point at. */
export const errorIdOf = (id: string, error: string | undefined) => (error ? `${id}-error` : undefined);

/** A label, its control and the field's error. */
export function field(o: {
  id: string;
  caption: string;
  control: TemplateResult;
  error?: string | undefined;
  /** Shown after the caption of an optional field ("选填" / "optional"). */
  optionalText?: string | undefined;
}) {
  return html`<div part="field" class=${o.error ? "invalid" : ""}>
    <label for=${o.id}
      >${o.caption}${o.optionalText ? html` <span class="muted">${o.optionalText}</span>` : nothing}</label
    >
    ${o.control} ${o.error ? html`<p part="error" id=${`${o.id}-error`}>${o.error}</p>` : nothing}
  </div>`;
}

interface ControlOptions {
  id: string;
  value: string;
  error?: string | undefined;
  required: boolean;
  disabled: boolean;
  onValue: (value: string) => void;
}

/** A text input that reports every change of its value. */
export function textInput(
  o: ControlOptions & { type: string; autocomplete: string; inputmode?: string | undefined; maxlength: number },
) {
  return html`<input
    id=${o.id}
    name=${o.id}
    type=${o.type}
    autocomplete=${o.autocomplete}
    inputmode=${o.inputmode ?? nothing}
    maxlength=${o.maxlength}
    ?required=${o.required}
    ?disabled=${o.disabled}
    aria-invalid=${o.error ? "true" : "false"}
    aria-describedby=${errorIdOf(o.id, o.error) ?? nothing}
    .value=${o.value}
    @input=${(e: Event) => o.onValue((e.target as HTMLInputElement).value)}
  />`;
}

/** A select with an empty first choice ("请选择" / "Choose"). */
export function selectInput(
  o: ControlOptions & { options: readonly { value: string; label: string }[]; chooseText: string },
) {
  return html`<select
    id=${o.id}
    name=${o.id}
    ?required=${o.required}
    ?disabled=${o.disabled}
    aria-invalid=${o.error ? "true" : "false"}
    aria-describedby=${errorIdOf(o.id, o.error) ?? nothing}
    @change=${(e: Event) => o.onValue((e.target as HTMLSelectElement).value)}
  >
    <option value="" ?selected=${o.value === ""}>${o.chooseText}</option>
    ${o.options.map((c) => html`<option value=${c.value} ?selected=${o.value === c.value}>${c.label}</option>`)}
  </select>`;
}
