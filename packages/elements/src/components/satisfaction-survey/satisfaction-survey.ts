/** Defines `<bankcrm-satisfaction-survey>`; importing this file registers the tag once. */
import { defineElement } from "../../internal/define.js";
import { BankcrmSatisfactionSurvey } from "./satisfaction-survey.component.js";

export { BankcrmSatisfactionSurvey };

defineElement("bankcrm-satisfaction-survey", BankcrmSatisfactionSurvey);

declare global {
  interface HTMLElementTagNameMap {
    "bankcrm-satisfaction-survey": BankcrmSatisfactionSurvey;
  }
}
