/**
 * The loader's command killed with SIGKILL mid-load on PostgreSQL, then run again on the same file: the database
 * holds exactly what one clean load gives — no row lost, none twice — and the second run resumed after the last
 * batch the first one committed.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import iconv from "iconv-lite";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { formatResidentIdNumber } from "@bankcrm/core/identifiers";
import { freshPostgresSchema } from "../../../packages/data/test/support/postgres.js";
import { CUSTOMER_CONSTANTS, loadedCustomers } from "./support/loaded.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "bankcrm-loader-kill-"));
const mapping = (source: string) => `source: ${source}
collection: customers
encoding: gbk
key: NO
fields:
  id: { column: NO, prefix: "CU-${source}-" }
  kind: { value: individual }
  name: { column: NAME }
  gender: { column: SEX, values: { "1": male, "2": female } }
  birthDate: { value: "1980-01-01" }
  idDocument.type: { value: resident_id }
  idDocument.number: { column: ID, identifier: residentId }
  contact: { value: {} }
${CUSTOMER_CONSTANTS}`;

const importing = (url: string, source: string, file: string) =>
  spawn(
    process.execPath,
    ["--import", "tsx", "src/main.ts", "import", "--mapping", join(dir, `${source}.yaml`), "--batch", "200", file],
    { cwd: root, env: { ...process.env, DATABASE_URL: url, AUTH_SECRET: "" }, stdio: ["ignore", "pipe", "pipe"] },
  );
const finished = (child: ReturnType<typeof spawn>) =>
  new Promise<{ code: number | null; out: string }>((resolve) => {
    let out = "";
    child.stdout!.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr!.on("data", (d: Buffer) => (out += d.toString()));
    child.on("exit", (code) => resolve({ code, out }));
  });

describe("the loader's command on PostgreSQL", () => {
  it("killed with SIGKILL mid-load and run again, leaves exactly one clean load's records", async () => {
    const schema = await freshPostgresSchema();
    const rows = ["NO,NAME,SEX,ID"];
    for (let i = 0; i < 3000; i++) {
      const sequence = String(100 + (i % 800)).padStart(3, "0");
      const sex = Number(sequence) % 2 === 1 ? 1 : 2;
      rows.push(
        `${500_000 + i},客户${i},${sex},${formatResidentIdNumber({ regionCode: "110105", birthDate: "1980-01-01", sequence })}`,
      );
    }
    const file = join(dir, "cif.csv");
    writeFileSync(file, iconv.encode(rows.join("\r\n") + "\r\n", "gbk"));
    for (const source of ["KILL", "CLEAN"]) writeFileSync(join(dir, `${source}.yaml`), mapping(source));
    const db = new pg.Client({ connectionString: schema.url });
    await db.connect();
    try {
      // The first run: killed once it has committed a batch or two, while it is still loading.
      const first = importing(schema.url, "KILL", file);
      const firstEnd = finished(first);
      let committed = 0;
      // (Until the child has migrated the schema, load_runs is not there: the query fails and counts as 0.)
      for (let waited = 0; committed === 0 && waited < 60_000; waited += 50) {
        await new Promise((r) => setTimeout(r, 50));
        committed = await db
          .query<{ n: string }>("SELECT coalesce(max(committed_rows), 0) AS n FROM load_runs WHERE system = 'KILL'")
          .then((r) => Number(r.rows[0]!.n))
          .catch(() => 0);
      }
      first.kill("SIGKILL");
      expect((await firstEnd).code).toBe(null); // killed, not finished
      expect(committed).toBeGreaterThan(0);
      expect(committed).toBeLessThan(3000);
      // Again, to the end; then a clean load of the same file under another source.
      const again = await finished(importing(schema.url, "KILL", file));
      expect(again.code, again.out).toBe(0);
      expect(again.out).toMatch(/already committed/);
      const clean = await finished(importing(schema.url, "CLEAN", file));
      expect(clean.code, clean.out).toBe(0);
      // A customer file's records are folded for entity resolution as the load ends (its own 3,000 only).
      expect(clean.out).toMatch(/resolution: 3,000 customer records folded/);
      const bodies = (system: string) => loadedCustomers(db, system);
      const killed = await bodies("KILL");
      expect(killed.length).toBe(3000);
      expect(killed).toEqual(await bodies("CLEAN"));
    } finally {
      await db.end().catch(() => undefined);
      await schema.drop();
    }
  }, 120_000);
});
