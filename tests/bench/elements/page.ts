/**
 * In one page, side by side: a bare @lit-labs/virtualizer list of 10,000 rows,
 * <bankcrm-customer-timeline> with the same 10,000 entries, and (for scale) a
 * plain `map` of 10,000 rows. Each is timed from render to its first painted
 * frame; then each virtualized list is scrolled fast, end to end, several
 * passes, recording every frame's duration.
 */
import { html, render } from "lit";
import { virtualize } from "@lit-labs/virtualizer/virtualize.js";
import { flow } from "@lit-labs/virtualizer/layouts/flow.js";
import "@bankcrm/elements/customer-timeline.js";
import type { BankcrmCustomerTimeline } from "@bankcrm/elements";
import { syntheticTimeline } from "../../../packages/elements/test/fixtures/timeline.js";

const N = Number(new URLSearchParams(location.search).get("n") ?? 10_000);
const PASSES = Number(new URLSearchParams(location.search).get("passes") ?? 6);
const entries = syntheticTimeline(N);
const frame = () => new Promise<number>((r) => requestAnimationFrame(r));

async function firstPaint(mount: () => void, ready: () => boolean): Promise<number> {
  const t0 = performance.now();
  mount();
  while (!ready()) await frame();
  await frame(); // the frame that shows it
  return performance.now() - t0;
}

/** Scrolls `scroller` end to end in `steps` frames, `passes` times; returns each pass's frame durations. */
async function scrollPasses(scroller: HTMLElement, steps: number, passes: number): Promise<number[][]> {
  const out: number[][] = [];
  for (let p = 0; p < passes; p++) {
    const frames: number[] = [];
    let last = await frame();
    for (let s = 1; s <= steps; s++) {
      scroller.scrollTop = ((p % 2 === 0 ? s : steps - s) / steps) * (scroller.scrollHeight - scroller.clientHeight);
      const now = await frame();
      frames.push(now - last);
      last = now;
    }
    out.push(frames);
  }
  return out;
}

const host = () => {
  const div = document.createElement("div");
  document.body.replaceChildren(div);
  return div;
};
// Same height as the timeline's feed; set through the CSSOM, which the strict CSP allows.
const sized = (container: HTMLElement) => {
  const feed = container.querySelector<HTMLElement>(".feed");
  if (feed) feed.style.height = "28rem";
  return feed !== null;
};

async function bare() {
  const container = host();
  const ms = await firstPaint(
    () =>
      render(
        html`<div class="feed">
          ${virtualize({
            items: entries,
            layout: flow(),
            scroller: true,
            renderItem: (e) =>
              html`<article>
                <p>${e.kind} ${e.at}</p>
                <p>${e.id}</p>
              </article>`,
          })}
        </div>`,
        container,
      ),
    () => sized(container) && container.querySelector("article") !== null,
  );
  const passes = await scrollPasses(container.querySelector<HTMLElement>(".feed")!, 120, PASSES);
  const comments = document.createTreeWalker(container, NodeFilter.SHOW_COMMENT);
  let count = 0;
  while (comments.nextNode()) count++;
  return { ms, passes, comments: count };
}

async function timeline() {
  const container = host();
  let el!: BankcrmCustomerTimeline;
  const ms = await firstPaint(
    () => {
      el = document.createElement("bankcrm-customer-timeline");
      el.user = { id: "ST-1", role: "relationship_manager" };
      el.entries = entries;
      container.append(el);
    },
    () => el.shadowRoot?.querySelector("article") != null,
  );
  const passes = await scrollPasses(el.shadowRoot!.querySelector<HTMLElement>('[role="feed"]')!, 120, PASSES);
  const comments = document.createTreeWalker(el.shadowRoot!, NodeFilter.SHOW_COMMENT);
  let count = 0;
  while (comments.nextNode()) count++;
  return { ms, passes, comments: count };
}

async function plainMap() {
  const container = host();
  const ms = await firstPaint(
    () =>
      render(
        html`${entries.map(
          (e) =>
            html`<article>
              <p>${e.kind} ${e.at}</p>
              <p>${e.id}</p>
            </article>`,
        )}`,
        container,
      ),
    () => container.querySelector("article") !== null,
  );
  return { ms };
}

(window as unknown as { __bench: Promise<unknown> }).__bench = (async () => {
  // Warm up both code paths once, then alternate so neither always runs first.
  await bare();
  await timeline();
  const runs = {
    bare: [] as Awaited<ReturnType<typeof bare>>[],
    timeline: [] as Awaited<ReturnType<typeof timeline>>[],
  };
  for (let i = 0; i < 3; i++) {
    runs.bare.push(await bare());
    runs.timeline.push(await timeline());
  }
  const map = await plainMap();
  document.body.replaceChildren();
  return { ...runs, map };
})();
