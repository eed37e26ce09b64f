import { expect, fixture, fixtureCleanup, html } from "@open-wc/testing";
import { afterEach, describe, it } from "vitest";
import { assignControlGroup, campaignEffectiveness, type CampaignResponse } from "@bankcrm/core";
import "./campaign-report.js";
import type { BankcrmCampaignReport } from "./campaign-report.component.js";

const root = (el: Element) => el.shadowRoot!;

/** 2,000 customers, a 10% hold-out; the treatment converts at 6%, the control at 3%. */
function effect() {
  const ids = Array.from({ length: 2000 }, (_, i) => `CU${String(i).padStart(6, "0")}`);
  const { target, control } = assignControlGroup(ids, { campaignId: "CP-R", share: 0.1 });
  const responses: Pick<CampaignResponse, "customerId" | "channel" | "type">[] = target.map((customerId, i) => ({
    customerId,
    channel: i % 3 === 0 ? "wechat" : "sms",
    type: i % 50 < 3 ? "converted" : i % 10 < 4 ? "opened" : "delivered",
  }));
  return campaignEffectiveness(
    { id: "CP-R", budget: { amount: 5_000_000, currency: "CNY" } },
    {
      targeted: target,
      responses,
      control: { size: control.length, conversions: Math.round(control.length * 0.03) },
      revenuePerConversion: 200_000,
    },
  );
}

describe("<bankcrm-campaign-report>", () => {
  afterEach(() => fixtureCleanup());

  it("shows the funnel as a described chart with its table, the uplift with its test, and ROI", async () => {
    const e = effect();
    const el = await fixture<BankcrmCampaignReport>(
      html`<bankcrm-campaign-report name="大额存单季末营销" .effect=${e}></bankcrm-campaign-report>`,
    );
    const chart = root(el).querySelector('[part="chart"]')!;
    expect(chart.getAttribute("role")).to.equal("img");
    expect(chart.querySelector("title")!.textContent).to.contain(`目标客户 ${e.funnel[0]!.count}`);
    expect(chart.querySelectorAll("rect")).to.have.length(5);
    const converted = root(el).querySelector('[data-stage="converted"]')!;
    expect(converted.textContent).to.contain(String(e.funnel[4]!.count));
    const uplift = root(el).querySelector('[part="uplift"]')!;
    expect(uplift.textContent).to.contain("相对对照组转化率提升");
    expect(root(el).querySelector('[data-channel="wechat"]')!.textContent).to.contain("微信");
    await expect(el).to.be.accessible();
  });

  // Worked examples with published answers: statsmodels' proportions_ztest([5, 12], [83, 99]) gives p = 0.159
  // (not significant); 60 of 1,000 against 40 of 1,000 gives z = 2.052, p = 0.040 (significant at 5%).
  for (const [treated, of, held, heldOf, p, significant] of [
    [12, 99, 5, 83, "0.159", "false"],
    [60, 1000, 40, 1000, "0.040", "true"],
  ] as const)
    it(`says ${treated} of ${of} against ${held} of ${heldOf} is ${significant === "true" ? "" : "not "}significant (p = ${p})`, async () => {
      const targeted = Array.from({ length: of }, (_, i) => `CU${String(i).padStart(6, "0")}`);
      const e = campaignEffectiveness(
        { id: "CP-W", budget: { amount: 100_000, currency: "CNY" } },
        {
          targeted,
          responses: targeted.map((customerId, i) => ({
            customerId,
            channel: "sms",
            type: i < treated ? "converted" : "delivered",
          })),
          control: { size: heldOf, conversions: held },
          revenuePerConversion: 10_000,
        },
      );
      const el = await fixture<BankcrmCampaignReport>(
        html`<bankcrm-campaign-report name="例" .effect=${e}></bankcrm-campaign-report>`,
      );
      const uplift = root(el).querySelector('[part="uplift"]')!;
      expect(uplift.getAttribute("data-significant")).to.equal(significant);
      expect(uplift.textContent).to.contain(`p = ${p}`);
      expect(uplift.textContent).to.contain(significant === "true" ? "差异显著" : "差异不显著");
    });

  it("speaks English, says when there is nothing yet, and keeps a hostile name inert", async () => {
    const el = await fixture<BankcrmCampaignReport>(
      html`<bankcrm-campaign-report
        locale="en"
        name=${`<img src=x onerror="window.__pwned=1">`}
        .effect=${effect()}
      ></bankcrm-campaign-report>`,
    );
    expect(root(el).querySelector("h2")!.textContent).to.contain("Campaign effect: <img");
    expect(root(el).querySelector("img")).to.equal(null);
    expect(root(el).querySelector('[part="uplift"]')!.textContent).to.contain("points above the control group");
    const empty = await fixture<BankcrmCampaignReport>(html`<bankcrm-campaign-report></bankcrm-campaign-report>`);
    expect(root(empty).textContent).to.contain("尚无成效数据");
    await expect(el).to.be.accessible();
    await expect(empty).to.be.accessible();
  });
});
