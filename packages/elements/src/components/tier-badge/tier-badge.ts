/** Defines `<bankcrm-tier-badge>`; importing this file registers the tag once. */
import { BankcrmTierBadge } from "./tier-badge.component.js";

export { BankcrmTierBadge };

if (!customElements.get("bankcrm-tier-badge")) {
  customElements.define("bankcrm-tier-badge", BankcrmTierBadge);
}

declare global {
  interface HTMLElementTagNameMap {
    "bankcrm-tier-badge": BankcrmTierBadge;
  }
}
