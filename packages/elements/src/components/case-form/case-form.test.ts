import { expect, fixture, fixtureCleanup, html } from "@open-wc/testing";
import { afterEach, describe, it } from "vitest";
import { userEvent } from "vitest/browser";
import { RM, salesClient, serviceCase } from "../../../test/fixtures/sales.js";
import "./case-form.js";
import type { BankcrmCaseForm } from "./case-form.component.js";

const root = (el: Element) => el.shadowRoot!;
const q = <T extends Element = HTMLInputElement>(el: Element, s: string) => root(el).querySelector<T>(s)!;
const settle = async (el: BankcrmCaseForm) => {
  for (let i = 0; i < 5; i++) {
    await new Promise((r) => setTimeout(r, 20));
    await el.updateComplete;
  }
};
/** Friday 13 February 2026, 10:00 in Beijing: the day before the Spring Festival's make-up Saturday. */
const BEFORE_SPRING_FESTIVAL = new Date("2026-02-13T02:00:00Z");

async function form(records: Parameters<typeof salesClient>[0] = {}, locale = "zh-CN") {
  const made = await salesClient(records, { ...RM, role: "service_agent" as const });
  const el = await fixture<BankcrmCaseForm>(
    html`<bankcrm-case-form
      customer-id=${made.customers[0]!.id}
      .client=${made.client}
      .now=${BEFORE_SPRING_FESTIVAL}
      locale=${locale}
    ></bankcrm-case-form>`,
  );
  await settle(el);
  return { el, ...made };
}

describe("<bankcrm-case-form>", () => {
  afterEach(() => fixtureCleanup());

  it("shows the time limit in working days across the Spring Festival as the priority changes", async () => {
    const { el } = await form();
    // A medium complaint: 10 working days from 13 Feb — 14 (make-up Sat), 24, 25, 26, 27, 28 (make-up Sat), 2, 3, 4, 5 March.
    expect(q(el, '[part="due"]').textContent).to.contain("办结时限：2026-03-05（10 个工作日）");
    const priority = q<HTMLSelectElement>(el, 'select[name="priority"]');
    priority.value = "urgent";
    priority.dispatchEvent(new Event("change"));
    await el.updateComplete;
    // Urgent: 2 working days — 14 (make-up Saturday) and 24 February.
    expect(q(el, '[part="due"]').getAttribute("data-due")).to.equal("2026-02-24");
    await expect(el).to.be.accessible();
  });

  it("takes a personal-information request with the right asked for and its thirty-day limit", async () => {
    const { el, store } = await form();
    expect(root(el).querySelector('select[name="privacyRight"]')).to.equal(null);
    const type = q<HTMLSelectElement>(el, 'select[name="type"]');
    type.value = "personal_information";
    type.dispatchEvent(new Event("change"));
    await el.updateComplete;
    const right = q<HTMLSelectElement>(el, 'select[name="privacyRight"]');
    expect([...right.options].map((o) => o.textContent.trim())).to.deep.equal([
      "查阅",
      "复制（获取副本）",
      "更正、补充",
      "删除",
    ]);
    right.value = "deletion";
    right.dispatchEvent(new Event("change"));
    await el.updateComplete;
    // Received 13 February: the standard's 30 calendar days end on 15 March.
    expect(q(el, "[data-regulatory-due]").textContent).to.equal("监管时限：2026-03-15（自受理起 30 日）");
    await expect(el).to.be.accessible();
    q(el, 'input[name="subject"]').value = "申请删除营销数据";
    q<HTMLFormElement>(el, "form").requestSubmit();
    await settle(el);
    const [made] = (await store.records("serviceCases", {})).items;
    expect(made).to.deep.include({ type: "personal_information", privacyRight: "deletion" });
    // Stored as the client's clock opened it (30 November): answered by the end of 30 December.
    expect(made!.regulatoryDueAt).to.equal("2026-12-30T16:00:00.000Z");
  });

  it("opens the case through the client with its limit, by keyboard; validates at the field first", async () => {
    const { el, store } = await form();
    q<HTMLFormElement>(el, "form").requestSubmit();
    await settle(el);
    const subject = q(el, 'input[name="subject"]');
    expect(subject.getAttribute("aria-invalid")).to.equal("true");
    expect(root(el).activeElement).to.equal(subject);
    expect(q(el, '[part="status"]').textContent).to.match(/请修正标出的 \d 处问题/);
    subject.focus();
    await userEvent.keyboard("信用卡年费重复扣收");
    const events: string[] = [];
    el.addEventListener("bankcrm-case-change", (e) => events.push(e.detail.action));
    q<HTMLButtonElement>(el, 'button[type="submit"]').focus();
    await userEvent.keyboard("{Enter}");
    await settle(el);
    const [saved] = (await store.records("serviceCases", {})).items;
    expect(saved).to.include({
      type: "complaint",
      subject: "信用卡年费重复扣收",
      slaDueAt: "2026-03-05T16:00:00.000Z",
      status: "open",
      channel: "call_center_inbound",
    });
    expect(events).to.deep.equal(["opened"]);
    expect(q(el, '[part="status"]').textContent).to.equal("工单已受理，办结时限 2026-03-05");
  });

  it("warns when the customer already has an open case of the same type and category", async () => {
    const { el } = await form({
      serviceCases: [
        serviceCase("OLD", { category: "card", subject: "年费争议" }),
        serviceCase("DONE", { category: "card", status: "closed", resolvedAt: "2026-02-01T00:00:00Z" }),
      ],
    });
    expect(q(el, '[part="warning"]').textContent.trim()).to.equal("");
    const category = q<HTMLSelectElement>(el, 'select[name="category"]');
    category.value = "card";
    category.dispatchEvent(new Event("change"));
    await el.updateComplete;
    expect(q(el, '[part="warning"]').textContent).to.contain("该客户已有 1 个未结的同类工单：年费争议");
    await expect(el).to.be.accessible();
  });

  it("speaks English, keeps hostile text inert, and says when there is no client", async () => {
    const { el, store } = await form({}, "en");
    expect(q(el, "h2").textContent).to.equal("Take in a case");
    q(el, 'input[name="subject"]').value = `<img src=x onerror="window.__pwned=1">`;
    q<HTMLFormElement>(el, "form").requestSubmit();
    await settle(el);
    expect((await store.records("serviceCases", {})).items[0]!.subject).to.equal(
      `<img src=x onerror="window.__pwned=1">`,
    );
    expect(root(el).querySelector("img")).to.equal(null);
    const bare = await fixture<BankcrmCaseForm>(html`<bankcrm-case-form></bankcrm-case-form>`);
    expect(root(bare).textContent).to.contain("未连接数据服务");
  });
});
