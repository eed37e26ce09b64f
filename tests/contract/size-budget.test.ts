/**
 * What a host page pays stays within the budgets in .size-limit.json (gzip,
 * Lit included; each element's own code ≤ 8 kB). Sizes are deterministic, so
 * unlike timings they belong in the test suite. Needs the packages built
 * (`pnpm test` builds first).
 */
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const repo = fileURLToPath(new URL("../../", import.meta.url));

interface Result {
  name: string;
  passed: boolean;
  size: number;
  sizeLimit: number;
}

describe("size budgets (size-limit, gzip)", () => {
  it("every page and element is within its budget", () => {
    let out: string;
    try {
      out = execFileSync(`${repo}node_modules/.bin/size-limit`, ["--json"], {
        cwd: repo,
        encoding: "utf8",
        stdio: "pipe",
      });
    } catch (error) {
      out = String((error as { stdout?: string }).stdout ?? ""); // exits 1 when a budget is exceeded
    }
    const results = JSON.parse(out) as Result[];
    expect(results.length).toBeGreaterThanOrEqual(12);
    const over = results.filter((r) => !r.passed).map((r) => `${r.name}: ${r.size} B > ${r.sizeLimit} B`);
    expect(over).toEqual([]);
    const leadForm = results.find((r) => r.name.includes("<bankcrm-lead-form> (with"))!;
    expect(leadForm.sizeLimit).toBe(45_000);
  }, 120_000);
});
