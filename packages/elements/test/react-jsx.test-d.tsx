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
      onBankcrmRevealed={(e) => e.detail.field}
    />
    <bankcrm-value-badge tier="gold" loading />
  </bankcrm-provider>
);

// @ts-expect-error — "wide" is not a layout
export const wrongLayout = <bankcrm-customer-card layout="wide" />;
