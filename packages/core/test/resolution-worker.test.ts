/**
 * Resolution behind a worker's message channel (a MessageChannel here; a Web Worker in the browser tests and the
 * bench): the same answer as resolving on the calling thread, errors rejected, a run cancelled.
 */
import { afterEach, describe, expect, it } from "vitest";
import { generateDuplicatedBook } from "../src/demo/duplicates.js";
import { partyOf, resolve, resolveInWorker, serveResolution, type ResolutionPort } from "../src/resolution/index.js";
import type { Customer } from "../src/schemas/customer.js";

const book = generateDuplicatedBook({ seed: "resolution-worker", customers: 400 });
const channels: MessageChannel[] = [];
function served(): ResolutionPort {
  const channel = new MessageChannel();
  channels.push(channel);
  serveResolution(channel.port1);
  channel.port1.start();
  channel.port2.start();
  return channel.port2;
}
afterEach(() => channels.splice(0).forEach((c) => (c.port1.close(), c.port2.close())));
const sorted = (clusters: readonly (readonly string[])[]) => clusters.map((c) => [...c].sort().join(",")).sort();

describe("resolution in a worker", () => {
  it("answers what resolving on the page answers, its stages told as they start", async () => {
    const stages: string[] = [];
    const inWorker = await resolveInWorker(served(), book.records, { onStage: (s) => stages.push(s) });
    const here = resolve(book.records.map(partyOf));
    expect(stages).toEqual(["fold", "resolve"]);
    expect(inWorker.records).toBe(book.records.length);
    expect(sorted(inWorker.clusters)).toEqual(sorted(here.clusters.filter((c) => c.length > 1)));
    expect(inWorker.pairs.map((p) => `${p.a}|${p.b}:${p.decision}`).sort()).toEqual(
      here.pairs.map((p) => `${p.a}|${p.b}:${p.decision}`).sort(),
    );
    expect(inWorker.clusters.length).toBeGreaterThan(50);
  });

  it("rejects a run the worker could not do, and a run cancelled", async () => {
    const port = served();
    await expect(resolveInWorker(port, [{ id: "X" } as unknown as Customer])).rejects.toThrow();
    const controller = new AbortController();
    const run = resolveInWorker(port, book.records, { signal: controller.signal });
    controller.abort();
    await expect(run).rejects.toMatchObject({ name: "AbortError" });
    // The port still serves the next run.
    expect((await resolveInWorker(port, book.records.slice(0, 20))).records).toBe(20);
  });
});
