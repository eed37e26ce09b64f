/** Defines `<bankcrm-target-progress>`; importing this file registers the tag once. */
import { defineElement } from "../../internal/define.js";
import { BankcrmTargetProgress } from "./target-progress.component.js";

export { BankcrmTargetProgress };

defineElement("bankcrm-target-progress", BankcrmTargetProgress);

declare global {
  interface HTMLElementTagNameMap {
    "bankcrm-target-progress": BankcrmTargetProgress;
  }
}
