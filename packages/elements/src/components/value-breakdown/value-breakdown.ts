/** Defines `<bankcrm-value-breakdown>`; importing this file registers the tag once. */
import { defineElement } from "../../internal/define.js";
import { BankcrmValueBreakdown } from "./value-breakdown.component.js";

export { BankcrmValueBreakdown };

defineElement("bankcrm-value-breakdown", BankcrmValueBreakdown);

declare global {
  interface HTMLElementTagNameMap {
    "bankcrm-value-breakdown": BankcrmValueBreakdown;
  }
}
