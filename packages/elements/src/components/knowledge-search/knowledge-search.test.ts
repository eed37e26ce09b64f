import { expect, fixture, fixtureCleanup, html } from "@open-wc/testing";
import { afterEach, describe, it } from "vitest";
import { userEvent } from "vitest/browser";
import { KNOWLEDGE_SEARCH_FIELDS } from "@bankcrm/core/schemas";
import { searchRecords } from "@bankcrm/core/text";
import { failingClient } from "../../../test/fixtures/sales.js";
import { HOSTILE_TITLE, knowledgeArticles, knowledgeClient } from "../../../test/fixtures/knowledge.js";
import "./knowledge-search.js";
import "../provider/provider.js";
import type { BankcrmKnowledgeSearch } from "./knowledge-search.component.js";

const root = (el: Element) => el.shadowRoot!;
const shown = (el: Element) => [...root(el).querySelectorAll('[part="article"]')].map((a) => a.getAttribute("data-id"));
const input = (el: Element) => root(el).querySelector<HTMLInputElement>('[part="input"]')!;
const settle = async (el: BankcrmKnowledgeSearch) => {
  for (let i = 0; i < 8; i++) {
    await new Promise((r) => setTimeout(r, 60));
    await el.updateComplete;
  }
};
/** What core finds among the published articles: what the element must show. */
const published = (q: string) =>
  searchRecords(
    knowledgeArticles().filter((a) => a.status === "published"),
    KNOWLEDGE_SEARCH_FIELDS,
    q,
  ).map((a) => a.id);

async function search(attrs: { locale?: string; productType?: string } = {}) {
  const { client } = await knowledgeClient();
  const el = await fixture<BankcrmKnowledgeSearch>(
    html`<bankcrm-knowledge-search
      .client=${client}
      locale=${attrs.locale ?? "zh-CN"}
      product-type=${attrs.productType ?? ""}
    ></bankcrm-knowledge-search>`,
  );
  if (!attrs.productType) el.productType = undefined;
  await settle(el);
  return el;
}

describe("<bankcrm-knowledge-search>", () => {
  afterEach(() => fixtureCleanup());

  it("finds published articles on the words typed, best first, the words marked — never a draft or a retired one", async () => {
    const el = await search();
    expect(root(el).querySelector("[data-prompt]")).to.not.equal(null);
    await expect(el).to.be.accessible();
    input(el).focus();
    await userEvent.keyboard("提前还款");
    await settle(el);
    expect(published("提前还款")).to.deep.equal(["KB-MTG-PREPAY", "KB-CC-INSTALMENT"]);
    expect(shown(el)).to.deep.equal(published("提前还款"));
    // The draft says 提前还款 in its title and the retired one is about mortgages: neither is shown.
    expect(shown(el)).to.not.include("KB-DRAFT");
    const marks = [...root(el).querySelectorAll('[data-id="KB-MTG-PREPAY"] summary mark')].map((m) => m.textContent);
    expect(marks.join("")).to.equal("提前还款");
    expect(root(el).querySelector('[part="status"]')!.textContent.trim()).to.equal("找到 2 条");
    await expect(el).to.be.accessible();
  });

  it("opens an article by keyboard to its text and says so; narrows to one kind", async () => {
    const el = await search();
    const opened: string[] = [];
    el.addEventListener("bankcrm-knowledge-open", (e) => opened.push(`${e.detail.article.id}:${e.detail.query}`));
    el.query = "收益";
    await settle(el);
    expect(shown(el)).to.deep.equal(published("收益"));
    expect(shown(el).length).to.be.greaterThan(1);
    root(el)
      .querySelector<HTMLElement>(`[data-id="${shown(el)[0]}"] summary`)!
      .focus();
    await userEvent.keyboard("{Enter}");
    await settle(el);
    expect(opened).to.deep.equal([`${shown(el)[0]}:收益`]);
    const body = root(el).querySelector<HTMLElement>(`[data-id="${shown(el)[0]}"] [part="body"]`)!;
    expect(body.checkVisibility()).to.equal(true);
    const select = root(el).querySelector("select")!;
    select.focus();
    select.value = "objection";
    select.dispatchEvent(new Event("change"));
    await settle(el);
    expect(shown(el).length).to.be.greaterThan(0);
    for (const a of root(el).querySelectorAll('[part="article"]'))
      expect(a.getAttribute("data-kind")).to.equal("objection");
    await expect(el).to.be.accessible();
  });

  it("lists a product's articles before anything is typed, in English too; says when nothing matches", async () => {
    const el = await search({ locale: "en", productType: "mortgage" });
    expect(root(el).querySelector("h3")!.textContent.trim()).to.equal("About Mortgage");
    // Published mortgage articles only (the retired 2023 one and the draft are left out).
    expect([...shown(el)].sort()).to.deep.equal(["KB-EN-MORTGAGE", "KB-MTG-PREPAY", "KB-MTG-RATE"]);
    el.query = "mortg early";
    await settle(el);
    expect(shown(el)).to.deep.equal(["KB-EN-MORTGAGE"]);
    el.query = "保险理赔";
    await settle(el);
    expect(shown(el)).to.deep.equal([]);
    expect(root(el).querySelector("[data-empty]")!.textContent).to.equal(
      "Nothing published mentions “保险理赔”: try other words",
    );
    await expect(el).to.be.accessible();
  });

  it("waits for a Chinese input method's characters, not its letters", async () => {
    const el = await search();
    const box = input(el);
    box.dispatchEvent(new CompositionEvent("compositionstart", { bubbles: true, composed: true }));
    box.value = "ti'qian";
    box.dispatchEvent(new InputEvent("input", { bubbles: true, composed: true, isComposing: true }));
    await settle(el);
    expect(el.query).to.equal("");
    box.value = "提前";
    box.dispatchEvent(new CompositionEvent("compositionend", { bubbles: true, composed: true, data: "提前" }));
    await settle(el);
    expect(el.query).to.equal("提前");
    expect(shown(el)).to.deep.equal(published("提前"));
  });

  it("shows hostile text as text, and says when it cannot read", async () => {
    const el = await search();
    el.query = "赎回";
    await settle(el);
    const title = root(el).querySelector('[data-id="KB-HOSTILE"] summary .title')!;
    expect(title.textContent).to.equal(HOSTILE_TITLE);
    expect(root(el).querySelector("img")).to.equal(null);
    const failing = await fixture<BankcrmKnowledgeSearch>(
      html`<bankcrm-knowledge-search
        .client=${{ ...failingClient, knowledgeArticles: failingClient.leads }}
        query="理财"
        locale="en"
      ></bankcrm-knowledge-search>`,
    );
    await settle(failing);
    expect(root(failing).querySelector('[role="alert"]')!.textContent).to.contain("503");
    await expect(failing).to.be.accessible();
    const none = await fixture<BankcrmKnowledgeSearch>(html`<bankcrm-knowledge-search></bankcrm-knowledge-search>`);
    expect(root(none).querySelector('[role="status"]')!.textContent).to.not.equal("");
  });

  it("stops loading when the box is emptied while a search is still out", async () => {
    const never = {
      ...failingClient,
      knowledgeArticles: { ...failingClient.leads, list: () => new Promise<never>(() => {}) },
    };
    const el = await fixture<BankcrmKnowledgeSearch>(
      html`<bankcrm-knowledge-search .client=${never} query="理财"></bankcrm-knowledge-search>`,
    );
    await settle(el);
    expect(root(el).querySelector('[aria-busy="true"]')).to.not.equal(null);
    el.query = "";
    await settle(el);
    expect(root(el).querySelector('[aria-busy="true"]')).to.equal(null);
    expect(root(el).querySelector("[data-prompt]")).to.not.equal(null);
  });

  it("reads well in the dark theme", async () => {
    const { client } = await knowledgeClient();
    const provider = await fixture(
      html`<bankcrm-provider theme="dark" .client=${client}>
        <bankcrm-knowledge-search query="理财"></bankcrm-knowledge-search>
      </bankcrm-provider>`,
    );
    const el = provider.querySelector<BankcrmKnowledgeSearch>("bankcrm-knowledge-search")!;
    await settle(el);
    expect(shown(el).length).to.be.greaterThan(0);
    await expect(el).to.be.accessible();
  });
});
