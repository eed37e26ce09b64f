// `pnpm start`: builds what is older than its sources — the packages, then the
// workstation and the desk — and runs the demo bank (the reference server with
// the three pages on one origin: examples/reference-server/src/demo-bank.ts).
// A start with nothing changed builds nothing, so it is up in seconds.
import { spawn, spawnSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const repo = fileURLToPath(new URL("..", import.meta.url));

/** The newest modification time under each path (files, or directories walked whole); 0 when none exists. */
function newest(paths) {
  let latest = 0;
  const visit = (path) => {
    let s;
    try {
      s = statSync(path);
    } catch {
      return;
    }
    if (!s.isDirectory()) latest = Math.max(latest, s.mtimeMs);
    else for (const entry of readdirSync(path)) if (entry !== "node_modules") visit(join(path, entry));
  };
  for (const path of paths) visit(join(repo, path));
  return latest;
}

/** The oldest of the outputs; 0 when one is missing (so it is built). */
function oldest(paths) {
  let earliest = Infinity;
  for (const path of paths) {
    try {
      earliest = Math.min(earliest, statSync(join(repo, path)).mtimeMs);
    } catch {
      return 0;
    }
  }
  return earliest;
}

const PACKAGES = ["core", "data", "elements"];
const PAGES = ["branch-workstation", "call-centre-desk"];
const steps = [
  {
    what: "the packages",
    sources: PACKAGES.flatMap((p) => [
      `packages/${p}/src`,
      `packages/${p}/package.json`,
      `packages/${p}/tsup.config.ts`,
    ]),
    outputs: PACKAGES.map((p) => `packages/${p}/dist/index.js`),
    command: ["build"],
  },
  {
    what: "the workstation and the desk",
    sources: [
      ...PAGES.flatMap((p) => [`examples/${p}/src`, `examples/${p}/index.html`, `examples/${p}/vite.config.ts`]),
      ...PACKAGES.map((p) => `packages/${p}/dist`),
    ],
    outputs: PAGES.map((p) => `examples/${p}/dist/index.html`),
    command: PAGES.flatMap((p) => ["--filter", `@bankcrm/example-${p}`]).concat("build"),
  },
];

for (const step of steps) {
  if (newest(step.sources) <= oldest(step.outputs)) continue;
  console.log(`bankcrm: building ${step.what}…`);
  const built = spawnSync("pnpm", step.command, { cwd: repo, stdio: "inherit" });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

const server = spawn(process.execPath, ["--import", "tsx", "src/demo-bank.ts"], {
  cwd: join(repo, "examples/reference-server"),
  stdio: "inherit",
});
// Ctrl-C reaches the server from the terminal itself (one process group); a SIGTERM to this process is passed on.
process.on("SIGINT", () => undefined);
process.on("SIGTERM", () => server.kill("SIGTERM"));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
