/**
 * The markup every form field shares, written once: a label in the same
 * shadow root as its control, an optional-field hint, a description
 * (`<id>-description`) and the error as text (`<id>-error`), both linked by
 * `aria-describedby`, with `aria-invalid` on the control. Elements keep their
 * own values; these render them. With `FieldErrors`, the errors each control
 * shows and the focus on the first invalid one; with `BankcrmFormElement`
 * (components/base/form-element.ts), form association.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from "lit";
import type { FieldError } from "@bankcrm/core";

/** The id of a field's error text, when there is an error to point at. */
export const errorIdOf = (id: string, error: string | undefined) => (error ? `${id}-error` : undefined);

/** `aria-describedby` of a control: its description's id (when it has one), then its error text's. */
export function describedByOf(id: string, error: string | undefined, description?: string): string | undefined {
  const ids = [description, errorIdOf(id, error)].filter((x): x is string => x !== undefined);
  return ids.length > 0 ? ids.join(" ") : undefined;
}

/** A label, its control and the field's error. */
export function field(o: {
  id: string;
  caption: string;
  control: TemplateResult;
  error?: string | undefined;
  /** Shown after the caption of an optional field ("选填" / "optional"). */
  optionalText?: string | undefined;
  /** A hint under the label (its control names `<id>-description` first in `aria-describedby`). */
  description?: string | undefined;
}) {
  return html`<div part="field" class=${o.error ? "invalid" : ""}>
    <label for=${o.id}
      >${o.caption}${o.optionalText ? html` <span class="muted">${o.optionalText}</span>` : nothing}</label
    >
    ${o.description ? html`<p part="description" class="muted" id=${`${o.id}-description`}>${o.description}</p>` : nothing}
    ${o.control} ${o.error ? html`<p part="error" id=${`${o.id}-error`}>${o.error}</p>` : nothing}
  </div>`;
}

interface ControlOptions {
  id: string;
  value: string;
  error?: string | undefined;
  /** The field has a description (`field({ description })`): the control points at it. */
  described?: boolean;
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
    aria-describedby=${describedByOf(o.id, o.error, o.described ? `${o.id}-description` : undefined) ?? nothing}
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
    aria-describedby=${describedByOf(o.id, o.error, o.described ? `${o.id}-description` : undefined) ?? nothing}
    @change=${(e: Event) => o.onValue((e.target as HTMLSelectElement).value)}
  >
    <option value="" ?selected=${o.value === ""}>${o.chooseText}</option>
    ${o.options.map((c) => html`<option value=${c.value} ?selected=${o.value === c.value}>${c.label}</option>`)}
  </select>`;
}

/**
 * A form's field errors (core's `FieldError`s, from validation or a refused write): what each
 * control shows — its message, `aria-invalid`, the `aria-describedby` to its text — and the focus
 * moved to the first invalid control. Written once for every form element.
 */
export class FieldErrors implements ReactiveController {
  private errors: readonly FieldError[] = [];

  constructor(private readonly host: ReactiveControllerHost & { readonly renderRoot: ParentNode }) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** How many errors are shown. */
  get count(): number {
    return this.errors.length;
  }

  /** Shows these errors (none: clears them). */
  set(errors: readonly FieldError[]): void {
    this.errors = errors;
    this.host.requestUpdate();
  }

  /** The message of the first error at `path` or inside it. */
  at(...path: (string | number)[]): string | undefined {
    return this.errors.find((e) => path.every((p, i) => e.path[i] === p))?.message;
  }

  /** `aria-invalid` of the control at `path`. */
  invalid(...path: (string | number)[]): "true" | "false" {
    return this.at(...path) ? "true" : "false";
  }

  /**
   * `aria-describedby` of the control `id` at `path`: the id of its description (`{ description }` last,
   * when it has one), then its error text's, when it has an error.
   */
  describedBy(id: string, ...rest: (string | number | { description: string })[]): string | typeof nothing {
    const last = rest.at(-1);
    const description = typeof last === "object" ? last.description : undefined;
    const path = rest.filter((p): p is string | number => typeof p !== "object");
    return describedByOf(id, this.at(...path), description) ?? nothing;
  }

  /** The error text of the control `id` at `path`, which its `aria-describedby` names. */
  text(id: string, ...path: (string | number)[]): TemplateResult | typeof nothing {
    const error = this.at(...path);
    return error ? html`<span part="error" class="error" id=${`${id}-error`}>${error}</span>` : nothing;
  }

  /** Moves the focus to the first invalid control, once the errors are on screen. */
  async focusFirst(): Promise<void> {
    await this.host.updateComplete;
    this.host.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }
}
