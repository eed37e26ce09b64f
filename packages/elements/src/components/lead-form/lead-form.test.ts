import { expect, fixture, fixtureCleanup, html } from "@open-wc/testing";
import { userEvent } from "vitest/browser";
import { afterEach, describe, it } from "vitest";
import type { Lead } from "@bankcrm/core";
import { createCrmClient, createHttpStore, createMemoryStore, createOutbox, httpSender } from "@bankcrm/data";
import "./lead-form.js";
import type { BankcrmLeadForm } from "./lead-form.component.js";
import { LEAD_FORM_FIELDS, yuanToFen } from "./lead-fields.js";

const staff = { id: "ST-RM-7", role: "relationship_manager" as const, branchId: "BR-001" };
const root = (el: Element) => el.shadowRoot!;
const q = <T extends Element = HTMLInputElement>(el: Element, selector: string) => root(el).querySelector<T>(selector)!;
const status = (el: Element) => q<HTMLElement>(el, '[role="status"]').textContent.trim();
const ids = (el: Element) => [...root(el).querySelectorAll("input, select, textarea")].map((c) => c.id);

function memoryClient() {
  const store = createMemoryStore();
  return { store, client: createCrmClient({ store, user: staff, onAudit: () => {} }) };
}
async function type(el: BankcrmLeadForm, id: string, value: string) {
  const input = q<HTMLInputElement>(el, `#${id}`);
  input.value = value;
  input.dispatchEvent(new Event(input.tagName === "SELECT" ? "change" : "input"));
  await el.updateComplete;
}
async function fillValid(el: BankcrmLeadForm) {
  await type(el, "name", "王小明");
  await type(el, "mobile", "138 0013 8000");
  q(el, "#consent").click();
  await el.updateComplete;
}

describe("<bankcrm-lead-form>", () => {
  afterEach(() => fixtureCleanup());

  it("asks only what the purpose needs, and staff may add notes", async () => {
    const mortgage = await fixture<BankcrmLeadForm>(html`<bankcrm-lead-form purpose="mortgage"></bankcrm-lead-form>`);
    expect(ids(mortgage)).to.deep.equal(["name", "mobile", "expectedAmount", "preferredContactTime", "consent"]);
    const card = await fixture<BankcrmLeadForm>(html`<bankcrm-lead-form purpose="credit_card"></bankcrm-lead-form>`);
    expect(ids(card)).to.deep.equal(["name", "mobile", "preferredContactTime", "consent"]);
    const asStaff = await fixture<BankcrmLeadForm>(
      html`<bankcrm-lead-form purpose="credit_card" audience="staff"></bankcrm-lead-form>`,
    );
    expect(ids(asStaff)).to.deep.equal(["name", "mobile", "preferredContactTime", "notes", "consent"]);
    const open = await fixture<BankcrmLeadForm>(html`<bankcrm-lead-form></bankcrm-lead-form>`);
    expect(ids(open)).to.deep.equal(["purpose", "name", "mobile", "consent"]);
    await type(open, "purpose", "wealth_consultation");
    expect(ids(open)).to.deep.equal([
      "purpose",
      "name",
      "mobile",
      "productInterest",
      "expectedAmount",
      "preferredContactTime",
      "consent",
    ]);
    expect(LEAD_FORM_FIELDS.wealth_consultation.fields).to.include("productInterest");
    expect(q(mortgage, "#consent").checked).to.equal(false); // consent starts unticked
    await expect(mortgage).to.be.accessible();
  });

  it("validates with the core schema: localized messages tied by aria-describedby, focus on the first invalid field", async () => {
    const { client } = memoryClient();
    const el = await fixture<BankcrmLeadForm>(
      html`<bankcrm-lead-form purpose="mortgage" .client=${client}></bankcrm-lead-form>`,
    );
    await type(el, "mobile", "1380013800"); // 10 digits
    await type(el, "expectedAmount", "12.345");
    q<HTMLButtonElement>(el, '[part="submit"]').click();
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 0));
    expect(root(el).activeElement?.id).to.equal("name");
    for (const [id, text] of [
      ["name", "此项为必填项"],
      ["mobile", "请输入有效的11位手机号码"],
      ["expectedAmount", "请输入有效金额，最多两位小数"],
      ["consent", "请勾选同意后再提交"],
    ] as const) {
      const control = q(el, `#${id}`);
      expect(control.getAttribute("aria-invalid"), id).to.equal("true");
      const describedBy = control.getAttribute("aria-describedby")!.split(" ");
      const message = describedBy.map((ref) => root(el).getElementById(ref)?.textContent).join(" ");
      expect(message, id).to.contain(text);
    }
    expect(status(el)).to.equal("请修正标出的 4 处问题");
    await expect(el).to.be.accessible();

    el.locale = "en";
    q<HTMLButtonElement>(el, '[part="submit"]').click();
    await el.updateComplete;
    expect(q(el, "#mobile-error").textContent).to.equal("Enter a valid mainland mobile number");
    // Fixing a field clears its message as the person types.
    await type(el, "mobile", "13800138000");
    expect(root(el).querySelector("#mobile-error")).to.equal(null);
    expect(yuanToFen("1,200.5")).to.equal(120_050);
  });

  it("submits through the client once, recording the consent version and time, and clears for the next lead", async () => {
    const { client, store } = memoryClient();
    const events: string[] = [];
    const el = await fixture<BankcrmLeadForm>(
      html`<bankcrm-lead-form
        purpose="mortgage"
        audience="staff"
        consent-version="2026-03"
        .client=${client}
        @bankcrm-lead-submit=${() => events.push("submit")}
        @bankcrm-lead-saved=${(e: CustomEvent<{ status: string }>) => events.push(`saved:${e.detail.status}`)}
      ></bankcrm-lead-form>`,
    );
    const before = Date.now();
    await fillValid(el);
    await type(el, "expectedAmount", "1,500,000");
    void el.submit();
    void el.submit(); // a second press while the first is under way does nothing
    await new Promise((r) => setTimeout(r, 50));
    await el.updateComplete;
    const leads = (await store.records("leads", {})).items;
    expect(leads).to.have.length(1);
    const lead = leads[0]!;
    expect(lead.mobile).to.equal("13800138000");
    expect(lead.expectedAmount).to.deep.equal({ amount: 150_000_000, currency: "CNY" });
    expect(lead.productInterest).to.equal("mortgage");
    expect(lead.source).to.equal("branch_walk_in");
    expect(lead.createdBy).to.equal("ST-RM-7");
    expect(lead.branchId).to.equal("BR-001");
    expect(lead.consent.granted).to.equal(true);
    expect(lead.consent.textVersion).to.equal("2026-03");
    expect(Date.parse(lead.consent.recordedAt)).to.be.within(before - 1, Date.now());
    expect(events).to.deep.equal(["submit", "saved:saved"]);
    expect(status(el)).to.equal("线索已保存");
    expect(q(el, "#name").value).to.equal("");
    expect(q(el, "#consent").checked).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it("respects a cancelled bankcrm-lead-submit and reports a missing client as an error", async () => {
    const { client, store } = memoryClient();
    const cancelled = await fixture<BankcrmLeadForm>(
      html`<bankcrm-lead-form
        purpose="credit_card"
        .client=${client}
        @bankcrm-lead-submit=${(e: Event) => e.preventDefault()}
      ></bankcrm-lead-form>`,
    );
    await fillValid(cancelled);
    await cancelled.submit();
    expect((await store.records("leads", {})).items).to.have.length(0);

    const errors: unknown[] = [];
    const lonely = await fixture<BankcrmLeadForm>(
      html`<bankcrm-lead-form
        purpose="credit_card"
        @bankcrm-lead-error=${(e: Event) => errors.push(e)}
      ></bankcrm-lead-form>`,
    );
    await fillValid(lonely);
    await lonely.submit();
    await lonely.updateComplete;
    expect(errors).to.have.length(1);
    expect(status(lonely)).to.equal("未连接数据服务，无法提交");
    expect(q(lonely, "#name").value).to.equal("王小明"); // nothing typed is lost
    await expect(lonely).to.be.accessible();
  });

  it("holds the button and says so while the client is answering (the loading state)", async () => {
    const { client } = memoryClient();
    let calls = 0;
    const slow = {
      ...client,
      leads: {
        create: () => {
          calls++;
          return new Promise<never>(() => {});
        },
      },
    };
    const el = await fixture<BankcrmLeadForm>(
      html`<bankcrm-lead-form purpose="credit_card" .client=${slow}></bankcrm-lead-form>`,
    );
    await fillValid(el);
    void el.submit();
    await el.updateComplete;
    const button = q<HTMLButtonElement>(el, '[part="submit"]');
    expect(button.getAttribute("aria-disabled")).to.equal("true");
    expect(button.textContent.trim()).to.equal("正在提交…");
    expect(status(el)).to.equal("正在提交…");
    button.click(); // pressed again while waiting
    await el.updateComplete;
    expect(calls).to.equal(1);
    await expect(el).to.be.accessible();
  });

  it("queues the lead in the outbox when the server cannot be reached, and says so in the status region", async () => {
    const http = createHttpStore({ baseUrl: "http://127.0.0.1:9/", getToken: () => "t", timeout: 500, retries: 0 });
    const outbox = await createOutbox({ name: `lead-form-offline-${Date.now()}`, send: httpSender(http) });
    const client = createCrmClient({ store: http, user: staff, outbox, onAudit: () => {} });
    const saved: string[] = [];
    const el = await fixture<BankcrmLeadForm>(
      html`<bankcrm-lead-form
        purpose="credit_card"
        .client=${client}
        @bankcrm-lead-saved=${(e: CustomEvent<{ status: string }>) => saved.push(e.detail.status)}
      ></bankcrm-lead-form>`,
    );
    await fillValid(el);
    await el.submit();
    await el.updateComplete;
    expect(saved).to.deep.equal(["queued"]);
    expect(status(el)).to.equal("当前离线：线索已保存在本机，联网后自动发送");
    expect(await outbox.status()).to.include({ pending: 1, failed: 0, conflicts: 0 });
    await expect(el).to.be.accessible();
    outbox.close();
  });

  it("can be completed by keyboard alone", async () => {
    const { client, store } = memoryClient();
    const el = await fixture<BankcrmLeadForm>(
      html`<bankcrm-lead-form purpose="consumer_loan" .client=${client}></bankcrm-lead-form>`,
    );
    q(el, "#name").focus();
    await userEvent.keyboard("李雷");
    await userEvent.tab();
    await userEvent.keyboard("13912345678");
    await userEvent.tab();
    await userEvent.keyboard("80000");
    await userEvent.tab(); // contact time: left empty (optional)
    await userEvent.tab();
    expect(root(el).activeElement?.id).to.equal("consent");
    await userEvent.keyboard(" ");
    await userEvent.tab();
    expect(root(el).activeElement?.getAttribute("part")).to.equal("submit");
    await userEvent.keyboard("{Enter}");
    await new Promise((r) => setTimeout(r, 50));
    const leads = (await store.records("leads", {})).items;
    expect(leads.map((l) => [l.name, l.mobile, l.expectedAmount?.amount])).to.deep.equal([
      ["李雷", "13912345678", 8_000_000],
    ]);
  });

  it("is a form-associated field inside a host form: its value is the lead, and the host cannot submit it invalid", async () => {
    const form = await fixture<HTMLFormElement>(
      html`<form><bankcrm-lead-form name="lead" purpose="insurance"></bankcrm-lead-form><button>Send</button></form>`,
    );
    const el = form.querySelector("bankcrm-lead-form")!;
    await el.updateComplete;
    expect(root(el).querySelector('[part="submit"]')).to.equal(null);
    expect(form.checkValidity()).to.equal(false);
    await fillValid(el);
    expect(form.checkValidity()).to.equal(true);
    const lead = JSON.parse(new FormData(form).get("lead") as string) as Lead;
    expect([lead.name, lead.purpose, lead.productInterest, lead.consent.granted]).to.deep.equal([
      "王小明",
      "insurance",
      "insurance",
      true,
    ]);
    form.reset();
    await el.updateComplete;
    expect(q(el, "#name").value).to.equal("");
    expect(form.checkValidity()).to.equal(false);
  });

  it("renders hostile consent text and prefilled values as inert text", async () => {
    const payload = `<img src=x onerror="window.__pwned=1">`;
    const el = await fixture<BankcrmLeadForm>(
      html`<bankcrm-lead-form
        purpose="other"
        consent-text=${payload}
        .prefill=${{ name: payload }}
      ></bankcrm-lead-form>`,
    );
    expect(root(el).querySelector("img")).to.equal(null);
    expect(q(el, 'label[for="consent"]').textContent).to.equal(payload);
    expect(q(el, "#name").value).to.equal(payload);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });
});
