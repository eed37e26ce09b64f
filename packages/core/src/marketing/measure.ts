/**
 * A campaign measured from what customers did (营销活动成效评价): its launch kept who was in the treatment group and
 * who was held out; the records say who reached the campaign's goal — opened the product, made the transaction —
 * within the measurement window. The same count over both groups gives the uplift, its interval and test, the
 * incremental conversions and revenue, and ROI against the cost. A customer counts once per campaign, whatever they
 * did how often; the records are read as they are (a product opened for another reason counts in both groups alike,
 * which is what the control group is for). Given the other launches' members, it reports what the interval cannot
 * see: the treated who other campaigns treated in the same window (overlap: their conversions are shared credit),
 * and the control members other campaigns reached (contamination: the control group is no longer untreated, and the
 * uplift is understated by about that share).
 */
import { BankcrmInvalidArgumentError } from "../errors/invalid-argument-error.js";
import type { Campaign, CampaignGoal, CampaignMember, CampaignResponse } from "../schemas/campaign.js";
import type { Holding } from "../schemas/holding.js";
import { AUM_PRODUCT_TYPES } from "../scoring/aum.js";
import type { Transaction } from "../schemas/transaction.js";
import { DAY_MS } from "../time.js";
import { campaignEffectiveness, type CampaignEffect } from "./campaign.js";

/** The window a campaign is measured over, by default. */
export const DEFAULT_MEASURE_DAYS = 28;

/** What the records hold of the members: their holdings (when each was opened) and transactions. */
export interface OutcomeFacts {
  /** With `balance` and `closedAt` for an AUM goal. */
  holdings: readonly (Pick<Holding, "customerId" | "productType" | "openedAt"> &
    Partial<Pick<Holding, "id" | "balance" | "closedAt">>)[];
  transactions?: readonly (Pick<Transaction, "customerId" | "category" | "at" | "amount"> &
    Partial<Pick<Transaction, "id">>)[];
}

export interface CampaignMeasurement {
  goal: CampaignGoal;
  /** From the launch to `measureDays` after it, or to `asOf` while the window is still open. */
  window: { from: string; to: string; complete: boolean };
  treatment: { size: number; converted: number };
  control: { size: number; converted: number };
  /** The effect (uplift, interval, test, incremental revenue, ROI): once both groups have members. */
  effect?: CampaignEffect;
  /** Given the other launches' members: the treated another campaign also treated in the window, and which. */
  overlap?: { treated: number; campaigns: string[] };
  /** Given them: the control members another campaign treated in the window, and their share of the control group. */
  contamination?: { control: number; share: number };
}

/** The campaign's goal: its own, or opening its product. */
export function goalOf(campaign: Pick<Campaign, "goal" | "productType">): CampaignGoal | undefined {
  return (
    campaign.goal ?? (campaign.productType ? { kind: "productOpened", productType: campaign.productType } : undefined)
  );
}

/** Who reached the goal within [from, to] (ISO instants; holdings by their opening day): when first, and how. */
function reachedGoal(
  goal: CampaignGoal,
  facts: OutcomeFacts,
  from: string,
  to: string,
): Map<string, { at: string; convertedTo?: string }> {
  const reached = new Map<string, { at: string; convertedTo?: string }>();
  const reach = (customerId: string, at: string, convertedTo?: string) => {
    const seen = reached.get(customerId);
    if (!seen || at < seen.at) reached.set(customerId, { at, ...(convertedTo !== undefined ? { convertedTo } : {}) });
  };
  const [fromDay, toDay] = [from.slice(0, 10), to.slice(0, 10)];
  const dayAt = (day: string) => (day === fromDay ? from : `${day}T00:00:00.000Z`);
  if (goal.kind === "productOpened") {
    for (const h of facts.holdings)
      if (h.productType === goal.productType && h.openedAt >= fromDay && h.openedAt <= toDay)
        reach(h.customerId, dayAt(h.openedAt), h.id);
    return reached;
  }
  if (goal.kind === "aumGrowth") {
    const change = new Map<string, { delta: number; last: string }>();
    const add = (id: string, delta: number, day: string) => {
      const c = change.get(id) ?? { delta: 0, last: day };
      change.set(id, { delta: c.delta + delta, last: day > c.last ? day : c.last });
    };
    for (const h of facts.holdings) {
      if (!AUM_PRODUCT_TYPES.includes(h.productType) || !h.balance) continue;
      if (h.openedAt >= fromDay && h.openedAt <= toDay) add(h.customerId, h.balance.amount, h.openedAt);
      if (h.closedAt !== undefined && h.closedAt >= fromDay && h.closedAt <= toDay)
        add(h.customerId, -h.balance.amount, h.closedAt);
    }
    for (const [id, c] of change) if (c.delta >= goal.minIncrease.amount) reach(id, dayAt(c.last));
    return reached;
  }
  const min = goal.minAmount?.amount ?? 0;
  for (const t of facts.transactions ?? [])
    if (t.category === goal.category && t.at >= from && t.at <= to && t.amount.amount >= min)
      reach(t.customerId, t.at, t.id);
  return reached;
}

/** The window a launch is measured over, as of `asOf`. */
function windowOf(campaign: Pick<Campaign, "measureDays">, launched: string, asOf: string) {
  const end = Date.parse(launched) + (campaign.measureDays ?? DEFAULT_MEASURE_DAYS) * DAY_MS;
  const now = Date.parse(asOf);
  return { from: launched, to: new Date(Math.min(end, now)).toISOString(), complete: now >= end };
}

/**
 * The responses the records show (营销反馈): each treated member who reached the campaign's goal in the window, a
 * `converted` response at the time they first did, naming the holding or transaction. Its id is
 * `<campaignId>--<customerId>--converted`, so deriving them again (nightly, or each time the campaign is measured)
 * writes the same records.
 */
export function derivedResponses(
  campaign: Pick<Campaign, "id" | "goal" | "productType" | "measureDays">,
  members: readonly Pick<CampaignMember, "customerId" | "group" | "channel" | "at">[],
  facts: OutcomeFacts,
  options: { asOf: string },
): CampaignResponse[] {
  const goal = goalOf(campaign);
  const launched = members[0]?.at;
  if (!goal || launched === undefined) return [];
  const window = windowOf(campaign, launched, options.asOf);
  const reached = reachedGoal(goal, facts, window.from, window.to);
  return members.flatMap((m) => {
    const r = m.group === "treatment" ? reached.get(m.customerId) : undefined;
    if (!r) return [];
    return [
      {
        id: `${campaign.id}--${m.customerId}--converted`,
        campaignId: campaign.id,
        customerId: m.customerId,
        channel: m.channel,
        type: "converted" as const,
        at: r.at,
        ...(r.convertedTo !== undefined ? { convertedTo: r.convertedTo } : {}),
      },
    ];
  });
}

/**
 * The campaign measured from `facts` over its launch's `members`. `revenuePerConversion` (minor units) values a
 * conversion; the cost is the campaign's budget unless `cost` says otherwise.
 */
export function measureCampaign(
  campaign: Pick<Campaign, "id" | "budget" | "goal" | "productType" | "measureDays">,
  members: readonly Pick<CampaignMember, "customerId" | "group" | "channel" | "at">[],
  facts: OutcomeFacts,
  options: {
    asOf: string;
    revenuePerConversion: number;
    cost?: number;
    /** Other launches' treatment members (any campaign but this one): overlap and contamination are reported. */
    others?: readonly Pick<CampaignMember, "campaignId" | "customerId" | "group" | "at">[];
  },
): CampaignMeasurement {
  const goal = goalOf(campaign);
  if (!goal) throw new BankcrmInvalidArgumentError("goal", "a campaign with a goal or a product to measure");
  const launched = members[0]?.at;
  if (launched === undefined) throw new BankcrmInvalidArgumentError("members", "a launched campaign's members");
  const window = windowOf(campaign, launched, options.asOf);
  const reached = reachedGoal(goal, facts, window.from, window.to);
  const treated = members.filter((m) => m.group === "treatment");
  const held = members.filter((m) => m.group === "control");
  const converted = treated.filter((m) => reached.has(m.customerId));
  const controlConverted = held.filter((m) => reached.has(m.customerId)).length;
  const responses: Pick<CampaignResponse, "customerId" | "channel" | "type">[] = converted.map((m) => ({
    customerId: m.customerId,
    channel: m.channel,
    type: "converted",
  }));
  return {
    goal,
    window,
    ...(options.others ? crossTreatment(campaign.id, treated, held, options.others, window) : {}),
    treatment: { size: treated.length, converted: converted.length },
    control: { size: held.length, converted: controlConverted },
    ...(treated.length > 0 && held.length > 0
      ? {
          effect: campaignEffectiveness(campaign, {
            targeted: treated.map((m) => m.customerId),
            responses,
            control: { size: held.length, conversions: controlConverted },
            revenuePerConversion: options.revenuePerConversion,
            ...(options.cost !== undefined ? { cost: options.cost } : {}),
          }),
        }
      : {}),
  };
}

/**
 * Who of the treated and of the control group another campaign treated while this one was measured: launched within
 * the window, or in the default window before it (so still working on them when this one began).
 */
function crossTreatment(
  id: string,
  treated: readonly Pick<CampaignMember, "customerId">[],
  held: readonly Pick<CampaignMember, "customerId">[],
  others: readonly Pick<CampaignMember, "campaignId" | "customerId" | "group" | "at">[],
  window: { from: string; to: string },
): Pick<CampaignMeasurement, "overlap" | "contamination"> {
  const reachedBy = new Map<string, Set<string>>();
  const since = new Date(Date.parse(window.from) - DEFAULT_MEASURE_DAYS * DAY_MS).toISOString();
  for (const o of others)
    if (o.campaignId !== id && o.group === "treatment" && o.at >= since && o.at <= window.to)
      reachedBy.set(o.customerId, (reachedBy.get(o.customerId) ?? new Set()).add(o.campaignId));
  const overlapping = treated.filter((m) => reachedBy.has(m.customerId));
  const campaigns = [...new Set(overlapping.flatMap((m) => [...reachedBy.get(m.customerId)!]))].sort();
  const contaminated = held.filter((m) => reachedBy.has(m.customerId)).length;
  return {
    overlap: { treated: overlapping.length, campaigns },
    contamination: { control: contaminated, share: held.length === 0 ? 0 : contaminated / held.length },
  };
}
