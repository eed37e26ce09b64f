import { css } from "lit";
import { hostTokens, visuallyHidden } from "../../styles/tokens.js";
import { workStyles } from "../../styles/work.js";
import { dataTableStyles } from "../../styles/data-table.js";

export const valueBreakdownStyles = [
  hostTokens,
  visuallyHidden,
  workStyles,
  dataTableStyles,
  css`
    figure {
      margin: 0;
    }
    figcaption {
      font-weight: 600;
      margin-bottom: 0.5rem;
    }
    svg {
      display: block;
      width: 100%;
      height: auto;
      overflow: visible;
    }
    text {
      fill: var(--_text);
      font-size: 12px;
    }
    .tick {
      fill: var(--_muted);
      font-size: 11px;
    }
    .grid {
      stroke: var(--_border);
    }
    .zero {
      stroke: var(--_muted);
    }
    .connector {
      stroke: var(--_muted);
      stroke-dasharray: 2 2;
    }
    .up rect {
      fill: var(--bankcrm-value-breakdown-up, var(--_accent));
    }
    .down rect {
      fill: var(--bankcrm-value-breakdown-down, var(--_danger));
    }
    .total rect {
      fill: var(--_text);
    }
    .total text {
      font-weight: 600;
    }
    [part="status"] {
      color: var(--_muted);
      margin: 0;
    }
    [role="alert"] {
      color: var(--_danger);
    }
  `,
];
