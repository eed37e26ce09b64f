/** Defines `<bankcrm-lead-queue>`; importing this file registers the tag once. */
import { defineElement } from "../../internal/define.js";
import { BankcrmLeadQueue } from "./lead-queue.component.js";

export { BankcrmLeadQueue };

defineElement("bankcrm-lead-queue", BankcrmLeadQueue);

declare global {
  interface HTMLElementTagNameMap {
    "bankcrm-lead-queue": BankcrmLeadQueue;
  }
}
