/**
 * The demo bank's seed (`openDemoBank`, what `pnpm start` runs): the records first, the histories after; a start that
 * stopped mid-way is finished by the next, with the same bank; a finished one is left as it is; and a database that is
 * a bank's own (customers, no demo_seed) is never touched.
 */
import { describe, expect, it } from "vitest";
import { COLLECTION_NAMES } from "@bankcrm/core";
import { generateDemoPortfolio } from "@bankcrm/core/demo";
import { openDatabase } from "../src/database.js";
import { openDemoBank } from "../src/seed.js";

const CUSTOMERS = 60;
const bank = generateDemoPortfolio({ seed: "bankcrm", customers: CUSTOMERS });

async function counts(db: Awaited<ReturnType<typeof openDatabase>>) {
  const out: Record<string, number> = {};
  for (const collection of COLLECTION_NAMES) out[collection] = await db.count(collection);
  return out;
}
const expected = Object.fromEntries(COLLECTION_NAMES.map((c) => [c, bank[c].length]));

describe("the demo bank's seed", () => {
  it("loads the records, then the histories; finishes a seed that stopped; leaves a finished one", async () => {
    const db = await openDatabase();
    const progress: number[] = [];
    const first = await openDemoBank(db, CUSTOMERS, { onProgress: (loaded) => progress.push(loaded) });
    expect(first.outcome).toBe("seeded");
    expect(await db.count("customers")).toBe(CUSTOMERS); // in before the server opens
    const histories =
      bank.transactions.length + bank.interactions.length + bank.campaignResponses.length + bank.loyaltyEntries.length;
    expect(await first.histories).toBe(histories);
    expect(progress.at(-1)).toBe(histories);
    expect(await counts(db)).toEqual(expected);
    // Nothing of the seed is in the change feed: a client's first read takes the bank whole.
    expect((await db.changes.page(0, 10, undefined)).items).toEqual([]);

    // Stopped while the histories loaded: half the transactions in, the step still "histories".
    await db.query("UPDATE demo_seed SET step = 'histories'");
    await db.query("DELETE FROM records WHERE collection = 'transactions' AND id > $1", [bank.transactions[10]!.id]);
    const resumed = await openDemoBank(db, CUSTOMERS);
    expect(resumed.outcome).toBe("resumed");
    expect(await resumed.histories).toBe(histories);
    expect(await counts(db)).toEqual(expected);

    const ready = await openDemoBank(db, 5_000); // the bank's size is the first start's
    expect(ready.outcome).toBe("ready");
    expect(await ready.histories).toBe(0);
    expect(await counts(db)).toEqual(expected);
    await db.close();
  }, 60_000);

  it("leaves a bank's own database alone", async () => {
    const db = await openDatabase();
    await db.putMany("customers", bank.customers.slice(0, 3));
    const seed = await openDemoBank(db, CUSTOMERS);
    expect(seed.outcome).toBe("foreign");
    expect(await seed.histories).toBe(0);
    expect(await db.count("customers")).toBe(3);
    expect(await db.count("holdings")).toBe(0);
    await db.close();
  });
});
