import { expect, fixture, fixtureCleanup, html } from "@open-wc/testing";
import { afterEach, describe, it } from "vitest";
import { userEvent } from "vitest/browser";
import { NOW, RM, salesClient } from "../../../test/fixtures/sales.js";
import "./activity-form.js";
import "../customer-timeline/customer-timeline.js";
import type { BankcrmActivityForm } from "./activity-form.component.js";

const root = (el: Element) => el.shadowRoot!;
const q = <T extends Element = HTMLInputElement>(el: Element, s: string) => root(el).querySelector<T>(s)!;
const settle = async (el: { updateComplete: Promise<unknown> }) => {
  for (let i = 0; i < 5; i++) {
    await new Promise((r) => setTimeout(r, 20));
    await el.updateComplete;
  }
};

describe("<bankcrm-activity-form>", () => {
  afterEach(() => fixtureCleanup());

  it("logs a WeChat contact with its follow-up task by keyboard, and the timeline shows it at once", async () => {
    const { client, store, customers } = await salesClient({});
    const customerId = customers[0]!.id;
    const host = await fixture<HTMLElement>(
      html`<div>
        <bankcrm-activity-form customer-id=${customerId} .client=${client} .now=${NOW}></bankcrm-activity-form>
        <bankcrm-customer-timeline customer-id=${customerId} .client=${client}></bankcrm-customer-timeline>
      </div>`,
    );
    const el = host.querySelector<BankcrmActivityForm>("bankcrm-activity-form")!;
    const timeline = host.querySelector("bankcrm-customer-timeline")!;
    await settle(el);
    const events: string[] = [];
    el.addEventListener("bankcrm-activity-saved", (e) =>
      events.push(`${e.detail.status}:${e.detail.task ? "task" : ""}`),
    );
    q(el, 'input[value="wechat"]').focus();
    await userEvent.keyboard(" ");
    q(el, '[name="summary"]').focus();
    await userEvent.keyboard("客户咨询大额存单利率");
    q(el, '[name="nextStep"]').focus();
    await userEvent.keyboard("周五前发送产品说明书");
    q(el, '[name="followUp"]').focus();
    await userEvent.keyboard(" ");
    await el.updateComplete;
    expect(q(el, '[name="due"]').value).to.equal("2026-12-01");
    q(el, '[part="submit"]').focus();
    await userEvent.keyboard("{Enter}");
    await settle(el);
    const [contact] = (await store.records("interactions", { customerId })).items;
    expect(contact).to.include({ channel: "wechat", type: "note", summary: "客户咨询大额存单利率", staffId: RM.id });
    const [followUp] = (await store.records("tasks", {})).items;
    expect(followUp).to.include({
      id: contact!.taskId,
      title: "周五前发送产品说明书",
      dueAt: "2026-12-01T01:00:00.000Z",
    });
    expect(events).to.deep.equal(["saved:task"]);
    expect(q(el, '[role="status"]').textContent).to.equal("接触记录和跟进任务已保存");
    await settle(timeline);
    expect(timeline.shadowRoot!.textContent).to.contain("客户咨询大额存单利率");
    await expect(el).to.be.accessible();
  });

  it("records a desk's call on the call centre's channel with its handling time, to the second", async () => {
    const { client, store, customers } = await salesClient({});
    const customerId = customers[0]!.id;
    const el = await fixture<BankcrmActivityForm>(
      html`<bankcrm-activity-form
        customer-id=${customerId}
        channel="call_center_inbound"
        .startedAt=${new Date(Date.now() - 272_400)}
        .client=${client}
        .now=${NOW}
      ></bankcrm-activity-form>`,
    );
    await settle(el);
    q(el, '[name="summary"]').value = "客户来电查询信用卡账单";
    q(el, '[part="submit"]').click();
    await settle(el);
    const [contact] = (await store.records("interactions", { customerId })).items;
    expect(contact).to.include({ channel: "call_center_inbound", type: "call", at: NOW.toISOString() });
    expect(contact!.durationSeconds).to.be.within(272, 280); // answered 4 min 32 s before it was logged
  });

  it("shows the core schema's message at the summary and focuses it; in English too", async () => {
    const { client, customers } = await salesClient({});
    const el = await fixture<BankcrmActivityForm>(
      html`<bankcrm-activity-form
        customer-id=${customers[0]!.id}
        .client=${client}
        locale="en"
      ></bankcrm-activity-form>`,
    );
    q<HTMLFormElement>(el, "form").requestSubmit();
    await settle(el);
    const summary = q(el, '[name="summary"]');
    expect(summary.getAttribute("aria-invalid")).to.equal("true");
    expect(root(el).activeElement).to.equal(summary);
    expect(root(el).getElementById(summary.getAttribute("aria-describedby")!)!.textContent).to.equal(
      "This field is required",
    );
    expect(q(el, "h2").textContent).to.equal("Log a contact");
    await expect(el).to.be.accessible();
  });

  it("is read-only for a role that may not log contacts, and says when there is no client", async () => {
    const { client, customers } = await salesClient({}, { id: "ST-AU-1", role: "auditor", branchId: "HQ" });
    const el = await fixture<BankcrmActivityForm>(
      html`<bankcrm-activity-form customer-id=${customers[0]!.id} .client=${client}></bankcrm-activity-form>`,
    );
    expect(root(el).querySelector("form")).to.equal(null);
    expect(root(el).textContent).to.contain("当前角色只能查看");
    const bare = await fixture<BankcrmActivityForm>(html`<bankcrm-activity-form></bankcrm-activity-form>`);
    expect(root(bare).textContent).to.contain("未连接数据服务");
    await expect(el).to.be.accessible();
  });

  it("keeps hostile text inert in what it saves and shows", async () => {
    const { client, store, customers } = await salesClient({});
    const el = await fixture<BankcrmActivityForm>(
      html`<bankcrm-activity-form customer-id=${customers[0]!.id} .client=${client}></bankcrm-activity-form>`,
    );
    const summary = q<HTMLTextAreaElement>(el, '[name="summary"]');
    summary.value = `<img src=x onerror="window.__pwned=1">`;
    q<HTMLFormElement>(el, "form").requestSubmit();
    await settle(el);
    const [saved] = (await store.records("interactions", {})).items;
    expect(saved?.summary).to.equal(`<img src=x onerror="window.__pwned=1">`);
    expect(root(el).querySelector("img")).to.equal(null);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });
});
