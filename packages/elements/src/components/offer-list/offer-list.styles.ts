import { css } from "lit";
import { hostTokens, visuallyHidden } from "../../styles/tokens.js";
import { workStyles } from "../../styles/work.js";

export const offerListStyles = [
  hostTokens,
  visuallyHidden,
  workStyles,
  css`
    ol {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    [part="reasons"] li {
      color: var(--_muted);
    }
    [part="reasons"] li::before {
      content: "· ";
    }
    [part="excluded"] {
      margin-top: 0.5rem;
    }
    [part="excluded"] summary {
      cursor: pointer;
    }
  `,
];
