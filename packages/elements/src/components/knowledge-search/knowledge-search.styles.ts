import { css } from "lit";
import { hostTokens, visuallyHidden } from "../../styles/tokens.js";
import { workStyles } from "../../styles/work.js";

export const knowledgeSearchStyles = [
  hostTokens,
  visuallyHidden,
  workStyles,
  css`
    .controls {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      margin-bottom: 0.5rem;
    }
    .controls input {
      width: 100%;
      box-sizing: border-box;
      min-height: 2rem;
    }
    [part="article"] {
      border-top: 1px solid var(--_border);
      padding: 0.375rem 0;
    }
    summary {
      cursor: pointer;
    }
    .badge {
      color: var(--_muted);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      padding: 0 0.25rem;
      margin-inline-end: 0.25rem;
    }
    .body {
      white-space: pre-line;
      margin: 0.375rem 0 0;
    }
    mark {
      background: var(--bankcrm-color-highlight, #fff3bf);
      color: inherit;
    }
  `,
];
