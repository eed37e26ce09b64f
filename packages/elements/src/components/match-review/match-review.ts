/** Defines `<bankcrm-match-review>`; importing this file registers the tag once. */
import { defineElement } from "../../internal/define.js";
import { BankcrmMatchReview } from "./match-review.component.js";

export { BankcrmMatchReview };

defineElement("bankcrm-match-review", BankcrmMatchReview);

declare global {
  interface HTMLElementTagNameMap {
    "bankcrm-match-review": BankcrmMatchReview;
  }
}
