/** The default (light) and dark token sets, applied by `<bankcrm-provider theme="…">`. */
import { css } from "lit";

export const themeTokens = css`
  :host {
    --bankcrm-color-text: #1f2329;
    --bankcrm-color-text-muted: #5c6370;
    --bankcrm-color-surface: #ffffff;
    --bankcrm-color-border: #d0d5dd;
    --bankcrm-color-accent: #0b57d0;
    --bankcrm-color-danger: #b3261e;
    --bankcrm-color-highlight: #fff3bf;
    --bankcrm-radius: 4px;
  }
  :host([theme="dark"]) {
    --bankcrm-color-text: #e6e8eb;
    --bankcrm-color-text-muted: #a8b0bc;
    --bankcrm-color-surface: #16181d;
    --bankcrm-color-border: #3a3f4b;
    --bankcrm-color-accent: #8ab4f8;
    --bankcrm-color-danger: #f2b8b5;
    --bankcrm-color-highlight: #5c4a00;
    --bankcrm-tier-standard-color: #e6e8eb;
    --bankcrm-tier-standard-background: #2a2e37;
    --bankcrm-tier-gold-color: #ffd98a;
    --bankcrm-tier-gold-background: #3a2c0b;
    --bankcrm-tier-platinum-color: #cfe3ee;
    --bankcrm-tier-platinum-background: #1e2e38;
    --bankcrm-tier-diamond-color: #b9ceff;
    --bankcrm-tier-diamond-background: #15274d;
  }
`;
