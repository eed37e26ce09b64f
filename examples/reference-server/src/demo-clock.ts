/**
 * The demo bank's clock (demo only, beside the demo sign-in): `POST /bankcrm-demo/clock` with `{ "days": 28 }` moves
 * the server's time on — audit rows, time limits, a campaign's measurement window all read it — and lets the demo
 * world answer every launched campaign as far as the clock has run: the products its members open (core's
 * `demoCampaignOutcomes`, `DEMO_CAMPAIGN_WORLD`: the true effect a measurement can be checked against), written as
 * holdings through the change feed. The offset is kept in the demo's own table (`demo_clock`), so a restart keeps the
 * demo's date and a fresh demo bank starts from today.
 */
import { DAY_MS, type Campaign } from "@bankcrm/core";
import { demoCampaignOutcomes } from "@bankcrm/core/demo";
import type { Database } from "./database.js";
import { campaignMembersOf } from "./routes/campaigns.js";

export interface DemoClock {
  now(): Date;
  /** Moves the clock on `days` and lets the world answer; the new time and how many products were opened in all. */
  advance(days: number): Promise<{ now: string; opened: number }>;
}

/** The clock, its offset read from (and kept in) the database. */
export async function openDemoClock(db: Database): Promise<DemoClock> {
  await db.query("CREATE TABLE IF NOT EXISTS demo_clock (id int PRIMARY KEY, offset_ms bigint NOT NULL)");
  await db.query("INSERT INTO demo_clock VALUES (1, 0) ON CONFLICT (id) DO NOTHING");
  let offset = Number((await db.query<{ offset_ms: string }>("SELECT offset_ms FROM demo_clock")).rows[0]!.offset_ms);
  const now = () => new Date(Date.now() + offset);
  return {
    now,
    async advance(days) {
      offset += days * DAY_MS;
      await db.query("UPDATE demo_clock SET offset_ms = $1 WHERE id = 1", [offset]);
      const at = now();
      const launched = await db.query<{ body: Campaign }>(
        "SELECT body FROM records WHERE collection = 'campaigns' AND body ->> 'status' IN ('active', 'completed')",
      );
      let opened = 0;
      for (const { body: campaign } of launched.rows) {
        const members = await campaignMembersOf(db, campaign.id);
        if (members.length === 0) continue;
        const elapsed = Math.floor((at.getTime() - Date.parse(members[0]!.at)) / DAY_MS);
        // Each product is sold by the member's RM of the day (achievement and commission follow it).
        const rms = await db.query<{ id: string; rm: string | null }>(
          "SELECT id, rm_id AS rm FROM records WHERE collection = 'customers' AND id = ANY($1::text[])",
          [members.map((m) => m.customerId)],
        );
        const rmOf = new Map(rms.rows.map((r) => [r.id, r.rm ?? undefined]));
        const holdings = demoCampaignOutcomes(campaign, members, {
          days: elapsed,
          seed: "demo-bank",
          sellerOf: (id) => rmOf.get(id),
        });
        if (holdings.length > 0) await db.putMany("holdings", holdings);
        opened += holdings.length;
      }
      return { now: at.toISOString(), opened };
    },
  };
}
