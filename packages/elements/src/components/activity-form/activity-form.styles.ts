import { css } from "lit";
import { hostTokens, visuallyHidden } from "../../styles/tokens.js";
import { formControls, workStyles } from "../../styles/work.js";

export const activityFormStyles = [
  hostTokens,
  visuallyHidden,
  workStyles,
  formControls,
  css`
    [part="form"] {
      display: grid;
      gap: 0.5rem;
      max-width: var(--bankcrm-activity-form-max-width, 32rem);
    }
    fieldset {
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 0.75rem;
      margin: 0;
    }
    .choice {
      display: inline-flex;
      gap: 0.25rem;
      align-items: center;
    }
  `,
];
