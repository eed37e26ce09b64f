import { css } from "lit";
import { hostTokens, visuallyHidden } from "../../styles/tokens.js";
import { workStyles } from "../../styles/work.js";

export const leadQueueStyles = [
  hostTokens,
  visuallyHidden,
  workStyles,
  css`
    [part="clock"] {
      display: inline-block;
      margin-left: 0.5rem;
      font-variant-numeric: tabular-nums;
    }
    [part="clock"][data-overdue="true"] {
      font-weight: 600;
    }
    [part="match"] {
      margin: 0.25rem 0 0;
    }
  `,
];
