import { css } from "lit";
import { hostTokens, visuallyHidden } from "../../styles/tokens.js";
import { workStyles } from "../../styles/work.js";

export const campaignReportStyles = [
  hostTokens,
  visuallyHidden,
  workStyles,
  css`
    [part="chart"] {
      max-width: 40rem;
      display: block;
    }
    .bar {
      fill: var(--bankcrm-campaign-report-bar, var(--_accent));
    }
    .label,
    .value {
      fill: currentColor;
      font-size: 12px;
    }
    table {
      border-collapse: collapse;
      margin: 0.5rem 0;
      font-variant-numeric: tabular-nums;
    }
    th,
    td {
      border-top: 1px solid var(--_border);
      padding: 0.25rem 0.5rem;
      text-align: start;
    }
    caption {
      text-align: start;
      font-weight: 600;
    }
    [part="uplift"][data-significant="false"] strong {
      color: var(--_muted);
    }
  `,
];
