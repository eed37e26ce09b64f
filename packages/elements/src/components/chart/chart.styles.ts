import { css } from "lit";
import { hostTokens, visuallyHidden } from "../../styles/tokens.js";
import { workStyles } from "../../styles/work.js";
import { pictureStyles } from "../../styles/picture.js";

export const chartStyles = [
  hostTokens,
  visuallyHidden,
  workStyles,
  pictureStyles,
  css`
    :host {
      --_c1: var(--bankcrm-chart-1, var(--_accent));
      --_c2: var(--bankcrm-chart-2, color-mix(in srgb, var(--_accent) 70%, var(--_surface)));
      --_c3: var(--bankcrm-chart-3, color-mix(in srgb, var(--_accent) 45%, var(--_surface)));
      --_c4: var(--bankcrm-chart-4, color-mix(in srgb, var(--_danger) 80%, var(--_surface)));
      --_c5: var(--bankcrm-chart-5, color-mix(in srgb, var(--_danger) 45%, var(--_surface)));
      --_c6: var(--bankcrm-chart-6, var(--_muted));
      --_hi: var(--bankcrm-chart-highlight, var(--_danger));
    }
    svg.donut {
      max-width: 14rem;
      margin: 0 auto;
    }
    .total {
      font-size: 16px;
      font-weight: 600;
    }
    .bar rect,
    .column {
      fill: var(--_c1);
    }
    .bar.highlight rect,
    .point.highlight {
      fill: var(--_hi);
    }
    .line {
      fill: none;
      stroke: var(--_c1);
      stroke-width: 2;
    }
    .point {
      fill: var(--_c1);
      stroke: var(--_surface);
      stroke-width: 1.5;
    }
    .slice {
      stroke: var(--_surface);
      stroke-width: 1;
    }
    .s0 {
      fill: var(--_c1);
      background: var(--_c1);
    }
    .s1 {
      fill: var(--_c2);
      background: var(--_c2);
    }
    .s2 {
      fill: var(--_c3);
      background: var(--_c3);
    }
    .s3 {
      fill: var(--_c4);
      background: var(--_c4);
    }
    .s4 {
      fill: var(--_c5);
      background: var(--_c5);
    }
    .s5 {
      fill: var(--_c6);
      background: var(--_c6);
    }
    [part="legend"] {
      list-style: none;
      padding: 0;
      margin: 0.5rem 0 0;
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 1rem;
    }
    .swatch {
      display: inline-block;
      width: 0.75rem;
      height: 0.75rem;
      border-radius: 2px;
      margin-right: 0.375rem;
      vertical-align: -0.0625rem;
    }
    .share {
      color: var(--_muted);
      margin-left: 0.25rem;
    }
    .empty {
      color: var(--_muted);
    }
  `,
];
