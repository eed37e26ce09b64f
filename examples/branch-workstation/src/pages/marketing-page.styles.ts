/** The marketing page's look: the workstation's panels and controls, and its own layout. */
import { css } from "lit";
import { visuallyHidden } from "@bankcrm/elements";
import { controlStyles, formTableStyles, pageHostStyles, panelStyles } from "../panel-styles.js";

export const marketingPageStyles = [
  pageHostStyles,
  visuallyHidden,
  panelStyles,
  controlStyles,
  formTableStyles,
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
    .stack {
      display: grid;
      gap: 16px;
    }
  `,
];
