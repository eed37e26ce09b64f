import { expect, fixture, fixtureCleanup, html } from "@open-wc/testing";
import { afterEach, describe, it } from "vitest";
import { userEvent } from "vitest/browser";
import { salesClient, serviceCase } from "../../../test/fixtures/sales.js";
import "./satisfaction-survey.js";
import type { BankcrmSatisfactionSurvey } from "./satisfaction-survey.component.js";

const root = (el: Element) => el.shadowRoot!;
const q = <T extends Element = HTMLInputElement>(el: Element, s: string) => root(el).querySelector<T>(s)!;
const settle = async (el: BankcrmSatisfactionSurvey) => {
  for (let i = 0; i < 5; i++) {
    await new Promise((r) => setTimeout(r, 20));
    await el.updateComplete;
  }
};
const resolved = serviceCase("R", { status: "resolved", resolvedAt: "2026-11-29T02:00:00Z", resolution: "已退款" });

describe("<bankcrm-satisfaction-survey>", () => {
  afterEach(() => fixtureCleanup());

  it("records a rating and comment on the resolved case, by keyboard; the summary shows CSAT", async () => {
    const { client, store } = await salesClient({ serviceCases: [resolved, serviceCase("O")] });
    const el = await fixture<BankcrmSatisfactionSurvey>(
      html`<bankcrm-satisfaction-survey case-id="R" .client=${client}></bankcrm-satisfaction-survey>`,
    );
    await settle(el);
    await expect(el).to.be.accessible();
    q<HTMLFormElement>(el, "form").requestSubmit();
    await settle(el);
    expect(q(el, "#score-error").textContent).to.equal("此项为必填项");
    expect(root(el).activeElement?.getAttribute("name")).to.equal("score");
    q(el, 'input[value="4"]').focus();
    await userEvent.keyboard(" ");
    q<HTMLTextAreaElement>(el, "textarea").focus();
    await userEvent.keyboard("处理及时");
    q<HTMLButtonElement>(el, 'button[type="submit"]').click();
    await settle(el);
    expect(await store.record("serviceCases", "R")).to.include({ satisfaction: 4, satisfactionComment: "处理及时" });
    expect(q(el, '[part="status"]').textContent).to.equal("感谢您的评价");
    el.summaryOf = (await store.records("serviceCases", {})).items;
    await el.updateComplete;
    // One resolved case, rated 4: CSAT 100%, response rate 100%.
    expect(q(el, '[part="summary"]').textContent).to.contain("满意度 100%（1 份评价，回复率 100%）");
  });

  it("is not offered before the case is resolved; in English", async () => {
    const { client } = await salesClient({ serviceCases: [serviceCase("O")] });
    const el = await fixture<BankcrmSatisfactionSurvey>(
      html`<bankcrm-satisfaction-survey case-id="O" locale="en" .client=${client}></bankcrm-satisfaction-survey>`,
    );
    await settle(el);
    expect(root(el).textContent).to.contain("A case can be rated once it is resolved");
    expect(root(el).querySelector('input[name="score"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });
});
