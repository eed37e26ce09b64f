import { css } from "lit";
import { hostTokens, visuallyHidden } from "../../styles/tokens.js";
import { workStyles } from "../../styles/work.js";

export const customerFormStyles = [
  hostTokens,
  visuallyHidden,
  workStyles,
  css`
    form[part="section"] {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr));
      gap: 0.375rem 0.75rem;
      align-items: end;
    }
    form[part="section"] h3 {
      grid-column: 1 / -1;
    }
  `,
];
