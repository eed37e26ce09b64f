import { expect, fixture, html } from "@open-wc/testing";
import { describe, it } from "vitest";
import { scoreCustomerValue } from "@bankcrm/core";
import "./value-badge.js";
import "../provider/provider.js";
import type { BankcrmValueBadge } from "./value-badge.component.js";
import type { BankcrmProvider } from "../provider/provider.component.js";

const value = scoreCustomerValue({
  aum: 60_000_000,
  contribution: 350_000,
  productCount: 4,
  tenureYears: 8,
  engagement: 12,
});
const shadow = (el: Element) => el.shadowRoot!;
const text = (el: Element, selector: string) =>
  shadow(el).querySelector(selector)?.textContent?.replace(/\s+/g, " ").trim();

describe("<bankcrm-value-badge>", () => {
  it("shows tier and score, and explains the factors behind a toggle wired for screen readers", async () => {
    const el = await fixture<BankcrmValueBadge>(
      html`<bankcrm-value-badge tier="platinum" .value=${value}></bankcrm-value-badge>`,
    );
    expect(text(el, '[part="score"]')).to.equal(`价值评分 ${Math.round(value.score)}`);
    const toggle = shadow(el).querySelector<HTMLButtonElement>('[part="toggle"]')!;
    const list = shadow(el).querySelector<HTMLUListElement>('[part="factors"]')!;
    expect(toggle.getAttribute("aria-expanded")).to.equal("false");
    expect(toggle.getAttribute("aria-controls")).to.equal(list.id);
    expect(list.hidden).to.equal(true);
    toggle.click();
    await el.updateComplete;
    expect(toggle.getAttribute("aria-expanded")).to.equal("true");
    expect(list.hidden).to.equal(false);
    const items = [...list.querySelectorAll("li")].map((li) => li.textContent.replace(/\s+/g, " ").trim());
    expect(items).to.have.length(6);
    expect(items[0]).to.equal(`资产规模（AUM）：${value.factors[0]!.points.toFixed(1)} 分`);
    expect(items[5]).to.contain("缺少数据"); // lifetime value was not given
    await expect(el).to.be.accessible();
  });

  it("has loading, empty and error states, each accessible", async () => {
    const loading = await fixture<BankcrmValueBadge>(html`<bankcrm-value-badge loading></bankcrm-value-badge>`);
    expect(shadow(loading).querySelector('[aria-busy="true"]')?.textContent).to.equal("加载中…");
    await expect(loading).to.be.accessible();
    const empty = await fixture<BankcrmValueBadge>(
      html`<bankcrm-value-badge tier="gold" locale="en"></bankcrm-value-badge>`,
    );
    expect(text(empty, '[part="empty"]')).to.equal("Not scored yet");
    await expect(empty).to.be.accessible();
    const payload = "<img src=x onerror=alert(1)>";
    const failed = await fixture<BankcrmValueBadge>(
      html`<bankcrm-value-badge .error=${payload}></bankcrm-value-badge>`,
    );
    expect(shadow(failed).querySelector('[role="alert"]')?.textContent).to.equal(
      "加载失败：<img src=x onerror=alert(1)>",
    );
    expect(shadow(failed).querySelector("img")).to.equal(null);
    await expect(failed).to.be.accessible();
  });

  it("takes its locale from a provider, and its own locale property wins", async () => {
    const provider = await fixture<BankcrmProvider>(
      html`<bankcrm-provider locale="en"
        ><bankcrm-value-badge tier="diamond" .value=${value}></bankcrm-value-badge
      ></bankcrm-provider>`,
    );
    const badge = provider.querySelector("bankcrm-value-badge")!;
    await badge.updateComplete;
    expect(text(badge, '[part="score"]')).to.equal(`Value score ${Math.round(value.score)}`);
    const tier = shadow(badge).querySelector("bankcrm-tier-badge")!;
    await tier.updateComplete;
    expect(shadow(tier).textContent?.trim()).to.equal("Diamond");
    provider.locale = "zh-CN";
    await provider.updateComplete;
    await badge.updateComplete;
    expect(text(badge, '[part="score"]')).to.equal(`价值评分 ${Math.round(value.score)}`);
    badge.locale = "en";
    await badge.updateComplete;
    expect(text(badge, '[part="score"]')).to.equal(`Value score ${Math.round(value.score)}`);
  });

  it("switches the theme's tokens with the provider's theme attribute", async () => {
    const provider = await fixture<BankcrmProvider>(
      html`<bankcrm-provider><bankcrm-value-badge .value=${value}></bankcrm-value-badge></bankcrm-provider>`,
    );
    const badge = provider.querySelector("bankcrm-value-badge")!;
    await badge.updateComplete;
    const toggle = shadow(badge).querySelector<HTMLElement>('[part="toggle"]')!;
    const light = getComputedStyle(toggle).color;
    provider.theme = "dark";
    await provider.updateComplete;
    expect(getComputedStyle(toggle).color).to.not.equal(light);
    expect(provider.getAttribute("theme")).to.equal("dark");
  });
});
