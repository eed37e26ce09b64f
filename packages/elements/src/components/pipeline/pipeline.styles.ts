import { css } from "lit";
import { hostTokens, visuallyHidden } from "../../styles/tokens.js";
import { workStyles } from "../../styles/work.js";

export const pipelineStyles = [
  hostTokens,
  visuallyHidden,
  workStyles,
  css`
    [part="summary"] {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 1.5rem;
      margin: 0 0 0.5rem;
    }
    [part="summary"] dt {
      font-size: 0.75rem;
      color: var(--_muted);
    }
    [part="summary"] dd {
      margin: 0;
      font-variant-numeric: tabular-nums;
    }
    .board {
      display: grid;
      grid-auto-flow: column;
      grid-auto-columns: var(--bankcrm-pipeline-column-width, 14rem);
      gap: 0.5rem;
      overflow-x: auto;
    }
    [part="column"] {
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      padding: 0.375rem;
      max-height: var(--bankcrm-pipeline-height, 32rem);
      overflow-y: auto;
    }
    [part="column"].closed {
      border-style: dashed;
    }
    [part="column"] h3 {
      margin: 0;
      display: flex;
      justify-content: space-between;
    }
    .figures {
      font-size: 0.75rem;
      margin: 0 0 0.25rem;
    }
    [part="card"] {
      display: grid;
      gap: 0.125rem;
      padding: 0.375rem;
      margin-top: 0.375rem;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
      font-size: 0.8125rem;
      cursor: grab;
      /* Cards scrolled out of their column are not laid out or painted: a board of thousands stays fast. */
      content-visibility: auto;
      contain-intrinsic-size: auto 5.5rem;
    }
    [part="card"].late-card {
      border-left: 3px solid var(--_danger);
    }
    [part="card"][aria-busy="true"] {
      opacity: 0.7;
    }
    [part="dialog"] {
      color: inherit;
      background: var(--_surface);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
    }
    [part="sale"] {
      display: grid;
      gap: 0.375rem;
      margin: 0.5rem 0;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
    }
    .targets {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem;
    }
  `,
];
