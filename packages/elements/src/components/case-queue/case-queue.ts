/** Defines `<bankcrm-case-queue>`; importing this file registers the tag once. */
import { defineElement } from "../../internal/define.js";
import { BankcrmCaseQueue } from "./case-queue.component.js";

export { BankcrmCaseQueue };

defineElement("bankcrm-case-queue", BankcrmCaseQueue);

declare global {
  interface HTMLElementTagNameMap {
    "bankcrm-case-queue": BankcrmCaseQueue;
  }
}
