/** The static Storybook build renders the elements' stories and docs pages in headless Chromium. */
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchChromium } from "../support/browser.js";
import { serveStatic } from "../support/static-server.js";

const repo = fileURLToPath(new URL("../../", import.meta.url));
let site: { url: string; close(): Promise<void> };
let browser: Browser;
/** One preview page for every story: each test switches it to its story. */
let story: Page;

beforeAll(async () => {
  const out = mkdtempSync(join(tmpdir(), "bankcrm-storybook-"));
  execFileSync(join(repo, "node_modules/.bin/storybook"), ["build", "-o", out, "--quiet", "--disable-telemetry"], {
    cwd: repo,
    stdio: "pipe",
  });
  site = await serveStatic(out);
  browser = await launchChromium();
  story = await browser.newPage();
  await story.goto(`${site.url}iframe.html?id=elements-tier-badge--all-tiers&viewMode=story`);
  await story.locator("#storybook-root bankcrm-tier-badge").first().waitFor({ timeout: 30_000 });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe("Storybook (static build)", () => {
  for (const [id, tag] of [
    ["elements-customer-card--playground", "bankcrm-customer-card"],
    ["elements-value-badge--loading", "bankcrm-value-badge"],
    ["elements-tier-badge--all-tiers", "bankcrm-tier-badge"],
    ["elements-customer-timeline--ten-thousand-entries", "bankcrm-customer-timeline"],
    ["elements-lead-form--staff", "bankcrm-lead-form"],
    ["elements-task-list--playground", "bankcrm-task-list"],
    ["elements-activity-form--with-timeline", "bankcrm-activity-form"],
    ["elements-pipeline--two-thousand", "bankcrm-pipeline"],
    ["elements-lead-queue--branch-manager", "bankcrm-lead-queue"],
    ["elements-offer-list--five-offers", "bankcrm-offer-list"],
    ["elements-knowledge-search--playground", "bankcrm-knowledge-search"],
    ["elements-target-progress--team", "bankcrm-target-progress"],
    ["elements-case-form--playground", "bankcrm-case-form"],
    ["elements-case-queue--playground", "bankcrm-case-queue"],
    ["elements-satisfaction-survey--playground", "bankcrm-satisfaction-survey"],
    ["elements-customer-form--playground", "bankcrm-customer-form"],
    ["elements-campaign-report--playground", "bankcrm-campaign-report"],
    ["elements-segment-builder--playground", "bankcrm-segment-builder"],
    ["elements-kpi-tile--playground", "bankcrm-kpi-tile"],
    ["elements-chart--playground", "bankcrm-chart"],
    ["elements-value-breakdown--playground", "bankcrm-value-breakdown"],
    ["elements-match-review--playground", "bankcrm-match-review"],
    ["elements-relationship-group--playground", "bankcrm-relationship-group"],
  ] as const) {
    it(`renders the story ${id}`, async () => {
      const errors: string[] = [];
      const onError = (e: Error) => errors.push(String(e));
      story.on("pageerror", onError);
      // The preview switches story as the manager's sidebar does (its channel), without loading the bundle again.
      await story.evaluate((storyId) => {
        const channel = (window as unknown as { __STORYBOOK_ADDONS_CHANNEL__: { emit(e: string, p: object): void } })
          .__STORYBOOK_ADDONS_CHANNEL__;
        channel.emit("setCurrentStory", { storyId, viewMode: "story" });
      }, id);
      await story.locator(`#storybook-root ${tag}`).first().waitFor({ timeout: 30_000 });
      const text = await story
        .locator(`#storybook-root ${tag}`)
        .first()
        .evaluate((el) => el.shadowRoot?.textContent?.trim() ?? "");
      expect(text.length).toBeGreaterThan(0);
      expect(errors).toEqual([]);
      story.off("pageerror", onError);
    });
  }

  it("shows the lead form's offline story queuing the lead in the outbox", async () => {
    const page = await browser.newPage();
    await page.goto(`${site.url}iframe.html?id=elements-lead-form--offline&viewMode=story`);
    await expect
      .poll(
        () =>
          page
            .locator("bankcrm-lead-form")
            .evaluate((el) => el.shadowRoot?.querySelector('[role="status"]')?.textContent?.trim() ?? ""),
        { timeout: 30_000 },
      )
      .toBe("当前离线：线索已保存在本机，联网后自动发送");
    await page.close();
  });

  it("renders a docs page generated from the custom-elements manifest", async () => {
    const page = await browser.newPage();
    await page.goto(`${site.url}iframe.html?id=elements-customer-card--docs&viewMode=docs`);
    await expect
      .poll(async () => page.locator("table").filter({ hasText: "customer-id" }).count(), { timeout: 30_000 })
      .toBeGreaterThan(0);
    await page.close();
  });
});
