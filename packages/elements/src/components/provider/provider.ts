/** Defines `<bankcrm-provider>`; importing this file registers the tag once. */
import { defineElement } from "../../internal/define.js";
import { BankcrmProvider } from "./provider.component.js";

export { BankcrmProvider };

defineElement("bankcrm-provider", BankcrmProvider);

declare global {
  interface HTMLElementTagNameMap {
    "bankcrm-provider": BankcrmProvider;
  }
}
