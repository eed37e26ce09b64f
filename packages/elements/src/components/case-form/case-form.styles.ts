import { css } from "lit";
import { hostTokens, visuallyHidden } from "../../styles/tokens.js";
import { formControls, workStyles } from "../../styles/work.js";

export const caseFormStyles = [
  hostTokens,
  visuallyHidden,
  workStyles,
  formControls,
  css`
    [part="form"] {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr));
      gap: 0.5rem 0.75rem;
      max-width: var(--bankcrm-case-form-max-width, 40rem);
    }
    [part="form"] h2,
    .wide {
      grid-column: 1 / -1;
    }
    [part="due"] {
      margin: 0;
      font-weight: 600;
    }
    [part="warning"] {
      margin: 0;
    }
  `,
];
