/**
 * One SQL interface over the two PostgreSQLs the server runs on: PGlite
 * (PostgreSQL in WASM, embedded; the default) and a PostgreSQL server through
 * node-postgres' pool (DATABASE_URL). The same versioned migrations
 * (../migrations/NNN_name.sql) build both.
 */
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";

export interface Sql {
  query<T = Record<string, unknown>>(text: string, values?: readonly unknown[]): Promise<{ rows: T[] }>;
  /**
   * Appends rows with COPY (PGlite: COPY FROM a blob; a PostgreSQL server: COPY FROM STDIN, streamed by
   * pg-copy-streams), several times faster than INSERT for a bulk load. Values are text or null.
   */
  copyRows?(table: string, columns: readonly string[], rows: readonly (readonly unknown[])[]): Promise<void>;
  /** COPY of lines already in COPY's text format (`copyLine`): a caller that renders them ahead of the transaction. */
  copyLines?(table: string, columns: readonly string[], lines: readonly string[]): Promise<void>;
}

const SPECIAL = /[\\\t\n\r]/;

/** One value in COPY's text format: \N for null, and backslash, tab, newline and carriage return escaped. */
function copyText(value: unknown): string {
  if (value === null || value === undefined) return "\\N";
  if (typeof value !== "string") {
    // JSON escapes every control character: of COPY's specials, only its backslashes are left to double.
    const json = JSON.stringify(value);
    return json.includes("\\") ? json.replaceAll("\\", "\\\\") : json;
  }
  if (!SPECIAL.test(value)) return value; // most values: nothing to escape
  return value.replace(/[\\\t\n\r]/g, (c) => (c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r"));
}

/** A row as one line of COPY's text format. */
export const copyLine = (row: readonly unknown[]) => row.map(copyText).join("\t") + "\n";

/** Rows as COPY lines, each rendered as the stream asks for it (a seed's 50,000 rows never one array of text). */
function* linesOf(rows: readonly (readonly unknown[])[]) {
  for (const row of rows) yield copyLine(row);
}

/** COPY through PGlite's virtual /dev/blob: the lines as one text-format blob. */
function pgliteCopy(
  query: (text: string, values: unknown[], options: { blob: Blob }) => Promise<unknown>,
): Pick<Sql, "copyRows" | "copyLines"> {
  const copyLines = async (table: string, columns: readonly string[], lines: readonly string[]) => {
    await query(`COPY ${table} (${columns.join(", ")}) FROM '/dev/blob'`, [], { blob: new Blob([lines.join("")]) });
  };
  return {
    copyLines,
    copyRows: (table, columns, rows) => copyLines(table, columns, rows.map(copyLine)),
  };
}

export interface Driver extends Sql {
  kind: "pglite" | "postgres";
  /** Runs `work` in one transaction (committed when it resolves, rolled back when it throws). */
  transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T>;
  /** Runs a script of several statements (a migration). */
  exec(script: string): Promise<void>;
  /**
   * Hears NOTIFY on `channel` (committed transactions' notifications): `onNotify` runs for each, and — on a server,
   * whose listening connection can drop — once more after every reconnection, when notifications may have been
   * missed. Resolves with the function that stops listening.
   */
  listen(channel: string, onNotify: () => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
  /** PGlite only: the data directory as a gzipped tarball (a consistent copy: this process is its only user). */
  dumpDataDir?: () => Promise<Blob>;
}

/** Another process holds PGlite's directory: opening it too would corrupt it. */
export class DataDirInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(`PGlite's directory ${dataDir} is in use by process ${pid}: stop it first (PGlite serves one process)`);
    this.name = "DataDirInUseError";
  }
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
};

/**
 * PGlite takes no lock of its own on its directory (its postmaster.pid is a placeholder): a second process — a
 * `metrics`, `purge` or `backup` command beside the running server — would open it too and corrupt it. The first
 * writes its pid in `bankcrm.pid`; another finds it alive and is refused. A dead holder's file is taken over.
 * Returns the release.
 */
export function lockDataDir(dataDir: string): () => void {
  const file = `${dataDir}/bankcrm.pid`;
  mkdirSync(dataDir, { recursive: true });
  for (;;) {
    try {
      const fd = openSync(file, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const pid = Number(readFileSync(file, "utf8"));
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid))
        throw new DataDirInUseError(dataDir, pid);
      rmSync(file, { force: true });
    }
  }
}

export function openPglite(dataDir?: string, options: { loadDataDir?: Blob } = {}): Driver {
  const unlock = dataDir ? lockDataDir(dataDir) : () => undefined;
  const db = dataDir ? new PGlite(dataDir, options) : new PGlite();
  return {
    kind: "pglite",
    query: <T>(text: string, values?: readonly unknown[]) => db.query<T>(text, values as unknown[] | undefined),
    ...pgliteCopy((text, values, options) => db.query(text, values, options)),
    transaction: (work) =>
      db.transaction((tx) =>
        work({
          query: (text, values) => tx.query(text, values as unknown[]),
          ...pgliteCopy((text, values, options) => tx.query(text, values, options)),
        }),
      ),
    exec: async (script) => {
      await db.exec(script);
    },
    listen: (channel, onNotify) => db.listen(channel, () => onNotify()),
    close: () => db.close().finally(unlock),
    dumpDataDir: () => db.dumpDataDir("gzip"),
  };
}

export interface PostgresOptions {
  /** Pool size. Default 10. */
  max?: number;
}

export function openPostgres(connectionString: string, options: PostgresOptions = {}): Driver {
  const pool = new pg.Pool({ connectionString, max: options.max ?? 10, application_name: "bankcrm-reference-server" });
  // An idle client's error (the server restarted) must not crash the process; the pool replaces it.
  pool.on("error", (error) => console.error("postgres pool:", error.message));
  return {
    kind: "postgres",
    query: async <T>(text: string, values?: readonly unknown[]) => {
      const r = await pool.query(text, values as unknown[] | undefined);
      return { rows: r.rows as T[] };
    },
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const result = await work({
          query: async <T>(text: string, values?: readonly unknown[]) => ({
            rows: (await client.query(text, values as unknown[] | undefined)).rows as T[],
          }),
          copyRows: (table, columns, rows) => copyIn(client, table, columns, linesOf(rows)),
          copyLines: (table, columns, lines) => copyIn(client, table, columns, lines),
        });
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    exec: async (script) => {
      await pool.query(script);
    },
    listen: (channel, onNotify) => listenOn(connectionString, channel, onNotify),
    close: () => pool.end(),
  };
}

/** COPY … FROM STDIN on a pooled client: the lines streamed in chunks of about 64 kB (never one string of them all). */
async function copyIn(client: pg.PoolClient, table: string, columns: readonly string[], lines: Iterable<string>) {
  function* chunks() {
    let chunk = "";
    for (const line of lines) {
      chunk += line;
      if (chunk.length >= 65_536) {
        yield chunk;
        chunk = "";
      }
    }
    if (chunk !== "") yield chunk;
  }
  const sink = client.query(copyFrom(`COPY ${table} (${columns.join(", ")}) FROM STDIN`));
  await pipeline(Readable.from(chunks(), { objectMode: false }), sink);
}

/**
 * LISTEN on a connection of its own (a pooled one would be handed to others): when it drops, it connects again
 * after a second — again and again until it is back or stopped — and then calls `onNotify` once for what it missed.
 */
async function listenOn(connectionString: string, channel: string, onNotify: () => void) {
  let stopped = false;
  let client: pg.Client | undefined;
  let retry: ReturnType<typeof setTimeout> | undefined;
  const connect = async (): Promise<void> => {
    const c = new pg.Client({ connectionString, application_name: "bankcrm-change-feed" });
    const lost = () => {
      if (client !== c) return;
      client = undefined;
      c.end().catch(() => undefined);
      reconnect();
    };
    c.on("notification", (n) => {
      if (n.channel === channel) onNotify();
    });
    c.on("error", lost);
    c.on("end", lost);
    try {
      await c.connect();
      await c.query(`LISTEN "${channel.replaceAll('"', '""')}"`);
    } catch (error) {
      await c.end().catch(() => undefined);
      throw error;
    }
    if (stopped) await c.end();
    else client = c;
  };
  const reconnect = () => {
    if (stopped || retry) return;
    retry = setTimeout(() => {
      retry = undefined;
      connect().then(onNotify, reconnect);
    }, 1000);
    retry.unref();
  };
  await connect();
  return async () => {
    stopped = true;
    clearTimeout(retry);
    const c = client;
    client = undefined;
    await c?.end().catch(() => undefined);
  };
}

/** The migrations directory beside src/. */
export const MIGRATIONS_DIR = fileURLToPath(new URL("../migrations/", import.meta.url));

/**
 * Applies the migrations not yet applied, in order, each in its own
 * transaction, recording each in `schema_migrations`. An advisory lock keeps
 * two servers starting together from applying one twice. Returns the versions applied.
 */
export async function migrate(db: Driver, dir: string = MIGRATIONS_DIR): Promise<string[]> {
  const files = (await readdir(dir)).filter((f) => /^\d{3}_[a-z0-9_]+\.sql$/.test(f)).sort();
  await db.exec(
    "CREATE TABLE IF NOT EXISTS schema_migrations (version text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())",
  );
  const applied: string[] = [];
  await db.transaction(async (tx) => {
    await tx.query("SELECT pg_advisory_xact_lock(727361)");
    const done = new Set(
      (await tx.query<{ version: string }>("SELECT version FROM schema_migrations")).rows.map((r) => r.version),
    );
    for (const file of files) {
      const version = file.slice(0, 3);
      if (done.has(version)) continue;
      const script = await readFile(`${dir}${file}`, "utf8");
      // Statements one by one inside the lock's transaction (PGlite's exec would commit on its own).
      for (const statement of splitStatements(script)) await tx.query(statement);
      await tx.query("INSERT INTO schema_migrations (version) VALUES ($1)", [version]);
      applied.push(file);
    }
  });
  return applied;
}

/**
 * A migration script's statements. Statements end with `;` at the end of a
 * line; a `$$ … $$` body (a function) is kept whole. Comments (`--`) are dropped.
 */
export function splitStatements(script: string): string[] {
  const statements: string[] = [];
  let current = "";
  let inBody = false;
  for (const line of script.split("\n")) {
    const text = inBody ? line : line.replace(/--.*$/, "");
    if ((text.match(/\$\$/g) ?? []).length % 2 === 1) inBody = !inBody;
    current += `${text}\n`;
    if (!inBody && /;\s*$/.test(text)) {
      if (current.trim() !== "") statements.push(current.trim());
      current = "";
    }
  }
  if (current.trim() !== "") statements.push(current.trim());
  return statements;
}
