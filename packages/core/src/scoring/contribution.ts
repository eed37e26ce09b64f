/**
 * Customer contribution (客户贡献度): the customer's annual profit to the bank,
 * factor by factor, so a relationship manager can see where it comes from.
 *
 *   deposit spread   = average balance × (FTP rate − customer rate)        deposits
 *   loan margin      = average balance × (customer rate − FTP rate)        loans, cards (revolving share)
 *   expected loss    = PD × LGD × exposure                                 loans, cards (optional)
 *   product fees     = average balance × fee rate                          wealth, funds, insurance, …
 *   transaction fees = Σ fees charged, annualised
 *   cost to serve    = Σ channel cost of transactions and interactions, annualised, + upkeep per holding
 *
 *   contribution = spread + margin − expected loss + product fees + transaction fees − cost to serve
 *
 * All money is integer minor units in one currency (holdings in others are
 * listed, not converted). Rates are annual fractions.
 */
import { BankcrmInvalidArgumentError } from "../errors/invalid-argument-error.js";
import type { Money } from "../money/money-schema.js";
import type { Customer } from "../schemas/customer.js";
import type { ContributionFactorCode, InteractionChannel, ProductType, TransactionChannel } from "../schemas/enums.js";
import type { Holding } from "../schemas/holding.js";
import type { Interaction } from "../schemas/interaction.js";
import type { Transaction } from "../schemas/transaction.js";

export interface ContributionConfig {
  currency: string;
  /** Months of activity the transactions and interactions cover (to annualise them). */
  periodMonths: number;
  /** Funds-transfer-pricing rate by product type (deposits and credit products). */
  ftpRates: Partial<Record<ProductType, number>>;
  /** Customer rate used when a holding has none. */
  defaultCustomerRates: Partial<Record<ProductType, number>>;
  /** Probability of default and loss given default by credit product; omit to skip expected loss. */
  creditRisk?: Partial<Record<ProductType, { pd: number; lgd: number }>>;
  /** Share of a card balance that revolves and pays interest. */
  cardRevolvingShare: number;
  /** Annual fee or commission rate on the balance of fee-based products. */
  feeRates: Partial<Record<ProductType, number>>;
  /** Cost per transaction by channel, in minor units. */
  transactionCosts: Record<TransactionChannel, number>;
  /** Cost per interaction by channel, in minor units. */
  interactionCosts: Record<InteractionChannel, number>;
  /** Annual upkeep cost per open holding, in minor units. */
  holdingUpkeep: number;
}

/**
 * Defaults for a Chinese retail bank (2025–26 rate environment; illustrative —
 * a bank sets its own FTP curve and costs).
 */
export const defaultContributionConfig: ContributionConfig = {
  currency: "CNY",
  periodMonths: 12,
  ftpRates: {
    current_deposit: 0.015,
    time_deposit: 0.02,
    certificate_of_deposit: 0.022,
    mortgage: 0.023,
    consumer_loan: 0.025,
    business_loan: 0.024,
    credit_card: 0.025,
  },
  defaultCustomerRates: {
    current_deposit: 0.0005,
    time_deposit: 0.011,
    certificate_of_deposit: 0.0155,
    mortgage: 0.0305,
    consumer_loan: 0.0345,
    business_loan: 0.0355,
    credit_card: 0.1825,
  },
  creditRisk: {
    mortgage: { pd: 0.005, lgd: 0.25 },
    consumer_loan: { pd: 0.02, lgd: 0.6 },
    business_loan: { pd: 0.015, lgd: 0.45 },
    credit_card: { pd: 0.025, lgd: 0.8 },
  },
  cardRevolvingShare: 0.35,
  feeRates: { wealth_management: 0.005, fund: 0.008, insurance: 0.03, precious_metal: 0.005, treasury_bond: 0.001 },
  transactionCosts: {
    branch_counter: 1200,
    atm: 250,
    online_banking: 30,
    mobile_app: 10,
    phone_banking: 300,
    pos: 5,
    wechat: 10,
  },
  interactionCosts: {
    branch: 2000,
    visit: 8000,
    phone: 800,
    call_center_inbound: 600,
    call_center_outbound: 800,
    online_banking: 50,
    mobile_app: 30,
    wechat: 50,
    email: 20,
    sms: 5,
  },
  holdingUpkeep: 2000,
};

export type { ContributionFactorCode };

export interface ContributionFactor {
  code: ContributionFactorCode;
  /** Signed effect on contribution, minor units per year. */
  amount: number;
}

export interface Contribution {
  customerId: string;
  total: Money;
  factors: ContributionFactor[];
  /** Holdings left out because they are in another currency. */
  skippedHoldings: string[];
}

const DEPOSITS = new Set<ProductType>(["current_deposit", "time_deposit", "certificate_of_deposit"]);
const CREDIT = new Set<ProductType>(["mortgage", "consumer_loan", "business_loan", "credit_card"]);

const finite = (v: number | undefined) => (v !== undefined && Number.isFinite(v) ? v : 0);

export function computeContribution(
  customer: Pick<Customer, "id">,
  holdings: readonly Holding[],
  /**
   * Transactions of the period — or pre-aggregated activity, one entry per
   * channel with `count` transactions and their total `fee`.
   */
  transactions: readonly (Pick<Transaction, "channel" | "fee"> & { count?: number })[],
  config: ContributionConfig = defaultContributionConfig,
  interactions: readonly (Pick<Interaction, "channel"> & { count?: number })[] = [],
): Contribution {
  if (!(config.periodMonths > 0))
    throw new BankcrmInvalidArgumentError("config.periodMonths", "a positive number of months");
  const annualise = 12 / config.periodMonths;
  let spread = 0;
  let margin = 0;
  let loss = 0;
  let productFees = 0;
  let upkeep = 0;
  const skippedHoldings: string[] = [];
  for (const h of holdings) {
    if (h.status === "closed") continue;
    if (h.balance.currency !== config.currency) {
      skippedHoldings.push(h.id);
      continue;
    }
    upkeep += config.holdingUpkeep;
    const average = Math.max(0, finite(h.averageBalance?.amount ?? h.balance.amount));
    const rate = finite(h.rate ?? config.defaultCustomerRates[h.productType]);
    const ftp = finite(config.ftpRates[h.productType]);
    if (DEPOSITS.has(h.productType)) {
      spread += average * (ftp - rate);
    } else if (CREDIT.has(h.productType)) {
      const earning = h.productType === "credit_card" ? average * config.cardRevolvingShare : average;
      margin += earning * (rate - ftp);
      const risk = config.creditRisk?.[h.productType];
      if (risk) loss += risk.pd * risk.lgd * Math.max(0, finite(h.balance.amount));
    } else {
      productFees += average * finite(config.feeRates[h.productType]);
    }
  }
  let transactionFees = 0;
  let serve = 0;
  for (const t of transactions) {
    transactionFees += finite(t.fee?.amount);
    serve += finite(config.transactionCosts[t.channel]) * Math.max(0, finite(t.count ?? 1));
  }
  for (const i of interactions) serve += finite(config.interactionCosts[i.channel]) * Math.max(0, finite(i.count ?? 1));
  const factors: ContributionFactor[] = [
    { code: "depositSpread", amount: Math.round(spread) },
    { code: "loanMargin", amount: Math.round(margin) },
    { code: "expectedLoss", amount: -Math.round(loss) },
    { code: "productFees", amount: Math.round(productFees) },
    { code: "transactionFees", amount: Math.round(transactionFees * annualise) },
    { code: "costToServe", amount: -Math.round(serve * annualise + upkeep) },
  ];
  const total = factors.reduce((s, f) => s + f.amount, 0);
  return { customerId: customer.id, total: { amount: total, currency: config.currency }, factors, skippedHoldings };
}
