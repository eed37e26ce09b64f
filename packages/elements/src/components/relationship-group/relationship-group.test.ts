import { expect, fixture, fixtureCleanup, html } from "@open-wc/testing";
import { afterEach, describe, it } from "vitest";
import type { GroupSummary } from "@bankcrm/core";
import "./relationship-group.js";
import "../provider/provider.js";
import type { BankcrmRelationshipGroup } from "./relationship-group.component.js";

const root = (el: Element) => el.shadowRoot!;
const words = (n: Element | null | undefined) => (n?.textContent ?? "").replace(/\s+/g, " ").trim();

const summary: GroupSummary = {
  groupId: "HH-1",
  kind: "household",
  name: "王建国家庭",
  currency: "CNY",
  members: [
    {
      customerId: "CU1",
      role: "head",
      kind: "individual",
      name: "王建国",
      tier: "platinum",
      aum: 300_000_00,
      creditExposure: 1_200_000_00,
      contribution: 8_000_00,
    },
    { customerId: "CU2", role: "spouse", kind: "individual", name: "李梅", aum: 200_000_00, creditExposure: 12_000_00 },
    {
      customerId: "CU3",
      role: "shareholder",
      share: 0.6,
      kind: "corporate",
      name: "北京建国贸易有限公司",
      aum: 800_000_00,
      creditExposure: 5_000_000_00,
      contribution: 40_000_00,
    },
  ],
  aum: 1_300_000_00,
  creditExposure: 6_212_000_00,
  contribution: 48_000_00,
  missing: ["CU4"],
};

describe("<bankcrm-relationship-group>", () => {
  afterEach(() => fixtureCleanup());

  it("shows the members with their roles and the combined figures, names masked, the open customer marked", async () => {
    const el = await fixture<BankcrmRelationshipGroup>(
      html`<bankcrm-relationship-group customer-id="CU2" .summary=${summary}></bankcrm-relationship-group>`,
    );
    expect(words(root(el).querySelector("h3"))).to.equal("王****");
    expect(words(root(el).querySelector('[data-total="aum"]'))).to.equal("¥130万");
    expect(words(root(el).querySelector('[data-total="creditExposure"]'))).to.equal("¥621.2万");
    expect(words(root(el).querySelector('[data-total="contribution"]'))).to.equal("¥4.8万");
    const rows = [...root(el).querySelectorAll("tbody tr")].map((tr) => [...tr.children].map(words));
    expect(rows).to.deep.equal([
      ["王** 白金客户", "户主", "¥30万", "¥120万", "¥8000"],
      ["李*", "配偶", "¥20万", "¥1.2万", "—"],
      ["北京建国贸易有限公司", "股东 持股 60%", "¥80万", "¥500万", "¥4万"],
    ]);
    expect(root(el).querySelector('tr[aria-current="true"]')!.getAttribute("data-customer-id")).to.equal("CU2");
    expect(root(el).textContent).to.not.contain("王建国家庭");
    expect(root(el).textContent).to.not.contain("李梅");
    expect(words(root(el).querySelector('[part="status"]'))).to.equal(
      "另有 1 位成员未显示（不在您的客户范围内），未计入合计",
    );
    await expect(el).to.be.accessible();
  });

  it("hides the amounts from a role that may not see them, in English and the dark theme", async () => {
    const wrap = await fixture<HTMLElement>(
      html`<bankcrm-provider theme="dark" locale="en"
        ><div><bankcrm-relationship-group masked .summary=${summary}></bankcrm-relationship-group></div
      ></bankcrm-provider>`,
    );
    const el = wrap.querySelector<BankcrmRelationshipGroup>("bankcrm-relationship-group")!;
    await el.updateComplete;
    expect([...root(el).querySelectorAll("dd, td.num")].map(words).every((t) => t === "—")).to.equal(true);
    expect(words(root(el).querySelector('[part="status"]'))).to.equal("Amounts are not shown to your role");
    expect(words(root(el).querySelector(".kind"))).to.equal("Household");
    await expect(el).to.be.accessible();
  });

  it("says loading, not in a group, and errors as text", async () => {
    const wrap = await fixture<HTMLElement>(
      html`<div>
        <bankcrm-relationship-group loading></bankcrm-relationship-group>
        <bankcrm-relationship-group></bankcrm-relationship-group>
        <bankcrm-relationship-group .error=${"<img src=x onerror=alert(1)>"}></bankcrm-relationship-group>
        <bankcrm-relationship-group
          .summary=${{ ...summary, kind: "corporate_group", name: "<img src=x onerror=alert(1)>", missing: [] }}
        ></bankcrm-relationship-group>
      </div>`,
    );
    const els = [...wrap.querySelectorAll<BankcrmRelationshipGroup>("bankcrm-relationship-group")];
    await Promise.all(els.map((e) => e.updateComplete));
    const [loading, none, failed, hostile] = els;
    expect(words(root(loading!).querySelector('[part="status"]'))).to.equal("正在读取关系群…");
    expect(root(loading!).querySelector('[aria-busy="true"]')).to.not.equal(null);
    expect(words(root(none!).querySelector('[part="status"]'))).to.equal("该客户不属于任何家庭或集团");
    expect(words(root(failed!).querySelector('[role="alert"]'))).to.equal("<img src=x onerror=alert(1)>");
    expect(words(root(hostile!).querySelector("h3"))).to.equal("<img src=x onerror=alert(1)>"); // a company's name, as text
    for (const el of els) {
      expect(root(el).querySelector("img")).to.equal(null);
      await expect(el).to.be.accessible();
    }
  });
});
