/** Events of `<bankcrm-lead-form>`. All bubble and are composed, so a host outside our shadow roots hears them. */
import type { LeadWriteStatus } from "../context/contexts.js";

export interface LeadSubmitDetail {
  /** The validated lead about to be sent. */
  lead: Record<string, unknown>;
}
export interface LeadSavedDetail {
  /** The lead as stored (masked as the client returns it). */
  lead: { id: string };
  /** `saved` (stored now) or `queued` (in the outbox; sent when online). */
  status: "saved" | "queued";
}
export interface LeadErrorDetail {
  lead: Record<string, unknown>;
  error: unknown;
  /** `failed` or `conflict` when the outbox reports it; absent for other errors. */
  status?: LeadWriteStatus;
}

/** Before a lead is sent: cancelable — a host may add a check of its own, or send it itself. */
export class BankcrmLeadSubmitEvent extends CustomEvent<LeadSubmitDetail> {
  constructor(detail: LeadSubmitDetail) {
    super("bankcrm-lead-submit", { bubbles: true, composed: true, cancelable: true, detail });
  }
}

/** The lead was stored, or queued in the outbox to be sent when online. */
export class BankcrmLeadSavedEvent extends CustomEvent<LeadSavedDetail> {
  constructor(detail: LeadSavedDetail) {
    super("bankcrm-lead-saved", { bubbles: true, composed: true, detail });
  }
}

/** The lead could not be stored; the form keeps what was typed. */
export class BankcrmLeadErrorEvent extends CustomEvent<LeadErrorDetail> {
  constructor(detail: LeadErrorDetail) {
    super("bankcrm-lead-error", { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface HTMLElementEventMap {
    "bankcrm-lead-submit": BankcrmLeadSubmitEvent;
    "bankcrm-lead-saved": BankcrmLeadSavedEvent;
    "bankcrm-lead-error": BankcrmLeadErrorEvent;
  }
}
