/** Defines `<bankcrm-campaign-report>`; importing this file registers the tag once. */
import { defineElement } from "../../internal/define.js";
import { BankcrmCampaignReport } from "./campaign-report.component.js";

export { BankcrmCampaignReport };

defineElement("bankcrm-campaign-report", BankcrmCampaignReport);

declare global {
  interface HTMLElementTagNameMap {
    "bankcrm-campaign-report": BankcrmCampaignReport;
  }
}
