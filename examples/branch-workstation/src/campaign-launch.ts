/**
 * A campaign's launch: on the bank's server, the server takes the audience
 * (POST /campaigns/{id}/launch); embedded, the same core `planLaunch` runs over
 * this browser's book — consent for the channel, do-not-contact, the frequency
 * cap, already holding the product, suitability, each exclusion with its reason;
 * a control group drawn tier by tier — and its members are kept in the store.
 * Nothing about its effect is made up here: the campaign is measured later from
 * what the members did (embedded-world.ts embedded, the server's effect route).
 */
import {
  compileSegment,
  customerFieldCatalog,
  planLaunch,
  type AudienceExclusion,
  type Campaign,
  type CampaignGroup,
  type CollectionRecords,
  type Customer,
  type Locale,
  type ProductType,
  type SegmentDefinition,
} from "@bankcrm/core";
import { audienceExclusionLabels } from "@bankcrm/core/i18n";
import type { CrmClient } from "@bankcrm/data";
import type { BookRow } from "./book.js";
import { everyPage } from "./paging.js";

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

/** What the embedded demo keeps: a launch's members. */
export type KeepDemo = <C extends "campaignMembers">(collection: C, records: CollectionRecords[C][]) => Promise<void>;

/**
 * Embedded: the launch as the server does it — core's `planLaunch` over this browser's book (the segment's members,
 * what they hold, their treatments in earlier launches) at the demo's time `at` — its members kept.
 */
export async function launchDemo(
  campaign: Campaign,
  definition: SegmentDefinition,
  o: { rows: readonly BookRow[]; client: CrmClient; keep: KeepDemo; locale: Locale; at: string },
): Promise<{ summary: LaunchSummary }> {
  const { client, at } = o;
  const inSegment = compileSegment(definition, customerFieldCatalog);
  const rows = o.rows.filter((r) => inSegment(r));
  const customers: Customer[] = [];
  for (let i = 0; i < rows.length; i += 200) {
    const batch = await Promise.all(rows.slice(i, i + 200).map((r) => client.customers.get(r.id)));
    for (const c of batch) if (c) customers.push(c);
  }
  const contacts = (await everyPage((q) => client.campaignMembers.list(q)))
    .filter((m) => m.group === "treatment")
    .map((m) => ({ customerId: m.customerId, at: m.at }));
  const holds = new Map(rows.map((r) => [r.id, new Set(r.productTypes as readonly ProductType[])]));
  const plan = planLaunch(campaign, { customers, holds, contacts }, { at });
  await o.keep("campaignMembers", plan.members);
  return { summary: launchSummary(plan.counts, plan.excludedBy, o.locale) };
}
