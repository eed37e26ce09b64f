/** Builds a page with Vite and serves it with the workstation's strict CSP, for e2e tests and benchmarks. */
import type { Server } from "node:http";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "vite";
import { CSP, serve } from "../../examples/branch-workstation/serve.mjs";

export interface Served {
  url: string;
  close(): Promise<void>;
}

/** The loopback URL of a listening server. */
export function urlOf(server: Server): string {
  const address = server.address();
  return `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}/`;
}

/** Wraps a listening server. */
export function served(server: Server): Served {
  return { url: urlOf(server), close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** One test run's id (vitest.config.ts sets it before the workers start, so they share it). */
const RUN = process.env.BANKCRM_TEST_RUN;

/**
 * The Vite project at `root`, built once per test run into a directory every test file of the run shares: the
 * first file to ask builds it (holding a lock directory), the others wait for its `.done` mark. Outside a run (a
 * bench, a file run alone without the config's id), a temporary directory of its own.
 */
export async function builtOnce(root: string): Promise<string> {
  if (!RUN) {
    const outDir = mkdtempSync(join(tmpdir(), "bankcrm-page-"));
    await viteBuild(root, outDir);
    return outDir;
  }
  const outDir = join(tmpdir(), "bankcrm-builds", RUN, createHash("sha256").update(root).digest("hex").slice(0, 16));
  const done = join(outDir, ".done");
  mkdirSync(join(outDir, ".."), { recursive: true });
  try {
    mkdirSync(`${outDir}.lock`);
  } catch {
    // Another file is building it: wait for its mark (or for its lock to go, if it failed).
    for (let waited = 0; !existsSync(done); waited += 200) {
      if (waited > 180_000 || !existsSync(`${outDir}.lock`)) throw new Error(`the shared build of ${root} failed`);
      await new Promise((r) => setTimeout(r, 200));
    }
    return outDir;
  }
  try {
    if (!existsSync(done)) {
      await viteBuild(root, outDir);
      writeFileSync(done, "");
    }
    return outDir;
  } finally {
    if (!existsSync(done)) rmSync(`${outDir}.lock`, { recursive: true, force: true });
  }
}

const viteBuild = (root: string, outDir: string) =>
  build({ root, logLevel: "warn", build: { outDir, emptyOutDir: true, modulePreload: { polyfill: false } } });

/**
 * Builds the Vite project at `root` (once per test run, unless `outDir` is
 * given: then into it) and serves it under the strict CSP (`csp` may amend it);
 * `api` turns on server mode.
 */
export async function buildAndServe(
  root: string,
  options: {
    outDir?: string;
    api?: string;
    csp?: (csp: string) => string;
    /** Server mode's sign-in stand-in: a token for each demo staff member. */
    signToken?: (staff: { id: string; role: string; branchId: string }) => Promise<string>;
  } = {},
): Promise<Served> {
  let outDir = options.outDir;
  if (outDir) await viteBuild(root, outDir);
  else outDir = await builtOnce(root);
  return served(
    await serve({
      root: outDir,
      port: 0,
      ...(options.api ? { api: options.api } : {}),
      ...(options.signToken ? { signToken: options.signToken } : {}),
      ...(options.csp ? { csp: options.csp(CSP) } : {}),
    }),
  );
}
