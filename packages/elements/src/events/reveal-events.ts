/** Events of revealing a masked field. All bubble and are composed, so a host outside our shadow roots hears them. */
import type { RevealableField } from "../context/contexts.js";

export interface RevealDetail {
  customerId: string;
  field: RevealableField;
  /** The reason recorded in the audit event; a listener may change it. */
  reason: string;
}

/** Before a reveal: cancelable — a host may ask for a reason, or refuse. */
export class BankcrmRevealEvent extends CustomEvent<RevealDetail> {
  constructor(detail: RevealDetail) {
    super("bankcrm-reveal", { bubbles: true, composed: true, cancelable: true, detail });
  }
}

/** After the client recorded the audit event and returned the value (the value is not in the event). */
export class BankcrmRevealedEvent extends CustomEvent<Omit<RevealDetail, "reason">> {
  constructor(detail: Omit<RevealDetail, "reason">) {
    super("bankcrm-revealed", { bubbles: true, composed: true, detail });
  }
}

/** The reveal failed (refused role, failed audit, offline); the field stays masked. */
export class BankcrmRevealErrorEvent extends CustomEvent<Omit<RevealDetail, "reason"> & { error: unknown }> {
  constructor(detail: Omit<RevealDetail, "reason"> & { error: unknown }) {
    super("bankcrm-reveal-error", { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface HTMLElementEventMap {
    "bankcrm-reveal": BankcrmRevealEvent;
    "bankcrm-revealed": BankcrmRevealedEvent;
    "bankcrm-reveal-error": BankcrmRevealErrorEvent;
  }
}
