/** Events of `<bankcrm-lead-queue>`. All bubble and are composed. */
import type { Lead, WriteStatus } from "@bankcrm/core";

export interface LeadChangeDetail {
  /** The lead as written (masked as the client returns it). */
  lead: Lead;
  /** `assign`, `link` (to an existing customer), or the state machine's event: contact, qualify, convert, disqualify. */
  action: string;
  status: WriteStatus;
  /** On convert: the opportunity created for it. */
  opportunityId?: string;
}

/** A lead was assigned, linked, or moved through its states. */
export class BankcrmLeadChangeEvent extends CustomEvent<LeadChangeDetail> {
  constructor(detail: LeadChangeDetail) {
    super("bankcrm-lead-change", { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface HTMLElementEventMap {
    "bankcrm-lead-change": BankcrmLeadChangeEvent;
  }
}
