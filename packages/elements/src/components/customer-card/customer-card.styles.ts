import { css } from "lit";
import { hostTokens } from "../../styles/tokens.js";

export const customerCardStyles = [
  hostTokens,
  css`
    :host {
      display: block;
    }
    [part="base"] {
      border: 1px solid var(--bankcrm-customer-card-border-color, var(--bankcrm-color-border, #d0d5dd));
      border-radius: var(--bankcrm-customer-card-radius, var(--_radius));
      background: var(--bankcrm-customer-card-background, var(--_surface));
      padding: var(--bankcrm-customer-card-padding, 12px 16px);
    }
    [part="header"] {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 8px;
    }
    [part="name"] {
      font-size: 1.125rem;
      font-weight: 600;
      margin: 0;
    }
    [part="kind"],
    .muted {
      color: var(--bankcrm-color-text-muted, #5c6370);
      font-size: 0.8125rem;
    }
    dl {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 4px 12px;
      margin: 12px 0 0;
      font-size: 0.875rem;
    }
    dt {
      color: var(--bankcrm-color-text-muted, #5c6370);
    }
    dd {
      margin: 0;
      font-variant-numeric: tabular-nums;
    }
    .figures {
      display: flex;
      flex-wrap: wrap;
      gap: 16px;
      margin-top: 12px;
    }
    .figure [part="value"] {
      display: block;
      font-size: 1rem;
      font-weight: 600;
    }
    .tags {
      display: flex;
      flex-wrap: wrap;
      gap: 4px;
      list-style: none;
      padding: 0;
      margin: 12px 0 0;
    }
    [part="contacts"] {
      list-style: none;
      padding: 0;
      margin: 0;
    }
    .tags li {
      border: 1px solid var(--bankcrm-color-border, #d0d5dd);
      border-radius: 999px;
      padding: 0 8px;
      font-size: 0.75rem;
    }
    button {
      font: inherit;
      font-size: 0.8125rem;
      color: var(--bankcrm-color-accent, #0b57d0);
      background: none;
      border: none;
      padding: 0 0 0 8px;
      cursor: pointer;
      text-decoration: underline;
    }
    button:focus-visible {
      outline: 2px solid var(--bankcrm-color-accent, #0b57d0);
      outline-offset: 2px;
    }
    [part="footer"] {
      margin-top: 12px;
    }
    [role="alert"] {
      color: var(--bankcrm-color-danger, #b3261e);
      font-size: 0.8125rem;
    }
    :host([layout="compact"]) dl,
    :host([layout="compact"]) .tags {
      display: none;
    }
  `,
];
