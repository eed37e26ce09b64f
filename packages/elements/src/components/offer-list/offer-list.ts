/** Defines `<bankcrm-offer-list>`; importing this file registers the tag once. */
import { defineElement } from "../../internal/define.js";
import { BankcrmOfferList } from "./offer-list.component.js";

export { BankcrmOfferList };

defineElement("bankcrm-offer-list", BankcrmOfferList);

declare global {
  interface HTMLElementTagNameMap {
    "bankcrm-offer-list": BankcrmOfferList;
  }
}
