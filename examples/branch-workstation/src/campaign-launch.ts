/**
 * A campaign's launch in the demo (the bank's delivery and product systems
 * stood in for): the audience by core's `campaignAudience` (consent for the
 * channel in force, do-not-contact, the frequency cap — each exclusion with its
 * reason), a control group held out by `assignControlGroup`, the responses the
 * bank's systems would send back fed to the store, and their effect measured by
 * `campaignEffectiveness`. Effects are kept in this browser (localStorage).
 */
import {
  assignControlGroup,
  campaignAudience,
  campaignEffectiveness,
  compileSegment,
  customerFieldCatalog,
  type AudienceExclusion,
  type Campaign,
  type CampaignChannel,
  type CampaignEffect,
  type CampaignResponse,
  type Customer,
  type Locale,
  type SegmentDefinition,
} from "@bankcrm/core";
import { audienceExclusionLabels } from "@bankcrm/core/i18n";
import { createRandom } from "@bankcrm/core/demo";
import type { CrmClient } from "@bankcrm/data";
import type { BookRow } from "./book.js";

const EFFECTS = "bankcrm-workstation-campaign-effects";
/** What a conversion is worth to the bank in the demo (fen): a year's margin on a typical product sold. */
const REVENUE_PER_CONVERSION = 200_000;
const CONTROL_SHARE = 0.1;

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

/** The audience, the hold-out, the responses fed back, and the effect (when anyone was targeted). */
export async function launchDemo(
  campaign: Campaign,
  definition: SegmentDefinition,
  o: {
    rows: readonly BookRow[];
    client: CrmClient;
    feed: (responses: CampaignResponse[]) => Promise<void>;
    locale: Locale;
  },
): Promise<{ summary: LaunchSummary; effect?: CampaignEffect }> {
  const { client } = o;
  const channel = campaign.channels[0]!;
  const inSegment = compileSegment(definition, customerFieldCatalog);
  const ids = o.rows.filter((r) => inSegment(r)).map((r) => r.id);
  const customers: Customer[] = [];
  for (let i = 0; i < ids.length; i += 200) {
    const batch = await Promise.all(ids.slice(i, i + 200).map((id) => client.customers.get(id)));
    for (const c of batch) if (c) customers.push(c);
  }
  const now = new Date();
  const audience = campaignAudience(() => true, customers, {
    channel,
    purpose: campaign.requiredConsent,
    asOf: now,
  });
  const { target, control } = assignControlGroup(audience.members, {
    campaignId: campaign.id,
    share: CONTROL_SHARE,
  });
  const { responses, controlConversions } = demoResponses(campaign, target, control, channel, now.toISOString());
  await o.feed(responses);
  const byReason = new Map<AudienceExclusion, number>();
  for (const x of audience.excluded) byReason.set(x.reason, (byReason.get(x.reason) ?? 0) + 1);
  const summary: LaunchSummary = {
    members: audience.members.length,
    excluded: audience.excluded.length,
    control: control.length,
    reasons: [...byReason].map(([r, n]) => `${audienceExclusionLabels[r][o.locale]} ${n}`).join("、") || "—",
  };
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
