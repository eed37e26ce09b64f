/**
 * Backups that restore (#31): `reference-server backup <file>` and `restore <file> [--replace]`.
 *
 * - PostgreSQL: `pg_dump --format=custom`, one snapshot, so one consistent moment of every table
 *   (the server may keep serving); `pg_restore` in one transaction — a restore that fails leaves the
 *   database as it was. The database's own base backups and WAL archive (point-in-time recovery) are
 *   the bank's path to lose nothing; this is the logical copy beside them (docs/server/deploy.md).
 * - PGlite: its data directory as a gzipped tarball, taken by the one process that may open it
 *   (the server must be stopped: `lockDataDir`); restored into a new directory.
 *
 * Restoring never destroys data silently: the target must be empty, or `--replace` names the choice
 * (PGlite's old directory is moved aside, not deleted). After a restore the migrations bring an older
 * backup up to date, the change feed moves on so every client reads its scope again (feed.ts'
 * `restart`), and the audit chain is verified — a restore whose chain does not verify says so.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import pg from "pg";
import { verifyAudit, type AuditVerification } from "./audit.js";
import { openDatabase, type DatabaseOptions } from "./database.js";
import { lockDataDir } from "./sql.js";

/** A backup or restore that cannot be done as asked: the message says what to do. */
export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BackupError";
  }
}

type Where = Pick<DatabaseOptions, "url" | "dataDir">;

export interface BackupReport {
  file: string;
  bytes: number;
}

export interface RestoreReport {
  records: number;
  audit: AuditVerification;
  /** The change feed's head after the restore: every cursor below it is gone. */
  feedHead: number;
  /** PGlite with `replace`: where the directory it replaced was moved. */
  movedAside?: string;
}

/**
 * libpq's connection for a client tool: the password out of the URL — out of the process list — into PGPASSWORD;
 * the schema the server's `search_path` option names, when it names one (the tables live there).
 */
function toolConnection(url: string) {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = "";
  const schema = /search_path=([A-Za-z_][A-Za-z0-9_]*)/.exec(u.searchParams.get("options") ?? "")?.[1];
  // libpq decodes %20, not URLSearchParams' "+", in `options=-c search_path=…`.
  u.search = [...u.searchParams].map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join("&");
  const env: Record<string, string> = password ? { PGPASSWORD: password } : {};
  return { dbname: u.href, env, schema };
}

/** Runs a PostgreSQL client tool; its stdout, or a BackupError with its stderr's end. */
function runTool(tool: string, args: readonly string[], env: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    child.on("error", (e) =>
      reject(
        new BackupError(`${tool} could not run (${e.message}): install PostgreSQL's client tools (postgresql-client)`),
      ),
    );
    child.on("exit", (code) =>
      code === 0 ? resolve(out) : reject(new BackupError(`${tool} failed (exit ${code}): ${err.trim().slice(-2000)}`)),
    );
  });
}

/** Writes beside the file and renames: a backup interrupted half-way never stands where a whole one is expected. */
async function writeWhole(file: string, write: (partial: string) => Promise<void>): Promise<BackupReport> {
  const partial = `${file}.partial`;
  try {
    await write(partial);
    await rename(partial, file);
  } finally {
    await rm(partial, { force: true });
  }
  return { file, bytes: (await stat(file)).size };
}

export async function backup(where: Where, file: string): Promise<BackupReport> {
  if (where.url) {
    const { dbname, env, schema } = toolConnection(where.url);
    return writeWhole(file, async (partial) => {
      await runTool(
        "pg_dump",
        [
          "--format=custom",
          "--no-owner",
          "--no-privileges",
          "--no-unlogged-table-data", // the rate limit's buckets: filled again on their own
          ...(schema ? [`--schema=${schema}`] : []),
          `--file=${partial}`,
          `--dbname=${dbname}`,
        ],
        env,
      );
    });
  }
  const dataDir = where.dataDir;
  if (!dataDir || !existsSync(`${dataDir}/PG_VERSION`))
    throw new BackupError(
      `no PGlite database to back up${dataDir ? ` in ${dataDir}` : ""}: set DATABASE (or DATABASE_URL)`,
    );
  const db = await openDatabase({ dataDir });
  try {
    const tarball = await db.driver.dumpDataDir!();
    return await writeWhole(file, (partial) =>
      tarball.arrayBuffer().then((bytes) => writeFile(partial, new Uint8Array(bytes))),
    );
  } finally {
    await db.close();
  }
}

/** The TOC of a custom-format dump without its CREATE SCHEMA: the schema may already be there, emptied. */
async function tocWithoutSchema(file: string, env: Record<string, string>): Promise<string> {
  const toc = await runTool("pg_restore", ["--list", file], env);
  const listFile = `${file}.restore-list`;
  await writeFile(
    listFile,
    toc
      .split("\n")
      .filter((line) => !/^\d+; \d+ \d+ SCHEMA /.test(line))
      .join("\n"),
  );
  return listFile;
}

async function restorePostgres(url: string, file: string, replace: boolean): Promise<void> {
  const { dbname, env } = toolConnection(url);
  // Looked at as it is — not migrated first, so a backup from an older version restores onto nothing newer.
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    const present = await client.query<{ records: string | null }>("SELECT to_regclass('records')::text AS records");
    const held = present.rows[0]!.records
      ? Number((await client.query<{ n: string }>("SELECT count(*) AS n FROM records")).rows[0]!.n)
      : 0;
    if (held > 0 && !replace)
      throw new BackupError(
        `the database already holds ${held} records: restore into an empty one, or pass --replace to drop its tables and restore over them`,
      );
  } catch (error) {
    throw error instanceof BackupError
      ? error
      : new BackupError(`cannot reach the database to restore into: ${(error as Error).message}`);
  } finally {
    await client.end().catch(() => undefined);
  }
  // Whatever of ours is there is dropped and the backup's put in its place, in one transaction.
  const listFile = await tocWithoutSchema(file, env);
  try {
    await runTool(
      "pg_restore",
      [
        "--clean",
        "--if-exists",
        "--single-transaction",
        "--exit-on-error",
        "--no-owner",
        "--no-privileges",
        `--use-list=${listFile}`,
        `--dbname=${dbname}`,
        file,
      ],
      env,
    );
  } finally {
    await rm(listFile, { force: true });
  }
}

async function restorePglite(dataDir: string, file: string, replace: boolean): Promise<string | undefined> {
  let movedAside: string | undefined;
  if (existsSync(dataDir) && (await readdir(dataDir)).length > 0) {
    if (!replace)
      throw new BackupError(
        `${dataDir} is not empty: restore into a new directory, or pass --replace (the old one is moved aside, not deleted)`,
      );
    lockDataDir(dataDir)(); // refused while a server holds it
    movedAside = `${dataDir}.before-restore-${new Date().toISOString().replace(/[:.]/g, "-")}`;
    await rename(dataDir, movedAside);
  }
  const tarball = new Blob([new Uint8Array(await readFile(file))]);
  const db = await openDatabase({ dataDir, loadDataDir: tarball });
  await db.close();
  return movedAside;
}

export async function restore(where: Where, file: string, options: { replace?: boolean } = {}): Promise<RestoreReport> {
  if (!existsSync(file)) throw new BackupError(`no backup at ${file}`);
  const replace = options.replace ?? false;
  let movedAside: string | undefined;
  if (where.url) await restorePostgres(where.url, file, replace);
  else if (where.dataDir) movedAside = await restorePglite(where.dataDir, file, replace);
  else throw new BackupError("set DATABASE (PGlite's directory) or DATABASE_URL: where to restore to");
  const db = await openDatabase(where); // migrates a backup made by an older version
  try {
    const feedHead = await db.changes.restart();
    const records = (await db.query<{ n: number }>("SELECT count(*)::int AS n FROM records")).rows[0]!.n;
    const audit = await verifyAudit(db.driver);
    return { records, audit, feedHead, ...(movedAside ? { movedAside } : {}) };
  } finally {
    await db.close();
  }
}
