/**
 * Core's face: the root exports the domain — at most 250 runtime names — and
 * every value a module of core exports is reachable from the root or one of the
 * subpaths package.json declares (lists, label tables, storage internals,
 * analytics, numerics and demo data sit behind them).
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import * as root from "../src/index.js";

const pkgDir = fileURLToPath(new URL("../", import.meta.url));
const exportsMap = (
  JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8")) as {
    exports: Record<string, { types: string; import: string }>;
  }
).exports;
const sourceOf = (built: string) => join(pkgDir, built.replace(/^\.\/dist\//, "src/").replace(/\.js$/, ".ts"));
const ROOT_BUDGET = 250;

describe("core's face", () => {
  it(`the root exports at most ${ROOT_BUDGET} runtime names`, () => {
    const names = Object.keys(root);
    expect(names.length).toBeGreaterThan(100);
    expect(names.length).toBeLessThanOrEqual(ROOT_BUDGET);
  });

  it("every subpath's types and module are built from a source that exists", () => {
    for (const [subpath, entry] of Object.entries(exportsMap)) {
      expect(entry.types.replace(/\.d\.ts$/, ".js"), subpath).toBe(entry.import);
      expect(statSync(sourceOf(entry.import)).isFile(), subpath).toBe(true);
    }
  });

  it("every value an area's index exports is reachable from the root or a subpath", async () => {
    const published = new Set<string>();
    for (const entry of Object.values(exportsMap))
      for (const name of Object.keys((await import(sourceOf(entry.import))) as object)) published.add(name);
    const areas = readdirSync(join(pkgDir, "src")).filter((d) => statSync(join(pkgDir, "src", d)).isDirectory());
    const unreachable: string[] = [];
    for (const area of areas) {
      const module = (await import(join(pkgDir, "src", area, "index.ts"))) as object;
      for (const name of Object.keys(module)) if (!published.has(name)) unreachable.push(`${area}: ${name}`);
    }
    expect(areas.length).toBeGreaterThan(10);
    expect(unreachable).toEqual([]);
  });
});
