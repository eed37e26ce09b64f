/**
 * A PostgreSQL server for tests: TEST_DATABASE_URL, or the database
 * scripts/setup.sh creates on Debian's PostgreSQL. Each caller gets a schema of
 * its own (dropped after), so test files run side by side without sharing rows.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";

export const TEST_DATABASE_URL =
  process.env.TEST_DATABASE_URL ?? "postgres://bankcrm:bankcrm@127.0.0.1:5432/bankcrm_test";

export async function freshPostgresSchema(): Promise<{ url: string; schema: string; drop(): Promise<void> }> {
  const schema = `test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  try {
    await admin.connect();
  } catch (error) {
    throw new Error(
      `no PostgreSQL at ${TEST_DATABASE_URL.replace(/:[^:@/]+@/, ":***@")}: run ./scripts/setup.sh (it starts Debian's PostgreSQL) or set TEST_DATABASE_URL`,
      { cause: error },
    );
  }
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const url = new URL(TEST_DATABASE_URL);
  url.searchParams.set("options", `-c search_path=${schema}`);
  return {
    url: url.href,
    schema,
    async drop() {
      const c = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await c.connect();
      await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await c.end();
    },
  };
}
