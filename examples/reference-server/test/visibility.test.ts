/**
 * The change feed filters each follower's changes in JavaScript (`visibleTo`)
 * while every read filters in SQL (`visibleSql`): over the whole demo bank,
 * every collection and each role — with and without confidential notes —
 * the feed shows a reader exactly the records a read of that collection does.
 */
import { describe, expect, it } from "vitest";
import { canReadConfidential, COLLECTION_NAMES, customerScopeOf } from "@bankcrm/core";
import { generateDemoPortfolio } from "@bankcrm/core/demo";
import { openDatabase } from "../src/database.js";
import type { Reader } from "../src/scope-sql.js";
import { otherBranchTeller, ROLES } from "./support/demo-bank.js";

describe("the feed's scope in JavaScript is the reads' scope in SQL", () => {
  it("gives every role of the demo bank the same records of every collection, through the feed as through a read", async () => {
    const db = await openDatabase();
    try {
      const bank = generateDemoPortfolio({ seed: "bankcrm", customers: 60 });
      // Written loudly, so every record is a change of the feed.
      for (const collection of COLLECTION_NAMES) await db.putMany(collection, bank[collection]);
      await db.changes.publish();
      const { head } = await db.changes.bounds();
      const readers: Reader[] = [...ROLES, otherBranchTeller].map((who) => ({
        id: who.id,
        scope: customerScopeOf(who),
        confidential: canReadConfidential(who),
      }));
      let compared = 0;
      for (const reader of readers) {
        const fed = (await db.changes.page(0, head, reader)).items;
        for (const collection of COLLECTION_NAMES) {
          const read = (await db.records(collection, undefined, undefined, 1_000_000, reader)).map((r) => String(r.id));
          const seen = fed.filter((c) => c.collection === collection).map((c) => c.id);
          expect(seen.sort(), `${reader.id} ${collection}`).toEqual(read.sort());
          compared += read.length;
        }
      }
      expect(compared).toBeGreaterThan(2_000);
    } finally {
      await db.close();
    }
  }, 120_000);
});
