import { css } from "lit";
import { hostTokens, visuallyHidden } from "../../styles/tokens.js";
import { workStyles } from "../../styles/work.js";

export const satisfactionSurveyStyles = [
  hostTokens,
  visuallyHidden,
  workStyles,
  css`
    [part="form"] {
      display: grid;
      gap: 0.5rem;
      max-width: var(--bankcrm-satisfaction-survey-max-width, 28rem);
    }
    [part="scores"] {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      margin: 0;
    }
    .score {
      display: inline-flex;
      gap: 0.25rem;
      align-items: center;
    }
  `,
];
