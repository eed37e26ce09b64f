/** Events of `<bankcrm-pipeline>`. All bubble and are composed. */
import type { Opportunity, OpportunityStage, WriteStatus } from "@bankcrm/core";

export interface OpportunityMoveDetail {
  opportunity: Opportunity;
  /** The stage it is being moved to. */
  to: OpportunityStage;
}
export interface OpportunityMovedDetail {
  /** The opportunity as written (masked as the client returns it). */
  opportunity: Opportunity;
  status: WriteStatus;
}
export interface OpportunityMoveErrorDetail {
  /** The opportunity as it was (the card is back where it was). */
  opportunity: Opportunity;
  to: OpportunityStage;
  error: unknown;
}

/** Before a card moves: cancelable — a host may refuse a move or ask something first. */
export class BankcrmOpportunityMoveEvent extends CustomEvent<OpportunityMoveDetail> {
  constructor(detail: OpportunityMoveDetail) {
    super("bankcrm-opportunity-move", { bubbles: true, composed: true, cancelable: true, detail });
  }
}

/** The move was written (or queued offline). */
export class BankcrmOpportunityMovedEvent extends CustomEvent<OpportunityMovedDetail> {
  constructor(detail: OpportunityMovedDetail) {
    super("bankcrm-opportunity-moved", { bubbles: true, composed: true, detail });
  }
}

/** The move was refused; the card went back and the board says why. */
export class BankcrmOpportunityMoveErrorEvent extends CustomEvent<OpportunityMoveErrorDetail> {
  constructor(detail: OpportunityMoveErrorDetail) {
    super("bankcrm-opportunity-move-error", { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface HTMLElementEventMap {
    "bankcrm-opportunity-move": BankcrmOpportunityMoveEvent;
    "bankcrm-opportunity-moved": BankcrmOpportunityMovedEvent;
    "bankcrm-opportunity-move-error": BankcrmOpportunityMoveErrorEvent;
  }
}
