/** Events of the service elements (case form, case queue, satisfaction survey). All bubble and are composed. */
import type { ServiceCase, WriteStatus } from "@bankcrm/core";

export interface CaseChangeDetail {
  /** The case as written (masked as the client returns it). */
  serviceCase: ServiceCase;
  /** `opened`, `rated`, or the case machine's event: assign, escalate, resolve, reopen, start. */
  action: string;
  status: WriteStatus;
}

/** A case was opened, moved through its states, or rated. */
export class BankcrmCaseChangeEvent extends CustomEvent<CaseChangeDetail> {
  constructor(detail: CaseChangeDetail) {
    super("bankcrm-case-change", { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface HTMLElementEventMap {
    "bankcrm-case-change": BankcrmCaseChangeEvent;
  }
}
