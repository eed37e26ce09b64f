import { expect, fixture, fixtureCleanup, html } from "@open-wc/testing";
import { afterEach, describe, it } from "vitest";
import { userEvent } from "vitest/browser";
import { BM, RM, STAFF, salesClient, serviceCase } from "../../../test/fixtures/sales.js";
import "./case-queue.js";
import type { BankcrmCaseQueue } from "./case-queue.component.js";

const root = (el: Element) => el.shadowRoot!;
const group = (el: Element, g: string) =>
  [...root(el).querySelectorAll(`[data-group="${g}"] [data-case-id]`)].map((r) => r.getAttribute("data-case-id"));
const row = (el: Element, id: string) => root(el).querySelector<HTMLElement>(`[data-case-id="${id}"]`)!;
const settle = async (el: BankcrmCaseQueue) => {
  for (let i = 0; i < 6; i++) {
    await new Promise((r) => setTimeout(r, 20));
    await el.updateComplete;
  }
};
/** Tuesday 29 September 2026, 10:00 Beijing: National Day (1–7 October) ahead. */
const NOW = new Date("2026-09-29T02:00:00Z");
const endOf = (day: string) => new Date(Date.parse(`${day}T00:00:00+08:00`) + 86_400_000).toISOString();
const opened = "2026-09-21T02:00:00Z";

async function queue(user: typeof RM | typeof BM = BM, locale = "zh-CN") {
  const made = await salesClient(
    {
      serviceCases: [
        serviceCase("LATE", { openedAt: opened, slaDueAt: endOf("2026-09-25") }),
        serviceCase("SOON", { openedAt: opened, slaDueAt: endOf("2026-09-29"), type: "inquiry" }),
        serviceCase("AFTER-HOLIDAY", { openedAt: opened, slaDueAt: endOf("2026-10-09") }),
        serviceCase("DONE", {
          openedAt: opened,
          status: "resolved",
          resolvedAt: "2026-09-28T02:00:00Z",
          slaDueAt: endOf("2026-09-30"),
          resolution: "已退还年费",
          resolutionCode: "refunded",
        }),
      ],
    },
    user,
  );
  const el = await fixture<BankcrmCaseQueue>(
    html`<bankcrm-case-queue .client=${made.client} .now=${NOW} .staff=${STAFF} locale=${locale}></bankcrm-case-queue>`,
  );
  await settle(el);
  return { el, ...made };
}

describe("<bankcrm-case-queue>", () => {
  afterEach(() => fixtureCleanup());

  it("groups cases by time-limit state with the working days left across National Day", async () => {
    const { el } = await queue();
    expect(group(el, "overdue")).to.deep.equal(["LATE"]);
    expect(group(el, "due_soon")).to.deep.equal(["SOON"]);
    expect(group(el, "on_time")).to.deep.equal(["AFTER-HOLIDAY"]);
    expect(group(el, "resolved")).to.deep.equal(["DONE"]);
    // From Tue 29 Sep: 29, 30, then 8 and 9 October — the holiday week does not count.
    expect(row(el, "AFTER-HOLIDAY").querySelector('[part="sla"]')!.textContent).to.contain("剩 4 个工作日");
    expect(row(el, "LATE").querySelector('[part="sla"]')!.textContent).to.contain("超时 2 个工作日"); // 28, 29
    expect(row(el, "DONE").textContent).to.contain("已退款：已退还年费");
    await expect(el).to.be.accessible();
  });

  it("holds a complaint to the regulator's limit when it comes first, and extends it with a reason", async () => {
    // Received 14 September: the regulator's 15 calendar days end on the 29th, before the bank's own limit.
    const { client, store } = await salesClient(
      {
        serviceCases: [
          serviceCase("REG", {
            openedAt: "2026-09-14T02:00:00Z",
            slaDueAt: endOf("2026-10-16"),
            regulatoryDueAt: endOf("2026-09-29"),
          }),
        ],
      },
      RM,
    );
    const el = await fixture<BankcrmCaseQueue>(
      html`<bankcrm-case-queue .client=${client} .now=${NOW} locale="zh-CN"></bankcrm-case-queue>`,
    );
    await settle(el);
    const sla = () => row(el, "REG").querySelector('[part="sla"]')!;
    expect(sla().getAttribute("data-binding")).to.equal("regulatory");
    expect(sla().textContent).to.contain("监管投诉时限");
    expect(group(el, "due_soon")).to.deep.equal(["REG"]);
    row(el, "REG").querySelector<HTMLInputElement>("#extend-REG")!.value = "需调取第三方机构记录";
    row(el, "REG").querySelector<HTMLButtonElement>('[data-event="extend"]')!.click();
    await settle(el);
    // 30 days from receipt: 14 October — still before the bank's 16 October, and no longer due soon.
    expect(await store.record("serviceCases", "REG")).to.include({ regulatoryDueAt: endOf("2026-10-14") });
    expect(group(el, "on_time")).to.deep.equal(["REG"]);
    // The second extension is the branch manager's: an RM is not offered it.
    expect(row(el, "REG").querySelector('[data-event="extend"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it("keeps a complaint from the customer's own relationship manager (回避), saying why", async () => {
    const { el, store } = await queue(RM);
    row(el, "LATE").querySelector<HTMLInputElement>("#resolve-LATE")!.value = "已更正账单并致歉";
    row(el, "LATE").querySelector<HTMLButtonElement>('[data-event="resolve"]')!.click();
    await settle(el);
    expect(await store.record("serviceCases", "LATE")).to.include({ status: "open" });
    expect(root(el).querySelector('[part="status"]')!.textContent).to.contain(
      "投诉处理须回避：客户的客户经理和被投诉人不能处理该投诉",
    );
  });

  it("escalates with a reason (raising the priority), resolves with an outcome, reopens — by keyboard", async () => {
    // The branch manager: the customer's own relationship manager may not handle their complaint (回避).
    const { el, store } = await queue(BM);
    row(el, "LATE").querySelector<HTMLButtonElement>('[data-event="escalate"]')!.click();
    await settle(el);
    const reason = row(el, "LATE").querySelector<HTMLInputElement>(`#escalate-LATE`)!;
    expect(reason.getAttribute("aria-invalid")).to.equal("true"); // a reason is required
    expect(root(el).activeElement).to.equal(reason);
    reason.focus();
    await userEvent.keyboard("客户再次来电，情绪激动");
    row(el, "LATE").querySelector<HTMLButtonElement>('[data-event="escalate"]')!.focus();
    await userEvent.keyboard("{Enter}");
    await settle(el);
    expect(await store.record("serviceCases", "LATE")).to.include({ priority: "high", escalationLevel: 1 });
    expect(row(el, "LATE").textContent).to.contain("已升级 1 次");
    const code = row(el, "LATE").querySelector<HTMLSelectElement>("#code-LATE")!;
    code.value = "corrected";
    row(el, "LATE").querySelector<HTMLInputElement>("#resolve-LATE")!.value = "已更正账单并致歉";
    row(el, "LATE").querySelector<HTMLButtonElement>('[data-event="resolve"]')!.click();
    await settle(el);
    expect(await store.record("serviceCases", "LATE")).to.include({
      status: "resolved",
      resolutionCode: "corrected",
      resolution: "已更正账单并致歉",
    });
    expect(group(el, "resolved")).to.include("LATE");
    row(el, "LATE").querySelector<HTMLInputElement>("#reopen-LATE")!.value = "客户不认可处理结果";
    row(el, "LATE").querySelector<HTMLButtonElement>('[data-event="reopen"]')!.click();
    await settle(el);
    expect(await store.record("serviceCases", "LATE")).to.include({ status: "open" });
  });

  it("lets a branch manager assign, speaks English and keeps hostile text inert", async () => {
    const { el, store } = await queue(BM, "en");
    expect(root(el).querySelector("h2")!.textContent).to.equal("Case queue");
    const select = row(el, "SOON").querySelector<HTMLSelectElement>("#assign-SOON")!;
    select.value = "ST-RM-2";
    row(el, "SOON").querySelector<HTMLButtonElement>('[data-action="assign"]')!.click();
    await settle(el);
    expect((await store.record("serviceCases", "SOON"))?.assignedTo).to.equal("ST-RM-2");
    await store.put("serviceCases", [serviceCase("X", { subject: `<img src=x onerror="window.__pwned=1">` })]);
    await el.load();
    await settle(el);
    expect(row(el, "X").textContent).to.contain("<img");
    expect(root(el).querySelector("img")).to.equal(null);
    await expect(el).to.be.accessible();
  });
});
