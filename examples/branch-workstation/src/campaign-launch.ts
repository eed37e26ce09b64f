/**
 * A campaign's launch: on the bank's server, the server takes the audience
 * (POST /campaigns/{id}/launch); embedded, the same core `planLaunch` runs over
 * this browser's book — consent for the channel, do-not-contact, the frequency
 * cap, already holding the product, suitability, each exclusion with its reason;
 * a control group drawn tier by tier — and its members are kept in the store.
 * The demo then stands in for the bank's delivery systems: the responses they
 * would send back, and their effect by `campaignEffectiveness` (kept in this
 * browser, localStorage).
 */
import {
  campaignEffectiveness,
  compileSegment,
  customerFieldCatalog,
  planLaunch,
  type AudienceExclusion,
  type Campaign,
  type CampaignGroup,
  type CollectionRecords,
  type CampaignChannel,
  type CampaignEffect,
  type CampaignResponse,
  type Customer,
  type Locale,
  type ProductType,
  type SegmentDefinition,
} from "@bankcrm/core";
import { audienceExclusionLabels } from "@bankcrm/core/i18n";
import { createRandom } from "@bankcrm/core/demo";
import type { CrmClient } from "@bankcrm/data";
import type { BookRow } from "./book.js";

const EFFECTS = "bankcrm-workstation-campaign-effects";
/** What a conversion is worth to the bank in the demo (fen): a year's margin on a typical product sold. */
const REVENUE_PER_CONVERSION = 200_000;

export function storedEffects(): Record<string, CampaignEffect> {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(EFFECTS) ?? "{}");
    return parsed && typeof parsed === "object" ? (parsed as Record<string, CampaignEffect>) : {};
  } catch {
    return {};
  }
}

/**
 * The responses the bank's systems would send back for a campaign, generated
 * for the demo from its id (the same every time): 95% delivered, 40% of those
 * opened, a quarter of those responding, and the treatment converting at about
 * twice the control group's base rate.
 */
export function demoResponses(
  campaign: Pick<Campaign, "id">,
  target: readonly string[],
  control: readonly string[],
  channel: CampaignChannel,
  at: string,
): { responses: CampaignResponse[]; controlConversions: number } {
  const rnd = createRandom(`responses-${campaign.id}`);
  const responses: CampaignResponse[] = [];
  target.forEach((customerId, i) => {
    const u = rnd.next();
    const type: CampaignResponse["type"] =
      u < 0.06 ? "converted" : u < 0.12 ? "responded" : u < 0.4 ? "opened" : u < 0.95 ? "delivered" : "bounced";
    responses.push({ id: `${campaign.id}-R${i}`, campaignId: campaign.id, customerId, channel, type, at });
  });
  let controlConversions = 0;
  for (let i = 0; i < control.length; i++) if (rnd.next() < 0.03) controlConversions++;
  return { responses, controlConversions };
}

/** Keeps the measured effects in this browser. */
export function saveEffects(effects: Record<string, CampaignEffect>): void {
  localStorage.setItem(EFFECTS, JSON.stringify(effects));
}

export interface LaunchSummary {
  members: number;
  excluded: number;
  control: number;
  /** The exclusions by reason, in the page's language. */
  reasons: string;
}

/** A launch's counts as the page says them: the audience, the excluded by reason, the hold-out. */
export function launchSummary(
  counts: Record<CampaignGroup, number>,
  excludedBy: Partial<Record<AudienceExclusion, number>>,
  locale: Locale,
): LaunchSummary {
  const reasons = Object.entries(excludedBy)
    .filter(([, n]) => (n ?? 0) > 0)
    .map(([r, n]) => `${audienceExclusionLabels[r as AudienceExclusion][locale]} ${n}`);
  return {
    members: counts.treatment + counts.control,
    excluded: counts.excluded,
    control: counts.control,
    reasons: reasons.join("、") || "—",
  };
}

/** What the embedded demo keeps: a launch's members, the responses the bank's systems would send back. */
export type KeepDemo = <C extends "campaignMembers" | "campaignResponses">(
  collection: C,
  records: CollectionRecords[C][],
) => Promise<void>;

/**
 * Embedded: the launch as the server does it — core's `planLaunch` over this browser's book (the segment's members,
 * what they hold, their treatments in earlier launches) — its members kept, then the responses the demo's stand-in
 * systems send back, and their effect (when anyone was targeted).
 */
export async function launchDemo(
  campaign: Campaign,
  definition: SegmentDefinition,
  o: { rows: readonly BookRow[]; client: CrmClient; keep: KeepDemo; locale: Locale },
): Promise<{ summary: LaunchSummary; effect?: CampaignEffect }> {
  const { client } = o;
  const inSegment = compileSegment(definition, customerFieldCatalog);
  const rows = o.rows.filter((r) => inSegment(r));
  const customers: Customer[] = [];
  for (let i = 0; i < rows.length; i += 200) {
    const batch = await Promise.all(rows.slice(i, i + 200).map((r) => client.customers.get(r.id)));
    for (const c of batch) if (c) customers.push(c);
  }
  const at = new Date().toISOString();
  const contacts: { customerId: string; at: string }[] = [];
  for (let after: string | undefined; ;) {
    const page = await client.campaignMembers.list({ limit: 1000, ...(after ? { after } : {}) });
    for (const m of page.items) if (m.group === "treatment") contacts.push({ customerId: m.customerId, at: m.at });
    if (!page.next) break;
    after = page.next;
  }
  const holds = new Map(rows.map((r) => [r.id, new Set(r.productTypes as readonly ProductType[])]));
  const plan = planLaunch(campaign, { customers, holds, contacts }, { at });
  await o.keep("campaignMembers", plan.members);
  const summary = launchSummary(plan.counts, plan.excludedBy, o.locale);
  const target = plan.members.filter((m) => m.group === "treatment").map((m) => m.customerId);
  const control = plan.members.filter((m) => m.group === "control").map((m) => m.customerId);
  const channel = campaign.channels[0]!;
  const { responses, controlConversions } = demoResponses(campaign, target, control, channel, at);
  await o.keep("campaignResponses", responses);
  if (target.length === 0) return { summary };
  const effect = campaignEffectiveness(campaign, {
    targeted: target,
    responses,
    control: { size: Math.max(1, control.length), conversions: controlConversions },
    revenuePerConversion: REVENUE_PER_CONVERSION,
    ...(campaign.budget ? { cost: campaign.budget.amount } : {}),
  });
  return { summary, effect };
}
