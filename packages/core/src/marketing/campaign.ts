/**
 * Campaigns measured honestly (营销活动成效综合评价): who may be targeted (the
 * segment's members with consent for the channel, minus do-not-contact and a
 * frequency cap — each exclusion with its reason), a deterministic hold-out
 * control group, and the effect against it: the funnel with Wilson intervals,
 * uplift with a two-proportion z-test, incremental conversions and revenue,
 * cost per conversion and ROI.
 */
import { BankcrmInvalidArgumentError } from "../errors/invalid-argument-error.js";
import type { Campaign, CampaignResponse } from "../schemas/campaign.js";
import type { Customer } from "../schemas/customer.js";
import { unsuitability } from "../analytics/suitability.js";
import type {
  AudienceExclusion,
  CampaignChannel,
  ConsentChannel,
  ConsentPurpose,
  ProductRiskLevel,
  ProductType,
} from "../vocabulary.js";
import { DAY_MS } from "../time.js";
import { consentInForce } from "../workflow/customer-change.js";
import { twoProportionTest, wilsonInterval, type Interval, type TwoProportionTest } from "./stats.js";

/** The consent channel a campaign channel needs (banners, branch and mail: consent for all channels). */
const CONSENT_CHANNEL: Record<CampaignChannel, ConsentChannel> = {
  sms: "sms",
  phone: "phone",
  email: "email",
  wechat: "wechat",
  mobile_app_push: "mobile_app",
  online_banking_banner: "all",
  branch: "all",
  direct_mail: "all",
};

export interface ContactPolicy {
  /** Marketing contacts allowed within the window. Default 2. */
  maxContacts: number;
  /** Days. Default 30. */
  windowDays: number;
}
export const DEFAULT_CONTACT_POLICY: ContactPolicy = { maxContacts: 2, windowDays: 30 };

export interface AudienceOptions {
  /** The channel the campaign uses for this audience. */
  channel: CampaignChannel;
  /** The consent purpose required (the campaign's `requiredConsent`); default marketing. */
  purpose?: ConsentPurpose;
  /** Customers who asked never to be contacted for marketing. */
  doNotContact?: ReadonlySet<string>;
  /** Earlier marketing contacts (e.g. responses of type sent), for the frequency cap. */
  contacts?: readonly { customerId: string; at: string }[];
  contactPolicy?: ContactPolicy;
  /** The product the campaign sells: a customer who holds one already is left out (`holdsProduct`). */
  productType?: ProductType;
  /** What each customer holds now (their open holdings' product types). */
  holds?: ReadonlyMap<string, ReadonlySet<ProductType>>;
  /** The product's risk level: a customer it does not suit is left out (`unsuitable`, analytics/suitability.ts). */
  productRisk?: ProductRiskLevel;
  asOf: string | Date;
}

export interface Audience {
  /** Customer ids to target, in the order given. */
  members: string[];
  excluded: { customerId: string; reason: AudienceExclusion }[];
}

/**
 * The audience of a campaign on a segment: `segment` is the segment's test (e.g.
 * `compileSegment` over the customer views), `customers` the candidates.
 */
export function campaignAudience(
  segment: (customer: Customer) => boolean,
  customers: readonly Customer[],
  options: AudienceOptions,
): Audience {
  const policy = options.contactPolicy ?? DEFAULT_CONTACT_POLICY;
  if (!Number.isInteger(policy.maxContacts) || policy.maxContacts < 0 || !(policy.windowDays > 0))
    throw new BankcrmInvalidArgumentError("contactPolicy", "maxContacts ≥ 0 and windowDays > 0");
  const asOf = typeof options.asOf === "string" ? Date.parse(options.asOf) : options.asOf.getTime();
  const since = asOf - policy.windowDays * DAY_MS;
  const recent = new Map<string, number>();
  for (const c of options.contacts ?? []) {
    const at = Date.parse(c.at);
    if (at > since && at <= asOf) recent.set(c.customerId, (recent.get(c.customerId) ?? 0) + 1);
  }
  const purpose = options.purpose ?? "marketing";
  const channel = CONSENT_CHANNEL[options.channel];
  const audience: Audience = { members: [], excluded: [] };
  for (const customer of customers) {
    if (!segment(customer)) continue;
    const consent = consentInForce(customer.consents, purpose, channel);
    const reason: AudienceExclusion | undefined =
      customer.kind === "individual" && customer.deceasedOn !== undefined
        ? "deceased"
        : customer.status === "closed"
          ? "closed"
          : options.doNotContact?.has(customer.id)
            ? "doNotContact"
            : consent === undefined
              ? "noConsent"
              : !consent.granted
                ? "consentWithdrawn"
                : (recent.get(customer.id) ?? 0) >= policy.maxContacts
                  ? "frequencyCap"
                  : options.productType !== undefined && options.holds?.get(customer.id)?.has(options.productType)
                    ? "holdsProduct"
                    : options.productRisk !== undefined &&
                        unsuitability(customer, options.productRisk, { now: new Date(asOf) }) !== undefined
                      ? "unsuitable"
                      : undefined;
    if (reason) audience.excluded.push({ customerId: customer.id, reason });
    else audience.members.push(customer.id);
  }
  return audience;
}

/** FNV-1a, 32 bits: a stable hash of a string (the same everywhere, for ever). */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/**
 * A hold-out control group by hash: a customer is in the control group of a
 * campaign when the hash of campaign and customer falls below `share` — the
 * same customer always lands in the same group for a campaign, on any machine,
 * whatever else is in the list.
 */
export function assignControlGroup(
  customerIds: readonly string[],
  options: { campaignId: string; share: number; stratumOf?: (customerId: string) => string },
): { target: string[]; control: string[] } {
  if (!(options.share >= 0 && options.share < 1))
    throw new BankcrmInvalidArgumentError("share", "a share from 0 up to (not including) 1");
  const hash = (id: string) => fnv1a(`${options.campaignId}:${id}`);
  if (options.stratumOf) return stratified(customerIds, options.share, hash, options.stratumOf);
  const target: string[] = [];
  const control: string[] = [];
  for (const id of customerIds) (hash(id) / 2 ** 32 < options.share ? control : target).push(id);
  return { target, control };
}

/**
 * Stratified: in each stratum (a tier), the `share` of its members with the lowest hashes — rounded, so each
 * stratum is held out in the same proportion and the groups compare like with like. Deterministic for an audience.
 */
function stratified(
  customerIds: readonly string[],
  share: number,
  hash: (id: string) => number,
  stratumOf: (customerId: string) => string,
): { target: string[]; control: string[] } {
  const strata = new Map<string, string[]>();
  for (const id of customerIds) {
    const key = stratumOf(id);
    const members = strata.get(key);
    if (members) members.push(id);
    else strata.set(key, [id]);
  }
  const held = new Set<string>();
  for (const members of strata.values()) {
    const ranked = members.map((id) => ({ id, h: hash(id) })).sort((a, b) => a.h - b.h || (a.id < b.id ? -1 : 1));
    for (const { id } of ranked.slice(0, Math.round(members.length * share))) held.add(id);
  }
  const target: string[] = [];
  const control: string[] = [];
  for (const id of customerIds) (held.has(id) ? control : target).push(id);
  return { target, control };
}

export interface FunnelStage {
  stage: "targeted" | "delivered" | "contacted" | "responded" | "converted";
  count: number;
  /** count / targeted. */
  rate: number;
  interval: Interval;
}

export interface CampaignEffect {
  campaignId: string;
  funnel: FunnelStage[];
  /** By channel: targeted (sent) and converted, with the conversion rate. */
  channels: { channel: CampaignChannel; targeted: number; converted: number; rate: number }[];
  control: { size: number; conversions: number; rate: number; interval: Interval };
  /** Treatment conversion rate minus the control's, with its interval, z and two-sided p-value. */
  uplift: TwoProportionTest;
  /** uplift × targeted: conversions the campaign caused. */
  incrementalConversions: number;
  /** Minor units. */
  incrementalRevenue: number;
  cost: number;
  /** Minor units per conversion (undefined without conversions). */
  costPerConversion: number | undefined;
  /** (incremental revenue − cost) / cost (undefined without a cost). */
  roi: number | undefined;
}

const REACHED: Record<string, number> = {
  sent: 0,
  bounced: 0,
  opted_out: 1,
  delivered: 1,
  opened: 2,
  clicked: 2,
  responded: 3,
  converted: 4,
};

/**
 * A campaign's effect. `targeted`: the treatment group's customer ids;
 * `responses`: their responses (the furthest each reached counts);
 * `control`: the hold-out's size and conversions; `revenuePerConversion` and
 * `cost` in minor units (cost default: the campaign's budget).
 */
export function campaignEffectiveness(
  campaign: Pick<Campaign, "id" | "budget">,
  data: {
    targeted: readonly string[];
    responses: readonly Pick<CampaignResponse, "customerId" | "channel" | "type">[];
    control: { size: number; conversions: number };
    revenuePerConversion: number;
    cost?: number;
  },
): CampaignEffect {
  const n = data.targeted.length;
  if (n === 0) throw new BankcrmInvalidArgumentError("targeted", "a campaign needs a treatment group");
  const members = new Set(data.targeted);
  const furthest = new Map<string, number>();
  const channelOf = new Map<string, CampaignChannel>();
  for (const r of data.responses) {
    if (!members.has(r.customerId)) continue;
    furthest.set(r.customerId, Math.max(furthest.get(r.customerId) ?? 0, REACHED[r.type] ?? 0));
    if (!channelOf.has(r.customerId)) channelOf.set(r.customerId, r.channel);
  }
  const reached = (level: number) => [...furthest.values()].filter((v) => v >= level).length;
  const stages: [FunnelStage["stage"], number][] = [
    ["targeted", n],
    ["delivered", reached(1)],
    ["contacted", reached(2)],
    ["responded", reached(3)],
    ["converted", reached(4)],
  ];
  const funnel = stages.map(([stage, count]) => ({
    stage,
    count,
    rate: count / n,
    interval: wilsonInterval(count, n),
  }));
  const converted = reached(4);
  const byChannel = new Map<CampaignChannel, { targeted: number; converted: number }>();
  for (const [customerId, channel] of channelOf) {
    const row = byChannel.get(channel) ?? { targeted: 0, converted: 0 };
    row.targeted++;
    if ((furthest.get(customerId) ?? 0) >= 4) row.converted++;
    byChannel.set(channel, row);
  }
  const uplift = twoProportionTest(converted, n, data.control.conversions, data.control.size);
  const incrementalConversions = uplift.difference * n;
  const incrementalRevenue = Math.round(incrementalConversions * data.revenuePerConversion);
  const cost = data.cost ?? campaign.budget?.amount ?? 0;
  return {
    campaignId: campaign.id,
    funnel,
    channels: [...byChannel.entries()]
      .map(([channel, r]) => ({ channel, ...r, rate: r.converted / r.targeted }))
      .sort((a, b) => b.targeted - a.targeted || (a.channel < b.channel ? -1 : 1)),
    control: {
      size: data.control.size,
      conversions: data.control.conversions,
      rate: data.control.conversions / data.control.size,
      interval: wilsonInterval(data.control.conversions, data.control.size),
    },
    uplift,
    incrementalConversions,
    incrementalRevenue,
    cost,
    costPerConversion: converted === 0 ? undefined : cost / converted,
    roi: cost === 0 ? undefined : (incrementalRevenue - cost) / cost,
  };
}
