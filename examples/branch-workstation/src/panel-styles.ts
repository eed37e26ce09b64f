/**
 * The workstation's own styles, on the elements' `--bankcrm-*` tokens (set by
 * `<bankcrm-provider theme>`), so the host and the elements share one palette
 * and one dark theme.
 */
import { css } from "lit";

/** A titled, bordered section on the surface colour. */
export const panelStyles = css`
  section {
    background: var(--bankcrm-color-surface);
    border: 1px solid var(--bankcrm-color-border);
    border-radius: var(--bankcrm-radius);
    padding: 10px 12px;
  }
  h2 {
    font-size: 0.9375rem;
    margin: 0 0 8px;
  }
`;

/** Buttons, selects and inputs of the host's own toolbars. */
export const controlStyles = css`
  button,
  select,
  input {
    font: inherit;
    color: inherit;
    background: var(--bankcrm-color-surface);
    border: 1px solid var(--bankcrm-color-border);
    border-radius: var(--bankcrm-radius);
    padding: 4px 10px;
  }
  :focus-visible {
    outline: 2px solid var(--bankcrm-color-accent);
    outline-offset: 1px;
  }
`;
