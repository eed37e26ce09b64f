import { css } from "lit";
import { hostTokens } from "../../styles/tokens.js";

export const tierBadgeStyles = [
  hostTokens,
  css`
    :host {
      display: inline-block;
    }
    [part="base"] {
      display: inline-flex;
      align-items: center;
      gap: 0.25em;
      padding: 0.125em 0.5em;
      border-radius: var(--bankcrm-tier-badge-radius, var(--_radius));
      font-size: var(--bankcrm-tier-badge-font-size, 0.8125rem);
      line-height: 1.5;
      white-space: nowrap;
      border: 1px solid currentColor;
      /* Text and background pairs keep a contrast ratio above 4.5:1. */
      color: var(--_fg);
      background: var(--_bg);
    }
    .standard {
      --_fg: var(--bankcrm-tier-standard-color, #3d4451);
      --_bg: var(--bankcrm-tier-standard-background, #eef0f3);
    }
    .gold {
      --_fg: var(--bankcrm-tier-gold-color, #7a4d00);
      --_bg: var(--bankcrm-tier-gold-background, #fff4d6);
    }
    .platinum {
      --_fg: var(--bankcrm-tier-platinum-color, #2f4858);
      --_bg: var(--bankcrm-tier-platinum-background, #e4eef3);
    }
    .diamond {
      --_fg: var(--bankcrm-tier-diamond-color, #123f8c);
      --_bg: var(--bankcrm-tier-diamond-background, #e3ecff);
    }
    .private {
      --_fg: var(--bankcrm-tier-private-color, #fdf6e3);
      --_bg: var(--bankcrm-tier-private-background, #3b2a14);
    }
    .unknown {
      --_fg: var(--bankcrm-tier-unknown-color, #5c6370);
      --_bg: transparent;
      border-style: dashed;
    }
  `,
];
