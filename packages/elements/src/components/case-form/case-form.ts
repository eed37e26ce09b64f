/** Defines `<bankcrm-case-form>`; importing this file registers the tag once. */
import { defineElement } from "../../internal/define.js";
import { BankcrmCaseForm } from "./case-form.component.js";

export { BankcrmCaseForm };

defineElement("bankcrm-case-form", BankcrmCaseForm);

declare global {
  interface HTMLElementTagNameMap {
    "bankcrm-case-form": BankcrmCaseForm;
  }
}
