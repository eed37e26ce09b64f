/**
 * The demo bank's commission scheme (a bank configures its own: `CommissionSchemeSchema`): 0.5% of wealth and fund
 * sales, 0.1% of deposits and loans, ¥50 a credit card, ¥200 an insurance policy; ×1.2 once an RM has sold ¥5
 * million in the quarter; nothing on a product closed within 30 days; a referrer gets 30%; ¥30,000 a quarter at most.
 */
import { DEFAULT_SALE_POLICY, ELDER_SALE_RULE, type SalePolicy } from "../compliance/sale-check.js";
import type { CommissionScheme } from "../sales/commission.js";

export const DEMO_COMMISSION_SCHEME: CommissionScheme = {
  products: {
    wealth_management: { rateBp: 50 },
    fund: { rateBp: 50 },
    precious_metal: { rateBp: 30 },
    treasury_bond: { rateBp: 10 },
    time_deposit: { rateBp: 10 },
    certificate_of_deposit: { rateBp: 10 },
    mortgage: { rateBp: 10 },
    consumer_loan: { rateBp: 10 },
    credit_card: { flat: 5_000 },
    insurance: { flat: 20_000 },
  },
  tiers: [{ from: 500_000_000, multiplier: 1.2 }],
  clawbackDays: 30,
  referralShare: 0.3,
  cap: 3_000_000,
};

/** The demo bank's sale policy: the default (one year's assessment, 双录 required) and one rule of its own, 65+ → R3. */
export const DEMO_SALE_POLICY: SalePolicy = { ...DEFAULT_SALE_POLICY, rules: [ELDER_SALE_RULE] };
