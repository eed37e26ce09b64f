import { css } from "lit";
import { hostTokens, visuallyHidden } from "../../styles/tokens.js";
import { workStyles } from "../../styles/work.js";
import { pictureStyles } from "../../styles/picture.js";

export const valueBreakdownStyles = [
  hostTokens,
  visuallyHidden,
  workStyles,
  pictureStyles,
  css`
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
