/**
 * A campaign's launch (营销活动发布): the audience taken as it stands — every member of the campaign's segment put in
 * the treatment group, the control group (held out, drawn tier by tier) or excluded with the reason — as the
 * `campaignMembers` records that keep it. The same function runs on the bank's server (POST /campaigns/{id}/launch)
 * and in a browser's embedded store; what it is given is what the store holds at that moment.
 */
import { BankcrmInvalidArgumentError } from "../errors/invalid-argument-error.js";
import type { Campaign, CampaignGroup, CampaignMember } from "../schemas/campaign.js";
import type { Customer } from "../schemas/customer.js";
import type { AudienceExclusion, ProductType } from "../vocabulary.js";
import { assignControlGroup, campaignAudience, DEFAULT_CONTACT_POLICY, type ContactPolicy } from "./campaign.js";

/** The share of an audience held out by default. */
export const DEFAULT_CONTROL_SHARE = 0.1;

export interface LaunchFacts {
  /** The segment's members as they are now (closed, consents, tier, risk assessment). */
  customers: readonly Customer[];
  /** What each holds now: their open holdings' product types. */
  holds: ReadonlyMap<string, ReadonlySet<ProductType>>;
  /** Each earlier treatment (a campaign member in a treatment group): the frequency cap counts them. */
  contacts: readonly { customerId: string; at: string }[];
  /** Customers who asked never to be contacted for marketing. */
  doNotContact?: ReadonlySet<string>;
}

export interface LaunchOptions {
  /** When the launch happens (the members' `at`; the frequency cap's and the assessments' reference time). */
  at: string;
  /** The share of the audience held out (0 ≤ share < 1); default 10%. */
  controlShare?: number;
  contactPolicy?: ContactPolicy;
}

export interface LaunchPlan {
  members: CampaignMember[];
  /** How many in each group, and the excluded by reason. */
  counts: Record<CampaignGroup, number>;
  excludedBy: Partial<Record<AudienceExclusion, number>>;
}

/** The id of a customer's membership of a campaign: one per campaign and customer. */
export const campaignMemberId = (campaignId: string, customerId: string) => `${campaignId}--${customerId}`;

/** The launch of `campaign` on its segment's members, as they stand in `facts`. */
export function planLaunch(
  campaign: Pick<Campaign, "id" | "channels" | "requiredConsent" | "productType" | "productRisk">,
  facts: LaunchFacts,
  options: LaunchOptions,
): LaunchPlan {
  if (Number.isNaN(Date.parse(options.at))) throw new BankcrmInvalidArgumentError("at", "an ISO date-time");
  const channel = campaign.channels[0]!;
  const audience = campaignAudience(() => true, facts.customers, {
    channel,
    purpose: campaign.requiredConsent,
    contacts: facts.contacts,
    contactPolicy: options.contactPolicy ?? DEFAULT_CONTACT_POLICY,
    holds: facts.holds,
    asOf: options.at,
    ...(facts.doNotContact ? { doNotContact: facts.doNotContact } : {}),
    ...(campaign.productType ? { productType: campaign.productType } : {}),
    ...(campaign.productRisk ? { productRisk: campaign.productRisk } : {}),
  });
  const tierOf = new Map(facts.customers.map((c) => [c.id, c.tier]));
  const { target, control } = assignControlGroup(audience.members, {
    campaignId: campaign.id,
    share: options.controlShare ?? DEFAULT_CONTROL_SHARE,
    stratumOf: (id) => tierOf.get(id) ?? "",
  });
  const member = (customerId: string, group: CampaignGroup, reason?: AudienceExclusion): CampaignMember => {
    const tier = tierOf.get(customerId);
    return {
      id: campaignMemberId(campaign.id, customerId),
      campaignId: campaign.id,
      customerId,
      group,
      ...(reason ? { reason } : {}),
      ...(tier ? { tier } : {}),
      channel,
      at: options.at,
    };
  };
  const excludedBy: Partial<Record<AudienceExclusion, number>> = {};
  for (const x of audience.excluded) excludedBy[x.reason] = (excludedBy[x.reason] ?? 0) + 1;
  return {
    members: [
      ...target.map((id) => member(id, "treatment")),
      ...control.map((id) => member(id, "control")),
      ...audience.excluded.map((x) => member(x.customerId, "excluded", x.reason)),
    ],
    counts: { treatment: target.length, control: control.length, excluded: audience.excluded.length },
    excludedBy,
  };
}
