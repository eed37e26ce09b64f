/** Defines `<bankcrm-value-badge>` and the tier badge it renders; importing this file registers the tags once. */
import { defineElement } from "../../internal/define.js";
import { BankcrmTierBadge } from "../tier-badge/tier-badge.component.js";
import { BankcrmValueBadge } from "./value-badge.component.js";

export { BankcrmValueBadge };

defineElement("bankcrm-tier-badge", BankcrmTierBadge);
defineElement("bankcrm-value-badge", BankcrmValueBadge);

declare global {
  interface HTMLElementTagNameMap {
    "bankcrm-value-badge": BankcrmValueBadge;
  }
}
