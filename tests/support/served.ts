/** Builds a page with Vite and serves it with the workstation's strict CSP, for e2e tests and benchmarks. */
import type { Server } from "node:http";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "vite";
// @ts-expect-error — a plain ES module without types
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

/**
 * Builds the Vite project at `root` (into a temporary directory unless `outDir`
 * is given) and serves it under the strict CSP (`csp` may amend it); `api`
 * turns on server mode.
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
  const outDir = options.outDir ?? mkdtempSync(join(tmpdir(), "bankcrm-page-"));
  await build({
    root,
    logLevel: "warn",
    build: { outDir, emptyOutDir: true, modulePreload: { polyfill: false } },
  });
  return served(
    (await serve({
      root: outDir,
      port: 0,
      ...(options.api ? { api: options.api } : {}),
      ...(options.signToken ? { signToken: options.signToken } : {}),
      ...(options.csp ? { csp: options.csp(CSP as string) } : {}),
    })) as Server,
  );
}
