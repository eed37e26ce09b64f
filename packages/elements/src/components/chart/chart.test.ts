import { expect, fixture, fixtureCleanup, html } from "@open-wc/testing";
import { afterEach, describe, it } from "vitest";
import "./chart.js";
import "../provider/provider.js";
import type { BankcrmChart } from "./chart.component.js";

const root = (el: Element) => el.shadowRoot!;
const words = (n: Element | null | undefined) => (n?.textContent ?? "").replace(/\s+/g, " ").trim();
const cells = (el: Element) =>
  [...root(el).querySelectorAll("tbody tr")].map((tr) => [...tr.children].map((c) => words(c)));

describe("<bankcrm-chart>", () => {
  afterEach(() => fixtureCleanup());

  it("draws bars to scale, says the extremes in words, and keeps the data as a table", async () => {
    const el = await fixture<BankcrmChart>(
      html`<bankcrm-chart
        label="各网点年度贡献"
        format="money"
        .data=${[
          { label: "陆家嘴支行", value: 40_000_000 },
          { label: "静安支行", value: 10_000_000, highlight: true },
          { label: "徐汇支行", value: 20_000_000 },
        ]}
      ></bankcrm-chart>`,
    );
    const widths = [...root(el).querySelectorAll(".bar rect")].map((r) => Number(r.getAttribute("width")));
    expect(widths).to.have.length(3);
    // Proportional to the values: 4 : 1 : 2.
    expect(widths[0]! / widths[1]!).to.be.closeTo(4, 0.01);
    expect(widths[2]! / widths[1]!).to.be.closeTo(2, 0.01);
    expect(root(el).querySelectorAll(".bar.highlight")).to.have.length(1);
    expect(words(root(el).querySelector("#summary"))).to.equal("共 3 项；最高：陆家嘴支行 ¥40万；最低：静安支行 ¥10万");
    const img = root(el).querySelector('[role="img"]')!;
    expect(img.getAttribute("aria-labelledby")).to.equal("label summary");
    expect(cells(el)).to.deep.equal([
      ["陆家嘴支行", "¥40万"],
      ["静安支行（重点）", "¥10万"],
      ["徐汇支行", "¥20万"],
    ]);
    await expect(el).to.be.accessible();
  });

  it("counts a distribution into nice ranges, every value once, the last range closed", async () => {
    const values = [0, 0.05, 0.1, 0.15, 0.5, 0.55, 0.99, 1, Number.NaN];
    const el = await fixture<BankcrmChart>(
      html`<bankcrm-chart
        locale="en"
        type="distribution"
        format="percent"
        label="Churn risk"
        .bins=${5}
        .domain=${[0, 1]}
        .values=${values}
      ></bankcrm-chart>`,
    );
    const rows = cells(el);
    expect(rows.map((r) => r[0])).to.deep.equal(["0% – 20%", "20% – 40%", "40% – 60%", "60% – 80%", "80% – 100%"]);
    expect(rows.map((r) => Number(r[1]))).to.deep.equal([4, 0, 2, 0, 2]);
    expect(root(el).querySelectorAll("rect.column")).to.have.length(5);
    expect(words(root(el).querySelector("#summary"))).to.equal("8 values in 5 ranges; the most in 0% – 20% (4)");
    await expect(el).to.be.accessible();
  });

  it("draws a donut of the positive parts with a legend of shares, and a line through finite points", async () => {
    const wrap = await fixture<HTMLElement>(
      html`<bankcrm-provider theme="dark" locale="en"
        ><div>
          <bankcrm-chart
            type="donut"
            label="Holders by product"
            .data=${[
              { label: "Deposits", value: 300 },
              { label: "Funds", value: 100 },
              { label: "Overdrawn", value: -5 },
            ]}
          ></bankcrm-chart>
          <bankcrm-chart
            type="line"
            label="New customers"
            .data=${[
              { label: "Sep", value: 10 },
              { label: "Oct", value: Number.NaN },
              { label: "Nov", value: 30 },
            ]}
          ></bankcrm-chart></div
      ></bankcrm-provider>`,
    );
    const [donut, lineChart] = [...wrap.querySelectorAll<BankcrmChart>("bankcrm-chart")];
    await Promise.all([donut!.updateComplete, lineChart!.updateComplete]);
    expect(root(donut!).querySelectorAll("path.slice")).to.have.length(2);
    expect([...root(donut!).querySelectorAll('[part="legend"] li')].map(words)).to.deep.equal([
      "Deposits 75%",
      "Funds 25%",
    ]);
    expect(cells(donut!)).to.deep.equal([
      ["Deposits", "300", "75%"],
      ["Funds", "100", "25%"],
      ["Overdrawn", "-5", "—"],
    ]);
    // The line breaks where the value is missing: two points, two separate moves.
    expect(root(lineChart!).querySelectorAll("circle.point")).to.have.length(2);
    expect((root(lineChart!).querySelector("path.line")!.getAttribute("d") ?? "").match(/M/g)).to.have.length(2);
    expect(cells(lineChart!)[1]).to.deep.equal(["Oct", "—"]);
    await expect(donut!).to.be.accessible();
    await expect(lineChart!).to.be.accessible();
  });

  it("says there is no data, opens its table from the keyboard, and renders hostile labels as text", async () => {
    const empty = await fixture<BankcrmChart>(html`<bankcrm-chart label="产品渗透率"></bankcrm-chart>`);
    expect(words(root(empty).querySelector(".empty"))).to.equal("暂无数据");
    expect(root(empty).querySelector("svg")).to.equal(null);
    await expect(empty).to.be.accessible();

    const el = await fixture<BankcrmChart>(
      html`<bankcrm-chart label="x" .data=${[{ label: "<img src=x onerror=alert(1)>", value: 1 }]}></bankcrm-chart>`,
    );
    expect(root(el).querySelector("img")).to.equal(null);
    expect(words(root(el).querySelector(".bar text"))).to.equal("<img src=x onerror=alert(1)>");
    const summary = root(el).querySelector("summary")!;
    summary.focus();
    expect(root(el).activeElement).to.equal(summary);
    summary.click(); // what Enter or Space on a focused summary does
    expect(root(el).querySelector("details")!.open).to.equal(true);
    await expect(el).to.be.accessible();
  });
});
