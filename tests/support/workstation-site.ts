/**
 * The built branch workstation served with its strict CSP, and one Chromium,
 * for a whole e2e file: `const ws = useWorkstation()`, then `ws.site.url`,
 * `ws.browser`. Screenshots go to `ARTIFACTS`.
 */
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll } from "vitest";
import type { Browser } from "playwright-core";
import { launchChromium } from "./browser.js";
import { buildAndServe, type Served } from "./served.js";

export const WORKSTATION_ROOT = fileURLToPath(new URL("../../examples/branch-workstation/", import.meta.url));
export const ARTIFACTS = fileURLToPath(new URL("../../test-results/", import.meta.url));

export function useWorkstation(): { site: Served; browser: Browser } {
  const ws = {} as { site: Served; browser: Browser };
  beforeAll(async () => {
    ws.site = await buildAndServe(WORKSTATION_ROOT);
    ws.browser = await launchChromium();
    mkdirSync(ARTIFACTS, { recursive: true });
  }, 120_000);
  afterAll(async () => {
    await ws.browser?.close();
    await ws.site?.close();
  });
  return ws;
}
