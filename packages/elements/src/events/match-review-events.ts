/** Events of the match review. They bubble and are composed. */

export interface MatchDecisionDetail {
  /** The two records' ids, as the pair gave them. */
  ids: readonly [string, string];
  /** `merge`: the same person; `apart`: two people, never to be proposed again. */
  decision: "merge" | "apart";
}

/**
 * A person decided a pair: the host sends it (the HTTP store's `mergeCustomers` or `keepCustomersApart`). Cancelable:
 * a host that asks for a confirmation first calls `preventDefault()`, and the element shows nothing as sent.
 */
export class BankcrmMatchDecisionEvent extends CustomEvent<MatchDecisionDetail> {
  constructor(detail: MatchDecisionDetail) {
    super("bankcrm-match-decision", { bubbles: true, composed: true, cancelable: true, detail });
  }
}

declare global {
  interface HTMLElementEventMap {
    "bankcrm-match-decision": BankcrmMatchDecisionEvent;
  }
}
