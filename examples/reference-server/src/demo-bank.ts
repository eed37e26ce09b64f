/**
 * `pnpm start` — one demo bank: the reference server on embedded PGlite, seeded once with the demo bank, and on the
 * same origin the branch workstation (/), the call-centre desk (/desk/) and the internet-banking portal (/bank/), each
 * signing in as a demo member of staff or a demo customer through /bankcrm-token — a one-hour token the server signs
 * for the choice. That sign-in is the demo's: a bank's deployment runs `main.ts` with AUTH_JWKS_URL and its own pages.
 *
 * PORT (5173). DATABASE_URL: a PostgreSQL server instead of PGlite. DATABASE: PGlite's directory (default: the user's
 * cache, ~/.cache/bankcrm/demo-bank). DEMO_CUSTOMERS (50,000): the bank's size on its first start. AUTH_SECRET: the
 * demo tokens' secret (default: one made on the first start and kept beside the database, readable by the user only).
 * WORKSTATION_DIST, DESK_DIST: the built pages (default: each example's dist/, which `pnpm start` builds). The rest as
 * `main.ts` reads them (RATE_LIMIT, FEED_RETENTION_DAYS, SHUTDOWN_GRACE_MS…).
 */
import { randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { homedir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { getRequestListener } from "@hono/node-server";
import { CustomerSchema, maskRecord, type Customer } from "@bankcrm/core";
import { DEMO_COMMISSION_SCHEME, DEMO_SALE_POLICY, generateStaff } from "@bankcrm/core/demo";
import { staticFiles } from "../../branch-workstation/serve.mjs";
import { portalFiles } from "../../internet-banking/serve.mjs";
import { authFromEnv, signCustomerToken, signDemoToken, type AuthOptions } from "./auth.js";
import { openDatabase, type Database } from "./database.js";
import { openDemoClock, type DemoClock } from "./demo-clock.js";
import { openDemoBank } from "./seed.js";
import { appFromEnv, pruneFeed, SettingError, stopOnSignals } from "./serving.js";
import { trackHandlers } from "./shutdown.js";

const env = process.env;
const started = performance.now();
const seconds = () => ((performance.now() - started) / 1000).toFixed(1);
const examples = fileURLToPath(new URL("../../", import.meta.url));
const cache = join(env.XDG_CACHE_HOME || join(homedir(), ".cache"), "bankcrm");

/** The demo's token secret: AUTH_SECRET, or one made once and kept in the cache (mode 600). */
async function demoSecret(): Promise<string> {
  if (env.AUTH_SECRET) return env.AUTH_SECRET;
  const file = join(cache, "demo-bank.secret");
  const kept = await readFile(file, "utf8").catch(() => "");
  if (kept.trim().length >= 32) return kept.trim();
  const made = randomBytes(32).toString("hex");
  await writeFile(file, made, { mode: 0o600 });
  return made;
}

function json(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "Content-Type": "application/json", "Cache-Control": "no-store" });
  res.end(JSON.stringify(body));
}

/** /bankcrm-token?staff=<id> or ?customer=<id>: a one-hour token for a demo member of staff or a customer of the bank. */
function demoSignIn(db: Database, auth: AuthOptions) {
  const staff = new Map(generateStaff("bankcrm").all.map((s) => [s.id, s]));
  return async (res: ServerResponse, params: URLSearchParams) => {
    const member = staff.get(params.get("staff") ?? "");
    const customer = params.get("customer") ?? "";
    if (member) return json(res, 200, { token: await signDemoToken(member, { ...auth, expiresIn: "1h" }) });
    if (/^[A-Za-z0-9_-]{3,64}$/.test(customer) && (await db.get("customers", customer)))
      return json(res, 200, { token: await signCustomerToken(customer, auth) });
    json(res, 404, { title: "no such demo member of staff or customer", status: 404 });
  };
}

/**
 * /bankcrm-token/customers: the portal's sign-in chooser — a few individual customers with holdings, as numbers and
 * masked names (what the portal shows a signed-in customer of themselves; nothing more leaves the demo's sign-in).
 */
async function demoCustomers(db: Database, res: ServerResponse) {
  const { rows } = await db.query<{ id: string; body: Customer }>(
    `SELECT c.id, c.body FROM records c
     WHERE c.collection = 'customers' AND c.body ->> 'kind' = 'individual'
       AND EXISTS (SELECT 1 FROM records h WHERE h.collection = 'holdings' AND h.customer_id = c.id)
     ORDER BY c.id LIMIT 6`,
  );
  const items = rows.map((r) => ({ id: r.id, name: maskRecord<Customer>(CustomerSchema, r.body).name }));
  json(res, 200, { items });
}

/** POST /bankcrm-demo/clock `{ days }` (1–365): the demo's time moves on, and the world answers the launched campaigns. */
async function moveClock(clock: DemoClock, req: IncomingMessage, res: ServerResponse) {
  if (req.method !== "POST") return json(res, 200, { now: clock.now().toISOString() });
  let days: unknown;
  try {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    days = (JSON.parse(Buffer.concat(chunks).toString("utf8")) as { days?: unknown }).days;
  } catch {
    days = undefined;
  }
  if (!Number.isInteger(days) || (days as number) < 1 || (days as number) > 365)
    return json(res, 400, { title: "Expected { days }: a whole number of days, 1 to 365", status: 400 });
  json(res, 200, await clock.advance(days as number));
}

/** One origin: the API under /api/, the demo sign-in, and the three pages. */
async function bankServer(db: Database, auth: AuthOptions, streams: AbortController, clock: DemoClock) {
  // The demo bank pays by the demo's scheme (COMMISSION_SCHEME replaces it), knows its staff (teams, branches) and
  // sells by its own sale policy (65+ → R3 besides the regulator's rules).
  const sales = { scheme: DEMO_COMMISSION_SCHEME, staff: generateStaff("bankcrm").all, salePolicy: DEMO_SALE_POLICY };
  const handlers = trackHandlers(appFromEnv(db, auth, streams.signal, env, clock.now, sales).fetch);
  const api = getRequestListener(handlers.fetch);
  const signIn = demoSignIn(db, auth);
  const workstation = staticFiles(env.WORKSTATION_DIST || join(examples, "branch-workstation/dist"));
  const desk = staticFiles(env.DESK_DIST || join(examples, "call-centre-desk/dist"));
  const portal = await portalFiles();
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const path = url.pathname;
    if (path.startsWith("/api/")) {
      req.url = path.slice(4) + url.search;
      return api(req, res);
    }
    if (path === "/bankcrm-config.json") return json(res, 200, { api: "/api/" });
    if (path === "/bankcrm-token") return signIn(res, url.searchParams);
    if (path === "/bankcrm-token/customers") return demoCustomers(db, res);
    if (path === "/bankcrm-demo/clock") return moveClock(clock, req, res);
    if (path === "/desk" || path === "/bank") {
      res.writeHead(308, { Location: `${path}/${url.search}` }).end();
      return;
    }
    if (path.startsWith("/desk/")) return desk(res, path.slice(5));
    if (path.startsWith("/bank/")) return portal(res, path.slice(5));
    if (path.startsWith("/node_modules/")) return portal(res, path); // the portal's import map
    return workstation(res, path);
  };
  return { server: createServer((req, res) => void handle(req, res)), handlersSettled: handlers.settled };
}

async function main() {
  await mkdir(cache, { recursive: true });
  const dataDir = env.DATABASE || join(cache, "demo-bank");
  const db = await openDatabase({
    url: env.DATABASE_URL || undefined,
    dataDir: env.DATABASE_URL ? undefined : dataDir,
  });
  const customers = Number(env.DEMO_CUSTOMERS ?? 50_000);
  if (!(customers >= 10 && customers <= 1_000_000)) throw new SettingError("DEMO_CUSTOMERS is 10 to 1,000,000");
  const seed = await openDemoBank(db, customers, {
    onProgress: (loaded, total) => {
      if (loaded === total || loaded % 200_000 === 0)
        console.log(`  histories: ${loaded.toLocaleString("en")} of ${total.toLocaleString("en")} records`);
    },
  });
  const auth = { ...authFromEnv(env), secret: await demoSecret() };
  const streams = new AbortController();
  const clock = await openDemoClock(db);
  const { server, handlersSettled } = await bankServer(db, auth, streams, clock);
  pruneFeed(db, env);
  stopOnSignals(server, db, streams, env, handlersSettled);
  const port = Number(env.PORT ?? 5173);
  server.listen(port, "127.0.0.1", () => {
    const address = server.address();
    const base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : port}`;
    console.log(
      `bankcrm demo bank (${env.DATABASE_URL ? "PostgreSQL" : `PGlite in ${dataDir}`}), ready in ${seconds()} s:`,
    );
    console.log(`  branch workstation   ${base}/`);
    console.log(`  call-centre desk     ${base}/desk/`);
    console.log(`  internet banking     ${base}/bank/`);
    console.log(`  API                  ${base}/api/ (openapi: docs/api/openapi.yaml)`);
  });
  if (seed.outcome === "seeded" || seed.outcome === "resumed")
    console.log(`  the demo bank's ${customers.toLocaleString("en")} customers are in; their transactions load now…`);
  seed.histories.then(
    (n) => n > 0 && console.log(`  the demo bank is complete (${n.toLocaleString("en")} transactions, ${seconds()} s)`),
    (error: Error) => console.error(`bankcrm demo bank: loading the histories failed: ${error.message}`),
  );
}

main().catch((error: unknown) => {
  console.error(`bankcrm demo bank: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
