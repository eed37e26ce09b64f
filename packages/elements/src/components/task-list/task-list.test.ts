import { expect, fixture, fixtureCleanup, html } from "@open-wc/testing";
import { afterEach, describe, it } from "vitest";
import { userEvent } from "vitest/browser";
import { BM, NOW, RM, salesClient, task } from "../../../test/fixtures/sales.js";
import "./task-list.js";
import type { BankcrmTaskList } from "./task-list.component.js";

const root = (el: Element) => el.shadowRoot!;
const ids = (el: Element, bucket: string) =>
  [...root(el).querySelectorAll(`[data-bucket="${bucket}"] [data-task-id]`)].map((li) =>
    li.getAttribute("data-task-id"),
  );
const settle = async (el: BankcrmTaskList) => {
  for (let i = 0; i < 5; i++) {
    await new Promise((r) => setTimeout(r, 20));
    await el.updateComplete;
  }
};

async function list(records: Parameters<typeof salesClient>[0], locale = "zh-CN") {
  const { client, store, customers } = await salesClient(records);
  const el = await fixture<BankcrmTaskList>(
    html`<bankcrm-task-list .client=${client} .now=${NOW} locale=${locale}></bankcrm-task-list>`,
  );
  await settle(el);
  return { el, client, store, customers };
}

describe("<bankcrm-task-list>", () => {
  afterEach(() => fixtureCleanup());

  it("shows my open tasks as overdue, today and upcoming on Beijing time, others' and done ones left out", async () => {
    const { el } = await list({
      tasks: [
        task("late", -30),
        task("today", 5),
        task("next-week", 24 * 7),
        task("done", -2, { status: "done", completedAt: NOW.toISOString() }),
        task("someone-else", 3, { assigneeId: "ST-RM-9" }),
      ],
    });
    expect(ids(el, "overdue")).to.deep.equal(["late"]);
    expect(ids(el, "today")).to.deep.equal(["today"]);
    expect(ids(el, "upcoming")).to.deep.equal(["next-week"]);
    expect(root(el).querySelector('[data-bucket="overdue"] h3')!.textContent).to.contain("已逾期 (1)");
    await expect(el).to.be.accessible();
  });

  it("completes and snoozes through the client, by keyboard", async () => {
    const { el, store } = await list({ tasks: [task("a", 2), task("b", 3)] });
    const events: string[] = [];
    el.addEventListener("bankcrm-task-change", (e) => events.push(`${e.detail.action}:${e.detail.status}`));
    const complete = root(el).querySelector<HTMLButtonElement>('[data-task-id="a"] [data-action="complete"]')!;
    complete.focus();
    await userEvent.keyboard("{Enter}");
    await settle(el);
    expect((await store.record("tasks", "a"))?.status).to.equal("done");
    expect(ids(el, "today")).to.deep.equal(["b"]);
    const select = root(el).querySelector<HTMLSelectElement>('[data-task-id="b"] select')!;
    select.value = "3";
    root(el).querySelector<HTMLButtonElement>('[data-task-id="b"] [data-action="snooze"]')!.click();
    await settle(el);
    const b = await store.record("tasks", "b");
    expect(b?.dueAt).to.equal("2026-12-03T01:00:00.000Z"); // 09:00 Beijing three days on
    expect(ids(el, "upcoming")).to.deep.equal(["b"]);
    expect(events).to.deep.equal(["completed:saved", "snoozed:saved"]);
    expect(root(el).querySelector('[role="status"]')!.textContent).to.contain("任务已延后");
  });

  it("creates a task, with the core schema's messages at the field when it is invalid", async () => {
    const { el, store } = await list({});
    expect(root(el).querySelector("[data-empty]")!.textContent).to.contain("没有待办任务");
    const form = root(el).querySelector<HTMLFormElement>('[part="form"]')!;
    form.requestSubmit();
    await settle(el);
    const title = form.querySelector<HTMLInputElement>('[name="title"]')!;
    expect(title.getAttribute("aria-invalid")).to.equal("true");
    expect(root(el).getElementById(title.getAttribute("aria-describedby")!)!.textContent).to.equal("此项为必填项");
    await expect(el).to.be.accessible();
    title.value = "准备季度资产检视";
    form.requestSubmit();
    await settle(el);
    const tasks = (await store.records("tasks", {})).items;
    expect(tasks.map((t) => t.title)).to.deep.equal(["准备季度资产检视"]);
    expect(tasks[0]!.assigneeId).to.equal(RM.id);
    expect(ids(el, "upcoming")).to.have.length(1);
  });

  it("offers care events as tasks with their reason, once", async () => {
    const { el, store, customers } = await list({});
    const customerId = customers[0]!.id;
    el.careEvents = [{ customerId, reason: "depositMaturity", dueOn: "2026-12-10", holdingId: "H1" }];
    await settle(el);
    const suggestion = root(el).querySelector('[data-care="depositMaturity"]')!;
    expect(suggestion.textContent).to.contain("定期存款即将到期");
    expect(suggestion.textContent).not.to.contain(customers[0]!.name); // masked name only
    suggestion.querySelector("button")!.click();
    await settle(el);
    const [created] = (await store.records("tasks", {})).items;
    expect(created).to.include({ careReason: "depositMaturity", customerId, dueAt: "2026-12-07T01:00:00.000Z" });
    expect(root(el).querySelector("[data-care]")).to.equal(null); // now a task, not offered again
    expect(root(el).querySelector(".care")!.textContent).to.contain("定期存款即将到期");
  });

  it("speaks English, shows a refusal, and keeps hostile text inert", async () => {
    const { el } = await list({ tasks: [task("x", 1, { title: `<img src=x onerror="window.__pwned=1">` })] }, "en");
    expect(root(el).querySelector("h2")!.textContent).to.equal("My tasks");
    expect(root(el).querySelector("img")).to.equal(null);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
    // A write the client refuses (here: after logout) is said in the status line, in the locale.
    const { client } = await salesClient({ tasks: [task("y", 1)] }, BM);
    el.client = client;
    el.assigneeId = RM.id;
    await settle(el);
    await client.logout({ discardPending: true });
    root(el).querySelector<HTMLButtonElement>('[data-task-id="y"] [data-action="complete"]')!.click();
    await settle(el);
    expect(root(el).querySelector('[role="status"]')!.textContent).to.match(/^Not saved: /);
    await expect(el).to.be.accessible();
  });

  it("says when it has no client, and when loading fails", async () => {
    const el = await fixture<BankcrmTaskList>(html`<bankcrm-task-list></bankcrm-task-list>`);
    expect(root(el).textContent).to.contain("未连接数据服务");
    const failing = {
      user: RM,
      customers: { get: () => Promise.resolve(undefined), reveal: () => Promise.resolve(undefined) },
      tasks: {
        list: async () => Promise.reject(new Error("boom")),
        create: async () => Promise.reject(new Error("no")),
        update: async () => Promise.reject(new Error("no")),
        transition: async () => Promise.reject(new Error("no")),
      },
    };
    el.client = failing;
    await settle(el);
    expect(root(el).querySelector('[role="alert"]')!.textContent).to.contain("boom");
    await expect(el).to.be.accessible();
  });
});
