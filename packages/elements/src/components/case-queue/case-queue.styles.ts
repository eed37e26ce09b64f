import { css } from "lit";
import { hostTokens, visuallyHidden } from "../../styles/tokens.js";
import { workStyles } from "../../styles/work.js";

export const caseQueueStyles = [
  hostTokens,
  visuallyHidden,
  workStyles,
  css`
    [part="case"][data-sla="overdue"] {
      border-left: 3px solid var(--_danger);
      padding-left: 0.5rem;
    }
    [part="sla"] {
      font-variant-numeric: tabular-nums;
    }
  `,
];
