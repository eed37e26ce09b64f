import { css } from "lit";
import { hostTokens } from "../../styles/tokens.js";
import { workStyles } from "../../styles/work.js";

export const relationshipGroupStyles = [
  hostTokens,
  workStyles,
  css`
    header {
      display: flex;
      gap: 0.5rem;
      align-items: baseline;
      flex-wrap: wrap;
    }
    h3 {
      margin: 0;
      font-size: 1rem;
    }
    .kind,
    .tier,
    .share {
      color: var(--_muted);
      font-size: 0.8125rem;
      font-weight: normal;
    }
    dl {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 1.5rem;
      margin: 0.5rem 0;
    }
    dt {
      color: var(--_muted);
    }
    dd {
      margin: 0;
      font-size: 1.125rem;
      font-weight: 600;
      font-variant-numeric: tabular-nums;
    }
    table {
      border-collapse: collapse;
      width: 100%;
    }
    caption {
      text-align: left;
      font-weight: 600;
      padding: 0.25rem 0;
    }
    th,
    td {
      text-align: left;
      padding: 0.25rem 0.5rem 0.25rem 0;
      border-bottom: 1px solid var(--_border);
      font-weight: normal;
    }
    thead th {
      font-weight: 600;
    }
    .num {
      text-align: right;
      font-variant-numeric: tabular-nums;
      white-space: nowrap;
    }
    tr[aria-current="true"] th {
      box-shadow: inset 3px 0 0 var(--_accent);
      padding-left: 0.5rem;
      font-weight: 600;
    }
    [part="status"] {
      color: var(--_muted);
      margin: 0.25rem 0;
    }
    [role="alert"] {
      color: var(--_danger);
    }
  `,
];
