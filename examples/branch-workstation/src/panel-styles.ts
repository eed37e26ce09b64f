/**
 * The workstation's own styles, on the elements' `--bankcrm-*` tokens (set by
 * `<bankcrm-provider theme>`), so the host and the elements share one palette
 * and one dark theme.
 */
import { css } from "lit";
import { visuallyHidden } from "@bankcrm/elements";

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

/** A page of the workstation: a block, gone while another page is shown (`hidden`). */
export const pageHostStyles = css`
  :host {
    display: block;
  }
  :host([hidden]) {
    display: none;
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

/** A panel's forms (labelled fields in a wrapping row), tables, and its status and error lines. */
export const formTableStyles = css`
  form {
    display: flex;
    flex-wrap: wrap;
    gap: 8px 12px;
    align-items: end;
  }
  form label {
    display: grid;
    gap: 2px;
  }
  table {
    border-collapse: collapse;
    width: 100%;
  }
  th,
  td {
    text-align: start;
    border-top: 1px solid var(--bankcrm-color-border);
    padding: 4px 8px;
  }
  p[role="status"] {
    color: var(--bankcrm-color-text-muted);
    font-size: 0.875rem;
  }
  .error {
    color: var(--bankcrm-color-danger);
  }
`;

/** A report's data table: full width, a rule under each row, cells isolated for mixed Chinese and Latin text. */
export const dataTableStyles = css`
  table {
    border-collapse: collapse;
    width: 100%;
    font-size: 0.875rem;
  }
  th,
  td {
    text-align: start;
    padding: 4px 6px;
    border-bottom: 1px solid var(--bankcrm-color-border);
    unicode-bidi: isolate;
  }
  /* A figure: to the end of its cell, digits of one width so a column's figures line up. */
  td.n {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
`;

/** A host page on the tokens: its surface, the header bar and its title (the workstation's and the desk's). */
export const pageStyles = css`
  :host {
    display: block;
  }
  .page {
    min-height: 100vh;
    box-sizing: border-box;
    padding: 12px 16px;
    color: var(--bankcrm-color-text);
    background: var(--bankcrm-color-surface);
  }
  header {
    display: flex;
    flex-wrap: wrap;
    gap: 8px 12px;
    align-items: center;
    justify-content: space-between;
    border-bottom: 1px solid var(--bankcrm-color-border);
    padding-bottom: 8px;
  }
  h1 {
    font-size: 1.25rem;
    margin: 0;
  }
`;

/** A report page (the audit log, data quality, KYC by branch, the value lists): its host, controls, panels and tables. */
export const reportPageStyles = [visuallyHidden, pageHostStyles, controlStyles, panelStyles, dataTableStyles];
