/** Defines `<bankcrm-customer-card>` and the badges it renders; importing this file registers the tags once. */
import { defineElement } from "../../internal/define.js";
import { BankcrmTierBadge } from "../tier-badge/tier-badge.component.js";
import { BankcrmValueBadge } from "../value-badge/value-badge.component.js";
import { BankcrmCustomerCard } from "./customer-card.component.js";

export { BankcrmCustomerCard };

defineElement("bankcrm-tier-badge", BankcrmTierBadge);
defineElement("bankcrm-value-badge", BankcrmValueBadge);
defineElement("bankcrm-customer-card", BankcrmCustomerCard);

declare global {
  interface HTMLElementTagNameMap {
    "bankcrm-customer-card": BankcrmCustomerCard;
  }
}
