import { css } from "lit";
import { hostTokens } from "../../styles/tokens.js";

export const leadFormStyles = [
  hostTokens,
  css`
    :host {
      display: block;
      max-width: var(--bankcrm-lead-form-max-width, 32rem);
      --_muted: var(--bankcrm-color-text-muted, #5c6370);
      --_border: var(--bankcrm-color-border, #d0d5dd);
      --_accent: var(--bankcrm-color-accent, #0b57d0);
      --_danger: var(--bankcrm-color-danger, #b3261e);
    }
    [part="form"] {
      display: grid;
      gap: var(--bankcrm-lead-form-gap, 0.75rem);
    }
    [part="field"] {
      display: grid;
      gap: 0.25rem;
    }
    label {
      font-weight: 600;
    }
    input,
    select,
    textarea,
    button {
      font: inherit;
      color: inherit;
      background: var(--_surface);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      padding: 0.375rem 0.5rem;
    }
    input:focus-visible,
    select:focus-visible,
    textarea:focus-visible,
    button:focus-visible {
      outline: 2px solid var(--_accent);
      outline-offset: 1px;
    }
    .invalid input,
    .invalid select,
    .invalid textarea {
      border-color: var(--_danger);
    }
    [part="error"] {
      margin: 0;
      color: var(--_danger);
      font-size: 0.875rem;
    }
    [part="consent"] {
      display: grid;
      grid-template-columns: auto 1fr;
      gap: 0.25rem 0.5rem;
      align-items: start;
    }
    [part="consent"] label {
      font-weight: normal;
    }
    [part="consent"] p {
      grid-column: 2;
      margin: 0;
    }
    [part="submit"] {
      justify-self: start;
      color: var(--_surface);
      background: var(--_accent);
      border-color: var(--_accent);
      padding: 0.5rem 1.5rem;
      cursor: pointer;
    }
    [part="submit"][aria-disabled="true"],
    [part="submit"]:disabled {
      opacity: 0.6;
      cursor: default;
    }
    [part="status"]:empty {
      display: none;
    }
    [part="status"].failed,
    [part="status"].conflict,
    [part="status"].error,
    [part="status"].invalid {
      color: var(--_danger);
    }
    .purpose {
      margin: 0;
      font-weight: 600;
    }
    .muted {
      color: var(--_muted);
      font-weight: normal;
    }
  `,
];
