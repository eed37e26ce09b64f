import { expect, fixture, html } from "@open-wc/testing";
import { describe, it } from "vitest";
import "./tier-badge.js";
import type { BankcrmTierBadge } from "./tier-badge.component.js";

const partText = (el: BankcrmTierBadge) => el.shadowRoot!.querySelector('[part="label"]')!.textContent;

describe("<bankcrm-tier-badge>", () => {
  it("shows the tier's zh-CN label by default and its English label on request", async () => {
    const el = await fixture<BankcrmTierBadge>(html`<bankcrm-tier-badge tier="private"></bankcrm-tier-badge>`);
    expect(partText(el)).to.equal("私人银行客户");
    el.locale = "en";
    await el.updateComplete;
    expect(partText(el)).to.equal("Private banking");
  });

  it("reflects the tier and styles it through tokens a host can override", async () => {
    const el = await fixture<BankcrmTierBadge>(html`<bankcrm-tier-badge tier="gold"></bankcrm-tier-badge>`);
    expect(el.getAttribute("tier")).to.equal("gold");
    const base = el.shadowRoot!.querySelector<HTMLElement>('[part="base"]')!;
    const before = getComputedStyle(base).backgroundColor;
    el.style.setProperty("--bankcrm-tier-gold-background", "rgb(1, 2, 3)");
    expect(getComputedStyle(base).backgroundColor).to.equal("rgb(1, 2, 3)");
    expect(before).to.not.equal("rgb(1, 2, 3)");
  });

  it("says the tier is unknown for a missing or foreign value, rendered as text", async () => {
    const el = await fixture<BankcrmTierBadge>(html`<bankcrm-tier-badge></bankcrm-tier-badge>`);
    expect(partText(el)).to.equal("等级未知");
    el.tier = "<img src=x onerror=alert(1)>" as never;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector("img")).to.equal(null);
    expect(partText(el)).to.equal("等级未知");
  });

  it("is accessible in every tier and locale", async () => {
    for (const tier of ["standard", "gold", "platinum", "diamond", "private", undefined]) {
      for (const locale of ["zh-CN", "en"]) {
        const el = await fixture<BankcrmTierBadge>(
          html`<bankcrm-tier-badge .tier=${tier} locale=${locale}></bankcrm-tier-badge>`,
        );
        await expect(el).to.be.accessible();
      }
    }
  });
});
