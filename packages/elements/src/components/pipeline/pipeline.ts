/** Defines `<bankcrm-pipeline>`; importing this file registers the tag once. */
import { defineElement } from "../../internal/define.js";
import { BankcrmPipeline } from "./pipeline.component.js";

export { BankcrmPipeline };

defineElement("bankcrm-pipeline", BankcrmPipeline);

declare global {
  interface HTMLElementTagNameMap {
    "bankcrm-pipeline": BankcrmPipeline;
  }
}
