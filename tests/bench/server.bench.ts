/**
 * The reference server under load (autocannon, 50 connections, 10 s each) on
 * PGlite and on PostgreSQL: the customer list page, a customer by id and a
 * lead create, each beside a bare route of the same server that runs the same
 * single SQL statement and nothing else. The ratio is what identity, scope,
 * masking, validation and idempotency cost; p99 is the user's wait.
 */
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { newLead } from "../../packages/data/test/support/leads.js";

const CONNECTIONS = 50;
const DURATION = Number(process.env.BENCH_SERVER_SECONDS ?? 10);

interface Target {
  port: number;
  token: string;
  branchId: string;
  customerIds: string[];
}

export async function start(database: "pglite" | "postgres") {
  const child = spawn(
    process.execPath,
    [
      // BENCH_PROFILE=<dir>: the server process writes a V8 CPU profile there (open it in Chrome's DevTools).
      ...(process.env.BENCH_PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : []),
      "--import",
      "tsx",
      fileURLToPath(new URL("../../examples/reference-server/bench/target.ts", import.meta.url)),
      database,
      "1000",
    ],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  const target = await new Promise<Target>((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString();
      const line = out.split("\n").find((l) => l.startsWith("{"));
      if (line) resolve(JSON.parse(line) as Target);
    });
    child.once("exit", (code) => reject(new Error(`bench server exited (${code})`)));
  });
  return { target, stop: () => new Promise((r) => (child.once("exit", r), child.kill("SIGTERM"))) };
}

interface Load {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

async function load(
  url: string,
  request: { method?: "GET" | "POST"; headers?: Record<string, string>; body?: () => string; path?: () => string },
): Promise<Load> {
  let n = 0;
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: DURATION,
    requests: [
      {
        method: request.method ?? "GET",
        setupRequest: (req) => {
          n++;
          return {
            ...req,
            ...(request.path ? { path: request.path() } : {}),
            headers: { ...request.headers, ...(request.body ? { "Idempotency-Key": crypto.randomUUID() } : {}) },
            ...(request.body ? { body: request.body() } : {}),
          };
        },
      },
    ],
  });
  void n;
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

export async function benchServer(): Promise<void> {
  console.log(`\n## Reference server under load — ${CONNECTIONS} connections, ${DURATION} s per route`);
  console.log(
    "  route                                   rps      p50     p99   bare rps   bare p99   rps ratio (bankcrm / bare)",
  );
  let bareMisses: string | undefined;
  for (const database of ["pglite", "postgres"] as const) {
    const { target, stop } = await start(database);
    const base = `http://127.0.0.1:${target.port}`;
    const auth = { Authorization: `Bearer ${target.token}` };
    let i = 0;
    const pick = () => target.customerIds[i++ % target.customerIds.length]!;
    let leadNo = 0;
    const lead = () =>
      JSON.stringify(
        newLead(
          `LD-BENCH-${database}-${process.pid}-${leadNo++}`,
          target.customerIds[leadNo % target.customerIds.length],
        ),
      );
    const json = { ...auth, "Content-Type": "application/json" };
    const routes: [string, () => Promise<Load>, () => Promise<Load>][] = [
      [
        "GET /customers?limit=50",
        () => load(`${base}/customers?limit=50`, { headers: auth }),
        () => load(`${base}/bare/customers`, {}),
      ],
      [
        "GET /customers/{id}",
        () => load(base, { headers: auth, path: () => `/customers/${pick()}` }),
        () => load(base, { path: () => `/bare/customers/${pick()}` }),
      ],
      [
        "POST /leads",
        () => load(`${base}/leads`, { method: "POST", headers: json, body: lead }),
        () => load(`${base}/bare/leads`, { method: "POST", headers: json, body: lead }),
      ],
    ];
    console.log(
      `  ${database === "pglite" ? "PGlite (embedded, one connection)" : "PostgreSQL 15 (node-postgres pool of 10)"}`,
    );
    // BENCH_SERVER_ROUTES=leads (or "customers?", …): only the routes whose name holds one of the words.
    const wanted = process.env.BENCH_SERVER_ROUTES?.split(",");
    for (const [name, bankcrm, bare] of routes.filter(([n]) => !wanted || wanted.some((w) => n.includes(w)))) {
      const b = await bare();
      const r = await bankcrm();
      const flag =
        r.non2xx + r.errors + b.non2xx + b.errors > 0
          ? `  (non-2xx/errors: ${r.non2xx + r.errors} / ${b.non2xx + b.errors})`
          : "";
      console.log(
        `  ${name.padEnd(34)} ${r.rps.toFixed(0).padStart(7)} ${`${r.p50} ms`.padStart(8)} ${`${r.p99} ms`.padStart(7)} ${b.rps.toFixed(0).padStart(10)} ${`${b.p99} ms`.padStart(10)}   ${(r.rps / b.rps).toFixed(2)}×${flag}`,
      );
      if (database === "postgres" && name.startsWith("GET /customers?") && b.p99 > 50)
        bareMisses = `  Why the list page misses 50 ms here: its bare route — one indexed statement and the same 50 customers serialised, nothing else — has a p99 of ${b.p99} ms itself: ${CONNECTIONS} requests in flight at ${b.rps.toFixed(0)}/s wait ${((CONNECTIONS / b.rps) * 1000).toFixed(0)} ms on average (Little's law) on cores shared with the load generator and PostgreSQL. BENCH_PROFILE=<dir> writes the server's CPU profile (docs/server/scale.md reads it).`;
    }
    await stop();
  }
  console.log(
    "  Goals: list-page p99 under 50 ms at 50 connections on PostgreSQL; each bankcrm route within 2× of its bare route.",
  );
  if (bareMisses) console.log(bareMisses);
}
