import { css } from "lit";
import { hostTokens, visuallyHidden } from "../../styles/tokens.js";
import { workStyles } from "../../styles/work.js";

export const taskListStyles = [
  hostTokens,
  visuallyHidden,
  workStyles,
  css`
    .care {
      border-color: var(--bankcrm-task-list-care-color, var(--_accent));
    }
    [part="form"] {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr));
      gap: 0.375rem 0.75rem;
      align-items: end;
      margin-top: 0.5rem;
      border-top: 1px solid var(--_border);
    }
    [part="form"] h3 {
      grid-column: 1 / -1;
    }
  `,
];
