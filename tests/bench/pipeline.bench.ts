/**
 * Issue 13's figures, in headless Chromium: <bankcrm-pipeline> rendering 2,000
 * opportunities beside a bare DOM board of the same cards in the same page, and
 * a card's move shown before its write completes (goal: one frame, 16 ms) and
 * put back when refused.
 */
import { fileURLToPath } from "node:url";
import { launchChromium } from "../support/browser.js";
import { report } from "./measure.js";
import { buildAndServe } from "../support/served.js";

interface Result {
  n: number;
  bare: number;
  element: number;
  complete: number;
  bareMove: number;
  move: number;
  moveWritten: number;
  rollback: number;
  runs: number;
}

export async function benchPipeline(): Promise<void> {
  const root = fileURLToPath(new URL("./pipeline/", import.meta.url));
  const site = await buildAndServe(root);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.on("pageerror", (e) => console.error("bench page error:", e.message));
    await page.goto(site.url);
    const r = (await page.evaluate(() => (window as unknown as { __bench: Promise<unknown> }).__bench)) as Result;
    report(`A pipeline of ${r.n.toLocaleString("en")} opportunities, mount to first paint (goal: ≤ 100 ms)`, [
      { name: "bare DOM board (createElement, textContent)", ms: r.bare, runs: r.runs },
      { name: "<bankcrm-pipeline>: board, forecast, first 40 cards of each column", ms: r.element, runs: r.runs },
      { name: "<bankcrm-pipeline>: every card in (filled in over the next frames)", ms: r.complete, runs: r.runs },
    ]);
    report(
      "Moving a card, to the frame that shows it (goal: within one frame, 16.7 ms, before the write completes)",
      [
        { name: "bare DOM: appendChild to the next column", ms: r.bareMove, runs: r.runs },
        { name: "<bankcrm-pipeline>: move shown", ms: r.move, runs: r.runs },
        { name: "<bankcrm-pipeline>: move written through the client (memory store)", ms: r.moveWritten, runs: r.runs },
        { name: "<bankcrm-pipeline>: refused move back in its column", ms: r.rollback, runs: r.runs },
      ],
      ["a frame's wait is part of every figure: painted() resolves on the next requestAnimationFrame"],
    );
  } finally {
    await browser.close();
    await site.close();
  }
}
