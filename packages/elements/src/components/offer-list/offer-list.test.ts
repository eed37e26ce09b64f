import { expect, fixture, fixtureCleanup, html } from "@open-wc/testing";
import { afterEach, describe, it } from "vitest";
import { userEvent } from "vitest/browser";
import { NOW, RM, failingClient } from "../../../test/fixtures/sales.js";
import { OFFER_CATALOG, OFFER_RULES, offerClient } from "../../../test/fixtures/offers.js";
import "./offer-list.js";
import type { BankcrmOfferList } from "./offer-list.component.js";

const root = (el: Element) => el.shadowRoot!;
const offered = (el: Element) =>
  [...root(el).querySelectorAll('[part="offer"]')].map((o) => o.getAttribute("data-product-code"));
const excluded = (el: Element): Record<string, string | null> =>
  Object.fromEntries(
    [...root(el).querySelectorAll('[part="excluded"] li')].map((li) => [
      li.getAttribute("data-product-code") ?? "",
      li.getAttribute("data-code"),
    ]),
  );
const offer = (el: Element, code: string) => root(el).querySelector<HTMLElement>(`[data-product-code="${code}"]`)!;
const settle = async (el: BankcrmOfferList) => {
  for (let i = 0; i < 6; i++) {
    await new Promise((r) => setTimeout(r, 20));
    await el.updateComplete;
  }
};

async function list(
  consent: { marketing?: boolean; profiling?: boolean } = {},
  locale = "zh-CN",
  catalog = OFFER_CATALOG,
) {
  const made = await offerClient(consent);
  const el = await fixture<BankcrmOfferList>(
    html`<bankcrm-offer-list
      .client=${made.client}
      .now=${NOW}
      .catalog=${catalog}
      .rules=${OFFER_RULES}
      customer-id=${made.customer.id}
      limit="5"
      locale=${locale}
    ></bankcrm-offer-list>`,
  );
  await settle(el);
  return { el, ...made };
}

describe("<bankcrm-offer-list>", () => {
  afterEach(() => fixtureCleanup());

  it("ranks the suitable offers with their reasons in words, and says why the others are left out", async () => {
    const { el } = await list();
    // Wealth products score 0.42 × 1.8, funds 0.3 × 1.5: code order within a score; the limit is five.
    expect(offered(el)).to.deep.equal(["WM-R1-CASH", "WM-R2-STABLE", "WM-R3-BAL", "FD-BOND", "FD-MIX"]);
    const reasons = [...offer(el, "WM-R3-BAL").querySelectorAll('[part="reasons"] li')].map((li) => li.textContent);
    expect(reasons).to.deep.equal([
      "持有活期存款的客户中，42%也持有理财产品（提升度 1.8）",
      "产品风险等级 R3 中风险，在客户风险承受能力 C3 平衡型 之内",
    ]);
    expect(offer(el, "FD-BOND").querySelector('[part="reasons"] li')!.textContent).to.equal(
      "持有活期存款、定期存款的客户中，30%也持有基金（提升度 1.5）",
    );
    // Above a balanced tolerance: never offered, and said so.
    expect(excluded(el)).to.deep.include({ "FD-EQ": "aboveRiskTolerance", "FD-QDII": "aboveRiskTolerance" });
    expect(root(el).querySelector('[part="excluded"] summary')!.textContent).to.equal("未推荐的产品（2）");
    expect(root(el).querySelector("[data-general]")).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it("makes an offer a lead for the RM by keyboard: no copy of the customer's name or mobile, not offered twice", async () => {
    const { el, store, customer } = await list();
    const responses: string[] = [];
    el.addEventListener("bankcrm-offer-response", (e) => responses.push(`${e.detail.action}:${e.detail.status}`));
    offer(el, "WM-R1-CASH").querySelector<HTMLButtonElement>('[data-action="lead"]')!.focus();
    await userEvent.keyboard("{Enter}");
    await settle(el);
    const leads = (await store.records("leads", {})).items;
    expect(leads).to.have.length(1);
    expect(leads[0]).to.deep.include({
      customerId: customer.id,
      purpose: "wealth_consultation",
      productInterest: "wealth_management",
      source: "rm_outreach",
      status: "new",
      assignedTo: RM.id,
    });
    expect(leads[0]!.name).to.equal(undefined);
    expect(leads[0]!.mobile).to.equal(undefined);
    expect(responses).to.deep.equal(["lead:saved"]);
    expect(root(el).querySelector('[part="status"]')!.textContent).to.equal("已转为销售线索");
    // Wealth management is being worked now: none of its products is offered again, each says why.
    expect(offered(el)).to.deep.equal(["FD-BOND", "FD-MIX", "FD-MM", "CC-PLAT", "CC-STD"]);
    expect(excluded(el)).to.deep.include({ "WM-R1-CASH": "inProgress", "WM-R3-BAL": "inProgress" });
    await expect(el).to.be.accessible();
  });

  it("adds a follow-up task, and records a turned-down offer with its reason, leaving out that product alone", async () => {
    const { el, store, customer } = await list();
    offer(el, "FD-BOND").querySelector<HTMLButtonElement>('[data-action="task"]')!.click();
    await settle(el);
    const tasks = (await store.records("tasks", {})).items;
    expect(tasks).to.have.length(1);
    expect(tasks[0]).to.deep.include({
      customerId: customer.id,
      assigneeId: RM.id,
      title: "跟进推荐产品：纯债债券基金",
      status: "open",
      dueAt: new Date(NOW.getTime() + 3 * 86_400_000).toISOString(),
    });
    const select = offer(el, "WM-R2-STABLE").querySelector("select")!;
    select.value = "held_elsewhere";
    offer(el, "WM-R2-STABLE").querySelector<HTMLButtonElement>('[data-action="dismiss"]')!.click();
    await settle(el);
    const notes = (await store.records("interactions", {})).items;
    expect(notes).to.have.length(1);
    expect(notes[0]).to.deep.include({ customerId: customer.id, outcome: "declined", channel: "branch" });
    expect(notes[0]!.offer).to.deep.equal({ productCode: "WM-R2-STABLE", reason: "held_elsewhere" });
    expect(notes[0]!.summary).to.equal("客户婉拒: 稳享固收增强 · 已在他行办理");
    expect(excluded(el)["WM-R2-STABLE"]).to.equal("dismissed");
    expect(offered(el)).to.include.members(["WM-R1-CASH", "WM-R3-BAL"]);
    expect(root(el).querySelector('[part="status"]')!.textContent).to.equal("已记录婉拒原因");
  });

  it("reads again when the client says the customer's records changed, also after leaving and re-entering the page", async () => {
    const { el, client, customer } = await list();
    const parent = el.parentElement!;
    el.remove();
    parent.append(el);
    await settle(el);
    // A colleague's lead for a fund, written elsewhere through the same client: funds are no longer offered.
    const {
      name: _n,
      mobile: _m,
      ...lead
    } = {
      id: "LD-ELSEWHERE",
      customerId: customer.id,
      name: undefined,
      mobile: undefined,
      purpose: "wealth_consultation" as const,
      productInterest: "fund" as const,
      source: "rm_outreach" as const,
      status: "new" as const,
      consent: customer.consents[0]!,
      createdAt: NOW.toISOString(),
    };
    expect((await client.leads.create(lead)).status).to.equal("saved");
    await settle(el);
    expect(offered(el)).to.deep.equal(["WM-R1-CASH", "WM-R2-STABLE", "WM-R3-BAL", "CC-PLAT", "CC-STD"]);
    expect(excluded(el)["FD-BOND"]).to.equal("inProgress");
  });

  it("offers the general list without the profiling consent, and nothing without the marketing one", async () => {
    const general = await list({ profiling: false });
    expect(root(general.el).querySelector("[data-general]")!.textContent).to.contain("本行通用推荐");
    expect(offered(general.el)).to.have.length(5);
    expect(offer(general.el, offered(general.el)[0]!).querySelector('[part="reasons"] li')!.textContent).to.equal(
      "本行通用推荐",
    );
    await expect(general.el).to.be.accessible();
    const none = await list({ marketing: false });
    expect(offered(none.el)).to.deep.equal([]);
    expect(root(none.el).querySelector("[data-empty]")!.textContent).to.equal("客户未同意接收营销信息，不做任何推荐");
    await expect(none.el).to.be.accessible();
  });

  it("speaks English, keeps hostile product names inert, and shows the error and no-client states", async () => {
    const hostile = `<img src=x onerror="window.__pwned=1">`;
    const { el } = await list({}, "en", [{ code: "WM-EVIL", name: hostile, type: "wealth_management", risk: "R1" }]);
    expect(root(el).querySelector("h2")!.textContent).to.equal("Suggested offers");
    expect(root(el).querySelector("img")).to.equal(null);
    expect(offer(el, "WM-EVIL").querySelector("bdi")!.textContent).to.equal(hostile);
    expect(offer(el, "WM-EVIL").querySelector('[part="reasons"] li')!.textContent).to.equal(
      "42% of customers holding Current deposit also hold Wealth management (lift 1.8)",
    );
    expect(offer(el, "WM-EVIL").querySelector('[role="group"]')!.getAttribute("aria-label")).to.equal(
      `Actions for “${hostile}”`,
    );
    await expect(el).to.be.accessible();
    const failing = await fixture<BankcrmOfferList>(
      html`<bankcrm-offer-list
        .client=${{ ...failingClient, customers: { ...failingClient.customers, get: () => Promise.reject(new Error("503")) } }}
        customer-id="CU-1"
      ></bankcrm-offer-list>`,
    );
    await settle(failing);
    expect(root(failing).querySelector('[role="alert"]')!.textContent).to.contain("加载失败");
    const alone = await fixture<BankcrmOfferList>(html`<bankcrm-offer-list customer-id="CU-1"></bankcrm-offer-list>`);
    expect(root(alone).textContent.trim()).to.equal("未连接数据服务");
  });
});
