import { expect, fixture, fixtureCleanup, html } from "@open-wc/testing";
import { afterEach, describe, it } from "vitest";
import { userEvent } from "vitest/browser";
import { consentInForce } from "@bankcrm/core";
import { NOW, RM, salesClient } from "../../../test/fixtures/sales.js";
import "./customer-form.js";
import type { BankcrmCustomerForm } from "./customer-form.component.js";

const root = (el: Element) => el.shadowRoot!;
const q = <T extends Element = HTMLInputElement>(el: Element, s: string) => root(el).querySelector<T>(s)!;
const settle = async (el: BankcrmCustomerForm) => {
  for (let i = 0; i < 6; i++) {
    await new Promise((r) => setTimeout(r, 20));
    await el.updateComplete;
  }
};

async function form(locale = "zh-CN") {
  const made = await salesClient({});
  const customer = made.customers.find((c) => c.kind === "individual")!;
  const el = await fixture<BankcrmCustomerForm>(
    html`<bankcrm-customer-form
      customer-id=${customer.id}
      .client=${made.client}
      .now=${NOW}
      locale=${locale}
    ></bankcrm-customer-form>`,
  );
  await settle(el);
  return { el, customer, ...made };
}

describe("<bankcrm-customer-form>", () => {
  afterEach(() => fixtureCleanup());

  it("updates the mobile by keyboard; the change is kept with who and when, identifiers masked", async () => {
    const { el, store, customer } = await form();
    expect(q(el, "h2").textContent).not.to.contain(customer.name); // masked
    q(el, 'input[name="mobile"]').focus();
    await userEvent.keyboard("139 0000 1111");
    q(el, 'input[name="reason"]').focus();
    await userEvent.keyboard("客户来电更新");
    q<HTMLButtonElement>(el, '[data-section="contact"] button').focus();
    await userEvent.keyboard("{Enter}");
    await settle(el);
    expect((await store.getCustomer(customer.id))?.contact.mobile).to.equal("13900001111");
    const [kept] = (await store.records("customerChanges", { customerId: customer.id })).items;
    expect(kept).to.include({ kind: "contact", by: RM.id, reason: "客户来电更新" });
    expect(kept!.previousContact?.mobile).to.equal(customer.contact.mobile);
    expect(q(el, '[data-change="contact"]').textContent).to.contain(RM.id);
    expect(q(el, '[part="status"]').textContent).to.equal("已保存，变更已记录");
    await expect(el).to.be.accessible();
  });

  it("shows an invalid mobile's message at the field", async () => {
    const { el } = await form("en");
    q(el, 'input[name="mobile"]').value = "12345";
    q<HTMLFormElement>(el, '[data-section="contact"]').requestSubmit();
    await settle(el);
    const mobile = q(el, 'input[name="mobile"]');
    expect(mobile.getAttribute("aria-invalid")).to.equal("true");
    expect(root(el).getElementById(mobile.getAttribute("aria-describedby")!)!.textContent).to.equal(
      "Enter a valid mainland mobile number",
    );
    await expect(el).to.be.accessible();
  });

  it("records a risk re-assessment and withdraws marketing consent, in force at once", async () => {
    const { el, store, customer } = await form();
    const risk = q<HTMLSelectElement>(el, 'select[name="riskTolerance"]');
    risk.value = "C4";
    q<HTMLFormElement>(el, '[data-section="risk"]').requestSubmit();
    await settle(el);
    expect(await store.getCustomer(customer.id)).to.include({ riskTolerance: "C4", riskAssessedAt: "2026-11-30" });
    const marketing = q<HTMLElement>(el, '[data-purpose="marketing"]');
    const before = marketing.getAttribute("data-granted");
    marketing.querySelector("button")!.click();
    await settle(el);
    const stored = (await store.getCustomer(customer.id))!;
    expect(consentInForce(stored.consents, "marketing", "all")?.granted).to.equal(before !== "true");
    expect(q(el, '[data-purpose="marketing"]').getAttribute("data-granted")).to.equal(
      before === "true" ? "false" : "true",
    );
    // Both kept (made in the same instant here: the client's clock is fixed).
    expect(
      [...root(el).querySelectorAll("[data-change]")].map((li) => li.getAttribute("data-change")).sort(),
    ).to.deep.equal(["consent", "risk_assessment"]);
  });
});
