/**
 * Every element under `script-src 'self'; style-src 'self';
 * require-trusted-types-for 'script'; trusted-types lit-html`: zero
 * securitypolicyviolation events, and hostile data stays inert.
 */
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { launchChromium } from "../support/browser.js";
import { openWatchedPage } from "../support/watched-page.js";
import { buildAndServe, type Served } from "../support/served.js";

const root = fileURLToPath(new URL("./csp-page/", import.meta.url));
let site: Served;
let browser: Browser;

beforeAll(async () => {
  site = await buildAndServe(root, { outDir: `${root}dist` });
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe("elements under a strict Content-Security-Policy", () => {
  it("render with zero violations and keep data inert", async () => {
    const { page, violations, errors } = await openWatchedPage(browser, site.url);
    const response = await page.reload();
    expect(response?.headers()["content-security-policy"]).toContain("require-trusted-types-for 'script'");
    await page.waitForFunction(() => (window as unknown as { __rendered?: Promise<unknown> }).__rendered !== undefined);
    await page.evaluate(() => (window as unknown as { __rendered: Promise<unknown> }).__rendered);
    const texts = await page.evaluate(() =>
      [
        "bankcrm-tier-badge",
        "bankcrm-value-badge",
        "bankcrm-customer-card",
        "bankcrm-customer-timeline",
        "bankcrm-lead-form",
        "bankcrm-task-list",
        "bankcrm-activity-form",
        "bankcrm-pipeline",
        "bankcrm-lead-queue",
        "bankcrm-target-progress",
        "bankcrm-case-form",
        "bankcrm-case-queue",
        "bankcrm-satisfaction-survey",
        "bankcrm-customer-form",
        "bankcrm-campaign-report",
        "bankcrm-segment-builder",
        "bankcrm-kpi-tile",
        "bankcrm-chart",
        "bankcrm-value-breakdown",
        "bankcrm-relationship-group",
        "bankcrm-match-review",
        "bankcrm-offer-list",
        "bankcrm-knowledge-search",
      ].map((tag) => document.querySelector(tag)?.shadowRoot?.textContent?.trim() ?? ""),
    );
    expect(texts[0]).toBe("私人银行客户");
    expect(texts[1]).toContain("价值评分");
    expect(texts[2]).toContain('<img src=x onerror="window.__xss=1">');
    expect(texts[3]).toContain('<img src=x onerror="window.__xss=1">'); // a summary, as text
    expect(texts[4]).toContain('<img src=x onerror="window.__xss=1">'); // the consent text, as text
    expect(texts[4]).toContain("请勾选同意后再提交");
    for (const i of [5, 7, 9]) expect(texts[i]).toContain('<img src=x onerror="window.__xss=1">');
    expect(texts[8]).toMatch(/<\*+/); // a lead's name is masked: its first character, as text
    expect(texts[5]).toContain("已逾期");
    expect(texts[6]).toContain("此项为必填项");
    expect(texts[7]).toContain("已移至确认需求");
    expect(
      await page.evaluate(() => document.querySelector("bankcrm-pipeline")!.shadowRoot!.querySelector("dialog")!.open),
    ).toBe(true);
    expect(texts[8]).toMatch(/已超时|剩余/);
    expect(texts[10]).toContain("此项为必填项"); // the case's subject
    expect(texts[10]).toContain("办结时限");
    expect(texts[11]).toContain('<img src=x onerror="window.__xss=1">'); // a case subject, as text
    expect(texts[12]).toContain("请为本次服务评分");
    expect(texts[13]).toContain("请输入有效的11位手机号码");
    expect(texts[14]).toContain('营销活动成效：<img src=x onerror="window.__xss=1">'); // an SVG chart, a name as text
    // Counted in a worker started under Trusted Types: the individuals (an age of 0 or more).
    const individuals = await page.evaluate(() => (window as unknown as { __individuals: number }).__individuals);
    expect(individuals).toBeGreaterThan(0);
    expect(texts[15]).toContain(`符合条件：${individuals} 位客户（共 10 位`);
    expect(texts[15]).toContain(`"value": 0`); // the JSON export, as text
    expect(
      await page.evaluate(
        () =>
          document
            .querySelector("bankcrm-segment-builder")!
            .shadowRoot!.querySelector<HTMLInputElement>("input[name=name]")!.value,
      ),
    ).toContain("<img");
    expect(texts[16]).toContain('<img src=x onerror="window.__xss=1">'); // a label, as text
    expect(texts[16]).toContain("上升 12.2%");
    expect(texts[17]).toContain('<img src=x onerror="window.__xss=1">'); // a part's name, as text
    expect(texts[17]).toContain("75%"); // the legend's share
    expect(texts[18]).toContain('<img src=x onerror="window.__xss=1">'); // the caption, as text
    expect(texts[18]).toContain("存款利差收入");
    expect(texts[19]).toContain('<img src=x onerror="window.__xss=1">'); // a company's name, as text
    expect(texts[19]).toContain("持股 51%");
    expect(texts[20]).toContain('<img src=x onerror="window.__xss=1">'); // a record's name, as text
    expect(texts[20]).toContain("同一人 — 合并");
    expect(texts[21]).toContain('<img src=x onerror="window.__xss=1">'); // a product's name, as text
    expect(texts[21]).toContain("42%也持有理财产品"); // its reason, in words
    expect(texts[22]).toContain('<img src=x onerror="window.__xss=1"> 理财赎回到账时间'); // a title, as text
    expect(
      await page.evaluate(
        () => document.querySelector("bankcrm-knowledge-search")!.shadowRoot!.querySelectorAll("mark").length,
      ),
    ).toBeGreaterThan(0); // the words searched for, marked
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
