/** Defines `<bankcrm-customer-form>`; importing this file registers the tag once. */
import { defineElement } from "../../internal/define.js";
import { BankcrmCustomerForm } from "./customer-form.component.js";

export { BankcrmCustomerForm };

defineElement("bankcrm-customer-form", BankcrmCustomerForm);

declare global {
  interface HTMLElementTagNameMap {
    "bankcrm-customer-form": BankcrmCustomerForm;
  }
}
