/**
 * Issue 6's figures, in headless Chromium: time to first render of a
 * 10,000-entry <bankcrm-customer-timeline> and its frame times during a fast
 * scroll, each beside a bare @lit-labs/virtualizer list of the same rows in the
 * same page, over repeated passes (the lit-html removePart leak made each pass
 * slower than the last).
 */
import { fileURLToPath } from "node:url";
import { launchChromium } from "../support/browser.js";
import { report } from "./measure.js";
import { buildAndServe } from "../support/served.js";

interface Run {
  ms: number;
  passes: number[][];
  comments: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)]!;
const max = (xs: number[]) => Math.max(...xs);

export async function benchElements(): Promise<void> {
  const root = fileURLToPath(new URL("./elements/", import.meta.url));
  const site = await buildAndServe(root);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    page.on("pageerror", (e) => console.error("bench page error:", e.message));
    await page.goto(`${site.url}`);
    const r = (await page.evaluate(() => (window as unknown as { __bench: Promise<unknown> }).__bench)) as {
      bare: Run[];
      timeline: Run[];
      map: { ms: number };
    };
    const first = (runs: Run[]) => median(runs.map((x) => x.ms));
    report("First render of 10,000 entries in Chromium (goal: timeline ≤ 1.5× the bare virtualizer)", [
      { name: "bare @lit-labs/virtualizer list", ms: first(r.bare), runs: r.bare.length },
      { name: "<bankcrm-customer-timeline>", ms: first(r.timeline), runs: r.timeline.length },
      { name: "plain lit map of 10,000 rows (for scale)", ms: r.map.ms, runs: 1 },
    ]);
    const frames = (runs: Run[], pass: "first" | "last", stat: (xs: number[]) => number) =>
      median(runs.map((x) => stat(pass === "first" ? x.passes[0]! : x.passes.at(-1)!)));
    const passes = r.timeline[0]!.passes.length;
    report(`Frame time during a fast end-to-end scroll, median frame (goal: timeline no worse than bare)`, [
      { name: "bare list, pass 1", ms: frames(r.bare, "first", median), runs: 3 },
      { name: "timeline, pass 1", ms: frames(r.timeline, "first", median), runs: 3 },
      { name: `bare list, pass ${passes}`, ms: frames(r.bare, "last", median), runs: 3 },
      {
        name: `timeline, pass ${passes} (goal: no slower than pass 1)`,
        ms: frames(r.timeline, "last", median),
        runs: 3,
      },
    ]);
    report(
      `Frame time during the same scroll, 95th percentile frame`,
      [
        { name: "bare list, pass 1", ms: frames(r.bare, "first", p95), runs: 3 },
        { name: "timeline, pass 1", ms: frames(r.timeline, "first", p95), runs: 3 },
        { name: `timeline, pass ${passes}`, ms: frames(r.timeline, "last", p95), runs: 3 },
        { name: "bare list, longest frame of pass 1", ms: frames(r.bare, "first", max), runs: 3 },
        { name: "timeline, longest frame of pass 1", ms: frames(r.timeline, "first", max), runs: 3 },
        { name: `timeline, longest frame of pass ${passes}`, ms: frames(r.timeline, "last", max), runs: 3 },
      ],
      [
        "16.7 ms is one frame at 60 Hz: a frame time of 16.7 ms means no frame was dropped.",
        `comment nodes after ${passes} passes: bare ${r.bare.at(-1)!.comments}, timeline ${r.timeline.at(-1)!.comments}`,
      ],
    );
  } finally {
    await browser.close();
    await site.close();
  }
}
