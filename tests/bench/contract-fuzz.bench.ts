/**
 * The contract fuzz at more than the suite's size: `BENCH_ONLY=fuzz pnpm bench`
 * sends 20,000 generated requests (FUZZ_RUNS to change it) with a fresh seed
 * each run (FUZZ_SEED to repeat one), through the same test the suite runs
 * with 3,000 — no 5xx, answers as the contract says, nothing out of scope,
 * the audit chain intact. It prints requests a second beside the suite's.
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

export function benchContractFuzz(): void {
  const runs = process.env.FUZZ_RUNS ?? "20000";
  const seed = process.env.FUZZ_SEED ?? String(Date.now() % 2 ** 31);
  const root = fileURLToPath(new URL("../..", import.meta.url));
  const started = performance.now();
  const result = spawnSync("pnpm", ["exec", "vitest", "run", "--project", "server", "test/contract-fuzz.test.ts"], {
    cwd: root,
    env: { ...process.env, FUZZ_RUNS: runs, FUZZ_SEED: seed },
    stdio: "inherit",
  });
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `contract fuzz: ${Number(runs).toLocaleString("en")} requests (seed ${seed}) in ${seconds.toFixed(1)} s — ${result.status === 0 ? "held" : "FAILED (see above; FUZZ_SEED repeats it)"}`,
  );
}
