import { css } from "lit";
import { hostTokens } from "../../styles/tokens.js";

export const valueBadgeStyles = [
  hostTokens,
  css`
    :host {
      display: inline-block;
    }
    [part="base"] {
      display: inline-flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5em;
      font-size: var(--bankcrm-value-badge-font-size, 0.875rem);
    }
    [part="score"] {
      font-weight: 600;
      font-variant-numeric: tabular-nums;
    }
    [part="toggle"] {
      font: inherit;
      color: var(--bankcrm-color-accent, #0b57d0);
      background: none;
      border: none;
      padding: 0;
      text-decoration: underline;
      cursor: pointer;
    }
    [part="toggle"]:focus-visible {
      outline: 2px solid var(--bankcrm-color-accent, #0b57d0);
      outline-offset: 2px;
    }
    [part="factors"] {
      flex-basis: 100%;
      margin: 0.25em 0 0;
      padding-left: 1.25em;
      color: var(--bankcrm-color-text, #1f2329);
    }
    .muted,
    [part="empty"] {
      color: var(--bankcrm-color-text-muted, #5c6370);
    }
    [part="error"] {
      color: var(--bankcrm-color-danger, #b3261e);
    }
  `,
];
