/** Packs the three packages as a registry would serve them (`pnpm pack` rewrites workspace: ranges). */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const repo = fileURLToPath(new URL("../../", import.meta.url));
export const PACKAGES = ["core", "data", "elements"] as const;

/** The tarball of each package in `dest`, by directory name. */
export function packPackages(dest: string): Record<(typeof PACKAGES)[number], string> {
  const out = {} as Record<(typeof PACKAGES)[number], string>;
  for (const dir of PACKAGES) {
    const pkgDir = join(repo, "packages", dir);
    const { version } = JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8")) as { version: string };
    execFileSync("pnpm", ["pack", "--pack-destination", dest], { cwd: pkgDir, stdio: "pipe" });
    out[dir] = join(dest, `bankcrm-${dir}-${version}.tgz`);
  }
  return out;
}
