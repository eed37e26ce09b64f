import { expect, fixture, fixtureCleanup, html } from "@open-wc/testing";
import { afterEach, describe, it } from "vitest";
import "./kpi-tile.js";
import "../provider/provider.js";
import type { BankcrmKpiTile } from "./kpi-tile.component.js";

const part = (el: Element, name: string) => el.shadowRoot!.querySelector(`[part="${name}"]`)!;

describe("<bankcrm-kpi-tile>", () => {
  afterEach(() => fixtureCleanup());

  it("writes money compactly and says the change in words, for the better when up is good", async () => {
    const el = await fixture<BankcrmKpiTile>(
      html`<bankcrm-kpi-tile
        label="管理资产 AUM"
        format="money"
        .value=${12_345_600_000}
        .previous=${11_000_000_000}
      ></bankcrm-kpi-tile>`,
    );
    expect(part(el, "value").textContent.trim()).to.equal("¥1.2亿");
    const change = part(el, "change");
    expect(change.getAttribute("data-trend")).to.equal("good");
    expect(change.textContent.replace(/\s+/g, " ").trim()).to.equal("▲ 上升 12.2% 较上期，向好");
    expect(change.querySelector('[aria-hidden="true"]')!.textContent).to.equal("▲");
    await expect(el).to.be.accessible();
  });

  it("marks a rise as worth a look when down is good, and a share's change in points", async () => {
    const el = await fixture<BankcrmKpiTile>(
      html`<bankcrm-kpi-tile
        locale="en"
        label="High churn risk"
        format="percent"
        good="down"
        versus="on last month"
        .value=${0.125}
        .previous=${0.1}
      ></bankcrm-kpi-tile>`,
    );
    expect(part(el, "value").textContent.trim()).to.equal("12.5%");
    expect(part(el, "change").getAttribute("data-trend")).to.equal("bad");
    expect(part(el, "change").textContent.replace(/\s+/g, " ").trim()).to.equal(
      "▲ up 2.5 pts on last month, worth a look",
    );
    await expect(el).to.be.accessible();
  });

  it("says unchanged, counts from zero by amount, and no figure yet, in the dark theme", async () => {
    const wrap = await fixture<HTMLElement>(
      html`<bankcrm-provider theme="dark"
        ><div>
          <bankcrm-kpi-tile label="新客户" .value=${240} .previous=${240}></bankcrm-kpi-tile>
          <bankcrm-kpi-tile label="新客户" .value=${1_250_000} .previous=${0}></bankcrm-kpi-tile>
          <bankcrm-kpi-tile label=${"<img src=x onerror=alert(1)>"}></bankcrm-kpi-tile></div
      ></bankcrm-provider>`,
    );
    const [flat, fromZero, none] = [...wrap.querySelectorAll<BankcrmKpiTile>("bankcrm-kpi-tile")];
    await Promise.all([flat!.updateComplete, fromZero!.updateComplete, none!.updateComplete]);
    expect(part(flat!, "change").textContent.replace(/\s+/g, " ").trim()).to.equal("持平 较上期");
    expect(part(fromZero!, "value").textContent.trim()).to.equal("125万");
    expect(part(fromZero!, "change").textContent.replace(/\s+/g, " ").trim()).to.equal("▲ 上升 125万 较上期，向好");
    expect(part(none!, "value").textContent.replace(/\s+/g, " ").trim()).to.equal("—暂无数据");
    expect(none!.shadowRoot!.querySelector("[part=change]")).to.equal(null);
    expect(none!.shadowRoot!.querySelector("img")).to.equal(null);
    expect(part(none!, "label").textContent).to.equal("<img src=x onerror=alert(1)>");
    await expect(wrap).to.be.accessible();
  });
});
