/** Defines `<bankcrm-kpi-tile>`; importing this file registers the tag once. */
import { defineElement } from "../../internal/define.js";
import { BankcrmKpiTile } from "./kpi-tile.component.js";

export { BankcrmKpiTile };

defineElement("bankcrm-kpi-tile", BankcrmKpiTile);

declare global {
  interface HTMLElementTagNameMap {
    "bankcrm-kpi-tile": BankcrmKpiTile;
  }
}
