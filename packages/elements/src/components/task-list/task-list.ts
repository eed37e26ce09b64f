/** Defines `<bankcrm-task-list>`; importing this file registers the tag once. */
import { defineElement } from "../../internal/define.js";
import { BankcrmTaskList } from "./task-list.component.js";

export { BankcrmTaskList };

defineElement("bankcrm-task-list", BankcrmTaskList);

declare global {
  interface HTMLElementTagNameMap {
    "bankcrm-task-list": BankcrmTaskList;
  }
}
