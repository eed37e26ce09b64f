/** The workstation's panels: a titled, bordered section on the surface colour. */
import { css } from "lit";

export const panelStyles = css`
  section {
    background: var(--ws-surface);
    border: 1px solid var(--ws-border);
    border-radius: 6px;
    padding: 10px 12px;
  }
  h2 {
    font-size: 0.9375rem;
    margin: 0 0 8px;
  }
`;
