/**
 * The packages as a registry serves them: each one packed (`pnpm pack`, which
 * rewrites workspace: ranges), its contents checked, publint (strict) and
 * arethetypeswrong (ESM-only profile: node16 from ESM and bundler resolution)
 * clean. Runs after `pnpm build` (part of `pnpm test`).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PACKAGES, packPackages, repo } from "../support/pack.js";

const bin = (name: string) => join(repo, "node_modules", ".bin", name);
const out = mkdtempSync(join(tmpdir(), "bankcrm-packs-"));
let tarballs: ReturnType<typeof packPackages>;
beforeAll(() => {
  tarballs = packPackages(out);
}, 120_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

interface Manifest {
  name: string;
  version: string;
  license?: string;
  keywords?: string[];
  engines?: { node?: string };
  dependencies?: Record<string, string>;
  customElements?: string;
}

for (const dir of PACKAGES) {
  describe(`@bankcrm/${dir} as published`, () => {
    const pkgDir = join(repo, "packages", dir);
    const manifest = JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8")) as Manifest;
    const tarball = () => tarballs[dir];

    it("packs with its README, licence, changelog and built files only, and real version ranges", () => {
      const files = execFileSync("tar", ["tzf", tarball()], { encoding: "utf8" }).trim().split("\n");
      expect(files).toContain("package/README.md");
      expect(files).toContain("package/LICENSE");
      expect(files).toContain("package/CHANGELOG.md");
      expect(files.some((f) => f.startsWith("package/dist/") && f.endsWith("index.js"))).toBe(true);
      expect(files.filter((f) => /\/(test|src|stories)\/|\.test\.|\.stories\./.test(f))).toEqual([]);
      if (manifest.customElements) expect(files).toContain(`package/${manifest.customElements}`);
      const packed = JSON.parse(
        execFileSync("tar", ["xzf", tarball(), "-O", "package/package.json"], { encoding: "utf8" }),
      ) as Manifest;
      for (const [name, range] of Object.entries(packed.dependencies ?? {}))
        expect(range, `${name}@${range}`).not.toMatch(/^workspace:/);
      expect(packed.license).toBe("Apache-2.0");
      expect(packed.keywords?.length).toBeGreaterThan(2);
      expect(packed.engines?.node).toBeDefined();
      expect(readFileSync(join(pkgDir, "LICENSE"), "utf8")).toMatch(/Apache License\s+Version 2\.0/);
    }, 60_000);

    it("declares a Node range its dependencies support (engines true to them)", () => {
      const minimum = (range: string) => {
        const m = /^\s*(?:>=|\^|~)?\s*v?(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(range);
        if (!m) throw new Error(`cannot read the engines range "${range}"`);
        return [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)];
      };
      const atLeast = (a: number[], b: number[]) =>
        a[0]! > b[0]! || (a[0] === b[0] && (a[1]! > b[1]! || (a[1] === b[1] && a[2]! >= b[2]!)));
      const ours = minimum(manifest.engines!.node!);
      for (const name of Object.keys(manifest.dependencies ?? {})) {
        const dep = JSON.parse(readFileSync(join(pkgDir, "node_modules", name, "package.json"), "utf8")) as Manifest;
        const theirs = dep.engines?.node;
        if (theirs) expect(atLeast(ours, minimum(theirs)), `${name} needs Node ${theirs}`).toBe(true);
      }
      // And it is the Node this suite runs on.
      expect(atLeast(minimum(process.versions.node), ours)).toBe(true);
    });

    it("is clean for publint (strict) and arethetypeswrong (ESM only)", () => {
      const publint = spawnSync(bin("publint"), ["--strict", "--pack", "pnpm"], { cwd: pkgDir, encoding: "utf8" });
      expect(publint.status, publint.stdout + publint.stderr).toBe(0);
      expect(publint.stdout).toContain("All good!");
      const attw = spawnSync(bin("attw"), [tarball(), "--profile", "esm-only", "--format", "json"], {
        encoding: "utf8",
      });
      expect(attw.status, attw.stdout.slice(0, 2000) + attw.stderr).toBe(0);
      // The ESM-only profile ignores CommonJS (node16-cjs) and node10 resolution: the packages are ESM only.
      const report = JSON.parse(attw.stdout) as { problems: Record<string, { resolutionKind?: string }[]> };
      const counted = Object.values(report.problems)
        .flat()
        .filter((p) => p.resolutionKind !== "node16-cjs" && p.resolutionKind !== "node10");
      expect(counted).toEqual([]);
    }, 120_000);
  });
}
