/** Small helpers every benchmark uses: timing with warm-up, heap use, and a ratio table. */

export interface Timing {
  name: string;
  /** Median milliseconds over the measured runs. */
  ms: number;
  runs: number;
}

export function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

export function heapMb(): number {
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

/** Median time of `runs` calls after `warmup` calls. */
export function time(name: string, run: () => unknown, { runs = 5, warmup = 1 } = {}): Timing {
  for (let i = 0; i < warmup; i++) run();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    run();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  return { name, ms: samples[Math.floor(samples.length / 2)]!, runs };
}

export function fmtMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`;
}

/** Prints each timing with its ratio to the baseline (the first). */
export function report(title: string, timings: Timing[], notes: string[] = []): void {
  const base = timings[0]!;
  console.log(`\n## ${title}`);
  for (const t of timings) {
    const ratio = t === base ? "baseline" : `${(t.ms / base.ms).toFixed(2)}× baseline`;
    console.log(`  ${t.name.padEnd(58)} ${fmtMs(t.ms).padStart(10)}   ${ratio}`);
  }
  for (const n of notes) console.log(`  ${n}`);
}

/**
 * json-rules-engine is asynchronous and slow: it runs over a sample and its
 * time is scaled to `total` records. Returns the scaled milliseconds and the
 * sample's matches.
 */
export async function timeRulesEngine(
  engine: { run(facts: Record<string, unknown>): Promise<{ events: unknown[] }> },
  sample: readonly object[],
  total: number,
): Promise<{ ms: number; matches: number }> {
  let matches = 0;
  const t0 = performance.now();
  for (const r of sample) {
    const { events } = await engine.run(r as Record<string, unknown>);
    if (events.length > 0) matches++;
  }
  return { ms: ((performance.now() - t0) * total) / sample.length, matches };
}
