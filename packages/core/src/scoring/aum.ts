/**
 * Assets under management (AUM): what the customer keeps with the bank —
 * deposits, certificates of deposit, wealth-management products, funds,
 * insurance cash value, precious metals and treasury bonds. Credit products
 * (loans, cards) are not assets and are excluded; so are closed holdings.
 */
import type { Money } from "../money/money-schema.js";
import type { Holding } from "../schemas/holding.js";
import type { ProductType } from "../schemas/enums.js";

export const AUM_PRODUCT_TYPES: readonly ProductType[] = [
  "current_deposit",
  "time_deposit",
  "certificate_of_deposit",
  "wealth_management",
  "fund",
  "insurance",
  "precious_metal",
  "treasury_bond",
];

const AUM_TYPES: ReadonlySet<ProductType> = new Set(AUM_PRODUCT_TYPES);

export interface AumOptions {
  /** Reporting currency. Default CNY. */
  currency?: string;
  /**
   * Conversion rates into the reporting currency, per currency code: minor units
   * of the reporting currency for one minor unit of the foreign one. Holdings in
   * a currency without a rate are listed in `unconverted`, never guessed.
   */
  fxRates?: Readonly<Record<string, number>>;
}

export interface AumResult {
  total: Money;
  byProductType: Partial<Record<ProductType, number>>;
  /** Holdings left out because no rate converts their currency. */
  unconverted: string[];
}

export function computeAum(
  holdings: readonly Pick<Holding, "id" | "productType" | "balance" | "status">[],
  options: AumOptions = {},
): AumResult {
  const currency = options.currency ?? "CNY";
  const byProductType: Partial<Record<ProductType, number>> = {};
  const unconverted: string[] = [];
  let total = 0;
  for (const h of holdings) {
    if (h.status === "closed" || !AUM_TYPES.has(h.productType)) continue;
    let amount = h.balance.amount;
    if (h.balance.currency !== currency) {
      const rate = options.fxRates?.[h.balance.currency];
      if (rate === undefined || !Number.isFinite(rate) || rate <= 0) {
        unconverted.push(h.id);
        continue;
      }
      amount = Math.round(amount * rate);
    }
    // A negative asset balance is a data error upstream; it must not lower the tier.
    if (amount <= 0) continue;
    total += amount;
    byProductType[h.productType] = (byProductType[h.productType] ?? 0) + amount;
  }
  return { total: { amount: total, currency }, byProductType, unconverted };
}
