import { css } from "lit";
import { hostTokens, visuallyHidden } from "../../styles/tokens.js";
import { workStyles } from "../../styles/work.js";

export const kpiTileStyles = [
  hostTokens,
  visuallyHidden,
  workStyles,
  css`
    :host {
      display: inline-block;
      min-width: 10rem;
    }
    p {
      margin: 0;
    }
    [part="label"] {
      color: var(--_muted);
    }
    [part="value"] {
      font-size: 1.5rem;
      font-weight: 600;
      font-variant-numeric: tabular-nums;
      margin: 0.125rem 0;
    }
    [data-trend="good"] {
      color: var(--bankcrm-kpi-tile-good, var(--_accent));
    }
    [data-trend="bad"] {
      color: var(--bankcrm-kpi-tile-bad, var(--_danger));
    }
    [data-trend] span {
      color: var(--_muted);
    }
  `,
];
