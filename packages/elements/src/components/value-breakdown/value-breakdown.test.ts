import { expect, fixture, fixtureCleanup, html } from "@open-wc/testing";
import { afterEach, describe, it } from "vitest";
import type { Contribution } from "@bankcrm/core";
import "./value-breakdown.js";
import "../provider/provider.js";
import type { BankcrmValueBreakdown } from "./value-breakdown.component.js";

const root = (el: Element) => el.shadowRoot!;
const words = (n: Element | null | undefined) => (n?.textContent ?? "").replace(/\s+/g, " ").trim();
const cells = (el: Element) =>
  [...root(el).querySelectorAll("tbody tr")].map((tr) => [...tr.children].map((c) => words(c)));

/** ¥12,000 deposit spread, ¥3,000 fees, −¥1,000 expected loss, −¥4,000 cost to serve: ¥10,000 a year. */
const contribution: Contribution = {
  customerId: "CU1",
  total: { amount: 1_000_000, currency: "CNY" },
  factors: [
    { code: "depositSpread", amount: 1_200_000 },
    { code: "productFees", amount: 300_000 },
    { code: "expectedLoss", amount: -100_000 },
    { code: "costToServe", amount: -400_000 },
  ],
  skippedHoldings: [],
};

describe("<bankcrm-value-breakdown>", () => {
  afterEach(() => fixtureCleanup());

  it("draws each factor from the running total to the next, income up and deductions down, ending at the total", async () => {
    const el = await fixture<BankcrmValueBreakdown>(
      html`<bankcrm-value-breakdown .contribution=${contribution}></bankcrm-value-breakdown>`,
    );
    const steps = [...root(el).querySelectorAll("g.step")];
    expect(steps.map((g) => g.getAttribute("class"))).to.deep.equal([
      "step up",
      "step up",
      "step down",
      "step down",
      "step total",
    ]);
    const box = (g: Element) => {
      const r = g.querySelector("rect")!;
      const x = Number(r.getAttribute("x"));
      return { left: x, right: x + Number(r.getAttribute("width")) };
    };
    const [spread, fees, loss, cost, total] = steps.map(box);
    // A waterfall: each bar starts where the one before ended.
    expect(fees!.left).to.be.closeTo(spread!.right, 0.01);
    expect(loss!.right).to.be.closeTo(fees!.right, 0.01); // a deduction goes back from the running total
    expect(cost!.right).to.be.closeTo(loss!.left, 0.01);
    expect(total!.left).to.be.closeTo(spread!.left, 0.01); // the total from zero…
    expect(total!.right).to.be.closeTo(cost!.left, 0.01); // …to where the last step ended
    // Lengths in proportion: 12 : 3 : 1 : 4 : 10.
    const len = (b: { left: number; right: number }) => b.right - b.left;
    expect(len(spread!) / len(loss!)).to.be.closeTo(12, 0.01);
    expect(len(total!) / len(loss!)).to.be.closeTo(10, 0.01);
    expect(words(root(el).querySelector("#summary"))).to.equal(
      "年度贡献 ¥1万；收入最多来自存款利差收入（¥1.2万），扣减最多的是服务成本（−¥4000）",
    );
    expect(cells(el)).to.deep.equal([
      ["存款利差收入", "+¥1.2万", "¥1.2万"],
      ["产品中间业务收入", "+¥3000", "¥1.5万"],
      ["预期信用损失", "−¥1000", "¥1.4万"],
      ["服务成本", "−¥4000", "¥1万"],
      ["年度贡献合计", "¥1万", "¥1万"],
    ]);
    await expect(el).to.be.accessible();
  });

  it("says loading, masked, empty and errors (as text), in English and the dark theme", async () => {
    const wrap = await fixture<HTMLElement>(
      html`<bankcrm-provider theme="dark" locale="en"
        ><div>
          <bankcrm-value-breakdown loading></bankcrm-value-breakdown>
          <bankcrm-value-breakdown masked .contribution=${contribution}></bankcrm-value-breakdown>
          <bankcrm-value-breakdown .contribution=${{ ...contribution, factors: [] }}></bankcrm-value-breakdown>
          <bankcrm-value-breakdown .error=${"<img src=x onerror=alert(1)>"}></bankcrm-value-breakdown>
          <bankcrm-value-breakdown .contribution=${contribution}></bankcrm-value-breakdown></div
      ></bankcrm-provider>`,
    );
    const els = [...wrap.querySelectorAll<BankcrmValueBreakdown>("bankcrm-value-breakdown")];
    await Promise.all(els.map((e) => e.updateComplete));
    const [loading, masked, empty, failed, drawn] = els;
    expect(words(root(loading!).querySelector('[part="status"]'))).to.equal("Working out the contribution…");
    expect(root(loading!).querySelector("figure")!.getAttribute("aria-busy")).to.equal("true");
    expect(words(root(masked!).querySelector('[part="status"]'))).to.equal(
      "Contribution amounts are not shown to your role",
    );
    expect(root(masked!).querySelector("svg")).to.equal(null); // no amounts drawn either
    expect(words(root(empty!).querySelector('[part="status"]'))).to.equal("No contribution yet");
    expect(root(failed!).querySelector("img")).to.equal(null);
    expect(words(root(failed!).querySelector('[role="alert"]'))).to.equal("<img src=x onerror=alert(1)>");
    expect(words(root(drawn!).querySelector("#summary"))).to.equal(
      "Contributes CN¥10K a year; most from Deposit spread (CN¥12K), the largest deduction Cost to serve (−CN¥4K)",
    );
    for (const el of els) await expect(el).to.be.accessible();
  });

  it("opens its table from the keyboard", async () => {
    const el = await fixture<BankcrmValueBreakdown>(
      html`<bankcrm-value-breakdown .contribution=${contribution}></bankcrm-value-breakdown>`,
    );
    const summary = root(el).querySelector("summary")!;
    summary.focus();
    expect(root(el).activeElement).to.equal(summary);
    summary.click();
    expect(root(el).querySelector("details")!.open).to.equal(true);
    await expect(el).to.be.accessible();
  });
});
