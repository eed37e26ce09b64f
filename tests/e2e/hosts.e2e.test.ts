/**
 * The other hosts: the internet-banking page (plain HTML, no build step, an
 * import map), the React 19 app and the Vue 3 app each render the lead form
 * under the strict CSP and submit a lead — with consent, validation and status.
 */
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Locator } from "playwright-core";
import { launchChromium } from "../support/browser.js";
import { openWatchedPage } from "../support/watched-page.js";
import { serve as serveInternetBanking } from "../../examples/internet-banking/serve.mjs";
import { buildAndServe, served, type Served } from "../support/served.js";

const reactRoot = fileURLToPath(new URL("../../examples/react-host/", import.meta.url));
const vueRoot = fileURLToPath(new URL("../../examples/vue-host/", import.meta.url));
const artifacts = fileURLToPath(new URL("../../test-results/", import.meta.url));
let browser: Browser;
let react: Served;
let vue: Served;
let internetBanking: Served;

beforeAll(async () => {
  react = await buildAndServe(reactRoot);
  // Vue creates a Trusted Types policy of its own, named "vue": a Vue host allows it beside Lit's.
  vue = await buildAndServe(vueRoot, {
    csp: (csp) => csp.replace("trusted-types lit-html", "trusted-types lit-html vue"),
  });
  internetBanking = served(await serveInternetBanking({ port: 0 }));
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await react?.close();
  await vue?.close();
  await internetBanking?.close();
});

/** Fills the form's name and mobile, ticks consent, and submits — through its shadow DOM, as a person would. */
async function fillAndSubmit(form: Locator, name: string, mobile: string) {
  await form.locator("#name").fill(name);
  await form.locator("#mobile").fill(mobile);
  await form.locator("#consent").check();
  await form.locator('[part="submit"]').click();
}

/**
 * A framework host: its tier badge shows what the host bound as a property, and
 * the lead the form submits reaches the host's own state through the saved event.
 */
async function submitInFrameworkHost(url: string, badge: string, submit: (form: Locator) => Promise<void>) {
  const { page, violations, errors } = await openWatchedPage(browser, url);
  const form = page.locator("bankcrm-lead-form");
  await form.locator("#name").waitFor({ timeout: 20_000 });
  expect(await page.locator("bankcrm-tier-badge").evaluate((el) => el.shadowRoot?.textContent?.trim())).toBe(badge);
  await submit(form);
  await expect
    .poll(() => page.locator('[data-testid="saved"] li').allTextContents())
    .toEqual([expect.stringMatching(/^LD-.+ \(saved\)$/)]);
  expect(await form.locator('[role="status"]').textContent()).toBe("线索已保存");
  expect(violations).toEqual([]);
  expect(errors).toEqual([]);
  await page.close();
}

describe("host examples", () => {
  it("internet banking (plain HTML, import map): validates, then takes a customer's lead", async () => {
    const { page, violations, errors } = await openWatchedPage(browser, internetBanking.url);
    const form = page.locator("bankcrm-lead-form");
    await form.locator("#name").waitFor({ timeout: 20_000 });
    expect(await form.locator("#consent").isChecked()).toBe(false);
    await form.locator('[part="submit"]').click(); // empty: every problem is shown
    await expect.poll(() => form.locator('[role="status"]').textContent()).toContain("请修正标出的");
    await fillAndSubmit(form, "钱多多", "13700001111");
    await expect.poll(() => form.locator('[role="status"]').textContent()).toBe("已提交，我们会尽快与您联系");
    await expect.poll(() => page.locator("#result").textContent()).toMatch(/^受理编号：LD-/);
    await page.screenshot({ path: `${artifacts}internet-banking.png` });
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it("React 19 host: passes properties, hears bankcrm-* events and submits a lead", async () => {
    await submitInFrameworkHost(react.url, "金卡客户", async (form) => {
      await fillAndSubmit(form, "孙悟空", "13600002222");
    });
  }, 60_000);

  it("Vue 3 host (render functions, no template compiler): binds properties, hears events, submits a lead", async () => {
    await submitInFrameworkHost(vue.url, "白金客户", async (form) => {
      await form.locator("#expectedAmount").fill("2000000");
      await fillAndSubmit(form, "猪八戒", "13500003333");
    });
  }, 60_000);
});
