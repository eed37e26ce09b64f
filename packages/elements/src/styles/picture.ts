/** What the SVG pictures share (chart, value breakdown): the figure and caption, the drawing, its text and grid, and the data table behind it. */
import { css } from "lit";
import { dataTableStyles } from "./data-table.js";

export const pictureStyles = [
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
      stroke-width: 1;
    }
  `,
];
