/** Defines `<bankcrm-provider>`; importing this file registers the tag once. */
import { BankcrmProvider } from "./provider.component.js";

export { BankcrmProvider };

if (!customElements.get("bankcrm-provider")) customElements.define("bankcrm-provider", BankcrmProvider);

declare global {
  interface HTMLElementTagNameMap {
    "bankcrm-provider": BankcrmProvider;
  }
}
