import { expect, fixture, fixtureCleanup, html, oneEvent } from "@open-wc/testing";
import { afterEach, describe, it } from "vitest";
import type { Customer } from "@bankcrm/core";
import "./match-review.js";
import { pair, person, records } from "./match-review.sample.js";
import "../provider/provider.js";
import type { BankcrmMatchReview } from "./match-review.component.js";

const root = (el: Element) => el.shadowRoot!;
const words = (n: Element | null | undefined) => (n?.textContent ?? "").replace(/\s+/g, " ").trim();
const rows = (el: Element, part: string) =>
  [...root(el).querySelectorAll(`[part="${part}"] tbody tr, [part="${part}"] tfoot tr`)].map((tr) =>
    [...tr.children].map((c) => words(c)),
  );

describe("<bankcrm-match-review>", () => {
  afterEach(() => fixtureCleanup());

  it("shows the two records side by side and the evidence per field with the prior and the total", async () => {
    const el = await fixture<BankcrmMatchReview>(
      html`<bankcrm-match-review .pair=${pair} .records=${records}></bankcrm-match-review>`,
    );
    expect(words(root(el).querySelector(".score"))).to.equal("匹配概率 99.99%，总权重 +30.5");
    const shown = rows(el, "records");
    expect(shown[0]).to.deep.equal(["姓名", person.name, "王建國"]);
    expect(shown.find((r) => r[0] === "手机")).to.deep.equal(["手机", "138****8000", "139****0000"]);
    expect(rows(el, "evidence")).to.deep.equal([
      ["先验", "", "+4.6"],
      ["姓", "完全一致", "+3.2"],
      ["名", "拼音一致", "+7.6"],
      ["出生日期", "完全一致", "+13.0"],
      ["手机", "不一致", "−1.9"],
      ["邮箱", "缺失", "+0.0"],
      ["地址", "相同", "+4.0"],
      ["合计", "", "+30.5"],
    ]);
    await expect(el).to.be.accessible();
  });

  it("says the decision from the keyboard, once, and what was sent; a cancelled decision sends nothing", async () => {
    const el = await fixture<BankcrmMatchReview>(
      html`<bankcrm-match-review locale="en" .pair=${pair}></bankcrm-match-review>`,
    );
    const merge = root(el).querySelector<HTMLButtonElement>('[data-decision="merge"]')!;
    merge.focus();
    expect(root(el).activeElement).to.equal(merge);
    const heard = oneEvent(el, "bankcrm-match-decision");
    merge.click();
    const event = await heard;
    expect(event.detail).to.deep.equal({ ids: pair.ids, decision: "merge" });
    await el.updateComplete;
    expect(words(root(el).querySelector(".sent"))).to.equal("Sent: merge");
    expect(merge.disabled).to.equal(true);
    await expect(el).to.be.accessible();
    // Another pair: decidable again; a host that cancels (to confirm first) leaves it so.
    el.pair = { ...pair, ids: ["A", "B"] };
    await el.updateComplete;
    el.addEventListener("bankcrm-match-decision", (e) => e.preventDefault(), { once: true });
    root(el).querySelector<HTMLButtonElement>('[data-decision="apart"]')!.click();
    await el.updateComplete;
    expect(words(root(el).querySelector(".sent"))).to.equal("");
    expect(root(el).querySelector<HTMLButtonElement>('[data-decision="apart"]')!.disabled).to.equal(false);
  });

  it("says loading, nothing to review, offline and errors (as text), in English and the dark theme", async () => {
    const wrap = await fixture<HTMLElement>(
      html`<bankcrm-provider theme="dark" locale="en"
        ><div>
          <bankcrm-match-review loading></bankcrm-match-review>
          <bankcrm-match-review></bankcrm-match-review>
          <bankcrm-match-review offline .pair=${pair} .records=${records}></bankcrm-match-review>
          <bankcrm-match-review .error=${"<img src=x onerror=alert(1)>"}></bankcrm-match-review>
          <bankcrm-match-review .pair=${{ ...pair, rule: "residentId" }}></bankcrm-match-review></div
      ></bankcrm-provider>`,
    );
    const els = [...wrap.querySelectorAll<BankcrmMatchReview>("bankcrm-match-review")];
    await Promise.all(els.map((e) => e.updateComplete));
    const [loading, empty, offline, failed, ruled] = els;
    expect(words(root(loading!).querySelector('[part="status"]'))).to.equal("Reading the pair to review…");
    expect(root(loading!).querySelector("section")!.getAttribute("aria-busy")).to.equal("true");
    expect(words(root(empty!).querySelector('[part="status"]'))).to.equal("Nothing to review");
    expect([...root(offline!).querySelectorAll("button")].every((b) => b.disabled)).to.equal(true);
    expect(words(root(offline!).querySelector('[part="status"]'))).to.match(/cannot be merged or kept apart offline/);
    expect(root(failed!).querySelector("img")).to.equal(null);
    expect(words(root(failed!).querySelector('[role="alert"]'))).to.equal("<img src=x onerror=alert(1)>");
    expect(words(root(ruled!).querySelector(".rule"))).to.equal("Rule: Same resident ID");
    for (const el of els) await expect(el).to.be.accessible();
  });

  it("shows hostile text in a record as text", async () => {
    const hostile: [Customer, Customer] = [records[0], { ...records[1], name: "<script>alert(1)</script>" }];
    const el = await fixture<BankcrmMatchReview>(
      html`<bankcrm-match-review .pair=${pair} .records=${hostile}></bankcrm-match-review>`,
    );
    expect(root(el).querySelector("script")).to.equal(null);
    expect(rows(el, "records")[0]![2]).to.equal("<script>alert(1)</script>");
  });
});
