/** Events of `<bankcrm-knowledge-search>`. All bubble and are composed. */
import type { KnowledgeArticle } from "@bankcrm/core";

export interface KnowledgeOpenDetail {
  article: KnowledgeArticle;
  /** What was searched for when it was opened (empty: the product's list). */
  query: string;
}

/** An article was opened to be read (a host may note which script was used on a call). */
export class BankcrmKnowledgeOpenEvent extends CustomEvent<KnowledgeOpenDetail> {
  constructor(detail: KnowledgeOpenDetail) {
    super("bankcrm-knowledge-open", { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface HTMLElementEventMap {
    "bankcrm-knowledge-open": BankcrmKnowledgeOpenEvent;
  }
}
