import { expect, fixture, fixtureCleanup, html } from "@open-wc/testing";
import { afterEach, describe, it } from "vitest";
import { userEvent } from "vitest/browser";
import { BM, NOW, RM, STAFF, lead, salesClient } from "../../../test/fixtures/sales.js";
import "./lead-queue.js";
import type { BankcrmLeadQueue } from "./lead-queue.component.js";

const root = (el: Element) => el.shadowRoot!;
const row = (el: Element, id: string) => root(el).querySelector<HTMLElement>(`[data-lead-id="${id}"]`)!;
const section = (el: Element, status: string) =>
  [...root(el).querySelectorAll(`[data-status="${status}"] [data-lead-id]`)].map((r) => r.getAttribute("data-lead-id"));
const settle = async (el: BankcrmLeadQueue) => {
  for (let i = 0; i < 6; i++) {
    await new Promise((r) => setTimeout(r, 20));
    await el.updateComplete;
  }
};

async function queue(records: Parameters<typeof salesClient>[0], user: typeof RM | typeof BM = RM, locale = "zh-CN") {
  const made = await salesClient(records, user);
  const el = await fixture<BankcrmLeadQueue>(
    html`<bankcrm-lead-queue .client=${made.client} .now=${NOW} .staff=${STAFF} locale=${locale}></bankcrm-lead-queue>`,
  );
  await settle(el);
  return { el, ...made };
}

describe("<bankcrm-lead-queue>", () => {
  afterEach(() => fixtureCleanup());

  it("lists leads by status with the first-contact limit counting down, most urgent first, masked", async () => {
    const { el } = await queue({
      leads: [
        lead("L-web", { createdAt: new Date(NOW.getTime() - 20 * 3_600_000).toISOString() }), // 24 h → 4 h left
        lead("L-late", { createdAt: new Date(NOW.getTime() - 26.5 * 3_600_000).toISOString() }), // 2 h 30 overdue
        lead("L-walk", { source: "branch_walk_in", createdAt: NOW.toISOString() }), // 48 h left
        lead("L-c", { status: "contacted", assignedTo: RM.id }),
        lead("L-done", { status: "converted", customerId: "CU-1", opportunityId: "OP-1" }),
      ],
    });
    expect(section(el, "new")).to.deep.equal(["L-late", "L-web", "L-walk"]);
    expect(section(el, "contacted")).to.deep.equal(["L-c"]);
    expect(row(el, "L-done")).to.equal(null);
    expect(row(el, "L-web").querySelector('[part="clock"]')!.textContent.trim()).to.equal("剩余 4 小时 0 分");
    const late = row(el, "L-late").querySelector('[part="clock"]')!;
    expect(late.textContent.trim()).to.equal("已超时 2 小时 30 分");
    expect(late.getAttribute("data-overdue")).to.equal("true");
    expect(row(el, "L-web").textContent).to.contain("138****8000");
    expect(row(el, "L-web").textContent).not.to.contain("13800138000");
    await expect(el).to.be.accessible();
  });

  it("takes a lead from new through contacted and qualified to an opportunity, by keyboard", async () => {
    const { el, store, customers } = await queue({});
    await store.put("leads", [
      lead("L1", {
        customerId: customers[0]!.id,
        assignedTo: RM.id,
        expectedAmount: { amount: 100_000_000, currency: "CNY" },
      }),
    ]);
    await el.load();
    await settle(el);
    const changes: string[] = [];
    el.addEventListener("bankcrm-lead-change", (e) => changes.push(e.detail.action));
    for (const [event, status] of [
      ["contact", "contacted"],
      ["qualify", "qualified"],
    ] as const) {
      row(el, "L1").querySelector<HTMLButtonElement>(`[data-event="${event}"]`)!.focus();
      await userEvent.keyboard("{Enter}");
      await settle(el);
      expect((await store.record("leads", "L1"))?.status).to.equal(status);
    }
    row(el, "L1").querySelector<HTMLButtonElement>('[data-event="convert"]')!.focus();
    await userEvent.keyboard("{Enter}");
    await settle(el);
    const converted = await store.record("leads", "L1");
    expect(converted?.status).to.equal("converted");
    const opportunity = await store.record("opportunities", converted!.opportunityId!);
    expect(opportunity).to.deep.include({
      customerId: customers[0]!.id,
      leadId: "L1",
      stage: "prospecting",
      ownerId: RM.id,
      amount: { amount: 100_000_000, currency: "CNY" },
      expectedClose: "2026-12-30",
    });
    expect(changes).to.deep.equal(["contact", "qualify", "convert"]);
    expect(row(el, "L1")).to.equal(null); // converted leads leave the queue
  });

  it("names a customer's lead, which carries no name or mobile of its own, by the customer as the client shows them", async () => {
    const { el, store, client, customers } = await queue({});
    const { name: _n, mobile: _m, ...bare } = lead("L-cu", { customerId: customers[2]!.id });
    await store.put("leads", [bare]);
    await el.load();
    await settle(el);
    const shown = (await client.customers.get(customers[2]!.id))!.name;
    expect(row(el, "L-cu").querySelector("strong")!.textContent).to.equal(shown);
    expect(row(el, "L-cu").querySelector('[role="group"]')!.getAttribute("aria-label")).to.contain(shown);
    expect(row(el, "L-cu").querySelector('[part="match"]')).to.equal(null);
  });

  it("needs a reason to disqualify, and says so at the field", async () => {
    const { el, store } = await queue({ leads: [lead("L2")] });
    row(el, "L2").querySelector<HTMLButtonElement>('[data-event="disqualify"]')!.click();
    await settle(el);
    const reason = row(el, "L2").querySelector<HTMLInputElement>("input")!;
    expect(reason.getAttribute("aria-invalid")).to.equal("true");
    expect(root(el).activeElement).to.equal(reason);
    expect((await store.record("leads", "L2"))?.status).to.equal("new");
    await expect(el).to.be.accessible();
    reason.value = "号码为空号";
    row(el, "L2").querySelector<HTMLButtonElement>('[data-event="disqualify"]')!.click();
    await settle(el);
    expect(await store.record("leads", "L2")).to.include({ status: "disqualified", disqualifiedReason: "号码为空号" });
  });

  it("lets a branch manager assign, and hints (masked) when a prospect's mobile matches a customer, then links it", async () => {
    const made = await salesClient({}, BM);
    const customer = made.customers[1]!;
    await made.store.put("leads", [lead("L3", { mobile: customer.contact.mobile! })]);
    const el = await fixture<BankcrmLeadQueue>(
      html`<bankcrm-lead-queue .client=${made.client} .now=${NOW} .staff=${STAFF} unassigned></bankcrm-lead-queue>`,
    );
    await settle(el);
    const hint = row(el, "L3").querySelector('[part="match"]')!;
    expect(hint.textContent).to.contain("手机号与 1 位已有客户相符");
    expect(hint.textContent).not.to.contain(customer.name);
    hint.querySelector("button")!.click();
    await settle(el);
    expect((await made.store.record("leads", "L3"))?.customerId).to.equal(customer.id);
    const select = row(el, "L3").querySelector<HTMLSelectElement>("select")!;
    select.value = "ST-RM-2";
    row(el, "L3").querySelector<HTMLButtonElement>('[data-action="assign"]')!.click();
    await settle(el);
    expect((await made.store.record("leads", "L3"))?.assignedTo).to.equal("ST-RM-2");
    expect(row(el, "L3")).to.equal(null); // no longer unassigned
    await expect(el).to.be.accessible();
  });

  it("speaks English, is empty when nothing waits, keeps hostile text inert", async () => {
    const { el } = await queue({ leads: [lead("L4", { name: `<img src=x onerror="window.__pwned=1">` })] }, RM, "en");
    expect(root(el).querySelector("h2")!.textContent).to.equal("Leads to work");
    expect(root(el).querySelector("img")).to.equal(null);
    expect(root(el).querySelector('[data-status="new"] h3')!.textContent).to.contain("Waiting for first contact (1)");
    const empty = await queue({});
    expect(root(empty.el).querySelector("[data-empty]")!.textContent).to.equal("没有待跟进的线索");
    await expect(el).to.be.accessible();
    await expect(empty.el).to.be.accessible();
  });
});
