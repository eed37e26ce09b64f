/** Defines `<bankcrm-knowledge-search>`; importing this file registers the tag once. */
import { defineElement } from "../../internal/define.js";
import { BankcrmKnowledgeSearch } from "./knowledge-search.component.js";

export { BankcrmKnowledgeSearch };

defineElement("bankcrm-knowledge-search", BankcrmKnowledgeSearch);

declare global {
  interface HTMLElementTagNameMap {
    "bankcrm-knowledge-search": BankcrmKnowledgeSearch;
  }
}
