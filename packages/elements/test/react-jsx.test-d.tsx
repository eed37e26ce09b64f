// Type-checked by `tsc` (pnpm typecheck): the React JSX typings accept the elements' props and reject wrong ones.
import type { Customer } from "@bankcrm/core";
import "../types/react.d.ts";

declare const customer: Customer;

export const ok = (
  <bankcrm-provider locale="en" theme="dark">
    <bankcrm-customer-card
      customer={customer}
      layout="compact"
      customer-id="CU1"
      onbankcrm-revealed={(e) => e.detail.field}
    />
    <bankcrm-value-badge tier="gold" loading />
    <bankcrm-lead-form purpose="mortgage" audience="staff" onbankcrm-lead-saved={(e) => e.detail.status} />
    <bankcrm-customer-timeline customer-id="CU1" page-size={20} />
  </bankcrm-provider>
);

// @ts-expect-error — "wide" is not a layout
export const wrongLayout = <bankcrm-customer-card layout="wide" />;

// @ts-expect-error — "pension" is not a lead purpose
export const wrongPurpose = <bankcrm-lead-form purpose="pension" />;
