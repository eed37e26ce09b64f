/**
 * Sales commission (销售佣金) from what was sold: each product opened in the period earns its seller — the
 * relationship manager of record when it was opened — a rate on its amount and/or a flat amount, by product type;
 * a referral splits it with the referrer; the period's sales above a tier's threshold earn at the tier's multiple;
 * a product closed within the clawback days earns nothing (what was paid on it comes back); and no one earns more
 * than the cap in a period. Pure: the same on the server and in an embedded workstation.
 */
import * as z from "zod";
import { object } from "../zod.js";
import { BankcrmInvalidArgumentError } from "../errors/invalid-argument-error.js";
import { ProductTypeSchema } from "../schemas/enums.js";
import type { ProductType } from "../vocabulary.js";
import { DAY_MS } from "../time.js";

export interface CommissionScheme {
  /** Per product type: basis points of the amount sold, and/or a flat amount a sale (minor units). */
  products: Partial<Record<ProductType, { rateBp?: number; flat?: number }>>;
  /** Ascending thresholds on a seller's amount sold in the period: from there on, sales earn × `multiplier`. */
  tiers?: readonly { from: number; multiplier: number }[];
  /** The most a person earns in a period (minor units). */
  cap?: number;
  /** A product closed within this many days of opening earns nothing. */
  clawbackDays?: number;
  /** The referrer's share of a referred sale (0–1; default 0.3); the seller keeps the rest. */
  referralShare?: number;
}

/** A scheme as a bank configures it (a server reads it from a JSON file): the shape `computeCommission` checks. */
export const CommissionSchemeSchema = object({
  products: z.partialRecord(
    ProductTypeSchema,
    object({ rateBp: z.number().min(0).max(10_000).optional(), flat: z.int().min(0).optional() }).strict(),
  ),
  tiers: z
    .array(object({ from: z.int().min(0), multiplier: z.number().min(0).max(10) }).strict())
    .max(20)
    .optional(),
  cap: z.int().min(0).optional(),
  clawbackDays: z.int().min(0).max(3660).optional(),
  referralShare: z.number().min(0).max(1).optional(),
}).strict();

/** A product opened: who sold it (the RM of record then), who referred it, its amount, when opened and closed. */
export interface Sale {
  holdingId: string;
  /** Whose product it is (a branch's target counts its customers' sales). */
  customerId?: string;
  productType: ProductType;
  /** Minor units. */
  amount: number;
  /** ISO date. */
  openedAt: string;
  /** ISO date, when it has been closed. */
  closedAt?: string;
  sellerId: string;
  referrerId?: string;
}

export interface CommissionLine {
  holdingId: string;
  staffId: string;
  role: "seller" | "referrer";
  /** What the line earns (minor units, after the tier multiple; 0 when clawed back). */
  commission: number;
  clawedBack: boolean;
}

export interface Commission {
  staffId: string;
  /** Products sold in the period (as seller). */
  sales: number;
  /** Amount sold (as seller, minor units). */
  sold: number;
  lines: CommissionLine[];
  /** Before the cap. */
  gross: number;
  /** Paid: the gross, at most the cap. */
  net: number;
  capped: boolean;
}

function checkScheme(s: CommissionScheme): void {
  const share = s.referralShare ?? 0.3;
  if (!(share >= 0 && share <= 1)) throw new BankcrmInvalidArgumentError("referralShare", "a share from 0 to 1");
  for (const [type, r] of Object.entries(s.products))
    if ((r.rateBp ?? 0) < 0 || (r.flat ?? 0) < 0)
      throw new BankcrmInvalidArgumentError("products", `no negative rate or amount (${type})`);
  const tiers = s.tiers ?? [];
  if (tiers.some((t, i) => t.multiplier < 0 || (i > 0 && t.from <= tiers[i - 1]!.from)))
    throw new BankcrmInvalidArgumentError("tiers", "ascending thresholds with multiples of 0 or more");
}

/** The multiple a seller's sales earn at, once `soldBefore` has been sold in the period. */
const multipleAt = (tiers: CommissionScheme["tiers"], sold: number) =>
  (tiers ?? []).reduce((m, t) => (sold >= t.from ? t.multiplier : m), 1);

/** Each person's commission for the sales opened in [periodStart, periodEnd], as they stand on `asOf`. */
export function computeCommission(
  scheme: CommissionScheme,
  sales: readonly Sale[],
  options: { periodStart: string; periodEnd: string; asOf: string },
): Commission[] {
  checkScheme(scheme);
  const share = scheme.referralShare ?? 0.3;
  const inPeriod = sales
    .filter((s) => s.openedAt >= options.periodStart && s.openedAt <= options.periodEnd)
    .sort((a, b) => a.openedAt.localeCompare(b.openedAt) || a.holdingId.localeCompare(b.holdingId));
  const people = new Map<string, Commission>();
  const person = (staffId: string) => {
    let p = people.get(staffId);
    if (!p) people.set(staffId, (p = { staffId, sales: 0, sold: 0, lines: [], gross: 0, net: 0, capped: false }));
    return p;
  };
  for (const sale of inPeriod) {
    const seller = person(sale.sellerId);
    const rate = scheme.products[sale.productType];
    // Tiers by the seller's amount sold so far, this sale included: the sale that crosses a threshold earns its multiple.
    const multiple = multipleAt(scheme.tiers, seller.sold + sale.amount);
    seller.sales++;
    seller.sold += sale.amount;
    const base = rate ? Math.round((sale.amount * (rate.rateBp ?? 0)) / 10_000) + (rate.flat ?? 0) : 0;
    const clawedBack =
      sale.closedAt !== undefined &&
      sale.closedAt <= options.asOf.slice(0, 10) &&
      (Date.parse(sale.closedAt) - Date.parse(sale.openedAt)) / DAY_MS < (scheme.clawbackDays ?? 0);
    const earned = clawedBack ? 0 : Math.round(base * multiple);
    const referred = sale.referrerId !== undefined && sale.referrerId !== sale.sellerId;
    const toReferrer = referred ? Math.round(earned * share) : 0;
    seller.lines.push({
      holdingId: sale.holdingId,
      staffId: sale.sellerId,
      role: "seller",
      commission: earned - toReferrer,
      clawedBack,
    });
    if (referred)
      person(sale.referrerId!).lines.push({
        holdingId: sale.holdingId,
        staffId: sale.referrerId!,
        role: "referrer",
        commission: toReferrer,
        clawedBack,
      });
  }
  for (const p of people.values()) {
    p.gross = p.lines.reduce((sum, l) => sum + l.commission, 0);
    p.net = scheme.cap !== undefined ? Math.min(p.gross, scheme.cap) : p.gross;
    p.capped = p.net < p.gross;
  }
  return [...people.values()].sort((a, b) => b.net - a.net || a.staffId.localeCompare(b.staffId));
}
