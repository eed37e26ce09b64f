/**
 * The demo world answers a campaign: in the weeks after its launch, members of the control group open the campaign's
 * product at a base rate, and members of the treatment group at the base rate plus the campaign's true effect —
 * stated here, so what `measureCampaign` measures can be checked against the truth. `days` is the demo's clock: the
 * world as it stands that many days after the launch (each conversion falls on a day of the measurement window, the
 * same day however far the clock has gone).
 */
import type { Campaign, CampaignMember } from "../schemas/campaign.js";
import type { ProductType } from "../schemas/enums.js";
import { INVESTMENT_PRODUCT_TYPES, type Holding } from "../schemas/holding.js";
import { DEFAULT_MEASURE_DAYS } from "../marketing/measure.js";
import { createRandom } from "./random.js";
import { addDays, isoDate, parseDate } from "./time.js";

export interface DemoCampaignWorld {
  /** The chance a customer opens the product in the window anyway (the control group's rate). */
  baseRate: number;
  /** What the campaign adds to that chance for a customer it reaches: the true uplift. */
  trueUplift: number;
}

/** The demo bank's world: 3% open the product anyway; a campaign that reaches them adds 4 points. */
export const DEMO_CAMPAIGN_WORLD: DemoCampaignWorld = { baseRate: 0.03, trueUplift: 0.04 };

/** The holdings the launch's members have opened `days` after it, in the demo world. */
export function demoCampaignOutcomes(
  campaign: Pick<Campaign, "id" | "productType" | "productRisk" | "measureDays">,
  members: readonly Pick<CampaignMember, "customerId" | "group" | "at">[],
  options: {
    days: number;
    seed?: string;
    world?: DemoCampaignWorld;
    /** The member's relationship manager on the day (the holding's `soldBy`: achievement and commission). */
    sellerOf?: (customerId: string) => string | undefined;
  },
): Holding[] {
  const productType: ProductType | undefined = campaign.productType;
  if (!productType) return [];
  const world = options.world ?? DEMO_CAMPAIGN_WORLD;
  const windowDays = campaign.measureDays ?? DEFAULT_MEASURE_DAYS;
  const opened: Holding[] = [];
  for (const m of members) {
    if (m.group === "excluded") continue;
    // One stream per customer: what happens to one does not depend on who else is in the list.
    const r = createRandom(`${options.seed ?? "bankcrm"}:${campaign.id}:${m.customerId}`);
    const chance = world.baseRate + (m.group === "treatment" ? world.trueUplift : 0);
    const converts = r.next() < chance;
    const day = r.int(0, windowDays - 1);
    if (!converts || day >= options.days) continue;
    const seller = options.sellerOf?.(m.customerId);
    opened.push({
      id: `HD-${campaign.id}-${m.customerId}`.slice(0, 64),
      customerId: m.customerId,
      productType,
      productCode: productType.toUpperCase().replace(/_/g, "-"),
      accountNumber: String(r.int(10_000_000, 99_999_999)) + String(r.int(10_000_000, 99_999_999)),
      ...(INVESTMENT_PRODUCT_TYPES.includes(productType) ? { riskLevel: campaign.productRisk ?? "R2" } : {}),
      balance: { amount: r.int(1_000, 50_000) * 1_000, currency: "CNY" },
      openedAt: isoDate(addDays(parseDate(m.at.slice(0, 10)), day)),
      status: "active",
      ...(seller !== undefined ? { soldBy: seller } : {}),
    });
  }
  return opened;
}
