/** Defines `<bankcrm-activity-form>`; importing this file registers the tag once. */
import { defineElement } from "../../internal/define.js";
import { BankcrmActivityForm } from "./activity-form.component.js";

export { BankcrmActivityForm };

defineElement("bankcrm-activity-form", BankcrmActivityForm);

declare global {
  interface HTMLElementTagNameMap {
    "bankcrm-activity-form": BankcrmActivityForm;
  }
}
