/**
 * Backups that restore (#31), on PGlite and on Debian's PostgreSQL: write, back
 * up, write more, restore — and what was committed when the backup was taken is
 * there exactly, what came after is not, the audit chain verifies, and every
 * change-feed cursor handed out before is gone (the clients read their scope
 * again). A restore never overwrites data unless told to, and PGlite's
 * directory is never opened by a second process.
 */
import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { freshPostgresSchema } from "../../../packages/data/test/support/postgres.js";
import { appendAudit } from "../src/audit.js";
import { backup, BackupError, restore } from "../src/backup.js";
import { openDatabase, type DatabaseOptions } from "../src/database.js";
import { CursorError } from "../src/feed.js";
import { DataDirInUseError, lockDataDir } from "../src/sql.js";
import { seedDemo } from "../src/seed.js";
import { callNote } from "./support/demo-bank.js";

type Db = Awaited<ReturnType<typeof openDatabase>>;
const dirs: string[] = [];
const scratch = async () => {
  const dir = await mkdtemp(join(tmpdir(), "bankcrm-backup-"));
  dirs.push(dir);
  return dir;
};
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

const reveal = (db: Db, customerId: string, n: number) =>
  db.driver.transaction((tx) =>
    appendAudit(tx, {
      at: `2026-12-07T0${n}:00:00.000Z`,
      actorId: "ST-BJ-CY-RE1",
      actorRole: "relationship_manager",
      action: "reveal",
      customerId,
      field: "contact.mobile",
      reason: "客户来电核实身份",
    }),
  );

/** Every record as (collection, id, etag): what a restore must give back exactly. */
const snapshot = async (db: Db) =>
  (
    await db.query<{ k: string }>(
      "SELECT collection || '/' || id || ' ' || etag AS k FROM records ORDER BY collection, id",
    )
  ).rows.map((r) => r.k);

/** What the book holds before the backup: 12 demo customers and their history, three reveals audited. */
async function written(db: Db) {
  await seedDemo(db, 12);
  for (let n = 1; n <= 3; n++) await reveal(db, "CU00000001", n);
  await db.put("interactions", callNote("IN-BEFORE", "CU00000001"));
  await db.changes.publish();
  return { records: await snapshot(db), head: (await db.changes.bounds()).head };
}

/** What comes after it: a new note, a changed customer, a fourth reveal — all to be undone by the restore. */
async function writtenAfter(db: Db) {
  await db.put("interactions", callNote("IN-AFTER", "CU00000002"));
  const customer = (await db.get("customers", "CU00000003"))!;
  await db.put("customers", { ...customer.body, version: Number(customer.body.version ?? 1) + 1 });
  await reveal(db, "CU00000002", 4);
  await db.changes.publish();
  return (await db.changes.bounds()).head;
}

async function expectRestored(where: DatabaseOptions, before: { records: string[]; head: number }, headAfter: number) {
  const db = await openDatabase(where);
  try {
    expect(await snapshot(db)).toEqual(before.records);
    expect(await db.get("interactions", "IN-AFTER")).toBeUndefined();
    expect(await db.get("interactions", "IN-BEFORE")).toBeDefined();
    const cursorGone = (after: number) =>
      db.changes.page(after, 10).then(
        () => "kept",
        (e: unknown) => (e instanceof CursorError ? e.kind : "other"),
      );
    // Before the restore a client at the backup's head, or past it, would have paged on; now both read again.
    expect(await cursorGone(before.head)).toBe("gone");
    expect(await cursorGone(headAfter)).toBe("gone");
    // A write after the restore takes a number no cursor of before can name.
    await db.put("interactions", callNote("IN-RESTORED", "CU00000001"));
    await db.changes.publish();
    const { head, floor } = await db.changes.bounds();
    expect(floor).toBeGreaterThan(headAfter);
    expect(head).toBe(floor + 1);
    expect((await db.changes.page(floor, 10)).items.map((c) => c.id)).toEqual(["IN-RESTORED"]);
  } finally {
    await db.close();
  }
}

describe("a backup of PGlite's directory", () => {
  it("restores into a new directory exactly what was committed when it was taken, the audit chain whole", async () => {
    const where = { dataDir: join(await scratch(), "crm") };
    const file = join(await scratch(), "crm.tar.gz");
    let db = await openDatabase(where);
    const before = await written(db);
    await db.close();
    expect((await backup(where, file)).bytes).toBeGreaterThan(0);
    db = await openDatabase(where);
    const headAfter = await writtenAfter(db);
    await db.close();

    const elsewhere = { dataDir: join(await scratch(), "restored") };
    const report = await restore(elsewhere, file);
    expect(report.audit).toEqual({ ok: true, rows: 3 });
    expect(report.records).toBe(before.records.length);
    await expectRestored(elsewhere, before, headAfter);

    // Over the directory it came from: refused unless --replace, which moves the old one aside.
    await expect(restore(where, file)).rejects.toBeInstanceOf(BackupError);
    const replaced = await restore(where, file, { replace: true });
    expect(replaced.movedAside).toMatch(/crm\.before-restore-/);
    expect(await readdir(replaced.movedAside!)).toContain("PG_VERSION");
    await expectRestored(where, before, headAfter);
  }, 60_000);

  it("is refused while another live process holds the directory, and taken over from a dead one", async () => {
    const dataDir = await scratch();
    await writeFile(join(dataDir, "bankcrm.pid"), String(process.ppid)); // alive, and not this process
    expect(() => lockDataDir(dataDir)).toThrow(DataDirInUseError);
    await expect(openDatabase({ dataDir })).rejects.toThrow(/in use by process/);
    await writeFile(join(dataDir, "bankcrm.pid"), "2147483646"); // no such process
    const release = lockDataDir(dataDir);
    release();
    expect(await readdir(dataDir)).not.toContain("bankcrm.pid");
  });
});

describe("a backup of a PostgreSQL database (pg_dump / pg_restore)", () => {
  it("is taken while the server writes on, and restores over the database with --replace", async () => {
    const schema = await freshPostgresSchema();
    const where = { url: schema.url };
    const file = join(await scratch(), "crm.dump");
    try {
      const db = await openDatabase({ ...where, poolSize: 2 });
      const before = await written(db);
      expect((await backup(where, file)).bytes).toBeGreaterThan(0); // the server's pool still open: online
      const headAfter = await writtenAfter(db);
      await db.close();

      await expect(restore(where, file)).rejects.toThrow(/already holds \d+ records/);
      const report = await restore(where, file, { replace: true });
      expect(report.audit).toEqual({ ok: true, rows: 3 });
      expect(report.records).toBe(before.records.length);
      await expectRestored(where, before, headAfter);
    } finally {
      await schema.drop();
    }
  }, 60_000);

  it("restores into an empty database", async () => {
    const [from, to] = await Promise.all([freshPostgresSchema(), freshPostgresSchema()]);
    const file = join(await scratch(), "crm.dump");
    try {
      const db = await openDatabase({ url: from.url, poolSize: 1 });
      await seedDemo(db, 5);
      await reveal(db, "CU00000001", 1);
      const records = await snapshot(db);
      await db.close();
      await backup({ url: from.url }, file);
      await from.drop(); // the original is gone; the backup names its schema, restored into the empty one of that name
      const target = new URL(to.url);
      target.searchParams.set("options", `-c search_path=${from.schema}`);
      const admin = await openDatabase({ url: to.url, poolSize: 1 });
      await admin.query(`CREATE SCHEMA ${from.schema}`);
      await admin.close();
      const report = await restore({ url: target.href }, file);
      expect(report.audit).toEqual({ ok: true, rows: 1 });
      const restored = await openDatabase({ url: target.href, poolSize: 1 });
      expect(await snapshot(restored)).toEqual(records);
      await restored.close();
    } finally {
      await to.drop();
      await from.drop();
    }
  }, 60_000);
});
