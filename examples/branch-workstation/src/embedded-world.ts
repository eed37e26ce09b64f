/**
 * The embedded demo's world, as the demo bank's server has it (demo-clock.ts there): a clock that can be moved on —
 * kept in this browser — and, as it moves, the demo world answering every launched campaign (core's
 * `demoCampaignOutcomes`: the products its members open, each sold by the member's RM), written into this browser's
 * store as holdings. A campaign is then measured from those records by core's `measureCampaign`, its converted
 * members kept as responses (`derivedResponses`), as the server's `GET /campaigns/{id}/effect` does: nothing is
 * invented at the launch.
 */
import {
  DAY_MS,
  derivedResponses,
  measureCampaign,
  type Campaign,
  type CampaignMeasurement,
  type CampaignMember,
  type CollectionName,
  type CollectionRecords,
  type Holding,
  type SalesPerformance,
} from "@bankcrm/core";
import { demoCampaignOutcomes } from "@bankcrm/core/demo";
import type { CrmStore } from "@bankcrm/data";
import type { BookRow } from "./book.js";
import { everyPage } from "./paging.js";

const CLOCK = "bankcrm-workstation-demo-clock-days";

/** What the pages ask of the demo's world and its records, on a server or embedded (the session answers). */
export interface WorldPort {
  /** The demo's time now (embedded: moved on by its clock). */
  demoNow(): Date;
  /** The demo's clock moved on `days`; undefined when there is none to move. */
  advanceClock(days: number): Promise<{ now: string; opened: number } | undefined>;
  /** Embedded: the holdings the demo world opened since a day (none on a server: it keeps them). */
  openedSince(from: string): Promise<Holding[]>;
  /** A launched campaign measured from the records (the server's or this browser's). */
  readonly measurer: ((campaign: Campaign) => Promise<CampaignMeasurement>) | undefined;
  /** Server mode: the user's sales performance as the server computes it. */
  readonly performer: (() => Promise<SalesPerformance>) | undefined;
}
/** What a conversion is worth when nobody says (minor units): a year's margin on a typical product, as the server's. */
const VALUE_PER_CONVERSION = 200_000;

const all = <C extends CollectionName>(store: CrmStore, collection: C): Promise<CollectionRecords[C][]> =>
  everyPage((q) => store.records(collection, q));

export class EmbeddedWorld {
  constructor(
    private readonly store: CrmStore,
    private readonly rows: readonly BookRow[],
    private readonly seed: string,
  ) {}

  /** Days the demo's clock has been moved on (kept in this browser). */
  get offsetDays(): number {
    const days = Number(localStorage.getItem(CLOCK) ?? 0);
    return Number.isSafeInteger(days) && days >= 0 ? days : 0;
  }

  /** The demo's time now. */
  now(): Date {
    return new Date(Date.now() + this.offsetDays * DAY_MS);
  }

  /** A launched campaign's members kept in this browser. */
  async members(campaignId: string): Promise<CampaignMember[]> {
    return (await all(this.store, "campaignMembers")).filter((m) => m.campaignId === campaignId);
  }

  /** Moves the clock on `days` and lets the world answer the launched campaigns; the new time and the products opened. */
  async advance(days: number): Promise<{ now: string; opened: number }> {
    localStorage.setItem(CLOCK, String(this.offsetDays + days));
    const at = this.now();
    const rmOf = new Map(this.rows.map((r) => [r.id, r.relationshipManagerId]));
    const members = await all(this.store, "campaignMembers");
    let opened = 0;
    for (const campaign of await all(this.store, "campaigns")) {
      if (campaign.status !== "active" && campaign.status !== "completed") continue;
      const launched = members.filter((m) => m.campaignId === campaign.id);
      if (launched.length === 0) continue;
      const elapsed = Math.floor((at.getTime() - Date.parse(launched[0]!.at)) / DAY_MS);
      const holdings = demoCampaignOutcomes(campaign, launched, {
        days: elapsed,
        seed: this.seed,
        sellerOf: (id) => rmOf.get(id),
      });
      if (holdings.length > 0) await this.store.put("holdings", holdings);
      opened += holdings.length;
    }
    return { now: at.toISOString(), opened };
  }

  /** Holdings the world has opened since `from` (ISO date): what launched campaigns' goals and sales read. */
  async openedSince(from: string): Promise<Holding[]> {
    return (await all(this.store, "holdings")).filter((h) => h.openedAt >= from);
  }

  /** The campaign measured from this browser's records, as of the demo's time. */
  async measure(campaign: Campaign): Promise<CampaignMeasurement> {
    const launched = await all(this.store, "campaignMembers");
    const members = launched.filter((m) => m.campaignId === campaign.id);
    const from = members[0]?.at.slice(0, 10) ?? "9999-12-31";
    const holdings = (await all(this.store, "holdings")).filter(
      (h) => h.openedAt >= from || (h.closedAt ?? "") >= from,
    );
    const asOf = this.now().toISOString();
    // The responses the records show, kept as the server keeps them (the same ids each time).
    const responses = derivedResponses(campaign, members, { holdings }, { asOf });
    if (responses.length > 0) await this.store.put("campaignResponses", responses);
    return measureCampaign(
      campaign,
      members,
      { holdings, transactions: [] },
      { asOf, revenuePerConversion: VALUE_PER_CONVERSION, others: launched },
    );
  }
}
