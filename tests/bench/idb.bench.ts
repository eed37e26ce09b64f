/**
 * Issue 5's figures, in headless Chromium: bulk-loading customers into the
 * IndexedDB store and reading pages from it, each beside raw idb doing the same
 * in the same page.
 */
import { fileURLToPath } from "node:url";
import { launchChromium } from "../support/browser.js";
import { report, type Timing } from "./measure.js";
import { buildAndServe } from "../support/served.js";

export async function benchIndexedDb(total = Number(process.env.BENCH_IDB_CUSTOMERS ?? 100_000)): Promise<void> {
  const root = fileURLToPath(new URL("./idb/", import.meta.url));
  const site = await buildAndServe(root);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    page.on("pageerror", (e) => console.error("bench page error:", e.message));
    await page.goto(`${site.url}?n=${total}`);
    const rows = (await page.evaluate(
      () => (window as unknown as { __bench: Promise<{ name: string; ms: number }[]> }).__bench,
    )) as { name: string; ms: number }[];
    const t = (i: number): Timing => ({ ...rows[i]!, runs: 1 });
    report(`IndexedDB load of ${total.toLocaleString("en")} customers in Chromium (goal: ≤ 1.2× raw idb)`, [
      t(0),
      t(8),
      t(1),
    ]);
    report("First page of 50 by tier (goal: ≤ 2× raw idb)", [t(2), t(9), t(3)]);
    report("First page of 50 by relationship manager (goal: ≤ 2× raw idb)", [t(4), t(5)]);
    report("Timeline page of 50 for a customer with 10,000 events (goal: ≤ 2× raw idb)", [t(6), t(7)]);
  } finally {
    await browser.close();
    await site.close();
  }
}
