/** Defines `<bankcrm-customer-timeline>`; importing this file registers the tag once. */
import { defineElement } from "../../internal/define.js";
import { BankcrmCustomerTimeline } from "./customer-timeline.component.js";

export { BankcrmCustomerTimeline };

defineElement("bankcrm-customer-timeline", BankcrmCustomerTimeline);

declare global {
  interface HTMLElementTagNameMap {
    "bankcrm-customer-timeline": BankcrmCustomerTimeline;
  }
}
