/**
 * `pnpm start`'s page, end to end: the built branch workstation served with its
 * strict CSP, in real Chromium, generating its demo book into IndexedDB.
 */
import type { Server } from "node:http";
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build } from "vite";
import type { Browser } from "playwright-core";
import { launchChromium } from "../support/browser.js";
import { openWatchedPage } from "../support/watched-page.js";
// @ts-expect-error — a plain ES module without types
import { serve } from "../../examples/branch-workstation/serve.mjs";

const root = fileURLToPath(new URL("../../examples/branch-workstation/", import.meta.url));
const artifacts = fileURLToPath(new URL("../../test-results/", import.meta.url));

let server: Server;
let browser: Browser;
let base: string;

beforeAll(async () => {
  await build({ root, logLevel: "warn" });
  server = (await serve({ root: `${root}dist`, port: 0 })) as Server;
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}/`;
  browser = await launchChromium();
  mkdirSync(artifacts, { recursive: true });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

const openPage = (query: string) => openWatchedPage(browser, `${base}${query}`);

describe("branch workstation (pnpm start)", () => {
  it("generates the demo book with visible progress, then lists customers with tiers and masked identifiers", async () => {
    const { page, violations, errors } = await openPage("?customers=3000&seed=e2e");
    const app = page.locator("bankcrm-workstation-app");
    await expect.poll(() => app.locator("progress").count(), { timeout: 10_000 }).toBe(1);
    await app.locator("tbody tr").first().waitFor({ timeout: 60_000 });
    await expect.poll(() => app.locator('[data-testid="count"]').textContent()).toBe("共 3,000 位客户");
    expect(await app.locator("tbody tr").count()).toBe(50);

    const mobiles = await app.locator('td[data-field="mobile"]').allTextContents();
    for (const m of mobiles) expect(m.trim()).toMatch(/^1\d\d\*{4}\d{4}$/);
    const ids = await app.locator('td[data-field="identifier"]').allTextContents();
    expect(ids.some((id) => /^\d{3}\*{11}[\dX]{4}$/.test(id.trim()))).toBe(true);
    const badges = await app
      .locator("bankcrm-tier-badge")
      .evaluateAll((els) => els.map((e) => e.shadowRoot?.textContent?.trim()));
    expect(badges.every((b) => /客户$/.test(b ?? ""))).toBe(true);

    // Filter by tier, then switch to English.
    await app.locator('select[data-testid="tier"]').selectOption("gold");
    await expect
      .poll(async () =>
        (await app.locator("bankcrm-tier-badge").evaluateAll((els) => els.map((e) => e.getAttribute("tier")))).every(
          (t) => t === "gold",
        ),
      )
      .toBe(true);
    await app.getByRole("button", { name: "English" }).click();
    await expect.poll(() => app.locator("h1").textContent()).toBe("bankcrm branch workstation");
    await page.screenshot({ path: `${artifacts}workstation-list.png`, fullPage: false });

    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it("opens a customer's card; a relationship manager reveals the mobile (audited), a teller cannot", async () => {
    const { page, violations, errors } = await openPage("?customers=500&seed=e2e-card");
    const app = page.locator("bankcrm-workstation-app");
    await app.locator("tbody tr").first().waitFor({ timeout: 60_000 });
    await app.locator("button[data-open]").first().click();
    const card = app.locator("bankcrm-customer-card");
    const mobile = card.locator('[data-field="contact.mobile"]');
    await expect.poll(() => mobile.textContent(), { timeout: 10_000 }).toMatch(/^1\d\d\*{4}\d{4}$/);
    await card.getByRole("button", { name: "显示完整手机" }).click();
    await expect.poll(() => mobile.textContent()).toMatch(/^1\d{10}$/);
    await expect.poll(() => app.locator('[data-testid="audit"] li').first().textContent()).toContain("contact.mobile");
    await page.screenshot({ path: `${artifacts}workstation-card.png` });

    await app.locator('select[data-testid="role"]').selectOption("teller");
    await app.locator("button[data-open]").nth(1).click();
    await expect
      .poll(() => card.locator('[data-field="contact.mobile"]').textContent(), { timeout: 10_000 })
      .toMatch(/\*{4}/);
    expect(await card.getByRole("button", { name: "显示完整手机" }).count()).toBe(0);
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it("starts from the stored book on the next visit instead of generating again", async () => {
    const { page } = await openPage("?customers=500&seed=e2e-reload");
    const app = page.locator("bankcrm-workstation-app");
    await app.locator("tbody tr").first().waitFor({ timeout: 60_000 });
    await page.reload();
    await app.locator("tbody tr").first().waitFor({ timeout: 10_000 });
    expect(await app.locator("progress").count()).toBe(0);
    await expect.poll(() => app.locator('[data-testid="count"]').textContent()).toBe("共 500 位客户");
    await page.close();
  }, 120_000);
});
