/** Defines `<bankcrm-lead-form>`; importing this file registers the tag once. */
import { defineElement } from "../../internal/define.js";
import { BankcrmLeadForm } from "./lead-form.component.js";

export { BankcrmLeadForm };

defineElement("bankcrm-lead-form", BankcrmLeadForm);

declare global {
  interface HTMLElementTagNameMap {
    "bankcrm-lead-form": BankcrmLeadForm;
  }
}
