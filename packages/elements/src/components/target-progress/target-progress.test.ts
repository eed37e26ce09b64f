import { expect, fixture, fixtureCleanup, html } from "@open-wc/testing";
import { afterEach, describe, it } from "vitest";
import { computeAchievement, type Achievement, type SalesTarget } from "@bankcrm/core";
import "./target-progress.js";
import type { BankcrmTargetProgress } from "./target-progress.component.js";
import { rankTeam } from "./target-progress.component.js";

const root = (el: Element) => el.shadowRoot!;
const period = { periodStart: "2026-10-01", periodEnd: "2026-12-31", branchId: "BR-1" };
const targets: SalesTarget[] = [
  { id: "T-NC-1", staffId: "ST-1", metric: "new_customers", target: 30, ...period },
  { id: "T-WM-1", staffId: "ST-1", metric: "wealth_sales", target: 1_000_000_000, currency: "CNY", ...period },
  { id: "T-NC-2", staffId: "ST-2", metric: "new_customers", target: 30, ...period },
];
/** 2026-11-30: 61 of 92 days gone. ST-1 onboarded 25 customers, sold ¥400万 of wealth; ST-2 onboarded 10. */
function achievements(): Achievement[] {
  const customers = [
    ...Array.from({ length: 25 }, (_, i) => ({
      id: `A${i}`,
      onboardedAt: "2026-10-15",
      relationshipManagerId: "ST-1",
      branchId: "BR-1",
    })),
    ...Array.from({ length: 10 }, (_, i) => ({
      id: `B${i}`,
      onboardedAt: "2026-11-02",
      relationshipManagerId: "ST-2",
      branchId: "BR-1",
    })),
  ];
  // ST-1 sold a ¥400万 wealth product on 10 November.
  const sales = [
    {
      holdingId: "H1",
      customerId: "A1",
      sellerId: "ST-1",
      productType: "wealth_management" as const,
      amount: 400_000_000,
      openedAt: "2026-11-10",
    },
  ];
  return computeAchievement(targets, { customers, sales }, { asOf: "2026-11-30" });
}

describe("<bankcrm-target-progress>", () => {
  afterEach(() => fixtureCleanup());

  it("shows each target against achievement with an even pace's expectation", async () => {
    const mine = achievements().filter((a) => "staffId" in a.owner && a.owner.staffId === "ST-1");
    const el = await fixture<BankcrmTargetProgress>(
      html`<bankcrm-target-progress .achievements=${mine}></bankcrm-target-progress>`,
    );
    const nc = root(el).querySelector('[data-target-id="T-NC-1"]')!;
    expect(nc.textContent).to.contain("已完成 25 / 目标 30（83%）");
    // 30 × 61/92 days = 19.9 → 20 expected; 25 is 5 ahead.
    expect(nc.textContent).to.contain("按进度应完成 20，超前 5");
    expect(nc.getAttribute("data-pace")).to.equal("ahead");
    const wm = root(el).querySelector('[data-target-id="T-WM-1"]')!;
    expect(wm.getAttribute("data-pace")).to.equal("behind");
    expect(wm.textContent).to.contain("落后");
    expect(wm.querySelector("progress")!.value).to.be.closeTo(0.4, 1e-9);
    expect(root(el).textContent).to.contain("考核期已过 66%");
    await expect(el).to.be.accessible();
  });

  it("ranks a team by mean achievement for a branch manager, in English too", async () => {
    const all = achievements();
    const ranking = rankTeam(all);
    expect(ranking.map((r) => r.ownerId)).to.deep.equal(["ST-1", "ST-2"]);
    expect(ranking[0]!.score).to.be.closeTo((25 / 30 + 0.4) / 2, 1e-9);
    const el = await fixture<BankcrmTargetProgress>(
      html`<bankcrm-target-progress
        mode="team"
        locale="en"
        .achievements=${all}
        .names=${{ "ST-1": "Li", "ST-2": "Zhou" }}
      ></bankcrm-target-progress>`,
    );
    const rows = [...root(el).querySelectorAll("tbody tr")].map((r) => r.querySelector("th")!.textContent);
    expect(rows).to.deep.equal(["Li", "Zhou"]);
    expect(root(el).querySelector("caption")!.textContent.trim()).to.equal("Ranked by mean achievement");
    expect(root(el).querySelector('[data-owner="ST-2"]')!.textContent).to.contain("behind");
    await expect(el).to.be.accessible();
  });

  it("says when there are no targets, and keeps hostile names inert", async () => {
    const empty = await fixture<BankcrmTargetProgress>(html`<bankcrm-target-progress></bankcrm-target-progress>`);
    expect(root(empty).querySelector("[data-empty]")!.textContent).to.equal("本期没有业绩目标");
    const el = await fixture<BankcrmTargetProgress>(
      html`<bankcrm-target-progress
        mode="team"
        .achievements=${achievements()}
        .names=${{ "ST-1": `<img src=x onerror="window.__pwned=1">` }}
      ></bankcrm-target-progress>`,
    );
    expect(root(el).querySelector("img")).to.equal(null);
    await expect(empty).to.be.accessible();
  });
});
