// Fails early, with the one command that fixes it, when the machine lacks what the suite needs.
import { accessSync, constants } from "node:fs";

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
try {
  accessSync(chromium, constants.X_OK);
} catch {
  console.error(`bankcrm: no Chromium at ${chromium}; the browser tests need it.`);
  console.error("Run ./scripts/setup.sh (as root it installs Debian's chromium), or set CHROMIUM_PATH.");
  process.exit(1);
}
