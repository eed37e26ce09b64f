/** Defines `<bankcrm-relationship-group>`; importing this file registers the tag once. */
import { defineElement } from "../../internal/define.js";
import { BankcrmRelationshipGroup } from "./relationship-group.component.js";

export { BankcrmRelationshipGroup };

defineElement("bankcrm-relationship-group", BankcrmRelationshipGroup);

declare global {
  interface HTMLElementTagNameMap {
    "bankcrm-relationship-group": BankcrmRelationshipGroup;
  }
}
