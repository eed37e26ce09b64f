/**
 * Value across the whole book in the built workstation (issue 16): every
 * customer's metrics computed in a Web Worker and stored, the list sorted by
 * value and churn, the gold-customer and churn-alert lists, and the branch
 * manager's dashboard — checked against the same core functions run here in
 * Node over the same generated book, with screenshots and axe in both themes.
 */
import { describe, expect, it } from "vitest";
import type { Locator } from "playwright-core";
import { inCustomerScope, computeAum, type BookCustomer, type ServiceCase } from "@bankcrm/core";
import {
  BRANCHES,
  DEMO_AS_OF,
  generateCustomerHistory,
  generateDemoCustomers,
  generateStaff,
} from "@bankcrm/core/demo";
import { churnAlerts, computeBookMetrics, findGoldCustomers, rfmCell, scoreCustomer } from "@bankcrm/core/analytics";
import { demoGroups } from "../../examples/branch-workstation/src/book.js";
import { axeViolations } from "../support/axe.js";
import { ARTIFACTS, useWorkstation } from "../support/workstation-site.js";
import { openWatchedPage } from "../support/watched-page.js";

const SEED = "e2e-value";
const TOTAL = 3000;

const ws = useWorkstation();

/** The same book, generated and scored here. */
function expected() {
  const book: BookCustomer[] = generateDemoCustomers({ seed: SEED, start: 0, count: TOTAL }).map((customer) => {
    const h = generateCustomerHistory(customer, { seed: SEED, asOf: DEMO_AS_OF });
    return { customer, holdings: h.holdings, transactions: h.transactions, serviceCases: h.serviceCases };
  });
  const { customers: values, models } = computeBookMetrics(book, { asOf: DEMO_AS_OF });
  const staff = generateStaff(SEED).all;
  const branch = BRANCHES[0]!.id;
  const rm = staff.find((s) => s.role === "relationship_manager" && s.branchId === branch)!;
  const byId = new Map(book.map((b) => [b.customer.id, b.customer]));
  const mine = (id: string) => inCustomerScope({ id: rm.id, role: rm.role, branchId: rm.branchId }, byId.get(id)!);
  const churn = churnAlerts(book, values, { asOf: DEMO_AS_OF }).filter((a) => mine(a.customerId));
  // A profitable customer of the relationship manager's without an alert, at low risk: two complaints will change that.
  const calm = values.find(
    (v) =>
      mine(v.customerId) &&
      v.contribution > 0 &&
      v.churnLevel === "low" &&
      !churn.some((a) => a.customerId === v.customerId),
  )!;
  const complaints: ServiceCase[] = [1, 2].map((n) => ({
    id: `SC-E2E-${n}`,
    customerId: calm.customerId,
    type: "complaint",
    priority: "high",
    channel: "phone",
    status: "open",
    subject: "转账到账慢",
    openedAt: `2026-11-2${n}T02:00:00.000Z`,
    slaDueAt: "2026-12-04T10:00:00.000Z",
  }));
  const before = book.find((b) => b.customer.id === calm.customerId)!;
  const after = scoreCustomer({ ...before, serviceCases: [...(before.serviceCases ?? []), ...complaints] }, models);
  // A household or SME group wholly in the relationship manager's book, and its AUM as core adds it.
  const customers = book.map((b) => b.customer);
  const group = demoGroups(customers).find((g) => g.members.every((m) => mine(m.customerId)))!;
  const groupAum = group.members.reduce((sum, m) => {
    const b = book.find((x) => x.customer.id === m.customerId)!;
    return sum + computeAum(b.holdings.filter((h) => h.status !== "closed")).total.amount;
  }, 0);
  // The relationship manager's customers on the RFM grid, by cell ("R-FM").
  const rfmCells = new Map<string, number>();
  for (const v of values)
    if (mine(v.customerId) && v.rfmR !== undefined) {
      const { r, fm } = rfmCell(v.rfmR, v.rfmF!, v.rfmM!);
      rfmCells.set(`${r}-${fm}`, (rfmCells.get(`${r}-${fm}`) ?? 0) + 1);
    }
  return {
    values,
    rfmCells,
    group,
    groupAum,
    calm,
    complaints,
    after,
    branch,
    branchCustomers: book.filter((b) => b.customer.branchId === branch).length,
    gold: findGoldCustomers(values).filter((g) => mine(g.customerId)),
    churn,
  };
}

const rowsOf = (app: Locator) => app.locator('[role="option"]');
const ready = (app: Locator) =>
  app
    .locator('ws-value-page [data-testid="values-status"][data-state="ready"]')
    .waitFor({ state: "attached", timeout: 90_000 });
const countIn = async (l: Locator) =>
  Number(((await l.textContent()) ?? "").replace(/.*共\s*|\s*位.*/g, "").replace(/,/g, ""));

const axe = axeViolations;

describe("value across the whole book (workstation, Chromium)", () => {
  const want = expected();

  it("computes every customer's value in a worker, keeps it for the next start, and sorts the list by value and churn", async () => {
    const { page, violations, errors } = await openWatchedPage(
      ws.browser,
      `${ws.site.url}?customers=${TOTAL}&seed=${SEED}#/customers`,
    );
    const app = page.locator("bankcrm-workstation-app");
    await rowsOf(app).first().waitFor({ timeout: 90_000 });
    await ready(app);
    await app.locator('select[data-testid="role"]').selectOption("auditor");
    // Highest value score first: the book's highest, as core computes it.
    await app.locator('select[data-testid="sort"]').selectOption("valueScore");
    const top = Math.round(Math.max(...want.values.map((v) => v.valueScore)));
    await expect.poll(() => rowsOf(app).first().locator('[data-field="valueScore"]').textContent()).toBe(String(top));
    const topId = want.values.reduce((a, b) => (b.valueScore > a.valueScore ? b : a)).customerId;
    expect(await rowsOf(app).first().getAttribute("data-customer-id")).toBe(topId);
    // Highest churn risk first: a high-risk customer.
    await app.locator('select[data-testid="sort"]').selectOption("churnRisk");
    const riskiest = want.values.reduce((a, b) => (b.churnRisk > a.churnRisk ? b : a));
    await expect.poll(() => rowsOf(app).first().getAttribute("data-customer-id")).toBe(riskiest.customerId);
    expect(await rowsOf(app).first().locator('[data-field="churnRisk"]').textContent()).toContain(
      riskiest.churnLevel === "high" ? "高" : riskiest.churnLevel === "medium" ? "中" : "低",
    );
    // Lowest contribution first (ascending): the book's lowest.
    await app.locator('select[data-testid="sort"]').selectOption("contribution");
    await app.locator('button[data-testid="direction"]').click();
    const lowest = want.values.reduce((a, b) => (b.contribution < a.contribution ? b : a));
    await expect.poll(() => rowsOf(app).first().getAttribute("data-customer-id")).toBe(lowest.customerId);

    // The value lists as segments: the same customers as the value page lists.
    await app.locator('select[data-testid="role"]').selectOption("relationship_manager");
    await app.locator('button[data-testid="direction"]').click(); // back to descending
    await app.locator('select[data-testid="segment"]').selectOption("churn-alerts");
    await expect
      .poll(() => app.locator('[data-testid="count"]').textContent())
      .toBe(`共 ${want.churn.length.toLocaleString("zh-CN")} 位客户`);
    await app.locator('select[data-testid="segment"]').selectOption("gold-candidates");
    await expect
      .poll(() => app.locator('[data-testid="count"]').textContent())
      .toBe(`共 ${want.gold.length.toLocaleString("zh-CN")} 位客户`);
    await app.locator('select[data-testid="segment"]').selectOption("");

    // The value page's RFM grid: each cell's count as core puts the customers; the largest opens as a segment of
    // exactly those customers, and a customer of it shows the same cell in the 360 view.
    await page.evaluate(() => (location.hash = "#/value"));
    const grid = app.locator('ws-value-page [data-testid="rfm-grid"]');
    await grid.waitFor();
    const shown = new Map<string, number>();
    for (const cell of await grid.locator("td[data-cell]").all())
      shown.set(
        (await cell.getAttribute("data-cell"))!,
        Number(await cell.locator('[aria-hidden="true"]').first().textContent()),
      );
    expect([...shown].filter(([, n]) => n > 0).sort()).toEqual([...want.rfmCells].sort());
    const [largest, size] = [...want.rfmCells].reduce((a, b) => (b[1] > a[1] ? b : a));
    await grid.locator(`td[data-cell="${largest}"] a`).click();
    await expect
      .poll(() => app.locator('[data-testid="count"]').textContent())
      .toBe(`共 ${size.toLocaleString("zh-CN")} 位客户`);
    await rowsOf(app).first().click();
    await expect
      .poll(() => app.locator('ws-customer-360 [data-testid="rfm"] [data-rfm]').getAttribute("data-rfm"))
      .toBe(largest);
    await app.locator('button[data-testid="close"]').click();
    await app.locator('select[data-testid="segment"]').selectOption("");

    // A change to a customer's records scores them again against the stored models: two complaints, through the client.
    await app.locator('select[data-testid="role"]').selectOption("relationship_manager");
    expect(want.after.churnRisk).toBeGreaterThan(want.calm.churnRisk);
    await page.evaluate(
      async ({ id, cases }) => {
        const app = document.querySelector("bankcrm-workstation-app") as unknown as {
          session: {
            prepare(id: string): Promise<void>;
            client: { serviceCases: { create(c: unknown): Promise<{ status: string }> } };
          };
        };
        await app.session.prepare(id); // the demo writes a customer's history into the store when first opened
        for (const c of cases) await app.session.client.serviceCases.create(c);
      },
      { id: want.calm.customerId, cases: want.complaints },
    );
    const alert = app.locator(
      `ws-value-page [data-testid="churn-list"] tr[data-customer-id="${want.calm.customerId}"]`,
    );
    await alert.waitFor({ state: "attached", timeout: 20_000 });
    expect(await alert.locator('[data-reason="complaints"]').count()).toBe(1);
    await app.locator('input[data-testid="search"]').fill(want.calm.customerId);
    await expect
      .poll(() => rowsOf(app).first().locator('[data-field="churnRisk"]').getAttribute("data-level"))
      .toBe(want.after.churnLevel);
    expect(await rowsOf(app).first().locator('[data-field="valueScore"]').textContent()).toBe(
      String(Math.round(want.after.valueScore)),
    );

    // The next start reads them (with the customer scored again): ready as soon as the list is, with no computing.
    await page.reload();
    await rowsOf(app).first().waitFor({ timeout: 30_000 });
    expect(await app.locator('ws-value-page [data-testid="values-status"]').getAttribute("data-state")).toBe("ready");
    await app.locator('select[data-testid="role"]').selectOption("relationship_manager");
    await alert.waitFor({ state: "attached", timeout: 10_000 });
    // Computed again in full: the workers see the seed's histories, the complaints come from the store after.
    await app.locator('[data-testid="nav-value"]').click();
    await app.locator("ws-value-page").getByRole("button", { name: "重新计算" }).click();
    await app.locator('ws-value-page [data-testid="values-status"]:not([data-state])').waitFor({ timeout: 10_000 });
    await app.locator('ws-value-page [data-testid="values-status"][data-state="ready"]').waitFor({ timeout: 90_000 });
    expect(await alert.locator('[data-reason="complaints"]').count()).toBe(1);
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 240_000);

  it("lists the gold customers and the churn alerts with their reasons, opens one, and shows the branch manager's dashboard", async () => {
    // axe is injected as a script, which the page's CSP forbids: this context bypasses it (the test above runs under it).
    const context = await ws.browser.newContext({ bypassCSP: true, viewport: { width: 1440, height: 1000 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.goto(`${ws.site.url}?customers=${TOTAL}&seed=${SEED}#/value`);
    const app = page.locator("bankcrm-workstation-app");
    const value = app.locator("ws-value-page");
    await ready(app);
    // The relationship manager's own book: the same customers core finds, with the same counts.
    expect(want.gold.length).toBeGreaterThan(0);
    expect(want.churn.length).toBeGreaterThan(0);
    await expect.poll(() => countIn(value.locator('[data-testid="gold-count"]'))).toBe(want.gold.length);
    expect(await countIn(value.locator('[data-testid="churn-count"]'))).toBe(want.churn.length);
    const goldRows = value.locator('[data-testid="gold-list"] tbody tr');
    expect(await goldRows.first().getAttribute("data-customer-id")).toBe(want.gold[0]!.customerId);
    expect((await goldRows.first().locator("li").allTextContents()).join(" ")).toMatch(/前 10%|距/);
    const churnRows = value.locator('[data-testid="churn-list"] tbody tr');
    expect(await churnRows.first().getAttribute("data-customer-id")).toBe(want.churn[0]!.customerId);
    expect(await churnRows.first().locator("time").textContent()).toBe(want.churn[0]!.at);
    // Individuals' names masked (a company's name is not personal).
    const names = await value.locator('tbody a[data-kind="individual"] .name').allTextContents();
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(name.trim()).toMatch(/^\S\*+$/);
    expect(await axe(page)).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}workstation-value.png`, fullPage: true });

    // A churn alert opens the customer in the list's 360 view.
    await churnRows.first().locator("a").click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe(`#/customers/${want.churn[0]!.customerId}`);
    await app.locator("ws-customer-360 bankcrm-customer-card").waitFor({ timeout: 20_000 });
    // Its contribution as a waterfall ending at the total, and its loyalty points on the card.
    await app.locator("ws-customer-360 bankcrm-value-breakdown g.step.total").waitFor();
    expect(
      await app.locator('ws-customer-360 bankcrm-customer-card [data-field="loyaltyPoints"]').textContent(),
    ).toMatch(/^[\d,]+$/);

    // A customer in a household or SME group: the members, their roles and the combined AUM.
    await page.evaluate((id) => (location.hash = `#/customers/${id}`), want.group.members[1]!.customerId);
    const group = app.locator(`ws-customer-360 bankcrm-relationship-group`).first();
    await group.locator("tbody tr").first().waitFor({ timeout: 20_000 });
    expect(
      await group.locator("tbody tr").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-customer-id"))),
    ).toEqual(want.group.members.map((m) => m.customerId));
    expect(await group.locator('tr[aria-current="true"]').getAttribute("data-customer-id")).toBe(
      want.group.members[1]!.customerId,
    );
    const yuan = new Intl.NumberFormat("zh-CN", {
      style: "currency",
      currency: "CNY",
      notation: "compact",
      maximumFractionDigits: 1,
    });
    expect(await group.locator('[data-total="aum"]').textContent()).toBe(yuan.format(want.groupAum / 100));
    await page.screenshot({ path: `${ARTIFACTS}workstation-360-value.png`, fullPage: true });

    // The branch manager's dashboard.
    await app.locator('select[data-testid="role"]').selectOption("branch_manager");
    await app.locator('[data-testid="nav-dashboard"]').click();
    const dash = app.locator("ws-dashboard-page");
    const customers = dash.locator("bankcrm-kpi-tile").first();
    await expect
      .poll(() => customers.locator('[part="value"]').textContent())
      // With the demo's three records of branch customers from another system (embedded-merges.ts), not yet scored.
      .toContain((want.branchCustomers + 3).toLocaleString("zh-CN"));
    const charts = dash.locator("bankcrm-chart");
    expect(await charts.count()).toBe(5);
    for (const chart of await charts.all()) expect(await chart.locator("tbody tr").count()).toBeGreaterThan(0);
    // The branches compared: this one highlighted, and said so in the table.
    const branches = charts.nth(4);
    expect(await branches.locator('tr[data-highlight="true"] th').textContent()).toContain("（重点）");
    expect(await branches.locator(".bar.highlight").count()).toBe(1);
    // Churn risk across the branch: every scored customer of the branch counted once.
    const counted = await charts
      .nth(2)
      .locator("tbody td")
      .allTextContents()
      .then((xs) => xs.reduce((s, x) => s + Number(x), 0));
    expect(counted).toBe(want.branchCustomers);
    expect(await axe(page)).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}workstation-dashboard.png`, fullPage: true });
    await app.locator('input[data-testid="theme"]').check();
    expect(await axe(page)).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}workstation-dashboard-dark.png`, fullPage: true });
    await app.locator('[data-testid="nav-value"]').click();
    await value.locator('[data-testid="gold-list"]').waitFor();
    expect(await axe(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  }, 240_000);
});
