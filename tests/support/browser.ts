/** Launches Debian's Chromium through playwright-core for end-to-end tests and benchmarks. */
import { chromium, type Browser } from "playwright-core";
import { chromiumArgs, chromiumPath } from "./chromium.js";

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });
}
