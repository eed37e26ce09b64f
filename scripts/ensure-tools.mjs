// Fails early, with the one command that fixes it, when the machine lacks what the suite needs.
import { accessSync, constants } from "node:fs";
import { connect } from "node:net";

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
try {
  accessSync(chromium, constants.X_OK);
} catch {
  console.error(`bankcrm: no Chromium at ${chromium}; the browser tests need it.`);
  console.error("Run ./scripts/setup.sh (as root it installs Debian's chromium), or set CHROMIUM_PATH.");
  process.exit(1);
}

// The reference server's tests run on PGlite and on a PostgreSQL server (setup.sh starts Debian's).
const database = new URL(process.env.TEST_DATABASE_URL ?? "postgres://bankcrm:bankcrm@127.0.0.1:5432/bankcrm_test");
const reachable = await new Promise((resolve) => {
  const socket = connect({ host: database.hostname, port: Number(database.port || 5432) });
  socket.setTimeout(3000);
  socket.once("connect", () => (socket.destroy(), resolve(true)));
  socket.once("timeout", () => (socket.destroy(), resolve(false)));
  socket.once("error", () => resolve(false));
});
if (!reachable) {
  console.error(`bankcrm: no PostgreSQL at ${database.host}; the server's tests need it.`);
  console.error(
    "Run ./scripts/setup.sh (as root it installs and starts Debian's PostgreSQL), or set TEST_DATABASE_URL.",
  );
  process.exit(1);
}
