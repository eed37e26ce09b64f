import { css } from "lit";
import { hostTokens, visuallyHidden } from "../../styles/tokens.js";
import { workStyles } from "../../styles/work.js";

export const targetProgressStyles = [
  hostTokens,
  visuallyHidden,
  workStyles,
  css`
    [part="target"] .grow {
      display: grid;
      gap: 0.125rem;
    }
    [part="bar"] {
      width: 100%;
      height: 0.5rem;
      accent-color: var(--bankcrm-target-progress-color, var(--_accent));
    }
    [part="ranking"] {
      border-collapse: collapse;
      width: 100%;
      font-variant-numeric: tabular-nums;
    }
    [part="ranking"] caption {
      text-align: start;
      font-weight: 600;
      margin-bottom: 0.25rem;
    }
    [part="ranking"] th,
    [part="ranking"] td {
      border-top: 1px solid var(--_border);
      padding: 0.25rem 0.5rem;
      text-align: start;
    }
  `,
];
