/** The marketing page's look: the workstation's panels and controls, and its own layout. */
import { css } from "lit";
import { visuallyHidden } from "@bankcrm/elements";
import { controlStyles, pageHostStyles, panelStyles } from "../panel-styles.js";

export const marketingPageStyles = [
  pageHostStyles,
  visuallyHidden,
  panelStyles,
  controlStyles,
  css`
    .grid {
      display: grid;
      grid-template-columns: minmax(220px, 280px) 1fr;
      gap: 16px;
      align-items: start;
    }
    @media (max-width: 900px) {
      .grid {
        grid-template-columns: 1fr;
      }
    }
    ul {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 4px;
    }
    li button {
      width: 100%;
      text-align: start;
    }
    li button[aria-current="true"] {
      border-color: var(--bankcrm-color-accent);
      font-weight: 600;
    }
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
    .stack {
      display: grid;
      gap: 16px;
    }
    p[role="status"] {
      color: var(--bankcrm-color-text-muted);
      font-size: 0.875rem;
    }
    .error {
      color: var(--bankcrm-color-danger);
    }
  `,
];
