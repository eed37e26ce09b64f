/** Events of `<bankcrm-customer-form>`. All bubble and are composed. */
import type { CustomerChange, WriteStatus } from "@bankcrm/core";

export interface CustomerChangeDetail {
  /** The change kept (what it was, what it became, who, when). */
  change: CustomerChange;
  kind: CustomerChange["kind"];
  status: WriteStatus;
}

/** A customer's contact details, risk assessment or consent changed; the change is kept. */
export class BankcrmCustomerChangeEvent extends CustomEvent<CustomerChangeDetail> {
  constructor(detail: CustomerChangeDetail) {
    super("bankcrm-customer-change", { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface HTMLElementEventMap {
    "bankcrm-customer-change": BankcrmCustomerChangeEvent;
  }
}
