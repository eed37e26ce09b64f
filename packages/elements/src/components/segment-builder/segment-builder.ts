/** Defines `<bankcrm-segment-builder>`; importing this file registers the tag once. */
import { defineElement } from "../../internal/define.js";
import { BankcrmSegmentBuilder } from "./segment-builder.component.js";

export { BankcrmSegmentBuilder };

defineElement("bankcrm-segment-builder", BankcrmSegmentBuilder);

declare global {
  interface HTMLElementTagNameMap {
    "bankcrm-segment-builder": BankcrmSegmentBuilder;
  }
}
