/**
 * The reference server as a bank runs it: its own process (`src/main.ts`), on a
 * free loopback port, with a fresh AUTH_SECRET — for tests of what only a real
 * process shows (a kill mid-write, what crosses a TCP connection).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));

export const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

export interface ServerProcess {
  url: string;
  secret: string;
  child: ChildProcess;
  /** Resolves when the process has exited. */
  exited: Promise<unknown>;
  /** SIGTERM, then waits for the exit. */
  stop(): Promise<void>;
}

/** Starts `src/main.ts` with `env` added to this process's environment; resolves once it listens. */
export async function spawnReferenceServer(env: Record<string, string> = {}): Promise<ServerProcess> {
  const secret = randomBytes(32).toString("hex");
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: root,
    env: { ...process.env, AUTH_SECRET: secret, PORT: String(port), RATE_LIMIT: "0", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stderr.on("data", (d: Buffer) => (log += d.toString()));
  const exited = new Promise((resolve) => child.once("exit", resolve));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (d: Buffer) => {
      log += d.toString();
      if (log.includes("bankcrm reference server: http")) resolve();
    });
    child.once("exit", (code) => reject(new Error(`server exited (${code}): ${log}`)));
  });
  return {
    url: `http://127.0.0.1:${port}/`,
    secret,
    child,
    exited,
    async stop() {
      child.kill("SIGTERM");
      await exited;
    },
  };
}
