/**
 * The call-centre desk (examples/call-centre-desk), end to end in Chromium under
 * the strict CSP, by keyboard: a caller found by bank card and by mobile, and verified, a
 * complaint taken in with its time limit counted across National Day, escalated,
 * resolved and rated — each step in the customer's timeline — and the call
 * logged with a call-back scheduled.
 */
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { DEMO_AS_OF, generateCustomerHistory, generateDemoCustomers } from "@bankcrm/core/demo";
import { launchChromium } from "../support/browser.js";
import { openWatchedPage } from "../support/watched-page.js";
import { buildAndServe, type Served } from "../support/served.js";

const root = fileURLToPath(new URL("../../examples/call-centre-desk/", import.meta.url));
const artifacts = fileURLToPath(new URL("../../test-results/", import.meta.url));
let site: Served;
let browser: Browser;

beforeAll(async () => {
  site = await buildAndServe(root);
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe("call-centre desk", () => {
  it("takes a complaint from intake through escalation and resolution to a rating, by keyboard, across National Day", async () => {
    const caller = generateDemoCustomers({ seed: "bankcrm", start: 0, count: 300 }).find(
      (c) => c.kind === "individual" && c.contact.mobile !== undefined && c.status === "active",
    )!;
    if (caller.kind !== "individual") throw new Error("the demo caller is a person");
    // The desk's clock on Wednesday 30 September 2026: National Day (1–7 October) is inside every limit.
    const { page, violations, errors } = await openWatchedPage(browser, `${site.url}?customers=300&today=2026-09-30`);
    const desk = page.locator("bankcrm-call-centre-desk");
    const query = desk.locator('[data-testid="caller-query"]');
    await query.waitFor({ timeout: 60_000 });

    // By bank card number: the one customer it belongs to, masked.
    const card = generateCustomerHistory(caller, { seed: "bankcrm", asOf: DEMO_AS_OF, detail: "holdings" }).holdings[0]!
      .accountNumber;
    await query.focus();
    await page.keyboard.type(card);
    await page.keyboard.press("Enter");
    await expect
      .poll(() =>
        desk
          .locator('[data-testid="candidates"] button')
          .evaluateAll((b) => b.map((x) => x.getAttribute("data-customer-id"))),
      )
      .toEqual([caller.id]);
    // And by mobile: masked candidates.
    await query.fill("");
    await query.focus();
    await page.keyboard.type(caller.contact.mobile!);
    await page.keyboard.press("Enter");
    const candidate = desk.locator(`[data-testid="candidates"] button[data-customer-id="${caller.id}"]`);
    await candidate.waitFor();
    expect(await candidate.textContent()).not.toContain(caller.contact.mobile!);
    expect(await candidate.textContent()).toMatch(/\d{3}\*{4}\d{4}/);
    await candidate.focus();
    await page.keyboard.press("Enter");

    // Verify: a wrong answer first, then the right ones.
    const first = desk.locator('input[name="first"]');
    await first.focus();
    await page.keyboard.type("1990-01-01");
    await page.keyboard.press("Tab");
    await page.keyboard.type("0000");
    await page.keyboard.press("Enter");
    await expect
      .poll(() => desk.locator('[data-testid="verify-result"]').textContent())
      .toBe("核实未通过，还可尝试 2 次");
    await first.fill("");
    await first.focus();
    await page.keyboard.type(caller.birthDate);
    await desk.locator('input[name="last4"]').fill("");
    await desk.locator('input[name="last4"]').focus();
    await page.keyboard.type(caller.idDocument.number.slice(-4));
    await page.keyboard.press("Enter");
    await desk.locator("bankcrm-customer-card").waitFor({ timeout: 15_000 });
    // The caller's offers, each with its reasons (or why nothing is offered), for the agent to mention.
    const offers = desk.locator("bankcrm-offer-list");
    await expect.poll(() => offers.locator("h2").textContent()).toBe("推荐产品");
    await expect.poll(() => offers.locator('[part="reasons"] li, [data-empty]').count()).toBeGreaterThan(0);
    // The caller asks about instalment fees: the agent types it into the knowledge base and reads the bank's answer.
    const knowledge = desk.locator("bankcrm-knowledge-search");
    await knowledge.locator('[part="input"]').focus();
    await page.keyboard.type("分期 手续费");
    const answer = knowledge.locator('[part="article"][data-id="KB-CC-INSTALMENT"]');
    await answer.locator("summary").focus({ timeout: 10_000 });
    await page.keyboard.press("Enter");
    await expect.poll(() => answer.locator('[part="body"]').textContent()).toContain("年化利率");

    // Intake: a card complaint; its limit (10 working days) skips 1–7 October and counts Saturday 10 October.
    const form = desk.locator("bankcrm-case-form");
    await form.locator('select[name="category"]').focus();
    await form.locator('select[name="category"]').selectOption("card");
    expect(await form.locator('[part="due"]').textContent()).toContain("办结时限：2026-10-20（10 个工作日）");
    // A complaint: the regulator's 15 calendar days end first.
    expect(await form.locator('[part="due"]').textContent()).toContain("监管时限：2026-10-15");
    await form.locator('input[name="subject"]').focus();
    await page.keyboard.type("信用卡年费重复扣收");
    await page.keyboard.press("Enter");
    await expect.poll(() => form.locator('[part="status"]').textContent()).toBe("工单已受理，办结时限 2026-10-20");

    // The queue: held to the regulator's limit, which comes first — the working days left to 15 October (today,
    // 8–10, 12–15 October); the bank's own would have left 11 (to 20 October).
    const queue = desk.locator("bankcrm-case-queue");
    const row = queue.locator("[data-case-id]", { hasText: "信用卡年费重复扣收" });
    await row.waitFor();
    expect(await row.locator('[part="sla"]').textContent()).toContain("监管投诉时限");
    expect(await row.locator('[part="sla"]').textContent()).toContain("剩 8 个工作日");
    const caseId = (await row.getAttribute("data-case-id"))!;

    // Escalate, with its reason, by keyboard.
    await row.locator(`#escalate-${caseId}`).focus();
    await page.keyboard.type("客户要求主管回电");
    await row.locator('[data-event="escalate"]').focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => queue.locator(`[data-case-id="${caseId}"]`).textContent()).toContain("已升级 1 次");

    // Resolve with an outcome and the resolution told to the customer.
    const again = queue.locator(`[data-case-id="${caseId}"]`);
    await again.locator(`#code-${caseId}`).selectOption("refunded");
    await again.locator(`#resolve-${caseId}`).focus();
    await page.keyboard.type("已退还重复扣收的年费");
    await again.locator('[data-event="resolve"]').focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => queue.locator(`[data-group="resolved"] [data-case-id="${caseId}"]`).count()).toBe(1);

    // The caller rates it: 5, with a comment.
    const survey = desk.locator("bankcrm-satisfaction-survey");
    await survey.locator('input[value="5"]').waitFor();
    await survey.locator('input[value="5"]').focus();
    await page.keyboard.press("Space");
    await survey.locator("textarea").focus();
    await page.keyboard.type("处理很快");
    await survey.locator('button[type="submit"]').focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => survey.locator('[part="status"]').textContent()).toBe("感谢您的评价");

    // Log the call and schedule a call-back.
    const activity = desk.locator("bankcrm-activity-form");
    await activity.locator("textarea[name=summary]").focus();
    await page.keyboard.type("来电投诉年费重复扣收，已办结并退费");
    await activity.locator('[part="submit"]').focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => activity.locator('[part="status"]').textContent()).toBe("接触记录已保存");
    const tasks = desk.locator("bankcrm-task-list");
    await tasks.locator('input[name="title"]').focus();
    await page.keyboard.type("回访客户确认退费到账");
    await tasks.locator('button[type="submit"]').focus();
    await page.keyboard.press("Enter");
    await expect
      .poll(() => tasks.locator("[data-task-id]").allTextContents())
      .toContainEqual(expect.stringContaining("回访客户确认退费到账"));

    // Each step in the customer's timeline: the case with its escalation and resolution, the call.
    const timeline = desk.locator("bankcrm-customer-timeline");
    await timeline.scrollIntoViewIfNeeded();
    const entries = () => timeline.locator("article").allTextContents();
    await expect
      .poll(entries, { timeout: 10_000 })
      .toContainEqual(expect.stringMatching(/信用卡年费重复扣收[\s\S]*已解决[\s\S]*升级 → 办结/));
    await expect.poll(entries).toContainEqual(expect.stringContaining("来电投诉年费重复扣收，已办结并退费"));
    await page.screenshot({ path: `${artifacts}call-centre-desk.png`, fullPage: true });

    // Waiting for the next call: the month's figures count the call just logged, with its handling time, and its
    // complaint in the complaints queue.
    await desk.locator('[data-testid="end-call"]').click();
    const figures = desk.locator('[data-testid="figures"]');
    const tile = (i: number) => figures.locator("bankcrm-kpi-tile").nth(i).locator('[part="value"]');
    await expect.poll(() => tile(0).textContent()).toMatch(/^\s*[1-9]\d*\s*$/);
    expect(await tile(1).getAttribute("data-known")).toBe("true");
    expect(Number(await figures.locator('[data-queue="complaint"] td').first().textContent())).toBeGreaterThanOrEqual(
      1,
    );
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);

  it("calls a phone campaign's list within calling hours: each outcome the campaign's response, a no-answer tried later, a 'do not call again' a withdrawn consent", async () => {
    // 10:30 on a Tuesday in Beijing, while the small-business loan campaign runs on the phone.
    const { page, violations, errors } = await openWatchedPage(
      browser,
      `${site.url}?customers=300&today=2026-12-01T10:30`,
    );
    const outbound = page.locator("bankcrm-call-centre-desk desk-outbound");
    await expect.poll(() => outbound.locator("select").inputValue(), { timeout: 60_000 }).toBe("CMP-SME-LOAN");
    const list = outbound.locator('[data-testid="call-list"] li');
    await list.first().waitFor({ timeout: 30_000 });
    const before = await outbound
      .locator('[data-testid="call-list"] li')
      .evaluateAll((li) => li.map((x) => x.getAttribute("data-customer")!));
    expect(before.length).toBeGreaterThan(1);
    // The first asks not to be called again.
    const first = before[0]!;
    await list.first().locator("button").click();
    const call = outbound.locator('[data-testid="outbound-call"]');
    await call.locator("bankcrm-customer-card").waitFor();
    // The campaign product's scripts, before anything is typed.
    await call.locator('bankcrm-knowledge-search [part="article"][data-id="KB-SME-LOAN"]').waitFor({ timeout: 10_000 });
    await call.locator('[data-outcome="doNotCall"]').click();
    await expect
      .poll(() => outbound.locator('[data-testid="outbound-status"]').textContent())
      .toContain("要求不再来电");
    // The call on the customer's timeline, on the outbound channel.
    await expect
      .poll(() => call.locator("bankcrm-customer-timeline article").allTextContents(), { timeout: 10_000 })
      .toContainEqual(expect.stringContaining("外呼营销：小微企业经营贷 · 要求不再来电"));
    await outbound.locator('[data-testid="outbound-back"]').click();
    const leftOut = (id: string) => outbound.locator(`[data-testid="left-out"] li[data-customer="${id}"]`);
    // Off the list, for the withdrawn consent (checked before the answer): never called again for marketing.
    await expect.poll(() => leftOut(first).getAttribute("data-reason")).toBe("noConsent");
    // The next does not answer: tried again in four hours.
    const second = before[1]!;
    await outbound.locator(`[data-testid="call-list"] li[data-customer="${second}"] button`).click();
    await call.locator('[data-outcome="noAnswer"]').click();
    await expect.poll(() => outbound.locator('[data-testid="outbound-status"]').textContent()).toContain("未接通");
    await outbound.locator('[data-testid="outbound-back"]').click();
    await expect.poll(() => leftOut(second).getAttribute("data-reason")).toBe("retryLater");
    expect(await outbound.locator(`[data-testid="call-list"] li[data-customer="${second}"]`).count()).toBe(0);
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);
});
