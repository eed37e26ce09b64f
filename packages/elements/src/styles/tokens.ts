/**
 * Design tokens: every element styles itself through `--bankcrm-*` custom
 * properties with these defaults, so a host themes bankcrm by setting them on
 * any ancestor (or by loading `theme-dark`). No element uses `style=` attributes.
 */
import { css } from "lit";

export const hostTokens = css`
  :host {
    --_font: var(--bankcrm-font-family, system-ui, "PingFang SC", "Microsoft YaHei", sans-serif);
    --_radius: var(--bankcrm-radius, 4px);
    --_text: var(--bankcrm-color-text, #1f2329);
    --_surface: var(--bankcrm-color-surface, #ffffff);
    font-family: var(--_font);
    color: var(--_text);
  }
`;

/** Text for screen readers only (keyboard hints, captions). */
export const visuallyHidden = css`
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
