/** Defines `<bankcrm-tier-badge>`; importing this file registers the tag once. */
import { defineElement } from "../../internal/define.js";
import { BankcrmTierBadge } from "./tier-badge.component.js";

export { BankcrmTierBadge };

defineElement("bankcrm-tier-badge", BankcrmTierBadge);

declare global {
  interface HTMLElementTagNameMap {
    "bankcrm-tier-badge": BankcrmTierBadge;
  }
}
