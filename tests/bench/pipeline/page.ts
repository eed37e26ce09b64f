/**
 * In one page, side by side: 2,000 opportunities as a bare DOM board (seven
 * columns of plain elements with the same text) and as <bankcrm-pipeline>; each
 * timed from mount to its first painted frame. Then a card moved: the bare
 * board's appendChild, and the element's move (shown before the write
 * completes — measured to the frame that paints it) and its rollback when the
 * client refuses.
 */
import "@bankcrm/elements/pipeline.js";
import type { BankcrmPipeline } from "@bankcrm/elements";
import type { Opportunity } from "@bankcrm/core";
import { NOW, manyOpportunities, salesClient } from "../../../packages/elements/test/fixtures/sales.js";

const N = Number(new URLSearchParams(location.search).get("n") ?? 2000);
const RUNS = 5;
const STAGES = ["prospecting", "qualification", "needs_analysis", "proposal", "negotiation", "won", "lost"];
const frame = () => new Promise<number>((r) => requestAnimationFrame(r));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const money = new Intl.NumberFormat("zh-CN", { style: "currency", currency: "CNY", notation: "compact" });

async function painted(start: number): Promise<number> {
  await frame();
  return performance.now() - start;
}

function bareBoard(items: readonly Opportunity[]): { root: HTMLElement; columns: Map<string, HTMLElement> } {
  const root = document.createElement("div");
  const columns = new Map<string, HTMLElement>();
  for (const stage of STAGES) {
    const section = document.createElement("section");
    const h = document.createElement("h3");
    h.textContent = stage;
    const ul = document.createElement("ul");
    section.append(h, ul);
    root.append(section);
    columns.set(stage, ul);
  }
  for (const o of items) {
    const li = document.createElement("li");
    li.tabIndex = 0;
    li.dataset.id = o.id;
    const title = document.createElement("strong");
    title.textContent = o.title;
    const amount = document.createElement("span");
    amount.textContent = `${money.format(o.amount.amount / 100)} · ${Math.round(o.probability * 100)}%`;
    const close = document.createElement("span");
    close.textContent = o.expectedClose;
    li.append(title, amount, close);
    columns.get(o.stage)!.append(li);
  }
  return { root, columns };
}

async function run() {
  const items = manyOpportunities(N);
  const bare: number[] = [];
  const element: number[] = [];
  const complete: number[] = [];
  const bareMove: number[] = [];
  const move: number[] = [];
  const moveWritten: number[] = [];
  const rollback: number[] = [];
  const { client } = await salesClient({ opportunities: items, withCustomers: false });
  for (let i = 0; i < RUNS; i++) {
    // Bare DOM board.
    let t0 = performance.now();
    const b = bareBoard(items);
    document.body.append(b.root);
    bare.push(await painted(t0));
    const card = b.columns.get("prospecting")!.firstElementChild!;
    t0 = performance.now();
    b.columns.get("qualification")!.prepend(card);
    bareMove.push(await painted(t0));
    b.root.remove();

    // <bankcrm-pipeline> with the same opportunities.
    const el: BankcrmPipeline = document.createElement("bankcrm-pipeline");
    el.now = NOW;
    el.client = client;
    t0 = performance.now();
    el.opportunities = items;
    document.body.append(el);
    await el.updateComplete;
    element.push(await painted(t0));
    // The rest of each column follows in the frames after the first paint.
    while (el.shadowRoot!.querySelectorAll("[data-id]").length < N) await frame();
    complete.push(await painted(t0));

    // A move by the element: shown (painted) before its write completes.
    const id = items[i * 5]!.id; // a prospecting card, a different one each run
    t0 = performance.now();
    const written = el.move(id, "qualification");
    await el.updateComplete;
    const shownAt = await painted(t0);
    move.push(shownAt);
    await written;
    moveWritten.push(performance.now() - t0);

    // A refused move: back in its column with the reason.
    el.client = {
      ...client,
      opportunities: { ...client.opportunities, transition: () => Promise.reject(new Error("refused")) },
    };
    const back = items[i * 5 + 1]!.id; // a qualification card (index ≡ 1 mod 5)
    void el.move(back, "needs_analysis");
    await el.updateComplete;
    t0 = performance.now();
    while (!el.shadowRoot!.querySelector(`[data-stage="qualification"] [data-id="${back}"]`)) await frame();
    rollback.push(performance.now() - t0);
    el.remove();
    el.client = client;
  }
  return {
    n: N,
    bare: median(bare),
    element: median(element),
    complete: median(complete),
    bareMove: median(bareMove),
    move: median(move),
    moveWritten: median(moveWritten),
    rollback: median(rollback),
    runs: RUNS,
  };
}

(window as unknown as { __bench: Promise<unknown> }).__bench = run();
