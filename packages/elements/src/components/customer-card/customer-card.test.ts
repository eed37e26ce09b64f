import { expect, fixture, html } from "@open-wc/testing";
import { describe, it } from "vitest";
import { type Customer, type RevealAuditEvent } from "@bankcrm/core";
import { generateDemoPortfolio } from "@bankcrm/core/demo";
import { createCrmClient, createMemoryStore } from "@bankcrm/data";
import "./customer-card.js";
import "../provider/provider.js";
import type { BankcrmCustomerCard } from "./customer-card.component.js";
import type { BankcrmProvider } from "../provider/provider.component.js";

const p = generateDemoPortfolio({ seed: "card-test", customers: 30 });
const person = p.customers.find(
  (c): c is Extract<Customer, { kind: "individual" }> => c.kind === "individual" && c.contact.mobile !== undefined,
)!;
const mobile = person.contact.mobile!;
const id = person.idDocument.number;

async function clientFor(
  role: "relationship_manager" | "teller",
  onAudit: (e: RevealAuditEvent) => void | Promise<void> = () => {},
) {
  const store = createMemoryStore();
  await store.put("customers", p.customers);
  return createCrmClient({ store, user: { id: "ST-1", role }, onAudit });
}

/** Every text, attribute and aria-label in the card's shadow DOM. */
function everything(el: Element): string {
  const root = el.shadowRoot!;
  const parts: string[] = [root.textContent ?? ""];
  for (const node of root.querySelectorAll("*")) for (const attr of node.attributes) parts.push(attr.value);
  return parts.join(" ");
}

describe("<bankcrm-customer-card>", () => {
  it("never shows a middle digit of the ID or mobile while masked — even when given unmasked data", async () => {
    const el = await fixture<BankcrmCustomerCard>(
      html`<bankcrm-customer-card .customer=${person}></bankcrm-customer-card>`,
    );
    const all = everything(el);
    expect(all).to.not.contain(mobile.slice(3, 7));
    expect(all).to.not.contain(id.slice(3, 14));
    expect(el.shadowRoot!.querySelector('[data-field="contact.mobile"]')!.textContent).to.equal(
      `${mobile.slice(0, 3)}****${mobile.slice(7)}`,
    );
    expect(el.shadowRoot!.querySelector("button")).to.equal(null); // no client: no reveal control
    await expect(el).to.be.accessible();
  });

  it("lets a relationship manager reveal the mobile through the client, auditing first", async () => {
    const audits: RevealAuditEvent[] = [];
    const client = await clientFor("relationship_manager", (e) => void audits.push(e));
    const provider = await fixture<BankcrmProvider>(
      html`<bankcrm-provider .client=${client}
        ><bankcrm-customer-card customer-id=${person.id} reveal-reason="回电确认"></bankcrm-customer-card
      ></bankcrm-provider>`,
    );
    const card = provider.querySelector("bankcrm-customer-card")!;
    for (let i = 0; i < 100 && !card.customer; i++) await new Promise((r) => setTimeout(r, 10));
    await card.updateComplete;
    expect(card.customer?.id).to.equal(person.id); // fetched through the provider's client
    const events: string[] = [];
    card.addEventListener("bankcrm-reveal", () => events.push("reveal"));
    card.addEventListener("bankcrm-revealed", () => events.push("revealed"));
    const button = card.shadowRoot!.querySelector<HTMLButtonElement>('button[aria-label="显示完整手机"]')!;
    button.click();
    await new Promise((r) => setTimeout(r, 50));
    await card.updateComplete;
    expect(card.shadowRoot!.querySelector('[data-field="contact.mobile"]')!.textContent).to.equal(mobile);
    expect(audits).to.have.length(1);
    expect(audits[0]!.reason).to.equal("回电确认");
    expect(events).to.deep.equal(["reveal", "revealed"]);
    await expect(card).to.be.accessible();
  });

  it("shows no reveal control to a teller, keeps the field masked when the audit fails, and respects a cancelled event", async () => {
    const teller = await clientFor("teller");
    const asTeller = await fixture<BankcrmCustomerCard>(
      html`<bankcrm-customer-card .client=${teller} .customer=${person}></bankcrm-customer-card>`,
    );
    expect(asTeller.shadowRoot!.querySelector("button")).to.equal(null);

    const failing = await clientFor("relationship_manager", () => Promise.reject(new Error("audit log unavailable")));
    const el = await fixture<BankcrmCustomerCard>(
      html`<bankcrm-customer-card .client=${failing} .customer=${person}></bankcrm-customer-card>`,
    );
    el.shadowRoot!.querySelector<HTMLButtonElement>("button")!.click();
    await new Promise((r) => setTimeout(r, 50));
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.contain("audit log unavailable");
    expect(everything(el)).to.not.contain(mobile.slice(3, 7));

    const cancelled = await fixture<BankcrmCustomerCard>(
      html`<bankcrm-customer-card
        .client=${await clientFor("relationship_manager")}
        .customer=${person}
      ></bankcrm-customer-card>`,
    );
    cancelled.addEventListener("bankcrm-reveal", (e) => e.preventDefault());
    cancelled.shadowRoot!.querySelector<HTMLButtonElement>("button")!.click();
    await new Promise((r) => setTimeout(r, 50));
    expect(everything(cancelled)).to.not.contain(mobile.slice(3, 7));
  });

  it("shows the loyalty points in the locale's digits", async () => {
    const el = await fixture<BankcrmCustomerCard>(
      html`<bankcrm-customer-card
        locale="en"
        .customer=${{ ...person, loyaltyPoints: 12_345 }}
      ></bankcrm-customer-card>`,
    );
    const points = el.shadowRoot!.querySelector('[data-field="loyaltyPoints"]')!;
    expect(points.textContent.trim()).to.equal("12,345");
    expect(points.previousElementSibling!.textContent.trim()).to.equal("Loyalty points");
    await expect(el).to.be.accessible();
  });

  it("shows the points ledger's balance instead of the record's figure, and what lapses soonest", async () => {
    const el = await fixture<BankcrmCustomerCard>(
      html`<bankcrm-customer-card
        .customer=${{ ...person, loyaltyPoints: 12_345 }}
        .figures=${{ points: 9_876, pointsExpiring: { on: "2026-12-31", points: 1_181 } }}
      ></bankcrm-customer-card>`,
    );
    const points = el.shadowRoot!.querySelector('[data-field="loyaltyPoints"]')!;
    expect(points.textContent.trim()).to.equal("9,876");
    const expiring = el.shadowRoot!.querySelector('[data-field="pointsExpiring"]')!;
    expect(expiring.textContent.trim()).to.equal("1,181 分将于 2026-12-31 到期");
    await expect(el).to.be.accessible();
  });

  it("lists a company's contact persons by role, masked, the one called first marked", async () => {
    const company = p.customers.find((c) => c.kind === "corporate")!;
    const el = await fixture<BankcrmCustomerCard>(
      html`<bankcrm-customer-card
        .customer=${{
          ...company,
          contactPersons: [
            { name: "张伟", role: "legal_representative" },
            { name: "周婷", role: "finance_manager", mobile: "13912345678", primary: true },
          ],
        }}
      ></bankcrm-customer-card>`,
    );
    const items = [...el.shadowRoot!.querySelectorAll('[data-field="contactPersons"] li')].map((li) =>
      li.textContent.trim(),
    );
    expect(items).to.deep.equal(["法定代表人 · 张*", "财务负责人 · 周* · 139****5678 · 首选联系人"]);
    await expect(el).to.be.accessible();
  });

  it("shows a company's credit line and how much of it its loans use", async () => {
    const company = p.customers.find((c) => c.kind === "corporate")!;
    const el = await fixture<BankcrmCustomerCard>(
      html`<bankcrm-customer-card
        .customer=${{ ...company, creditLine: { amount: 5_000_000_000, currency: "CNY" } }}
        .figures=${{ creditUsed: { amount: 1_200_000_000, currency: "CNY" } }}
      ></bankcrm-customer-card>`,
    );
    const line = el.shadowRoot!.querySelector('[data-field="creditLine"]')!;
    expect(line.previousElementSibling!.textContent.trim()).to.equal("授信额度");
    expect(line.textContent.trim()).to.equal("¥5000万 · 已用 ¥1200万（24%）");
    await expect(el).to.be.accessible();
    // A person has no credit line: nothing is said.
    const personal = await fixture<BankcrmCustomerCard>(
      html`<bankcrm-customer-card .customer=${person}></bankcrm-customer-card>`,
    );
    expect(personal.shadowRoot!.querySelector('[data-field="creditLine"]')).to.equal(null);
  });

  it("renders hostile names and tags as inert text", async () => {
    const hostile = {
      ...person,
      name: '<img src=x onerror="window.__xss=1">',
      tags: ["javascript:alert(1)", "<script>window.__xss=2</script>"],
    };
    const el = await fixture<BankcrmCustomerCard>(
      html`<bankcrm-customer-card .customer=${hostile}></bankcrm-customer-card>`,
    );
    expect(el.shadowRoot!.querySelector("img, script, a")).to.equal(null);
    expect((window as unknown as { __xss?: number }).__xss).to.equal(undefined);
    expect(el.shadowRoot!.querySelector(".tags")!.textContent).to.contain("<script>");
  });

  it("has loading, empty, error, offline and compact states, each accessible", async () => {
    for (const template of [
      html`<bankcrm-customer-card loading></bankcrm-customer-card>`,
      html`<bankcrm-customer-card></bankcrm-customer-card>`,
      html`<bankcrm-customer-card error="网络不可用"></bankcrm-customer-card>`,
      html`<bankcrm-customer-card
        offline
        .client=${await clientFor("relationship_manager")}
        .customer=${person}
      ></bankcrm-customer-card>`,
      html`<bankcrm-customer-card
        layout="compact"
        locale="en"
        .customer=${person}
        .figures=${{ aum: { amount: 123_456_700, currency: "CNY" }, productCount: 3 }}
      ></bankcrm-customer-card>`,
    ]) {
      const el = await fixture<BankcrmCustomerCard>(template);
      await expect(el).to.be.accessible();
    }
    const offline = await fixture<BankcrmCustomerCard>(
      html`<bankcrm-customer-card
        offline
        .client=${await clientFor("relationship_manager")}
        .customer=${person}
      ></bankcrm-customer-card>`,
    );
    expect(offline.shadowRoot!.querySelector<HTMLButtonElement>("button")!.disabled).to.equal(true);
    const empty = await fixture<BankcrmCustomerCard>(html`<bankcrm-customer-card locale="en"></bankcrm-customer-card>`);
    expect(empty.shadowRoot!.textContent.trim()).to.equal("No customer selected");
  });

  it("follows the provider to a new client's user (a role switch takes the reveal control away)", async () => {
    const rm = await clientFor("relationship_manager");
    const teller = await clientFor("teller");
    const provider = await fixture<BankcrmProvider>(
      html`<bankcrm-provider .client=${rm}
        ><bankcrm-customer-card .customer=${person}></bankcrm-customer-card
      ></bankcrm-provider>`,
    );
    const card = provider.querySelector("bankcrm-customer-card")!;
    await card.updateComplete;
    expect(card.shadowRoot!.querySelectorAll("button").length).to.be.greaterThan(0);
    provider.client = teller;
    await provider.updateComplete;
    await card.updateComplete;
    expect(card.shadowRoot!.querySelectorAll("button").length).to.equal(0);
  });
});
