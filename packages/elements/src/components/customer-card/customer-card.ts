/** Defines `<bankcrm-customer-card>` (and the badges it uses); importing this file registers the tags once. */
import "../value-badge/value-badge.js";
import { BankcrmCustomerCard } from "./customer-card.component.js";

export { BankcrmCustomerCard };

if (!customElements.get("bankcrm-customer-card")) customElements.define("bankcrm-customer-card", BankcrmCustomerCard);

declare global {
  interface HTMLElementTagNameMap {
    "bankcrm-customer-card": BankcrmCustomerCard;
  }
}
