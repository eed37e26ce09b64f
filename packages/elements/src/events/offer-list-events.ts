/** Events of `<bankcrm-offer-list>`. All bubble and are composed. */
import type { Interaction, Lead, OfferableProduct, Task, WriteStatus } from "@bankcrm/core";

export type OfferResponseDetail =
  | { action: "lead"; product: OfferableProduct; status: WriteStatus; record: Lead }
  | { action: "task"; product: OfferableProduct; status: WriteStatus; record: Task }
  | { action: "dismiss"; product: OfferableProduct; status: WriteStatus; record: Interaction };

/** An offer was taken up (as a lead or a task) or turned down (an interaction with its reason), saved or queued. */
export class BankcrmOfferResponseEvent extends CustomEvent<OfferResponseDetail> {
  constructor(detail: OfferResponseDetail) {
    super("bankcrm-offer-response", { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface HTMLElementEventMap {
    "bankcrm-offer-response": BankcrmOfferResponseEvent;
  }
}
