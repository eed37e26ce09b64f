/**
 * The workstation in server mode (serve.mjs with BANKCRM_API) against the real
 * reference server: capture a lead while offline (by keyboard alone), log a
 * contact and move the new lead while still offline, see all three queued, go
 * online — and the server ends with exactly one lead, contacted, and the contact.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import {
  assignTier,
  computeAum,
  type AudienceExclusion,
  type Customer,
  type IndividualCustomer,
  type Lead,
  type StaffRole,
} from "@bankcrm/core";
import { audienceExclusionLabels, label } from "@bankcrm/core/i18n";
import { DEMO_AS_OF } from "@bankcrm/core/demo";
import { TIERS } from "@bankcrm/core/vocabulary";
import { valueReasonText } from "@bankcrm/core/analytics";
import { pointsBalance, type LoyaltyEntry } from "@bankcrm/core/loyalty";
import { createHttpStore } from "../../packages/data/src/index.js";
import { startReferenceServer, type RunningServer } from "../../packages/data/test/support/reference-server.js";
import { seedDemo } from "../../examples/reference-server/src/seed.js";
import { computeMetrics } from "../../examples/reference-server/src/metrics.js";
import { sampleMappings } from "../../examples/reference-server/src/loader/extract.js";
import { loadFile } from "../../examples/reference-server/src/loader/load.js";
import { customerFileMapping, fundFileMapping } from "../../examples/reference-server/test/support/source-mappings.js";
import { customerSigner } from "../../examples/branch-workstation/serve.mjs";
import { serve as serveInternetBanking } from "../../examples/internet-banking/serve.mjs";
import { SEGMENTS } from "../../examples/branch-workstation/src/segments.js";
import { launchChromium } from "../support/browser.js";
import { openWatchedPage } from "../support/watched-page.js";
import { buildAndServe, served, type Served } from "../support/served.js";

const root = fileURLToPath(new URL("../../examples/branch-workstation/", import.meta.url));
const artifacts = fileURLToPath(new URL("../../test-results/", import.meta.url));
/** A few common characters in their traditional forms (as a Hong Kong or Taiwan system writes a name). */
const TRADITIONAL: Record<string, string> = {
  张: "張",
  陈: "陳",
  刘: "劉",
  杨: "楊",
  黄: "黃",
  赵: "趙",
  吴: "吳",
  华: "華",
  丽: "麗",
  国: "國",
  军: "軍",
  伟: "偉",
};
let api: RunningServer;
let site: Served;
let browser: Browser;

beforeAll(async () => {
  api = await startReferenceServer();
  await seedDemo(api.db, 300);
  site = await buildAndServe(root, {
    api: api.url,
    signToken: (staff) => api.tokenFor({ ...staff, role: staff.role as StaffRole }),
  });
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await api?.close();
});

/** What has focus, looking through shadow roots. */
function focused(page: Page) {
  return page.evaluate(() => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return {
      tag: el?.tagName.toLowerCase() ?? "",
      id: el?.id ?? "",
      role: el?.getAttribute("role") ?? "",
      testid: el?.getAttribute("data-testid") ?? "",
      part: el?.getAttribute("part") ?? "",
    };
  });
}

/** Presses Tab (or Shift+Tab) until focus is where `match` says; fails after `max` presses. */
async function tabTo(page: Page, match: (f: Awaited<ReturnType<typeof focused>>) => boolean, back = false, max = 300) {
  for (let i = 0; i < max; i++) {
    if (match(await focused(page))) return;
    await page.keyboard.press(back ? "Shift+Tab" : "Tab");
  }
  throw new Error(`focus never reached the target; it is on ${JSON.stringify(await focused(page))}`);
}

describe("branch workstation against the reference server (server mode)", () => {
  it("by keyboard alone: captures a lead offline, shows it queued, goes online and sends it exactly once", async () => {
    const { page, violations, errors } = await openWatchedPage(browser, `${site.url}#/customers`);
    const app = page.locator("bankcrm-workstation-app");
    await app.locator('[role="option"]').first().waitFor({ timeout: 30_000 });
    expect(await app.locator('[data-testid="online"]').textContent()).toBe("在线");

    // Open the first customer from the list.
    await tabTo(page, (f) => f.role === "option");
    await page.keyboard.press("Enter");
    const view = app.locator("ws-customer-360");
    await view.locator("bankcrm-customer-card").waitFor({ timeout: 10_000 });
    const customerId = (await app.locator('[role="option"]').first().getAttribute("data-customer-id"))!;

    // Go offline with the header's switch.
    await tabTo(page, (f) => f.testid === "toggle-online", true);
    await page.keyboard.press("Enter");
    await expect.poll(() => app.locator('[data-testid="online"]').textContent()).toBe("离线");

    // Fill in the lead form: purpose, name, mobile, consent, submit.
    const mobile = `139${String(Date.now()).slice(-8)}`;
    await tabTo(page, (f) => f.id === "purpose");
    await page.keyboard.press("ArrowDown"); // the first purpose: wealth consultation
    await tabTo(page, (f) => f.id === "name");
    await page.keyboard.type("赵键盘");
    await page.keyboard.press("Tab");
    expect((await focused(page)).id).toBe("mobile");
    await page.keyboard.type(mobile);
    await tabTo(page, (f) => f.id === "consent");
    await page.keyboard.press("Space");
    await tabTo(page, (f) => f.part === "submit");
    await page.keyboard.press("Enter");

    const form = view.locator("bankcrm-lead-form");
    const status = form.locator('[role="status"]');
    await expect.poll(() => status.textContent(), { timeout: 10_000 }).toContain("当前离线");
    await expect.poll(() => app.locator('[data-testid="outbox"]').textContent()).toBe("待发送 1 · 失败 0 · 冲突 0");

    // Still offline: log a contact and mark the new lead contacted — both queued behind the lead.
    const contact = view.locator("bankcrm-activity-form");
    const summary = `离线记录的电话 ${mobile}`;
    await contact.locator("textarea[name=summary]").fill(summary);
    await contact.locator('[part="submit"]').click();
    await expect
      .poll(() => contact.locator('[part="status"]').textContent())
      .toBe("当前离线：已保存在本机，联网后自动发送");
    const queue = view.locator("bankcrm-lead-queue");
    const lead = queue.locator('[data-status="new"] [data-lead-id]', { hasText: "理财咨询" }).first();
    const leadId = (await lead.getAttribute("data-lead-id"))!;
    await lead.locator('button[data-event="contact"]').click();
    await expect.poll(() => queue.locator(`[data-status="contacted"] [data-lead-id="${leadId}"]`).count()).toBe(1);
    await expect.poll(() => app.locator('[data-testid="outbox"]').textContent()).toBe("待发送 3 · 失败 0 · 冲突 0");
    await page.screenshot({ path: `${artifacts}workstation-offline-queued.png` });

    // Back online: the outbox sends it.
    await tabTo(page, (f) => f.testid === "toggle-online", true);
    await page.keyboard.press("Enter");
    await expect
      .poll(() => app.locator('[data-testid="outbox"]').textContent(), { timeout: 15_000 })
      .toBe("待发送 0 · 失败 0 · 冲突 0");
    expect(await app.locator('[data-testid="online"]').textContent()).toBe("在线");

    // The server's own rows (its answers mask the mobile and the name).
    const ours = (
      await api.db.query<{ body: Lead }>(
        "SELECT body FROM records WHERE collection = 'leads' AND body->>'mobile' = $1",
        [mobile],
      )
    ).rows.map((r) => r.body);
    expect(ours).toHaveLength(1);
    expect(ours[0]!.customerId).toBe(customerId);
    expect(ours[0]!.name).toBe("赵键盘");
    expect(ours[0]!.consent.granted).toBe(true);
    expect(ours[0]!.source).toBe("branch_walk_in");
    // The transition queued after the lead reached the server after it, and the server applied it.
    expect(ours[0]).toMatchObject({ status: "contacted", version: 2 });
    expect(ours[0]!.history!.map((h) => h.event)).toEqual(["contact"]);
    const interactions = (
      await createHttpStore({ baseUrl: api.url, getToken: () => api.token }).records("interactions", {
        customerId,
        limit: 1000,
      })
    ).items.filter((i) => i.summary === summary);
    expect(interactions).toHaveLength(1);
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it("shows each demo user what the server gives their token, and runs segments in the server's database", async () => {
    const { page, violations, errors } = await openWatchedPage(browser, `${site.url}#/customers`);
    const app = page.locator("bankcrm-workstation-app");
    await app.locator('[role="option"]').first().waitFor({ timeout: 30_000 });
    const count = app.locator('[data-testid="count"]');
    const shown = async () =>
      Number(/(\d[\d,]*)\s*位客户/.exec((await count.textContent()) ?? "")?.[1]?.replace(/,/g, ""));
    // What the server answers each user's own token (its scope), read over HTTP with the same kind of token.
    const serverCount = async (staffId: string, role: StaffRole, branchId: string) => {
      const token = await api.tokenFor({ id: staffId, role, branchId });
      const store = createHttpStore({ baseUrl: api.url, getToken: () => token });
      return (await store.listCustomers({ limit: 1000 })).items;
    };
    const rmRows = await serverCount("ST-BJ-CY-RE1", "relationship_manager", "BR-BJ-CY");
    await expect.poll(shown).toBe(rmRows.length);
    // No full identifier reached the page: the rows carry what the server sent, masked.
    expect(rmRows.every((c) => c.contact.mobile === undefined || c.contact.mobile.includes("*"))).toBe(true);

    await app.locator('[data-testid="role"]').selectOption("branch_manager");
    const branchRows = await serverCount("ST-BJ-CY-BR1", "branch_manager", "BR-BJ-CY");
    expect(branchRows.length).toBeGreaterThan(rmRows.length);
    await expect.poll(shown, { timeout: 15_000 }).toBe(branchRows.length);

    // A segment in server mode: the server's database evaluates it (its view has holdings and transactions).
    await app.locator('[data-testid="segment"]').selectOption("high-net-worth");
    const token = await api.tokenFor({ id: "ST-BJ-CY-BR1", role: "branch_manager", branchId: "BR-BJ-CY" });
    const pushed = await createHttpStore({ baseUrl: api.url, getToken: () => token }).evaluateSegment(
      SEGMENTS.find((x) => x.definition.id === "high-net-worth")!.definition,
      { limit: 1000 },
    );
    expect(pushed.count).toBeGreaterThan(0);
    await expect.poll(shown, { timeout: 15_000 }).toBe(pushed.count);
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it("brings what a customer does in internet banking to the relationship manager, live: a lead, then a complaint; and a reward redeemed at the branch to the customer's points", async () => {
    // One of the relationship manager's customers whose points cover a ¥10 card credit.
    const store = createHttpStore({ baseUrl: api.url, getToken: () => api.token });
    const ledgerOf = async (id: string) =>
      (await store.records("loyaltyEntries", { customerId: id, limit: 1000 })).items as LoyaltyEntry[];
    let customer: Customer | undefined;
    let before = 0;
    for (const c of (await store.listCustomers({ relationshipManagerId: "ST-BJ-CY-RE1", limit: 50 })).items) {
      before = pointsBalance(await ledgerOf(c.id)).balance;
      if (before >= 1_000) {
        customer = c;
        break;
      }
    }
    if (!customer) throw new Error("no customer of the RM has 1,000 points");
    const portal = served(await serveInternetBanking({ port: 0, api: api.url, signToken: customerSigner(api.secret) }));
    try {
      // The relationship manager's day, following the change feed.
      const rm = await openWatchedPage(browser, `${site.url}#/day`);
      const app = rm.page.locator("bankcrm-workstation-app");
      const queue = app.locator("ws-my-day").locator("bankcrm-lead-queue");
      await queue.waitFor({ timeout: 30_000 });
      await app.locator('[data-testid="feed"][data-feed="live"]').waitFor({ timeout: 30_000 });

      // The customer, in another browser context, signs in to internet banking and asks to be called.
      const bank = await openWatchedPage(browser, `${portal.url}?customer=${customer.id}`);
      await bank.page.getByRole("button", { name: "登录", exact: true }).click();
      const lead = bank.page.locator('[data-testid="portal-lead"]');
      await lead.waitFor({ timeout: 15_000 });
      // Masked for the customer too: the full mobile (as stored) is nowhere on the page.
      const stored = (await api.db.get("customers", customer.id))!.body as { contact: { mobile: string } };
      expect(await bank.page.locator("#portal").textContent()).toContain(stored.contact.mobile.slice(-4));
      expect(await bank.page.locator("#portal").textContent()).not.toContain(stored.contact.mobile);
      await lead.locator('select[name="purpose"]').selectOption("mortgage");
      await lead.locator('textarea[name="message"]').fill("想了解房贷");
      await lead.locator('input[name="consent"]').check();
      await lead.getByRole("button", { name: "提交" }).click();
      const sent = (await lead.locator(".result").textContent({ timeout: 10_000 })) ?? "";
      await expect.poll(() => lead.locator(".result").textContent()).toMatch(/受理编号：LD-WEB-/);
      const leadId = /LD-WEB-[A-Z0-9]+/.exec((await lead.locator(".result").textContent()) ?? sent)![0];
      // No reload: the feed brings it to the queue.
      await queue.locator(`[data-lead-id="${leadId}"]`).waitFor({ timeout: 10_000 });

      // The relationship manager opens the customer; the customer then complains — it reaches the timeline live.
      await rm.page.evaluate((id) => (location.hash = `#/customers/${id}`), customer.id);
      const timeline = app.locator("ws-customer-360").locator("bankcrm-customer-timeline");
      await timeline.waitFor({ timeout: 15_000 });
      const complaint = bank.page.locator('[data-testid="portal-complaint"]');
      await complaint.locator('input[name="subject"]').fill("转账到账太慢");
      await complaint.getByRole("button", { name: "提交" }).click();
      await expect
        .poll(() => complaint.locator(".result").textContent(), { timeout: 10_000 })
        .toMatch(/将于 .+ 前答复/);
      await expect
        .poll(() => bank.page.locator('[data-testid="portal-cases"]').textContent())
        .toContain("转账到账太慢");
      // The timeline renders the entries in view (a virtualizer): bring it into view.
      await timeline.scrollIntoViewIfNeeded();
      await expect.poll(() => timeline.getByText("转账到账太慢").count(), { timeout: 10_000 }).toBeGreaterThan(0);

      // At the branch the customer redeems a ¥10 card credit: the server takes it, and the portal's points follow.
      const count = (n: number) => new Intl.NumberFormat("zh-CN").format(n);
      const points = bank.page.locator('[data-testid="portal-points-balance"]');
      await expect.poll(() => points.textContent()).toBe(`可用积分：${count(before)}`);
      const panel = app.locator("ws-customer-360 ws-loyalty");
      await panel.locator("select[name=reward]").selectOption("cash_rebate_10");
      await panel.locator("button[type=submit]").click();
      await expect
        .poll(() => panel.locator('[role="status"]').textContent(), { timeout: 10_000 })
        .toBe("已兑换：10元刷卡金，扣减 1,000 分。");
      expect(pointsBalance(await ledgerOf(customer.id)).balance).toBe(before - 1_000);
      await expect.poll(() => points.textContent(), { timeout: 10_000 }).toBe(`可用积分：${count(before - 1_000)}`);

      for (const watched of [rm, bank]) {
        expect(watched.violations).toEqual([]);
        expect(watched.errors).toEqual([]);
        await watched.page.close();
      }
    } finally {
      await portal.close();
    }
  }, 120_000);

  it("takes a customer out of the marketing manager's segment count, live, when they withdraw consent in internet banking", async () => {
    const definition = SEGMENTS.find((x) => x.definition.id === "wealth-prospects")!.definition;
    const hq = await api.tokenFor({ id: "ST-HQ-MA1", role: "marketing", branchId: "HQ" });
    const before = await createHttpStore({ baseUrl: api.url, getToken: () => hq }).evaluateSegment(definition, {
      limit: 1000,
    });
    expect(before.count).toBeGreaterThan(1);
    const customerId = before.ids[0]!;
    const portal = served(await serveInternetBanking({ port: 0, api: api.url, signToken: customerSigner(api.secret) }));
    try {
      const mk = await openWatchedPage(browser, `${site.url}#/marketing`);
      const app = mk.page.locator("bankcrm-workstation-app");
      await app.locator('select[data-testid="role"]').selectOption("marketing");
      await app.locator('[data-testid="feed"][data-feed="live"]').waitFor({ timeout: 30_000 });
      await app.locator('[data-testid="nav-marketing"]').click();
      await app.locator('ws-marketing-page [data-segment="wealth-prospects"]').click();
      const count = app.locator('ws-marketing-page [data-testid="segment-count"]');
      const counted = async () => Number(/(\d[\d,]*)/.exec((await count.textContent()) ?? "")?.[1]?.replace(/,/g, ""));
      await expect.poll(counted, { timeout: 20_000 }).toBe(before.count);

      // The customer, in another browser context, withdraws their marketing consent.
      const bank = await openWatchedPage(browser, `${portal.url}?customer=${customerId}`);
      await bank.page.getByRole("button", { name: "登录", exact: true }).click();
      const consents = bank.page.locator('[data-testid="portal-consents"]');
      await consents.locator('button[data-purpose="marketing"]').click();
      await expect.poll(() => consents.getByText("已更新，即时生效").count()).toBe(1);
      // No reload: the feed brings the changed customer, and the count is one less within two seconds.
      await expect.poll(counted, { timeout: 2_000 }).toBe(before.count - 1);
      expect(await consents.locator("li").first().textContent()).toMatch(/营销.*已撤回/);
      // The list exported for the segment's purpose holds the same customers: not the one who withdrew.
      const [file] = await Promise.all([
        mk.page.waitForEvent("download"),
        app.locator('ws-marketing-page [data-testid="export-segment"]').click(),
      ]);
      const csv = readFileSync(await file.path(), "utf8");
      const exported = csv.trim().split("\r\n").slice(1);
      expect(exported).toHaveLength(before.count - 1);
      expect(csv).not.toContain(`"${customerId}"`);
      // Their copy of what the bank holds about them (PIPL Arts. 44–45): their holdings, the withdrawal just made.
      const myData = bank.page.locator('[data-testid="portal-my-data"]');
      await myData.getByRole("button", { name: "查看副本" }).click();
      const copy = myData.locator("pre");
      await expect.poll(() => copy.textContent()).toContain(`客户号 ${customerId}`);
      expect(await copy.textContent()).toMatch(/## 持有的产品与账户 \(\d+\)[\s\S]*## 资料变更记录 \(\d+\)/);

      // The rest of what the customer does about themselves: their holdings (accounts masked), a new mobile number
      // (masked as soon as it is on file), and the rating of a resolved case, once.
      const holdings = bank.page.locator('[data-testid="portal-holdings"] li');
      await expect.poll(() => holdings.count()).toBeGreaterThan(0);
      const stored = await api.db.query<{ body: { accountNumber: string } }>(
        "SELECT body FROM records WHERE collection = 'holdings' AND customer_id = $1",
        [customerId],
      );
      const shown = (await bank.page.locator('[data-testid="portal-holdings"]').textContent()) ?? "";
      for (const { body } of stored.rows) expect(shown).not.toContain(body.accountNumber);
      const contact = bank.page.locator('[data-testid="portal-contact"]');
      await contact.locator('input[name="mobile"]').fill("13912345678");
      await contact.getByRole("button", { name: "提交" }).click();
      await expect.poll(() => contact.locator(".result").textContent()).toBe("联系方式已更新");
      expect(await bank.page.locator("#portal > p").first().textContent()).toMatch(/5678/);
      expect(await bank.page.locator("#portal").textContent()).not.toContain("13912345678");
      // The bank resolves a case of theirs (here straight in the database, as the desk's write would land): the
      // portal follows their own records and shows it, rateable, without a reload.
      await bank.page.locator('#portal[data-feed="live"]').waitFor({ timeout: 10_000 });
      const resolvedCase = `SC-RATE-${customerId}`;
      await api.db.put("serviceCases", {
        id: resolvedCase,
        customerId,
        type: "inquiry",
        priority: "medium",
        channel: "branch",
        status: "resolved",
        subject: "咨询定期存款利率",
        openedAt: "2026-11-02T02:00:00.000Z",
        slaDueAt: "2026-11-04T02:00:00.000Z",
        resolvedAt: "2026-11-02T03:00:00.000Z",
        version: 1,
      });
      const cases = bank.page.locator('[data-testid="portal-cases"]');
      await expect.poll(() => cases.textContent(), { timeout: 5_000 }).toContain("咨询定期存款利率");
      await cases.locator('select[name="satisfaction"]').first().selectOption("4");
      await cases.getByRole("button", { name: "评价" }).first().click();
      await expect.poll(() => cases.getByText("已评价：4 分").count()).toBe(1);
      const rated = await api.db.get("serviceCases", resolvedCase);
      expect(rated!.body.satisfaction).toBe(4);
      for (const watched of [mk, bank]) {
        expect(watched.violations).toEqual([]);
        expect(watched.errors).toEqual([]);
        await watched.page.close();
      }
    } finally {
      await portal.close();
    }
  }, 120_000);

  it("shares a segment marketing saves: the branch manager, in another browser, approves the campaign on it and launches it, with every exclusion's reason", async () => {
    // Marketing builds a segment (the builder's new one: active customers) and a fund campaign on it, held out R3.
    const mk = await openWatchedPage(browser, `${site.url}#/marketing`);
    const mkApp = mk.page.locator("bankcrm-workstation-app");
    await mkApp.locator('select[data-testid="role"]').selectOption("marketing");
    await mkApp.locator('[data-testid="feed"][data-feed="live"]').waitFor({ timeout: 30_000 });
    await mkApp.locator('[data-testid="nav-marketing"]').click();
    const page = mkApp.locator("ws-marketing-page");
    await page.locator('[data-testid="new-segment"]').click();
    const form = page.locator('[data-testid="campaign-form"]');
    await form.locator('input[name="name"]').fill("E2E 基金推广");
    await form.locator('select[name="product"]').selectOption("fund");
    await form.locator('select[name="risk"]').selectOption("R3");
    await form.locator('[data-testid="create-campaign"]').click();
    await expect.poll(() => page.locator('[data-testid="marketing-status"]').textContent()).toContain("E2E 基金推广");
    // The campaign names the segment it was built on, saved for the bank.
    const saved = await api.db.query<{ name: string }>(
      `SELECT s.body ->> 'name' AS name FROM records c JOIN records s ON s.collection = 'segments' AND s.id = c.body ->> 'segmentId'
       WHERE c.collection = 'campaigns' AND c.body ->> 'name' = 'E2E 基金推广'`,
    );
    const segmentName = saved.rows[0]!.name;

    // The branch manager, in another browser, sees the campaign on the shared segment (by its name), approves it and
    // launches it: the server takes the audience, and the page lists the exclusions with their reasons.
    const bm = await openWatchedPage(browser, `${site.url}#/marketing`);
    const bmApp = bm.page.locator("bankcrm-workstation-app");
    await bmApp.locator('select[data-testid="role"]').selectOption("branch_manager");
    await bmApp.locator('[data-testid="feed"][data-feed="live"]').waitFor({ timeout: 30_000 });
    await bmApp.locator('[data-testid="nav-marketing"]').click();
    const row = bmApp.locator("ws-marketing-page tr", { hasText: "E2E 基金推广" });
    await expect.poll(() => row.locator("td").first().textContent(), { timeout: 10_000 }).toBe(segmentName);
    await row.locator('[data-action="approve"]').click();
    await row.locator('[data-action="launch"]').click({ timeout: 10_000 });
    const status = bmApp.locator('ws-marketing-page [data-testid="marketing-status"]');
    await expect
      .poll(() => status.textContent(), { timeout: 20_000 })
      .toMatch(/已启动：受众 \d+ 人（排除 \d+ 人：.+），对照组 \d+ 人/);
    const id = await row.getAttribute("data-campaign");
    expect(await row.getAttribute("data-status")).toBe("active");
    const members = await api.db.query<{ group: string; reason: string | null }>(
      "SELECT body ->> 'group' AS group, body ->> 'reason' AS reason FROM records WHERE collection = 'campaignMembers' AND body ->> 'campaignId' = $1",
      [id],
    );
    expect(members.rows.length).toBeGreaterThan(0);
    const reasons = new Set(members.rows.flatMap((m) => (m.reason ? [m.reason] : [])));
    expect(reasons.size).toBeGreaterThan(0);
    // The page names each reason the server recorded, in its words.
    const said = (await status.textContent()) ?? "";
    for (const reason of reasons) expect(said).toContain(audienceExclusionLabels[reason as AudienceExclusion]["zh-CN"]);
    // Measured from the server's records straight away: the window is open, the groups as launched.
    await row.locator('[data-action="measure"]').click();
    const treated = members.rows.filter((m) => m.group === "treatment").length;
    await expect
      .poll(() => row.locator('[data-testid="measured"]').textContent())
      .toMatch(new RegExp(`至今（观察期未满）：营销组 ${treated} 人中 0 人达成目标`));
    for (const watched of [mk, bm]) {
      expect(watched.violations).toEqual([]);
      expect(watched.errors).toEqual([]);
      await watched.page.close();
    }
  }, 120_000);

  it("keeps the knowledge base: marketing writes a draft, the branch manager publishes it, a relationship manager finds it on the words typed", async () => {
    const signIn = async (role: StaffRole) => {
      const watched = await openWatchedPage(browser, `${site.url}#/knowledge`);
      const app = watched.page.locator("bankcrm-workstation-app");
      await app.locator('select[data-testid="role"]').selectOption(role);
      await app.locator('[data-testid="feed"][data-feed="live"]').waitFor({ timeout: 30_000 });
      await app.locator('[data-testid="nav-knowledge"]').click();
      return { watched, page: app.locator("ws-knowledge-page") };
    };
    // Marketing writes a draft; it waits for someone else to publish it (no button of their own).
    const mk = await signIn("marketing");
    const form = mk.page.locator('[data-testid="knowledge-form"]');
    await form.locator('select[name="kind"]').selectOption("objection");
    await form.locator('select[name="product"]').selectOption("insurance");
    await form.locator('input[name="title"]').fill("客户说保险退保损失太大");
    await form.locator("textarea").fill("说明犹豫期内退保可全额退还保费；犹豫期后按合同约定的现金价值退还。");
    await form.locator('input[name="tags"]').fill("退保 犹豫期");
    await form.locator('button[type="submit"]').click();
    await expect.poll(() => mk.page.locator('[data-testid="knowledge-status"]').textContent()).toContain("草稿已保存");
    const draft = mk.page.locator('[data-testid="knowledge-drafts"] li', { hasText: "客户说保险退保损失太大" });
    await expect.poll(() => draft.textContent()).toContain("须由他人复核发布");
    expect(await draft.locator('[data-action="publish"]').count()).toBe(0);
    // The branch manager publishes it.
    const bm = await signIn("branch_manager");
    const waiting = bm.page.locator('[data-testid="knowledge-drafts"] li', { hasText: "客户说保险退保损失太大" });
    await waiting.locator('[data-action="publish"]').click({ timeout: 15_000 });
    await expect.poll(() => bm.page.locator('[data-testid="knowledge-status"]').textContent()).toContain("已发布");
    const stored = await api.db.query<{ status: string; by: string }>(
      "SELECT body ->> 'status' AS status, body ->> 'publishedBy' AS by FROM records WHERE collection = 'knowledgeArticles' AND body ->> 'title' = $1",
      ["客户说保险退保损失太大"],
    );
    expect(stored.rows).toEqual([{ status: "published", by: "ST-BJ-CY-BR1" }]);
    // A relationship manager types two words of it, as they would say them: the server's search finds it, marked.
    const rm = await signIn("relationship_manager");
    const search = rm.page.locator("bankcrm-knowledge-search");
    await search.locator('[part="input"]').fill("退保 损失");
    const found = search.locator('[part="article"]', { hasText: "客户说保险退保损失太大" });
    await found.waitFor({ timeout: 10_000 });
    expect(await found.locator("summary mark").allTextContents()).toEqual(["退保损失"]); // 保险 is not marked for 保
    await found.locator("summary").click();
    await expect.poll(() => found.locator('[part="body"]').textContent()).toContain("犹豫期内退保");
    // Marketing takes it back to change it (a reason given), changes the text, and saves the draft.
    const mkApp = mk.watched.page.locator("bankcrm-workstation-app");
    await mkApp.locator('[data-testid="nav-customers"]').click();
    await mkApp.locator('[data-testid="nav-knowledge"]').click();
    const page = mkApp.locator("ws-knowledge-page");
    await page.locator("#change-reason").fill("犹豫期规则更新");
    const live = page.locator('[data-testid="knowledge-published"] li', { hasText: "客户说保险退保损失太大" });
    await live.locator('[data-action="revise"]').click();
    await expect.poll(() => page.locator('[data-testid="knowledge-status"]').textContent()).toContain("已撤回为草稿");
    await page
      .locator('[data-testid="knowledge-drafts"] li', { hasText: "客户说保险退保损失太大" })
      .locator('[data-action="edit"]')
      .click();
    await page
      .locator('[data-testid="knowledge-form"] textarea')
      .fill("犹豫期内退保全额退还保费；犹豫期后按现金价值退还，以合同为准。");
    await page.locator('[data-testid="knowledge-form"] button[type="submit"]').click();
    await expect.poll(() => page.locator('[data-testid="knowledge-status"]').textContent()).toContain("草稿已保存");
    const revised = await api.db.query<{ status: string; body: string; reason: string }>(
      "SELECT body ->> 'status' AS status, body ->> 'body' AS body, body -> 'history' -> -1 ->> 'reason' AS reason FROM records WHERE collection = 'knowledgeArticles' AND body ->> 'title' = $1",
      ["客户说保险退保损失太大"],
    );
    expect(revised.rows).toEqual([
      {
        status: "draft",
        body: "犹豫期内退保全额退还保费；犹豫期后按现金价值退还，以合同为准。",
        reason: "犹豫期规则更新",
      },
    ]);
    for (const { watched } of [mk, bm, rm]) {
      expect(watched.violations).toEqual([]);
      expect(watched.errors).toEqual([]);
      await watched.page.close();
    }
  }, 120_000);

  it("shows the auditor the server's audit chain (reveals with their reasons, caller verifications, filtered, verified) and head office's data quality", async () => {
    const customer = (
      await createHttpStore({ baseUrl: api.url, getToken: () => api.token }).listCustomers({
        relationshipManagerId: "ST-BJ-CY-RE1",
        limit: 1,
      })
    ).items[0]!;
    const asRm = await api.tokenFor({ id: "ST-BJ-CY-RE1", role: "relationship_manager", branchId: "BR-BJ-CY" });
    const revealed = await fetch(new URL(`customers/${customer.id}/reveal`, api.url), {
      method: "POST",
      headers: { Authorization: `Bearer ${asRm}`, "Content-Type": "application/json" },
      body: JSON.stringify({ field: "contact.mobile", reason: "回访核对联系方式" }),
    });
    expect(revealed.status).toBe(200);
    const verified = await fetch(new URL(`customers/${customer.id}/verify`, api.url), {
      method: "POST",
      headers: { Authorization: `Bearer ${asRm}`, "Content-Type": "application/json" },
      body: JSON.stringify({ first: "1900-01-01", last4: "0000" }),
    });
    expect(await verified.json()).toMatchObject({ match: false });

    const { page, violations, errors } = await openWatchedPage(browser, `${site.url}#/customers`);
    const app = page.locator("bankcrm-workstation-app");
    await app.locator('[role="option"]').first().waitFor({ timeout: 30_000 });
    await app.locator('[data-testid="role"]').selectOption("auditor");
    // The auditor's navigation has the audit log once the switch of user is done.
    await app.locator('[data-testid="nav-audit"]').click({ timeout: 30_000 });
    const audit = app.locator("ws-audit-page");
    await audit.locator('[data-testid="chain"]').waitFor({ timeout: 15_000 });
    expect(await audit.locator('[data-testid="chain"]').textContent()).toMatch(/审计链完整：\d+ 条记录均已核验/);
    const rows = audit.locator('[data-testid="audit-rows"] tbody tr');
    await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(2);
    const all = (await audit.locator('[data-testid="audit-rows"]').textContent()) ?? "";
    expect(all).toContain("回访核对联系方式");
    expect(all).toContain("来电核实");
    // Filtered to another customer: none of these.
    await audit.locator('input[name="customer"]').fill("CU-NOBODY");
    await audit.locator('[data-testid="audit-filter"] button[type="submit"]').click();
    await audit.getByText("没有符合条件的记录").waitFor({ timeout: 10_000 });

    // Head office's data quality: the core system's account file loaded — one account of a customer nobody holds,
    // one amount that is not one — and the page shows the load, its completeness, what was refused and the orphan.
    const accounts = join(mkdtempSync(join(tmpdir(), "bankcrm-e2e-load-")), "accounts.csv");
    writeFileSync(
      accounts,
      "ACCT_ID,CUST_NO,PROD_TYPE,PROD_CD,PROD_NAME,ACCT_NO,BAL,AVG_BAL,OPEN_DT,ACCT_STAT,CLOSE_DT,RATE,MATURE_DT\r\n" +
        "E2E-H1,00000001,11,DEP-CUR,活期储蓄,6217001800000000011,100.00,,20250101,0,,,\r\n" +
        "E2E-H2,99999999,11,DEP-CUR,活期储蓄,6217001800000000029,200.00,,20250101,0,,,\r\n" +
        "E2E-H3,00000002,11,DEP-CUR,活期储蓄,6217001800000000037,一百,,20250101,0,,,\r\n",
    );
    // The sample's mapping, for this file in UTF-8 (the sample's own is GBK).
    const mapping = { ...sampleMappings().find((m) => m.file === "accounts.csv")!.mapping, encoding: "utf-8" as const };
    expect((await loadFile(api.db, mapping, accounts)).rejected).toBe(1);
    await app.locator('[data-testid="nav-quality"]').click({ timeout: 30_000 });
    const quality = app.locator("ws-quality-page");
    await quality.locator('[data-testid="quality-loads"]').waitFor({ timeout: 15_000 });
    expect(await quality.locator('[data-testid="quality-loads"] tbody tr').first().textContent()).toMatch(
      /CORE · holdings[\s\S]*accounts\.csv[\s\S]*1 \(33\.3%\)[\s\S]*1 条记录找不到所属客户或账户/,
    );
    expect(await quality.locator('[data-testid="quality-validity"]').textContent()).toMatch(/BAL\s*amount\s*1/);
    expect(await quality.locator('[data-testid="quality-orphans"]').textContent()).toContain("E2E-H2");
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it("loads the wealth platform's extract; the branch manager merges its record of a customer, the 360 view shows both systems' holdings and the tier they earn together, and the undo puts both back", async () => {
    const admin = createHttpStore({ baseUrl: api.url, getToken: () => api.token });
    // The branch's customer of the lowest tier (born in the 1900s: the wealth platform has their old 15-digit ID).
    // (Read from the database: the API masks the ID number.)
    const person = (
      await api.db.query<{ body: IndividualCustomer }>(
        `SELECT body FROM records WHERE collection = 'customers' AND body ->> 'branchId' = 'BR-BJ-CY'
         AND body ->> 'kind' = 'individual' AND substr(body -> 'idDocument' ->> 'number', 7, 2) = '19'`,
      )
    ).rows
      .map((r) => r.body)
      .sort((a, b) => TIERS.indexOf(a.tier ?? "standard") - TIERS.indexOf(b.tier ?? "standard"))[0]!;
    const before = await admin.holdings(person.id);
    // The wealth platform's extracts: the same person under its own key — the name in traditional characters, the
    // old 15-digit ID — and a fund account of 6,000,000 yuan.
    const number = person.idDocument.number;
    const traditional = (name: string) => [...name].map((ch) => TRADITIONAL[ch] ?? ch).join("");
    const dir = mkdtempSync(join(tmpdir(), "bankcrm-e2e-wealth-"));
    const file = (name: string, lines: string[]) => {
      writeFileSync(join(dir, name), `${lines.join("\n")}\n`);
      return join(dir, name);
    };
    const customers = await loadFile(
      api.db,
      customerFileMapping("WEALTH", { branchId: "BR-BJ-CY" }),
      file("wealth-customers.csv", [
        "NO,NAME,SEX,BIRTH,ID,OPENED",
        `W1,${traditional(person.name)},${person.gender === "female" ? 2 : 1},${person.birthDate.replaceAll("-", "")},${number.slice(0, 6)}${number.slice(8, 17)},20260601`,
      ]),
    );
    const funds = await loadFile(
      api.db,
      fundFileMapping("WEALTH", "2026-06-01"),
      file("wealth-funds.csv", ["ACCT,NO,BAL", "6222020000000009,W1,6000000.00"]),
    );
    expect([customers.loaded, funds.loaded, customers.rejected, funds.rejected]).toEqual([1, 1, 0, 0]);
    const earned = assignTier({
      aum: { amount: computeAum(before).total.amount + 600_000_000, currency: "CNY" },
    }).tier;
    const was = person.tier ?? "standard";
    const together = TIERS.indexOf(earned) > TIERS.indexOf(was) ? earned : was;
    expect(together).not.toBe(was); // the merge must raise it

    const { page, violations, errors } = await openWatchedPage(browser, `${site.url}#/customers`);
    const app = page.locator("bankcrm-workstation-app");
    await app.locator('[role="option"]').first().waitFor({ timeout: 30_000 });
    await app.locator('[data-testid="role"]').selectOption("branch_manager");
    const card = () => app.locator("ws-customer-360").locator("bankcrm-customer-card");
    const open360 = async () => {
      await page.evaluate((id) => (location.hash = `#/customers/${id}`), person.id);
      await card().locator('[part="value"]').first().waitFor({ timeout: 30_000 });
      return (await card().locator('[part="value"]').allTextContents())[0]; // the AUM
    };
    const aumBefore = await open360();

    await app.locator('[data-testid="nav-merges"]').click({ timeout: 30_000 });
    const merges = app.locator("ws-merges-page");
    const review = merges.locator("bankcrm-match-review");
    await review.locator('[part="evidence"]').waitFor({ timeout: 30_000 });
    const choice = merges.locator('[data-testid="merge-pairs"] button', { hasText: "CU-WEALTH-W1" });
    if ((await choice.count()) > 0) await choice.click();
    await expect
      .poll(() => review.locator('[part="records"]').textContent(), { timeout: 15_000 })
      .toContain("CU-WEALTH-W1");
    expect(await review.locator('[part="evidence"]').textContent()).toContain("完全一致");
    await review.locator('button[data-decision="merge"]').click();
    await expect
      .poll(() => merges.locator('[data-testid="merges-said"]').textContent(), { timeout: 15_000 })
      .toContain(`CU-WEALTH-W1 并入 ${person.id}`);

    // The 360 view: both systems' holdings, the tier the two records' money earns together.
    await expect.poll(open360, { timeout: 15_000 }).not.toBe(aumBefore);
    expect(await card().locator("bankcrm-tier-badge").locator('[part="label"]').textContent()).toContain(
      label("tier", together, "zh-CN"),
    );
    expect((await admin.holdings(person.id)).map((h) => h.id)).toContain("HD-WEALTH-6222020000000009");
    expect(await admin.record("customers", "CU-WEALTH-W1")).toBeUndefined();

    await app.locator('[data-testid="nav-merges"]').click();
    await merges.locator('[data-testid="merges-undo"]').click();
    await expect
      .poll(() => merges.locator('[data-testid="merges-said"]').textContent(), { timeout: 15_000 })
      .toContain("已撤销合并");
    await expect.poll(open360, { timeout: 15_000 }).toBe(aumBefore);
    expect(await card().locator("bankcrm-tier-badge").locator('[part="label"]').textContent()).toContain(
      label("tier", was, "zh-CN"),
    );
    expect((await admin.holdings("CU-WEALTH-W1")).map((h) => h.id)).toEqual(["HD-WEALTH-6222020000000009"]);
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 150_000);

  it("switches user while the previous user's reads are still in flight: their answers are dropped, nothing fails", async () => {
    // "My day" reads the relationship manager's customers, then their opportunities, over HTTP. Its read of
    // the customers (the second such request: the first is the list's rows) is held until after the switch
    // of user has logged its client out — so the next read would be through a closed client.
    let reads = 0;
    let release = () => {};
    let delivered = false;
    const held = new Promise<void>((resolve) => (release = resolve));
    const { page, violations, errors } = await openWatchedPage(browser, `${site.url}#/day`, (page) =>
      page.route(/\/customers\?.*relationshipManagerId=ST-BJ-CY-RE1/, async (route) => {
        const heldHere = ++reads === 2;
        if (heldHere) await held;
        await route.continue();
        if (heldHere) delivered = true;
      }),
    );
    const app = page.locator("bankcrm-workstation-app");
    const day = app.locator("ws-my-day");
    const computing = day.getByText("正在计算客户关怀与业绩完成情况");
    await computing.waitFor({ timeout: 30_000 });
    await app.locator('[data-testid="role"]').selectOption("branch_manager");
    // The branch manager's day is shown: the relationship manager's client was logged out before it.
    await expect.poll(() => day.locator("h2").first().textContent(), { timeout: 30_000 }).toContain("团队");
    expect(reads).toBe(2);
    release();
    await expect.poll(() => delivered, { timeout: 10_000 }).toBe(true);
    await page.waitForTimeout(1000); // the held answer's continuation (a read through the closed client) has run
    await expect.poll(() => computing.count(), { timeout: 30_000 }).toBe(0);
    expect(await day.locator('[data-testid="day-failed"]').count()).toBe(0);
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it("shows the server's value figures and lists: the metrics job's, for the user's token", async () => {
    await computeMetrics(api.db.driver, { asOf: DEMO_AS_OF });
    // The branch manager: a whole branch, so both lists have customers in them.
    const token = await api.tokenFor({ id: "ST-BJ-CY-BR1", role: "branch_manager", branchId: "BR-BJ-CY" });
    const store = createHttpStore({ baseUrl: api.url, getToken: () => token });
    const { items } = await store.metrics({ limit: 1000 });
    const gold = items.filter((m) => m.underServed || m.nearNextTier).length;
    const alerts = items.filter((m) => m.churnAlert).length;
    expect(gold).toBeGreaterThan(0);
    expect(alerts).toBeGreaterThan(0);
    const { page, violations, errors } = await openWatchedPage(browser, `${site.url}#/value`);
    const app = page.locator("bankcrm-workstation-app");
    const value = app.locator("ws-value-page");
    await value.locator('[data-testid="values-status"][data-state="ready"]').waitFor({ timeout: 30_000 });
    await app.locator('[data-testid="role"]').selectOption("branch_manager");
    await expect.poll(() => app.locator('[data-testid="role"]').inputValue()).toBe("branch_manager");
    await value.locator('[data-testid="values-status"][data-state="ready"]').waitFor({ timeout: 30_000 });
    const countOf = async (testid: string) =>
      Number(/共\s*([\d,]+)/.exec((await value.locator(`[data-testid="${testid}"]`).textContent()) ?? "")?.[1]);
    // Polled: the switch of user starts a new session (the branch's rows and figures replace the manager's own).
    await expect.poll(() => countOf("gold-count"), { timeout: 30_000 }).toBe(gold);
    await expect.poll(() => countOf("churn-count"), { timeout: 30_000 }).toBe(alerts);
    // Each entry's reasons in words with their figures, and the alert's day: the newest signal first.
    const newest = items
      .filter((m) => m.churnAlert)
      .sort(
        (a, b) => b.churnAlertAt!.localeCompare(a.churnAlertAt!) || (b.contribution ?? 0) - (a.contribution ?? 0),
      )[0]!;
    const firstAlert = value.locator('[data-testid="churn-list"] tbody tr').first();
    expect(await firstAlert.getAttribute("data-customer-id")).toBe(newest.customerId);
    expect(await firstAlert.locator("time").getAttribute("datetime")).toBe(newest.churnAlertAt);
    expect(await firstAlert.locator("li").allTextContents()).toEqual(
      newest.churnAlertReasons!.map((r) => valueReasonText(r, "zh-CN")),
    );
    const goldRow = value.locator('[data-testid="gold-list"] tbody tr').first();
    const goldId = await goldRow.getAttribute("data-customer-id");
    const goldItem = items.find((m) => m.customerId === goldId)!;
    expect(await goldRow.locator("li").allTextContents()).toEqual(
      goldItem.goldReasons!.map((r) => valueReasonText(r, "zh-CN")),
    );
    // With the figures: money quoted for the branch manager (a financial role).
    expect((await goldRow.locator("li").first().textContent()) ?? "").toMatch(/¥/);
    // The list sorts by the server's value score: the highest of the user's customers first.
    await app.locator('[data-testid="nav-customers"]').click();
    await app.locator('select[data-testid="sort"]').selectOption("valueScore");
    const top = items.reduce((a, b) => ((b.valueScore ?? -1) > (a.valueScore ?? -1) ? b : a));
    await expect
      .poll(() => app.locator('[role="option"]').first().getAttribute("data-customer-id"))
      .toBe(top.customerId);
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it("fulfils a customer's requests about their data: the copy within the limit, and deletion under the AML hold with the reasons, in the portal too", async () => {
    // An active customer with holdings (kept by law) and contacts (erased on request).
    const { rows } = await api.db.query<{ id: string }>(
      `SELECT c.id FROM records c WHERE c.collection = 'customers' AND c.body ->> 'status' = 'active'
         AND c.body ->> 'kind' = 'individual'
         AND EXISTS (SELECT 1 FROM records h WHERE h.collection = 'holdings' AND h.customer_id = c.id)
         AND EXISTS (SELECT 1 FROM records i WHERE i.collection = 'interactions' AND i.customer_id = c.id)
       ORDER BY c.id DESC LIMIT 1`,
    );
    const customerId = rows[0]!.id;
    const portal = served(await serveInternetBanking({ port: 0, api: api.url, signToken: customerSigner(api.secret) }));
    const opened: { page: Page }[] = [];
    try {
      // 1. In internet banking, the customer asks for a copy, then for deletion: each a case with the regulator's limit.
      const bank = await openWatchedPage(browser, `${portal.url}?customer=${customerId}`);
      opened.push(bank);
      await bank.page.getByRole("button", { name: "登录", exact: true }).click();
      const myData = bank.page.locator('[data-testid="portal-my-data"]');
      for (const right of ["copy", "deletion"]) {
        await myData.locator('select[name="privacyRight"]').selectOption(right);
        await myData.getByRole("button", { name: "提交请求" }).click();
        await expect.poll(() => myData.locator(".result").textContent()).toMatch(/^已受理，编号 SC-WEB-/);
        await myData.locator(".result").evaluate((n) => (n.textContent = ""));
      }

      // 2. Head office's privacy officer sees both, makes the copy: theirs (holdings, cases), no one else's.
      const { page, violations, errors } = await openWatchedPage(browser, `${site.url}#/customers`);
      opened.push({ page });
      const app = page.locator("bankcrm-workstation-app");
      await app.locator('[role="option"]').first().waitFor({ timeout: 30_000 });
      await app.locator('[data-testid="role"]').selectOption("privacy_officer");
      await app.locator('[data-testid="nav-privacy"]').click({ timeout: 30_000 });
      const privacy = app.locator("ws-privacy-page");
      const requests = privacy.locator('[data-testid="privacy-requests"] tbody tr');
      const theirs = requests.filter({ hasText: customerId });
      await expect.poll(() => theirs.count(), { timeout: 15_000 }).toBe(2);
      await theirs.filter({ hasText: "复制" }).getByRole("button").click();
      await privacy.getByRole("button", { name: "制作副本" }).click();
      const copy = privacy.locator('[data-testid="privacy-copy"]');
      await expect.poll(() => copy.textContent(), { timeout: 10_000 }).toContain(`客户号 ${customerId}`);
      const copied = (await copy.textContent()) ?? "";
      expect(copied).toMatch(/## 持有的产品与账户 \(\d+\)[\s\S]*## 服务请求与投诉 \(\d+\)/);
      const others = await api.db.query<{ id: string }>(
        "SELECT id FROM records WHERE collection = 'customers' AND id <> $1",
        [customerId],
      );
      for (const other of others.rows) expect(copied).not.toContain(other.id);
      await privacy.getByRole("button", { name: "办结并答复" }).click();
      await expect.poll(() => theirs.filter({ hasText: "已解决" }).count(), { timeout: 10_000 }).toBe(1);

      // 3. Deletion: what it would do first, then done — the AML-held records kept, restricted, with the reasons.
      await theirs.filter({ hasText: "删除" }).getByRole("button").click();
      await privacy.getByRole("button", { name: "查看删除方案" }).click();
      const plan = privacy.locator('[data-testid="privacy-erasure"]');
      await expect.poll(() => plan.textContent(), { timeout: 10_000 }).toContain("反洗钱法");
      await privacy.getByRole("button", { name: "执行删除" }).click();
      await expect
        .poll(() => privacy.locator('[data-testid="privacy-status"]').textContent(), { timeout: 10_000 })
        .toMatch(/^已删除 \d+ 条、匿名化 \d+ 条，依法保存并停止处理 \d+ 条。$/);
      await privacy.getByRole("button", { name: "办结并答复" }).click();
      await expect.poll(() => theirs.filter({ hasText: "已解决" }).count(), { timeout: 10_000 }).toBe(2);
      const left = await api.db.query<{ collection: string }>(
        "SELECT collection FROM records WHERE customer_id = $1 AND collection IN ('holdings', 'interactions')",
        [customerId],
      );
      expect(new Set(left.rows.map((r) => r.collection))).toEqual(new Set(["holdings"]));
      expect((await api.db.get("customers", customerId))!.body.restrictedAt).toBeDefined();

      // The customer reads the answer: what was deleted, and why the rest is kept.
      await myData.getByRole("button", { name: "查看删除答复" }).click();
      const answer = myData.locator("pre");
      await expect.poll(() => answer.textContent()).toContain("个人信息删除请求答复");
      expect(await answer.textContent()).toMatch(/持有的产品与账户 \(\d+\)：.*反洗钱法/);
      for (const watched of [{ page, violations, errors }, bank]) {
        expect(watched.violations).toEqual([]);
        expect(watched.errors).toEqual([]);
      }
    } finally {
      // Closed first: a page's open change stream would keep the portal's server from closing.
      for (const { page } of opened) await page.close();
      await portal.close();
    }
  }, 120_000);
});
