import { css } from "lit";
import { hostTokens, visuallyHidden } from "../../styles/tokens.js";
import { workStyles } from "../../styles/work.js";

export const segmentBuilderStyles = [
  hostTokens,
  visuallyHidden,
  workStyles,
  css`
    .name input,
    .purpose select {
      max-width: 28rem;
    }
    .purpose .hint {
      display: block;
      font-size: 0.875em;
      color: var(--_muted);
    }
    .group {
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      padding: 0.5rem;
      margin: 0.25rem 0;
    }
    .children {
      margin: 0.25rem 0 0.25rem var(--bankcrm-segment-builder-indent, 1rem);
      padding: 0;
      list-style: none;
    }
    .item {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-start;
      gap: 0.25rem 0.5rem;
      padding: 0.25rem 0;
      border-top: 1px solid var(--_border);
    }
    .item > :first-child {
      flex: 1 1 24rem;
      min-width: 0;
    }
    .condition {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 0.5rem;
      align-items: center;
    }
    .not {
      border-left: 3px solid var(--_danger);
      padding-left: 0.5rem;
    }
    .not-label {
      font-weight: 600;
      color: var(--_danger);
    }
    .choices {
      display: flex;
      flex-wrap: wrap;
      gap: 0.125rem 0.75rem;
      border: 0;
      margin: 0;
      padding: 0;
    }
    .choice {
      white-space: nowrap;
    }
    .error {
      display: block;
      flex-basis: 100%;
    }
    [part="count"] {
      margin: 0.75rem 0 0.25rem;
      font-weight: 600;
      font-variant-numeric: tabular-nums;
    }
    table {
      border-collapse: collapse;
      width: 100%;
    }
    th,
    td {
      text-align: start;
      border-top: 1px solid var(--_border);
      padding: 0.25rem 0.5rem;
      vertical-align: top;
    }
    pre {
      white-space: pre-wrap;
      word-break: break-all;
      background: var(--_surface);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      padding: 0.5rem;
      max-height: 20rem;
      overflow: auto;
    }
    [aria-pressed="true"] {
      border-color: var(--_accent);
      font-weight: 600;
    }
  `,
];
