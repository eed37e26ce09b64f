/**
 * `pnpm start`'s demo bank (examples/reference-server/src/demo-bank.ts) as a process, the way a new user starts it: the
 * server on PGlite in the user's cache, seeded once, with the workstation, the desk and the portal on its origin and
 * its demo sign-in; stopped with SIGTERM and started again on the same data, which it keeps and does not seed twice.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { allocateTarget, type SalesPerformance, type SalesTarget } from "@bankcrm/core";
import { DEMO_CAMPAIGN_WORLD, generateDemoPortfolio, generateStaff } from "@bankcrm/core/demo";
import { launchChromium } from "../support/browser.js";
import { openWatchedPage } from "../support/watched-page.js";
import { builtOnce } from "../support/served.js";

const examples = fileURLToPath(new URL("../../examples/", import.meta.url));
const cache = mkdtempSync(join(tmpdir(), "bankcrm-demo-bank-"));
const staffOfBank = generateStaff("bankcrm").all;
/** The workstation's first demo users: the first branch's first relationship manager and its manager. */
const rm = staffOfBank.find((s) => s.role === "relationship_manager" && s.branchId === "BR-BJ-CY")!;
const auditor = staffOfBank.find((s) => s.role === "auditor")!;
/** The bank the demo seeds (DEMO_CUSTOMERS=300): what its callers would answer. */
const callers = generateDemoPortfolio({ seed: "bankcrm", customers: 300 }).customers.filter(
  (c) => c.kind === "individual" && c.contact.mobile !== undefined && c.status === "active",
);
let pages: { WORKSTATION_DIST: string; DESK_DIST: string };
let browser: Browser;

interface Bank {
  base: string;
  log: () => string;
  child: ChildProcess;
  /** Resolves when the log has a line matching `pattern`. */
  until(pattern: RegExp, timeoutMs?: number): Promise<void>;
}

/** Starts the demo bank in its own process and resolves once it listens. */
async function startBank(): Promise<Bank> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/demo-bank.ts"], {
    cwd: join(examples, "reference-server"),
    env: { ...process.env, XDG_CACHE_HOME: cache, DEMO_CUSTOMERS: "300", PORT: "0", AUTH_SECRET: "", ...pages },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr.on("data", (d: Buffer) => (out += d.toString()));
  const until = async (pattern: RegExp, timeoutMs = 60_000) => {
    for (let waited = 0; !pattern.test(out); waited += 100) {
      if (waited > timeoutMs || child.exitCode !== null) throw new Error(`no ${String(pattern)} in:\n${out}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  await until(/branch workstation\s+http:\/\/127\.0\.0\.1:\d+\//);
  const base = /branch workstation\s+(http:\/\/127\.0\.0\.1:\d+)\//.exec(out)![1]!;
  return { base, child, log: () => out, until };
}

/** Stops it with SIGTERM; resolves with its exit code. */
function stop(bank: Bank): Promise<number | null> {
  return new Promise((resolve) => {
    bank.child.once("exit", (code) => resolve(code));
    bank.child.kill("SIGTERM");
  });
}

async function tokenFor(bank: Bank, who: string) {
  const r = await fetch(`${bank.base}/bankcrm-token?${who}`);
  return { status: r.status, token: r.ok ? ((await r.json()) as { token: string }).token : "" };
}

const api = (bank: Bank, path: string, token: string, init: RequestInit = {}) =>
  fetch(`${bank.base}/api/${path}`, {
    ...init,
    headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json", ...init.headers },
  });

beforeAll(async () => {
  const [workstation, desk] = await Promise.all([
    builtOnce(join(examples, "branch-workstation")),
    builtOnce(join(examples, "call-centre-desk")),
  ]);
  pages = { WORKSTATION_DIST: workstation, DESK_DIST: desk };
  browser = await launchChromium();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  rmSync(cache, { recursive: true, force: true });
});

describe("pnpm start: one demo bank on one origin", () => {
  it("seeds once, serves the three pages and the API with a demo sign-in, and keeps its data across a restart", async () => {
    const first = await startBank();
    await first.until(/the demo bank is complete/);
    expect(first.log()).toMatch(/300 customers are in/);

    // The pages, each under the strict CSP; the portal's packages through its import map.
    for (const [path, marker] of [
      ["/", "bankcrm-workstation-app"],
      ["/desk/", "<title>"],
      ["/bank/", "importmap"],
    ] as const) {
      const r = await fetch(`${first.base}${path}`);
      expect(r.status, path).toBe(200);
      expect(r.headers.get("content-security-policy"), path).toMatch(/script-src 'self'/);
      expect(await r.text(), path).toContain(marker);
    }
    expect((await fetch(`${first.base}/node_modules/lit/index.js`)).headers.get("content-type")).toMatch(/javascript/);
    expect(await (await fetch(`${first.base}/bankcrm-config.json`)).json()).toEqual({ api: "/api/" });

    // The demo sign-in: staff see their scope, masked; a customer sees themself; a made-up one gets no token.
    const staff = await tokenFor(first, `staff=${rm.id}`);
    const page = (await (await api(first, "customers?limit=200", staff.token)).json()) as {
      items: { id: string; relationshipManagerId?: string; contact: { mobile: string } }[];
    };
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items.every((c) => c.contact.mobile.includes("****"))).toBe(true);
    const customer = page.items[0]!;
    const me = await tokenFor(first, `customer=${customer.id}`);
    expect(((await (await api(first, "me", me.token)).json()) as { id: string }).id).toBe(customer.id);
    expect((await tokenFor(first, "customer=CU99999999")).status).toBe(404);
    expect((await tokenFor(first, "staff=nobody")).status).toBe(404);
    // The portal's chooser lists customers who sign in, by number and masked name only.
    const listed = (await (await fetch(`${first.base}/bankcrm-token/customers`)).json()) as {
      items: Record<string, string>[];
    };
    expect(listed.items.length).toBeGreaterThan(0);
    for (const item of listed.items) {
      expect(Object.keys(item).sort()).toEqual(["id", "name"]);
      expect(item.name).toContain("*");
      expect((await tokenFor(first, `customer=${item.id}`)).status).toBe(200);
    }

    // A customer's request, left in the portal, is kept.
    const left = await api(first, "me/leads", me.token, {
      method: "POST",
      headers: { "Idempotency-Key": crypto.randomUUID() },
      body: JSON.stringify({ id: "LD-DEMO-BANK-1", purpose: "wealth_consultation", consentTextVersion: "v1" }),
    });
    expect(left.status, await left.clone().text()).toBe(201);
    const lead = { id: "LD-DEMO-BANK-1" };

    // The workstation at / runs on the server: online, live.
    const { page: ws, errors } = await openWatchedPage(browser, `${first.base}/`);
    await ws.locator('bankcrm-workstation-app [data-testid="online"]').waitFor({ timeout: 30_000 });
    expect(await ws.locator('bankcrm-workstation-app [data-testid="online"]').textContent()).toBe("在线");
    expect(errors).toEqual([]);
    await ws.close();

    // The desk at /desk/ verifies callers on the server: three wrong answers lock the customer for the agent, and a
    // reload does not unlock them; another caller, answering right, opens the call.
    const pickAtDesk = async (caller: (typeof callers)[number]) => {
      const opened = await openWatchedPage(browser, `${first.base}/desk/`);
      const root = opened.page.locator("bankcrm-call-centre-desk");
      await root.locator('[data-testid="caller-query"]').fill(caller.contact.mobile!);
      await root.locator('[data-testid="caller-query"]').press("Enter");
      await root.locator(`[data-testid="candidates"] button[data-customer-id="${caller.id}"]`).click();
      const answer = async (first: string, last4: string) => {
        const before = (await root.locator('[data-testid="verify-result"]').textContent()) ?? "";
        await root.locator('input[name="first"]').fill(first);
        await root.locator('input[name="last4"]').fill(last4);
        await root.locator('input[name="last4"]').press("Enter");
        return before;
      };
      const result = () => root.locator('[data-testid="verify-result"]').textContent();
      return { ...opened, root, answer, result };
    };
    const locked = callers[0];
    // The caller who gets through is in the workstation's relationship manager's book.
    const right = callers.find((c) => c.relationshipManagerId === rm.id);
    if (locked?.kind !== "individual" || right?.kind !== "individual") throw new Error("the demo callers are people");
    const wrong = await pickAtDesk(locked);
    for (const left of [2, 1]) {
      await wrong.answer("1900-01-01", "0000");
      await expect.poll(wrong.result).toBe(`核实未通过，还可尝试 ${left} 次`);
    }
    await wrong.answer("1900-01-01", "0000");
    await expect.poll(wrong.result).toMatch(/^多次核实未通过，已锁定至 /);
    await wrong.page.close();
    const reloaded = await pickAtDesk(locked);
    await reloaded.answer(locked.birthDate, locked.idDocument.number.slice(-4));
    await expect.poll(reloaded.result).toMatch(/^多次核实未通过，已锁定至 /); // right answers, refused: the server locks
    expect(await reloaded.root.locator("bankcrm-customer-card").count()).toBe(0);
    await reloaded.page.close();
    // The relationship manager has the caller's 360 view open, the branch manager their day — each live on the feed.
    const rmPage = await openWatchedPage(browser, `${first.base}/#/customers/${right.id}`);
    const rmApp = rmPage.page.locator("bankcrm-workstation-app");
    const timeline = rmApp.locator("ws-customer-360").locator("bankcrm-customer-timeline");
    await timeline.waitFor({ timeout: 30_000 });
    const bmPage = await openWatchedPage(browser, `${first.base}/#/day`);
    const bmApp = bmPage.page.locator("bankcrm-workstation-app");
    await bmApp.locator('select[data-testid="role"]').selectOption("branch_manager");
    const cases = bmApp.locator("ws-my-day").locator("bankcrm-case-queue");
    await cases.waitFor({ timeout: 30_000 });
    for (const app of [rmApp, bmApp]) await app.locator('[data-testid="feed"][data-feed="live"]').waitFor();

    const call = await pickAtDesk(right);
    await call.answer(right.birthDate, right.idDocument.number.slice(-4));
    await call.root.locator("bankcrm-customer-card").waitFor({ timeout: 15_000 });
    // A complaint taken on the call: the RM's timeline and the branch manager's queue show it, with its time limit.
    const form = call.root.locator("bankcrm-case-form");
    await form.locator('select[name="category"]').selectOption("card");
    await form.locator('input[name="subject"]').fill("信用卡年费重复扣收（来电）");
    await form.locator('input[name="subject"]').press("Enter");
    await expect.poll(() => form.locator('[part="status"]').textContent()).toMatch(/^工单已受理，办结时限 /);
    const row = cases.locator("[data-case-id]", { hasText: "信用卡年费重复扣收（来电）" });
    await row.waitFor({ timeout: 2_000 });
    expect(await row.locator('[part="sla"]').textContent()).toMatch(/剩 \d+ 个工作日/);
    await timeline.scrollIntoViewIfNeeded();
    await expect
      .poll(() => timeline.getByText("信用卡年费重复扣收（来电）").count(), { timeout: 2_000 })
      .toBeGreaterThan(0);
    for (const watched of [call, rmPage, bmPage]) {
      expect(watched.errors).toEqual([]);
      expect(watched.violations).toEqual([]);
      await watched.page.close();
    }
    // Every attempt is in the server's audit chain, with the lock.
    const audit = await tokenFor(first, `staff=${auditor.id}`);
    const rows = (await (await api(first, `audit?customerId=${locked.id}&limit=50`, audit.token)).json()) as {
      items: { action: string; reason?: string }[];
    };
    expect(rows.items.map((r) => `${r.action}:${r.reason?.split(" ")[0] ?? ""}`)).toEqual([
      "verify_caller:not",
      "verify_caller:not",
      "verify_caller:not",
      "verify_locked:until",
    ]);
    expect(await stop(first)).toBe(0);

    // Started again: nothing seeded twice, the customer's request still there.
    const second = await startBank();
    expect(second.log()).not.toMatch(/customers are in/);
    const again = await tokenFor(second, `customer=${customer.id}`);
    const leads = (await (await api(second, "me/leads", again.token)).json()) as { items: { id: string }[] };
    expect(leads.items.map((l) => l.id)).toContain(lead.id);
    await launchAndMeasure(second);
    expect(await stop(second)).toBe(0);
  }, 180_000);
});

/**
 * Marketing saves a segment and a campaign on it, a branch manager approves it, marketing launches it; the demo's
 * clock moves four weeks on and the demo world answers; the campaign measured from the records then holds the world's
 * true effect in its interval (the bank, the groups and the world's draws are all seeded: the same every run).
 */
async function launchAndMeasure(bank: Bank) {
  const marketing = (await tokenFor(bank, "staff=ST-HQ-MA1")).token;
  const manager = (await tokenFor(bank, `staff=${staffOfBank.find((s) => s.role === "branch_manager")!.id}`)).token;
  const post = (path: string, token: string, body: unknown, headers: Record<string, string> = {}) =>
    api(bank, path, token, {
      method: "POST",
      headers: { "Idempotency-Key": crypto.randomUUID(), ...headers },
      body: JSON.stringify(body),
    });
  const rule = { field: "kind", op: "eq", value: "individual" };
  const segment = { schemaVersion: 1, id: "SEG-E2E-WORLD", name: "个人客户", ownerId: "ST-HQ-MA1", rule };
  expect((await post("segments", marketing, segment)).status).toBe(201);
  const campaign = {
    id: "CP-E2E-WORLD",
    name: "基金定投推广",
    status: "draft",
    channels: ["branch"],
    productType: "fund",
    segmentId: segment.id,
    requiredConsent: "marketing",
    startDate: "2026-12-01",
    endDate: "2026-12-31",
    ownerId: "ST-HQ-MA1",
  };
  expect((await post("campaigns", marketing, campaign)).status).toBe(201);
  const at = new Date().toISOString();
  expect(
    (await post(`campaigns/${campaign.id}/transitions`, manager, { event: "approve", at }, { "If-Match": '"v1"' }))
      .status,
  ).toBe(200);
  const launched = await post(
    `campaigns/${campaign.id}/launch`,
    marketing,
    { controlShare: 0.3 },
    { "If-Match": '"v2"' },
  );
  expect(launched.status, await launched.clone().text()).toBe(200);
  const effect = async () =>
    (await (await api(bank, `campaigns/${campaign.id}/effect`, marketing)).json()) as {
      window: { complete: boolean };
      treatment: { size: number; converted: number };
      control: { size: number; converted: number };
      effect?: { uplift: { interval: { low: number; high: number } } };
    };
  expect(await effect()).toMatchObject({ window: { complete: false }, treatment: { converted: 0 } });
  const sold = await salesOfEveryBranch(bank, post);
  const clock = (body: unknown) =>
    fetch(`${bank.base}/bankcrm-demo/clock`, { method: "POST", body: JSON.stringify(body) });
  expect((await clock({ days: 0 })).status).toBe(400);
  const moved = (await (await clock({ days: 28 })).json()) as { now: string; opened: number };
  expect(Date.parse(moved.now) - Date.now()).toBeGreaterThan(27.9 * 86_400_000);
  expect(moved.opened).toBeGreaterThan(0);
  const measured = await effect();
  expect(measured.window.complete).toBe(true);
  expect(measured.treatment.converted).toBeGreaterThan(0);
  const { low, high } = measured.effect!.uplift.interval;
  expect(low).toBeLessThanOrEqual(DEMO_CAMPAIGN_WORLD.trueUplift);
  expect(high).toBeGreaterThanOrEqual(DEMO_CAMPAIGN_WORLD.trueUplift);
  // Each product the world opened for a customer with an RM is that RM's sale: their targets' parts and their
  // commission moved by exactly those (a customer served by no RM is nobody's sale).
  const after = await sold.now();
  expect(after.parts - sold.before.parts).toBeGreaterThan(0);
  expect(after.parts - sold.before.parts).toBeLessThanOrEqual(moved.opened);
  expect(after.sales - sold.before.sales).toBe(after.parts - sold.before.parts);
  expect(after.net).toBeGreaterThan(sold.before.net);
}

/**
 * Each branch manager sets a products-sold target for the next 30 days and allocates it to their RMs; `now()` reads
 * every branch's performance from the server: its RMs' achievement of those parts, their sales and commission.
 */
async function salesOfEveryBranch(bank: Bank, post: (path: string, token: string, body: unknown) => Promise<Response>) {
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  const period = { periodStart: day(-1), periodEnd: day(30) };
  const managers = await Promise.all(
    staffOfBank
      .filter((s) => s.role === "branch_manager")
      .map(async (s) => ({ ...s, token: (await tokenFor(bank, `staff=${s.id}`)).token })),
  );
  for (const m of managers) {
    const target = {
      id: `TG-E2E-${m.branchId}`,
      branchId: m.branchId,
      metric: "product_sales_count",
      ...period,
      target: 12,
    };
    const rms = staffOfBank.filter((s) => s.role === "relationship_manager" && s.branchId === m.branchId);
    for (const t of [
      target,
      ...allocateTarget(
        target as SalesTarget,
        rms.map((r) => ({ staffId: r.id, weight: 1 })),
      ),
    ])
      expect((await post("salesTargets", m.token, t)).status).toBe(201);
  }
  const now = async () => {
    const sum = { parts: 0, sales: 0, net: 0 };
    for (const m of managers) {
      const p = (await (
        await api(bank, `sales/performance?${new URLSearchParams(period)}`, m.token)
      ).json()) as SalesPerformance;
      sum.parts += p.achievements
        .filter((a) => a.targetId.startsWith(`TG-E2E-${m.branchId}.`))
        .reduce((n, a) => n + a.achieved, 0);
      sum.sales += p.commission.reduce((n, c) => n + c.sales, 0);
      sum.net += p.commission.reduce((n, c) => n + c.net, 0);
    }
    return sum;
  };
  return { before: await now(), now };
}
