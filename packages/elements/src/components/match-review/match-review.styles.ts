import { css } from "lit";
import { hostTokens, visuallyHidden } from "../../styles/tokens.js";
import { workStyles } from "../../styles/work.js";

export const matchReviewStyles = [
  hostTokens,
  visuallyHidden,
  workStyles,
  css`
    table {
      border-collapse: collapse;
      width: 100%;
      margin: 0.5rem 0;
    }
    caption {
      text-align: start;
      font-weight: 600;
      padding-block-end: 0.25rem;
    }
    th,
    td {
      text-align: start;
      padding: 0.125rem 0.5rem;
      border-block-end: 1px solid var(--_border);
    }
    tr.differs td {
      font-weight: 600;
    }
    .weight {
      text-align: end;
      font-variant-numeric: tabular-nums;
    }
    tr.against .weight {
      color: var(--_danger);
    }
    tfoot th,
    tfoot td {
      font-weight: 600;
    }
    .score {
      margin: 0;
    }
    .rule {
      margin-inline-start: 0.5rem;
      color: var(--_muted);
    }
    button.primary {
      background: var(--_accent);
      border-color: var(--_accent);
      color: var(--_surface);
    }
    [part="status"] {
      color: var(--_muted);
      margin: 0.25rem 0 0;
    }
    [role="alert"] {
      color: var(--_danger);
    }
  `,
];
