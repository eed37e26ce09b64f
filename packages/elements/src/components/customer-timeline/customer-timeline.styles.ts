import { css } from "lit";
import { hostTokens, visuallyHidden } from "../../styles/tokens.js";

export const customerTimelineStyles = [
  hostTokens,
  visuallyHidden,
  css`
    :host {
      display: block;
      --_muted: var(--bankcrm-color-text-muted, #5c6370);
      --_border: var(--bankcrm-color-border, #d0d5dd);
      --_accent: var(--bankcrm-color-accent, #0b57d0);
    }
    [part="base"] {
      background: var(--_surface);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      padding: 0.75rem;
    }
    [part="toolbar"] {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 1rem;
      align-items: center;
      margin-bottom: 0.5rem;
      font-size: 0.875rem;
    }
    select,
    button,
    input {
      font: inherit;
    }
    select,
    button {
      color: inherit;
      background: var(--_surface);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      padding: 0.125rem 0.5rem;
    }
    [part="feed"] {
      height: var(--bankcrm-customer-timeline-height, 28rem);
    }
    [part="entry"] {
      width: 100%;
      padding: 0.375rem 0.5rem 0.375rem 0.75rem;
      border-left: 3px solid var(--_marker);
      --_marker: var(--bankcrm-customer-timeline-accent-interaction, #0b57d0);
    }
    [part="entry"].transaction {
      --_marker: var(--bankcrm-customer-timeline-accent-transaction, #1e7d32);
    }
    [part="entry"].case {
      --_marker: var(--bankcrm-customer-timeline-accent-case, #b3261e);
    }
    [part="entry"].campaign {
      --_marker: var(--bankcrm-customer-timeline-accent-campaign, #8a5a00);
    }
    [part="entry"]:focus-visible {
      outline: 2px solid var(--_accent);
      outline-offset: -2px;
    }
    [part="day"] {
      margin: 0.5rem 0 0.25rem;
      font-size: 0.8125rem;
      font-weight: 600;
      color: var(--_muted);
    }
    .line {
      display: flex;
      gap: 0.5rem;
      align-items: baseline;
      font-size: 0.8125rem;
      color: var(--_muted);
    }
    [part="kind"] {
      font-weight: 600;
      color: var(--_text);
    }
    [part="time"] {
      margin-left: auto;
      font-variant-numeric: tabular-nums;
    }
    .confidential {
      color: var(--bankcrm-color-danger, #b3261e);
    }
    .title,
    .detail {
      margin: 0.125rem 0 0;
      overflow-wrap: anywhere;
    }
    .detail {
      font-size: 0.875rem;
      color: var(--_muted);
    }
    .footer {
      display: flex;
      justify-content: space-between;
      align-items: center;
      margin-top: 0.5rem;
      font-size: 0.8125rem;
      color: var(--_muted);
    }
    .muted {
      color: var(--_muted);
    }
  `,
];
