/**
 * `pnpm start`'s page, end to end: the built branch workstation served with its
 * strict CSP, in real Chromium, generating its demo book into IndexedDB.
 */
import { mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Locator } from "playwright-core";
import { launchChromium } from "../support/browser.js";
import { openWatchedPage } from "../support/watched-page.js";
import { buildAndServe, type Served } from "../support/served.js";

const root = fileURLToPath(new URL("../../examples/branch-workstation/", import.meta.url));
const artifacts = fileURLToPath(new URL("../../test-results/", import.meta.url));

let site: Served;
let browser: Browser;

beforeAll(async () => {
  site = await buildAndServe(root);
  browser = await launchChromium();
  mkdirSync(artifacts, { recursive: true });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

const openPage = (query: string) => openWatchedPage(browser, `${site.url}${query}`);

const require = createRequire(import.meta.url);
const rowsOf = (app: Locator) => app.locator('[role="option"]');

describe("branch workstation (pnpm start)", () => {
  it("generates the demo book with visible progress, then lists, filters and sorts customers with masked identifiers", async () => {
    const { page, violations, errors } = await openPage("?customers=3000&seed=e2e");
    const app = page.locator("bankcrm-workstation-app");
    await expect.poll(() => app.locator("progress").count(), { timeout: 10_000 }).toBe(1);
    await rowsOf(app).first().waitFor({ timeout: 60_000 });
    // The relationship manager sees their own book; the auditor sees the whole bank.
    await app.locator('select[data-testid="role"]').selectOption("auditor");
    await expect.poll(() => app.locator('[data-testid="count"]').textContent()).toBe("共 3,000 位客户");
    expect(await rowsOf(app).count()).toBeLessThan(100); // virtualized

    const mobiles = await app.locator('[data-field="mobile"]').allTextContents();
    for (const m of mobiles.filter((x) => x.trim() !== "—")) expect(m.trim()).toMatch(/^1\d\d\*{4}\d{4}$/);
    // Sorted by AUM, largest first.
    const aums = await rowsOf(app).evaluateAll((els) => els.map((e) => e.querySelector(".num")?.textContent ?? ""));
    expect(aums[0]).toMatch(/亿|万/);

    await app.locator('select[data-testid="tier"]').selectOption("gold");
    await expect
      .poll(async () =>
        (await app.locator("bankcrm-tier-badge").evaluateAll((els) => els.map((e) => e.getAttribute("tier")))).every(
          (t) => t === "gold",
        ),
      )
      .toBe(true);
    const gold = Number((await app.locator('[data-testid="count"]').textContent())!.replace(/\D/g, ""));
    expect(gold).toBeGreaterThan(0);
    expect(gold).toBeLessThan(3000);
    await app.locator('select[data-testid="tier"]').selectOption("");
    await app.locator('select[data-testid="segment"]').selectOption("corporate");
    await expect
      .poll(async () => (await rowsOf(app).allTextContents()).every((t) => t.includes("对公客户")))
      .toBe(true);
    // The view says why the customer is in the segment, condition by condition.
    await rowsOf(app).first().click();
    await expect
      .poll(() => app.locator('[data-testid="why-segment"]').textContent())
      .toMatch(/为何属于细分“对公客户”[\s\S]*✓/);
    await app.locator('button[data-testid="close"]').click();
    await app.locator('select[data-testid="segment"]').selectOption("");
    const firstId = (await rowsOf(app).nth(3).getAttribute("data-customer-id"))!;
    await app.locator('input[data-testid="search"]').fill(firstId);
    await expect.poll(() => app.locator('[data-testid="count"]').textContent()).toBe("共 1 位客户");
    await app.locator('input[data-testid="search"]').fill("");

    await app.getByRole("button", { name: "English" }).click();
    await expect.poll(() => app.locator("h1").textContent()).toBe("bankcrm branch workstation");
    await page.screenshot({ path: `${artifacts}workstation-list.png` });
    await app.locator('input[data-testid="theme"]').check();
    await expect.poll(() => app.getAttribute("theme")).toBe("dark");
    await page.screenshot({ path: `${artifacts}workstation-list-dark.png` });

    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it("opens the 360 view; a relationship manager reveals the mobile (audited), a teller cannot", async () => {
    const { page, violations, errors } = await openPage("?customers=500&seed=e2e-card");
    const app = page.locator("bankcrm-workstation-app");
    await rowsOf(app).first().waitFor({ timeout: 60_000 });
    await rowsOf(app).first().click();
    const view = app.locator("ws-customer-360");
    const card = view.locator("bankcrm-customer-card");
    const mobile = card.locator('[data-field="contact.mobile"]');
    await expect.poll(() => mobile.textContent(), { timeout: 10_000 }).toMatch(/^1\d\d\*{4}\d{4}$/);
    // Every part of the single customer view is there.
    await expect.poll(() => view.locator('[data-testid="holdings"] tbody tr').count()).toBeGreaterThan(0);
    expect(await view.locator('[data-testid="offers"] h2').textContent()).toBe("推荐产品（下一最佳）");
    // The timeline renders its rows once scrolled into view (virtualized).
    await view.locator("bankcrm-customer-timeline").scrollIntoViewIfNeeded();
    await expect
      .poll(() => view.locator("bankcrm-customer-timeline").locator("article").count(), { timeout: 10_000 })
      .toBeGreaterThan(0);
    await view.locator("bankcrm-customer-card").scrollIntoViewIfNeeded();
    // Capture a lead for this customer: stored at once in the embedded store.
    const form = view.locator("bankcrm-lead-form");
    await form.locator("#purpose").selectOption("credit_card");
    await form.locator("#name").fill("客户本人");
    await form.locator("#mobile").fill("13900001234");
    await form.locator("#consent").check();
    await form.locator('[part="submit"]').click();
    await expect.poll(() => form.locator('[role="status"]').textContent()).toBe("线索已保存");

    // Log a contact: it is first in the timeline at once, with its follow-up task.
    const work = view.locator("ws-customer-work");
    const contact = work.locator('[data-testid="log-contact"]');
    await contact.locator('button[type="submit"]').click();
    await expect.poll(() => work.locator('[data-testid="contact-status"]').textContent()).toBe("请修正标出的问题");
    expect(await contact.locator("textarea[name=summary]").getAttribute("aria-invalid")).toBe("true");
    await contact.locator('select[name="channel"]').selectOption("phone");
    await contact.locator("textarea[name=summary]").fill("电话沟通信用卡额度，客户有兴趣");
    await contact.locator("input[name=nextStep]").fill("下周寄送申请资料");
    await contact.locator("input[name=followUp]").check();
    await contact.locator("input[name=due]").fill("2026-12-07");
    await contact.locator('button[type="submit"]').click();
    await expect
      .poll(() => work.locator('[data-testid="contact-status"]').textContent())
      .toBe("联系记录与跟进任务已保存");
    const timeline = view.locator("bankcrm-customer-timeline");
    await timeline.scrollIntoViewIfNeeded();
    await expect
      .poll(() => timeline.locator("article .detail").allTextContents(), { timeout: 10_000 })
      .toContain("电话沟通信用卡额度，客户有兴趣");

    // Work the captured lead: new → contacted → qualified → converted, each state shown at once.
    const lead = work.locator('[data-testid="leads"] li').first();
    await expect.poll(() => lead.locator('[data-testid="lead-status"]').textContent()).toBe("新线索");
    for (const [event, status] of [
      ["contact", "已联系"],
      ["qualify", "已确认"],
      ["convert", "已转化"],
    ] as const) {
      await lead.locator(`button[data-event="${event}"]`).focus();
      await page.keyboard.press("Enter");
      await expect.poll(() => lead.locator('[data-testid="lead-status"]').textContent()).toBe(status);
    }
    expect(await lead.locator("button").count()).toBe(0); // a converted lead offers nothing more
    await work.screenshot({ path: `${artifacts}workstation-work.png` });
    await timeline.scrollIntoViewIfNeeded();
    await expect
      .poll(() => timeline.locator("article .title").allTextContents(), { timeout: 10_000 })
      .toContain("信用卡申请 · 已转化");
    await card.scrollIntoViewIfNeeded();
    await card.getByRole("button", { name: "显示完整手机" }).click();
    await expect.poll(() => mobile.textContent()).toMatch(/^1\d{10}$/);
    await expect
      .poll(() =>
        app
          .locator('[data-testid="audit"] li')
          .first()
          .evaluate((li) => li.textContent),
      )
      .toContain("contact.mobile");
    await page.screenshot({ path: `${artifacts}workstation-360.png` });

    await app.locator('select[data-testid="role"]').selectOption("teller");
    await rowsOf(app).nth(1).click();
    await expect
      .poll(() => card.locator('[data-field="contact.mobile"]').textContent(), { timeout: 10_000 })
      .toMatch(/\*{4}/);
    expect(await card.getByRole("button", { name: "显示完整手机" }).count()).toBe(0);
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it("has no axe violations in the list and the 360 view, in both themes", async () => {
    // axe is injected as a script, which the page's CSP (rightly) forbids: this context bypasses it.
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${site.url}?customers=300&seed=e2e-axe`);
    const app = page.locator("bankcrm-workstation-app");
    await rowsOf(app).first().waitFor({ timeout: 60_000 });
    const axe = async () => {
      await page.addScriptTag({ path: require.resolve("axe-core/axe.min.js") });
      return page.evaluate(async () => {
        const run = (
          window as unknown as {
            axe: {
              run(ctx: unknown, o: unknown): Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }>;
            };
          }
        ).axe;
        const result = await run.run(document, { runOnly: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] });
        return result.violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.slice(0, 3).map((n) => n.target))}`);
      });
    };
    expect(await axe()).toEqual([]);
    await rowsOf(app).first().click();
    await app.locator("ws-customer-360 bankcrm-customer-card").waitFor();
    await app.locator("ws-customer-360 [data-testid=holdings]").waitFor();
    expect(await axe()).toEqual([]);
    await app.locator('input[data-testid="theme"]').check();
    expect(await axe()).toEqual([]);
    await context.close();
  }, 120_000);

  it("starts from the stored book on the next visit instead of generating again", async () => {
    const { page } = await openPage("?customers=500&seed=e2e-reload");
    const app = page.locator("bankcrm-workstation-app");
    await rowsOf(app).first().waitFor({ timeout: 60_000 });
    await page.reload();
    await rowsOf(app).first().waitFor({ timeout: 10_000 });
    expect(await app.locator("progress").count()).toBe(0);
    await app.locator('select[data-testid="role"]').selectOption("auditor");
    await expect.poll(() => app.locator('[data-testid="count"]').textContent()).toBe("共 500 位客户");
    await page.close();
  }, 120_000);
});
