/**
 * Seeds the database with the deterministic demo portfolio: every collection of core's table — quietly, outside the
 * change feed (an empty database has no client following it; a client's first read takes the seeded bank whole).
 */
import { COLLECTION_NAMES, type CollectionName } from "@bankcrm/core";
import { generateDemoPortfolio, type DemoPortfolio } from "@bankcrm/core/demo";
import type { Database } from "./database.js";

/** Loads the demo bank of `customers` into an empty database at once; returns how many records it wrote. */
export async function seedDemo(db: Database, customers: number, seed = "bankcrm"): Promise<number> {
  const p = generateDemoPortfolio({ seed, customers });
  let written = 0;
  // Customers come first in the table: every other record may point at one.
  for (const collection of COLLECTION_NAMES) {
    await db.load(collection, p[collection], { quiet: true });
    written += p[collection].length;
  }
  return written;
}

/** Where a demo bank's seed stands: `records` (everything but the transactions) is loading, then `histories`, then `ready`. */
type SeedStep = "records" | "histories" | "ready";

export interface DemoBankSeed {
  /** What this start did: `seeded` the bank, `resumed` a seed a stopped start left, found it `ready`, or `foreign` data. */
  outcome: "seeded" | "resumed" | "ready" | "foreign";
  /** The customers' histories, loading in chunks while the server serves; resolves with how many records were loaded. */
  histories: Promise<number>;
}

/** How many records each of the histories' transactions loads: small enough that a request waits a fraction of a second. */
const HISTORY_CHUNK = 5_000;

/** What loads while the server serves: each customer's history. Everything else is in before it opens. */
const HISTORIES = [
  "interactions",
  "campaignResponses",
  "transactions",
  "loyaltyEntries",
] as const satisfies readonly CollectionName[];
const isHistory = (collection: CollectionName) => (HISTORIES as readonly CollectionName[]).includes(collection);

/**
 * The demo bank of `pnpm start`, in two steps so the server opens in seconds: the customers with everything the pages
 * open on (holdings, cases, leads, tasks…), then — while it serves — their histories (transactions, contacts,
 * campaign responses and points ledgers) in chunks. The table `demo_seed` (the demo's own; a bank's database never
 * has it) remembers the step, so a start after one stopped mid-way regenerates the same bank (the generator is
 * deterministic) and finishes it. A database that has customers and no `demo_seed` is a bank's own: it is left alone.
 */
export async function openDemoBank(
  db: Database,
  customers: number,
  options: { seed?: string; onProgress?: (loaded: number, total: number) => void } = {},
): Promise<DemoBankSeed> {
  const seed = options.seed ?? "bankcrm";
  await db.query(
    "CREATE TABLE IF NOT EXISTS demo_seed (seed text NOT NULL, customers int NOT NULL, step text NOT NULL)",
  );
  const state = (await db.query<{ seed: string; customers: number; step: SeedStep }>("SELECT * FROM demo_seed"))
    .rows[0];
  const nothing = Promise.resolve(0);
  if (state?.step === "ready") return { outcome: "ready", histories: nothing };
  if (!state && (await db.count("customers")) > 0) return { outcome: "foreign", histories: nothing };

  const p = generateDemoPortfolio({ seed: state?.seed ?? seed, customers: state?.customers ?? customers });
  const step = async (next: SeedStep) => db.query("UPDATE demo_seed SET step = $1", [next]);
  if (!state) await db.query("INSERT INTO demo_seed VALUES ($1, $2, 'records')", [seed, customers]);
  if (state?.step !== "histories") {
    if (state) await db.query("DELETE FROM records"); // a start stopped mid-way left part of them
    for (const collection of COLLECTION_NAMES) if (!isHistory(collection)) await loadQuietly(db, p, collection);
    await step("histories");
  }
  return {
    outcome: state ? "resumed" : "seeded",
    histories: loadHistories(db, p, options.onProgress).then(async (n) => {
      await step("ready");
      return n;
    }),
  };
}

/** The histories, in chunks of their own transactions, yielding between them; resolves with how many records. */
async function loadHistories(db: Database, p: DemoPortfolio, onProgress?: (loaded: number, total: number) => void) {
  await db.query("DELETE FROM records WHERE collection = ANY($1)", [HISTORIES]);
  const total = HISTORIES.reduce((n, collection) => n + p[collection].length, 0);
  let loaded = 0;
  for (const collection of HISTORIES) {
    const all = p[collection] as readonly Record<string, unknown>[];
    for (let at = 0; at < all.length; at += HISTORY_CHUNK) {
      const chunk = all.slice(at, at + HISTORY_CHUNK);
      await db.load(collection, chunk, { quiet: true });
      onProgress?.((loaded += chunk.length), total);
      // PGlite runs in this thread and its promises resolve without yielding: let the requests waiting be answered.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  return total;
}

function loadQuietly(db: Database, p: DemoPortfolio, collection: CollectionName) {
  return db.load(collection, p[collection], { quiet: true });
}
