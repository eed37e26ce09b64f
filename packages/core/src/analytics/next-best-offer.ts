/**
 * Next best offers (交叉销售): products a customer is likely to want, from
 * association rules mined over product holdings, filtered by what may be offered:
 * - never a product the customer already holds;
 * - never an investment product above the customer's risk tolerance, nor any
 *   investment product when the tolerance is unknown or its assessment has
 *   expired (投资者适当性);
 * - nothing at all without the customer's marketing consent;
 * - without their profiling consent (PIPL Art. 24: a person may refuse
 *   recommendations made from their personal information), no association rule
 *   over their holdings: the bank's general list — the catalogue in its own
 *   order, still without what they hold and what is unsuitable — marked
 *   `personalised: false`, for the UI to say so.
 * Every offer carries its reasons; every product left out says why.
 *
 * What the customer said to earlier offers (`responses`, from `offerResponses`) counts only for them and only as
 * what they said: a product they turned down is left out for `dismissedForDays`, one with a lead or opportunity
 * open is not offered twice. The reason they gave is kept for the relationship manager and read by nothing here;
 * no answer reaches the association rules, which are mined from holdings alone — so a dismissal teaches the
 * ranking nothing about anyone else, and honouring a "no" needs no profiling consent.
 */
import type { Customer } from "../schemas/customer.js";
import type { ExclusionCode, ProductRiskLevel, ProductType } from "../schemas/enums.js";
import type { Holding } from "../schemas/holding.js";
import type { Interaction } from "../schemas/interaction.js";
import type { Lead } from "../schemas/lead.js";
import type { Opportunity } from "../schemas/opportunity.js";
import type { AssociationRule } from "./association-rules.js";
import { unsuitability } from "./suitability.js";
import { consentInForce } from "../workflow/customer-change.js";

export interface OfferableProduct {
  code: string;
  name: string;
  type: ProductType;
  /** Investment products carry a risk level. */
  risk?: ProductRiskLevel;
}

export interface OfferReason {
  /** `rule`: recommended by an association rule over the customer's holdings; `featured`: on the bank's general list. */
  code: "rule" | "suitable" | "featured";
  antecedent?: string[];
  confidence?: number;
  lift?: number;
  riskLevel?: ProductRiskLevel;
  tolerance?: string;
}

export interface Offer {
  product: OfferableProduct;
  /** confidence × lift of the best rule recommending the product's type. */
  score: number;
  reasons: OfferReason[];
}

export type { ExclusionCode };

export interface NextBestOffers {
  offers: Offer[];
  excluded: { product?: OfferableProduct; code: ExclusionCode }[];
  /** False without the customer's profiling consent: the offers are the general list, not chosen from their data. */
  personalised: boolean;
}

export interface NextBestOfferOptions {
  /** Offers to return at most. Default 3. */
  limit?: number;
  /** Days a risk assessment stays valid. Default 365. */
  assessmentValidDays?: number;
  now?: Date;
  /**
   * The bank requires a separate consent to process financial account information (PIPL Art. 29): offers chosen
   * from the customer's holdings need `sensitive_processing` as well as profiling; without it, the general list.
   */
  sensitiveConsent?: boolean;
  /** What the customer said to earlier offers (`offerResponses`). */
  responses?: OfferResponses;
  /** Days a turned-down product stays left out. Default 90. */
  dismissedForDays?: number;
}

/** A customer's answers to earlier offers: products turned down (when), and product types already being worked. */
export interface OfferResponses {
  dismissed: readonly { productCode: string; at: string }[];
  inProgress: readonly ProductType[];
}

const OPEN_LEAD: readonly Lead["status"][] = ["new", "contacted", "qualified"];

/**
 * The customer's answers to earlier offers, from their records: interactions carrying a dismissed `offer`, and
 * the product types of their open leads and opportunities.
 */
export function offerResponses(records: {
  interactions?: readonly Pick<Interaction, "at" | "offer">[];
  leads?: readonly Pick<Lead, "status" | "productInterest">[];
  opportunities?: readonly Pick<Opportunity, "stage" | "productType">[];
}): OfferResponses {
  return {
    dismissed: (records.interactions ?? []).flatMap((i) =>
      i.offer ? [{ productCode: i.offer.productCode, at: i.at }] : [],
    ),
    inProgress: [
      ...(records.leads ?? []).flatMap((l) =>
        l.productInterest && OPEN_LEAD.includes(l.status) ? [l.productInterest] : [],
      ),
      ...(records.opportunities ?? []).flatMap((o) => (o.stage === "won" || o.stage === "lost" ? [] : [o.productType])),
    ],
  };
}

/** Why the customer's own answers leave a product out, if they do. */
function answered(product: OfferableProduct, options: NextBestOfferOptions): ExclusionCode | undefined {
  const responses = options.responses;
  if (!responses) return undefined;
  if (responses.inProgress.includes(product.type)) return "inProgress";
  const since = (options.now ?? new Date()).getTime() - (options.dismissedForDays ?? 90) * 86_400_000;
  if (responses.dismissed.some((d) => d.productCode === product.code && Date.parse(d.at) >= since)) return "dismissed";
  return undefined;
}

/**
 * The customer's latest marketing consent record, on any channel: it decides whether offers are made (consents can
 * be withdrawn), and a lead made from an offer is made under it.
 */
export function latestMarketingConsent(customer: Customer): Customer["consents"][number] | undefined {
  let latest: Customer["consents"][number] | undefined;
  for (const c of customer.consents)
    if (c.purpose === "marketing" && (!latest || c.recordedAt >= latest.recordedAt)) latest = c;
  return latest;
}

function hasMarketingConsent(customer: Customer): boolean {
  return latestMarketingConsent(customer)?.granted ?? false;
}

/** Whether the customer's latest profiling consent (for all channels) is a grant: none recorded is none given. */
function hasProfilingConsent(customer: Customer): boolean {
  return consentInForce(customer.consents, "profiling", "all")?.granted === true;
}

export function nextBestOffers(
  customer: Customer,
  holdings: readonly Pick<Holding, "productType" | "productCode" | "status">[],
  rules: readonly AssociationRule[],
  catalog: readonly OfferableProduct[],
  options: NextBestOfferOptions = {},
): NextBestOffers {
  const excluded: NextBestOffers["excluded"] = [];
  const personalised =
    hasProfilingConsent(customer) &&
    (!options.sensitiveConsent || consentInForce(customer.consents, "sensitive_processing", "all")?.granted === true);
  if (!hasMarketingConsent(customer)) return { offers: [], excluded: [{ code: "noMarketingConsent" }], personalised };
  const open = holdings.filter((h) => h.status !== "closed");
  const heldTypes = new Set<string>(open.map((h) => h.productType));
  const heldCodes = new Set(open.map((h) => h.productCode));
  // Best rule per recommended product type (none without the profiling consent: the general list instead).
  const best = new Map<string, AssociationRule>();
  for (const rule of personalised ? rules : []) {
    if (heldTypes.has(rule.consequent) || !rule.antecedent.every((a) => heldTypes.has(a))) continue;
    const current = best.get(rule.consequent);
    if (!current || rule.confidence * rule.lift > current.confidence * current.lift) best.set(rule.consequent, rule);
  }
  const offers: Offer[] = [];
  for (const [place, product] of catalog.entries()) {
    const rule = best.get(product.type);
    if (personalised ? !rule : heldTypes.has(product.type)) continue;
    if (heldCodes.has(product.code)) {
      excluded.push({ product, code: "held" });
      continue;
    }
    const answer = answered(product, options);
    if (answer) {
      excluded.push({ product, code: answer });
      continue;
    }
    const reasons: OfferReason[] = rule
      ? [{ code: "rule", antecedent: rule.antecedent, confidence: rule.confidence, lift: rule.lift }]
      : [{ code: "featured" }];
    if (product.risk) {
      const unsuitable = unsuitability(customer, product.risk, options);
      if (unsuitable) {
        excluded.push({ product, code: unsuitable });
        continue;
      }
      reasons.push({ code: "suitable", riskLevel: product.risk, tolerance: customer.riskTolerance! });
    }
    // The general list keeps the catalogue's order (the bank's own): the earlier, the higher.
    offers.push({ product, score: rule ? rule.confidence * rule.lift : catalog.length - place, reasons });
  }
  offers.sort((a, b) => b.score - a.score || a.product.code.localeCompare(b.product.code));
  return { offers: offers.slice(0, options.limit ?? 3), excluded, personalised };
}
