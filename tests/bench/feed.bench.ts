/**
 * The change feed under load (`BENCH_ONLY=feed`): the reference server on
 * PostgreSQL in a process of its own, writers creating leads for ten seconds —
 * first with nobody listening, then with 200 subscribers following the event
 * stream with @bankcrm/data's `followChanges`, as pages do. Printed: the write
 * throughput of both phases side by side (goal: within 1.5×), and how long a
 * change took from the writer's 201 to each subscriber (p50 / p99; goal: p99
 * under 250 ms). The subscribers run in a process of their own
 * (feed-subscribers.ts), as pages are not in the writers' process; on two
 * cores, they still share the machine with the server and PostgreSQL.
 */
import { fork } from "node:child_process";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { newLead } from "../../packages/data/test/support/leads.js";
import { start } from "./server.bench.js";

const SUBSCRIBERS = Number(process.env.BENCH_FEED_SUBSCRIBERS ?? 200);
const SECONDS = Number(process.env.BENCH_FEED_SECONDS ?? 10);
const WRITERS = 8;

/** Writers creating leads for `seconds`: writes a second, and when each was acknowledged. */
async function write(base: string, token: string, customerIds: string[], tag: string, acked: Map<string, number>) {
  const end = performance.now() + SECONDS * 1000;
  let n = 0;
  await Promise.all(
    Array.from({ length: WRITERS }, async (_, w) => {
      for (let i = 0; performance.now() < end; i++) {
        const id = `LD-FEED-${tag}-${w}-${i}`;
        const r = await fetch(`${base}/leads`, {
          method: "POST",
          headers: {
            Authorization: `Bearer ${token}`,
            "Content-Type": "application/json",
            "Idempotency-Key": crypto.randomUUID(),
          },
          body: JSON.stringify(newLead(id, customerIds[i % customerIds.length])),
        });
        await r.arrayBuffer();
        if (r.status !== 201) continue;
        acked.set(id, performance.timeOrigin + performance.now());
        n++;
      }
    }),
  );
  return n / SECONDS;
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? NaN;

export async function benchFeed(): Promise<void> {
  console.log(`\n## Change feed — ${SUBSCRIBERS} subscribers, ${WRITERS} writers, ${SECONDS} s per phase (PostgreSQL)`);
  const { target, stop } = await start("postgres");
  const base = `http://127.0.0.1:${target.port}`;
  try {
    const quiet = await write(base, target.token, target.customerIds, "quiet", new Map());

    const subscribers = fork(
      fileURLToPath(new URL("./feed-subscribers.ts", import.meta.url)),
      [base, target.token, String(SUBSCRIBERS)],
      { execArgv: ["--import", "tsx"] },
    );
    const live = await new Promise<number>((resolve) => {
      const timer = setTimeout(() => resolve(0), 60_000);
      subscribers.once("message", (m: { live: number }) => (clearTimeout(timer), resolve(m.live)));
    });
    const acked = new Map<string, number>();
    const busy = await write(base, target.token, target.customerIds, "busy", acked);
    await new Promise((r) => setTimeout(r, 2000)); // the last changes' delivery
    const { received, cpuSeconds } = await new Promise<{ received: Record<string, number[]>; cpuSeconds: number }>(
      (resolve) => {
        subscribers.once("message", resolve);
        subscribers.send({ stop: true });
      },
    );

    const latencies: number[] = [];
    let missing = 0;
    for (const [id, ack] of acked) {
      const seen = received[id] ?? [];
      missing += SUBSCRIBERS - seen.length;
      // A subscriber may hear a change before its writer has read the 201: that is no wait at all.
      for (const at of seen) latencies.push(Math.max(0, at - ack));
    }
    latencies.sort((a, b) => a - b);
    console.log(`  subscribers live before the writes: ${live} of ${SUBSCRIBERS}`);
    console.log(
      `  writes a second: ${quiet.toFixed(0)} with nobody listening, ${busy.toFixed(0)} with ${SUBSCRIBERS} subscribers — ${(quiet / busy).toFixed(2)}× (goal ≤ 1.5×)`,
    );
    console.log(
      `  the subscribers' own process used ${cpuSeconds.toFixed(1)} CPU-seconds of the ${SECONDS + 2} s they listened (of the machine's ${availableParallelism()} cores)`,
    );
    console.log(
      `  delivery, 201 → subscriber: p50 ${pct(latencies, 0.5).toFixed(0)} ms, p99 ${pct(latencies, 0.99).toFixed(0)} ms, max ${(latencies.at(-1) ?? NaN).toFixed(0)} ms over ${latencies.length.toLocaleString("en")} deliveries (goal: p99 < 250 ms); undelivered: ${missing}`,
    );
  } finally {
    await stop();
  }
}
