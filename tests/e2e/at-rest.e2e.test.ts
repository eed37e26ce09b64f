/**
 * What an attacker reading a branch PC's browser profile finds: Chromium runs
 * with a profile folder of its own, the workstation works in it — embedded
 * (1,000 demo customers generated, one opened), and in server mode with its
 * offline cache and a write queued in the outbox — then the browser is closed
 * and every file of the profile is read as bytes. No valid resident ID number
 * (GB 11643 check digit), no 11-digit mobile, no Luhn-valid card number and no
 * customer name may be in them. Then each mode logs out, and its databases are gone.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromium, type BrowserContext } from "playwright-core";
import { isValidBankCardNumber, isValidResidentIdNumber, type StaffRole } from "../../packages/core/src/index.js";
import { generateDemoCustomers } from "../../packages/core/src/demo/index.js";
import { startReferenceServer, type RunningServer } from "../../packages/data/test/support/reference-server.js";
import { seedDemo } from "../../examples/reference-server/src/seed.js";
import { chromiumArgs, chromiumPath } from "../support/chromium.js";
import { buildAndServe, type Served } from "../support/served.js";

const root = fileURLToPath(new URL("../../examples/branch-workstation/", import.meta.url));
const EMBEDDED = 1000;
let api: RunningServer;
let embedded: Served;
let server: Served;
const profile = mkdtempSync(join(tmpdir(), "bankcrm-profile-"));

beforeAll(async () => {
  api = await startReferenceServer();
  await seedDemo(api.db, 300);
  embedded = await buildAndServe(root);
  server = await buildAndServe(root, {
    api: api.url,
    signToken: (staff) => api.tokenFor({ ...staff, role: staff.role as StaffRole }),
  });
}, 180_000);

afterAll(async () => {
  await embedded?.close();
  await server?.close();
  await api?.close();
  rmSync(profile, { recursive: true, force: true });
});

const open = (): Promise<BrowserContext> =>
  chromium.launchPersistentContext(profile, { executablePath: chromiumPath, args: chromiumArgs, headless: true });

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    const stat = statSync(path, { throwIfNoEntry: false });
    if (!stat) return [];
    return stat.isDirectory() ? filesUnder(path) : stat.isFile() ? [path] : [];
  });
}

/**
 * Chromium's own times: seconds (11 digits, 13.0–13.6 × 10⁹ now) or microseconds (17 digits) since 1601, in
 * Preferences and its databases. They look like mobiles and card numbers and are neither.
 */
const chromiumTime = (digits: string) => {
  const seconds = Number(digits.slice(0, 11));
  return (digits.length === 11 || digits.length === 17) && seconds > 13_000_000_000 && seconds < 13_600_000_000;
};
/** Where a match is, with the printable bytes around it (for a failure message). */
const around = (text: string, index: number) =>
  text.slice(Math.max(0, index - 40), index + 60).replace(/[^\x20-\x7e]/g, ".");

/**
 * Whether `name` is in `bytes`. A two-character name in UTF-16 is four bytes, which megabytes of ciphertext hold by
 * chance about once a run (1,000 names × 4 MB / 2³²): there it counts only as a whole string as V8 stores one — the
 * two-byte string tag `c` and its byte length (4) right before it, i.e. a name field in the clear. Longer names, and
 * every name in UTF-8 (6+ bytes), count anywhere.
 */
function nameIn(bytes: Buffer, name: string, encoding: "utf8" | "utf16le"): boolean {
  const needle = Buffer.from(name, encoding);
  if (encoding === "utf8" || needle.length > 4) return bytes.includes(needle);
  for (let at = bytes.indexOf(needle); at >= 0; at = bytes.indexOf(needle, at + 1))
    if (at >= 2 && bytes[at - 2] === 0x63 && bytes[at - 1] === needle.length) return true;
  return false;
}

/**
 * Every personal identifier and name found in the profile's files, with where. A mobile counts when it is one the
 * profile could hold (a customer's, or one typed in): an 11-digit run inside a hex digest (a blind index) that
 * LevelDB's block compression happens to cut out of its digest looks like a mobile and is none (it failed once so).
 */
function scanProfile(names: readonly string[], ids: readonly string[], mobiles: ReadonlySet<string>) {
  const found: string[] = [];
  let clearIds = 0;
  for (const file of filesUnder(profile)) {
    const bytes = readFileSync(file);
    // One-byte strings as bytes; two-byte strings (text with Chinese in it) as UTF-16, at either alignment.
    for (const text of [bytes.toString("latin1"), bytes.toString("utf16le"), bytes.subarray(1).toString("utf16le")]) {
      // Bounded by anything but a letter or digit: a run of digits inside a hex digest (a blind index) is not one.
      for (const m of text.matchAll(/(?<![0-9A-Za-z])\d{17}[\dX](?![0-9A-Za-z])/g))
        if (isValidResidentIdNumber(m[0])) found.push(`${file}: resident ID ${m[0]} in ${around(text, m.index)}`);
      for (const m of text.matchAll(/(?<![0-9A-Za-z])1[3-9]\d{9}(?![0-9A-Za-z])/g))
        if (mobiles.has(m[0]) && !chromiumTime(m[0])) found.push(`${file}: mobile ${m[0]} in ${around(text, m.index)}`);
      for (const m of text.matchAll(/(?<![0-9A-Za-z])\d{16,19}(?![0-9A-Za-z])/g))
        if (isValidBankCardNumber(m[0]) && !chromiumTime(m[0]))
          found.push(`${file}: card ${m[0]} in ${around(text, m.index)}`);
    }
    for (const name of names)
      for (const encoding of ["utf8", "utf16le"] as const)
        if (nameIn(bytes, name, encoding))
          found.push(
            `${file}: name ${name} (${encoding}) in ${around(bytes.toString(encoding), bytes.toString(encoding).indexOf(name))}`,
          );
    // The control: customer numbers are not personal and stay in the clear for the indexes.
    for (const id of ids) if (bytes.includes(Buffer.from(id, "latin1"))) clearIds++;
  }
  return { found, clearIds };
}

describe("personal data at rest in the browser profile", () => {
  it("leaves no identifier and no name in the profile's files, embedded and in server mode with a queued write", async () => {
    // Embedded: generate the demo book, open a customer (their history is generated into the store).
    let context = await open();
    let page = await context.newPage();
    await page.goto(`${embedded.url}?customers=${EMBEDDED}#/customers`);
    let app = page.locator("bankcrm-workstation-app");
    await app.locator('[role="option"]').first().waitFor({ timeout: 60_000 });
    await app.locator('[role="option"]').first().click();
    await app.locator("ws-customer-360 bankcrm-customer-card").waitFor({ timeout: 15_000 });
    await context.close();

    // Server mode: the cache fills from the server; a contact is logged offline and waits in the outbox.
    context = await open();
    page = await context.newPage();
    await page.goto(`${server.url}#/customers`);
    app = page.locator("bankcrm-workstation-app");
    await app.locator('[role="option"]').first().waitFor({ timeout: 30_000 });
    await app.locator('[role="option"]').first().click();
    const view = app.locator("ws-customer-360");
    await view.locator("bankcrm-customer-card").waitFor({ timeout: 15_000 });
    await app.locator('[data-testid="toggle-online"]').click();
    const contact = view.locator("bankcrm-activity-form");
    await contact.locator("textarea[name=summary]").fill("回电 13912345678 关于定期存款");
    await contact.locator('[part="submit"]').click();
    await expect.poll(() => app.locator('[data-testid="outbox"]').textContent()).toBe("待发送 1 · 失败 0 · 冲突 0");
    await context.close();

    const customers = generateDemoCustomers({ seed: "bankcrm", start: 0, count: EMBEDDED });
    const names = customers.map((c) => c.name).filter((n) => [...n].length >= 2);
    // The mobiles the profile could hold: the embedded book's, the server's customers', and the one typed in.
    const served = await api.db.query<{ mobile: string | null }>(
      "SELECT body -> 'contact' ->> 'mobile' AS mobile FROM records WHERE collection = 'customers'",
    );
    const mobiles = new Set([
      ...customers.flatMap((c) => (c.contact.mobile ? [c.contact.mobile] : [])),
      ...served.rows.flatMap((r) => (r.mobile ? [r.mobile] : [])),
      "13912345678",
    ]);
    expect(mobiles.size).toBeGreaterThan(500);
    const { found, clearIds } = scanProfile(
      names,
      customers.map((c) => c.id),
      mobiles,
    );
    // The scan reads what IndexedDB holds: the customer numbers kept clear for the indexes are there.
    expect(clearIds).toBeGreaterThan(100);
    expect(found).toEqual([]);
  }, 240_000);

  it("logs out: refuses to drop a queued write without confirmation, then deletes the databases and keys", async () => {
    const context = await open();
    const page = await context.newPage();
    const databases = () => page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? ""));

    // Server mode, offline, a contact logged: it waits in the outbox. The first "cancel" keeps everything.
    await page.goto(`${server.url}#/customers`);
    const app = page.locator("bankcrm-workstation-app");
    await app.locator('[role="option"]').first().waitFor({ timeout: 30_000 });
    await app.locator('[role="option"]').first().click();
    await app.locator('[data-testid="toggle-online"]').click();
    const contact = app.locator("ws-customer-360 bankcrm-activity-form");
    await contact.locator("textarea[name=summary]").fill("离线记录");
    await contact.locator('[part="submit"]').click();
    await expect.poll(() => app.locator('[data-testid="outbox"]').textContent()).toBe("待发送 1 · 失败 0 · 冲突 0");
    expect((await databases()).filter((n) => n.startsWith("bankcrm-workstation")).length).toBeGreaterThan(1);
    // Each click's dialog is awaited before the next: the confirm comes after an await (the outbox's
    // count), so a handler registered early would catch the first dialog too.
    await Promise.all([
      page.waitForEvent("dialog").then((dialog) => dialog.dismiss()),
      app.locator('[data-testid="logout"]').click(),
    ]);
    await expect.poll(() => app.locator('[data-testid="outbox"]').textContent()).toContain("待发送 1");
    expect(await app.locator('[data-testid="logged-out"]').count()).toBe(0);
    await Promise.all([
      page.waitForEvent("dialog").then((dialog) => dialog.accept()),
      app.locator('[data-testid="logout"]').click(),
    ]);
    await app.locator('[data-testid="logged-out"]').waitFor({ timeout: 10_000 });
    expect((await databases()).filter((n) => n.startsWith("bankcrm-workstation"))).toEqual([]);

    // Embedded: the book, its row cache and the keys go.
    await page.goto(`${embedded.url}?customers=${EMBEDDED}#/customers`);
    await app.locator('[role="option"]').first().waitFor({ timeout: 60_000 });
    expect((await databases()).filter((n) => n.startsWith("bankcrm-workstation")).length).toBeGreaterThan(0);
    await app.locator('[data-testid="logout"]').click();
    await app.locator('[data-testid="logged-out"]').waitFor({ timeout: 10_000 });
    expect((await databases()).filter((n) => n.startsWith("bankcrm-workstation"))).toEqual([]);
    await context.close();
  }, 180_000);
});
