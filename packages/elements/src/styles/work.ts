/**
 * What the working elements (queues, lists, forms, boards) share: controls,
 * section headings, rows and status lines — themed by the same tokens.
 */
import { css } from "lit";

export const workStyles = css`
  :host {
    display: block;
    --_muted: var(--bankcrm-color-text-muted, #5c6370);
    --_border: var(--bankcrm-color-border, #d0d5dd);
    --_accent: var(--bankcrm-color-accent, #0b57d0);
    --_danger: var(--bankcrm-color-danger, #b3261e);
    font-size: 0.875rem;
  }
  [part="base"] {
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.75rem;
  }
  h2 {
    font-size: 1rem;
    margin: 0 0 0.5rem;
  }
  h3 {
    font-size: 0.875rem;
    margin: 0.75rem 0 0.25rem;
  }
  button,
  select,
  input,
  textarea {
    font: inherit;
    color: inherit;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.125rem 0.5rem;
  }
  button {
    cursor: pointer;
  }
  button:disabled {
    cursor: default;
    opacity: 0.6;
  }
  :focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 1px;
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 0.75rem;
    align-items: center;
    padding: 0.375rem 0;
    border-top: 1px solid var(--_border);
  }
  .grow {
    flex: 1 1 12rem;
    min-width: 0;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem;
    align-items: center;
  }
  .muted {
    color: var(--_muted);
  }
  .late,
  .error {
    color: var(--_danger);
  }
  .badge {
    border: 1px solid var(--_border);
    border-radius: 999px;
    padding: 0 0.5rem;
    font-size: 0.75rem;
  }
  label.field {
    display: grid;
    gap: 0.125rem;
  }
`;

/** A form element's controls in one fieldset, disabled together (a host form's disabled fieldset reaches them); no box of its own. */
export const formControls = css`
  fieldset.controls {
    display: contents;
  }
`;
