/** Defines `<bankcrm-value-badge>` (and the tier badge it uses); importing this file registers the tags once. */
import "../tier-badge/tier-badge.js";
import { BankcrmValueBadge } from "./value-badge.component.js";

export { BankcrmValueBadge };

if (!customElements.get("bankcrm-value-badge")) customElements.define("bankcrm-value-badge", BankcrmValueBadge);

declare global {
  interface HTMLElementTagNameMap {
    "bankcrm-value-badge": BankcrmValueBadge;
  }
}
