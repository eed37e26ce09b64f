import { describe, expect, it } from "vitest";
import { applyTransition, applyUpdate, stampCreate, type Actor } from "../src/index.js";
import { KNOWLEDGE_SEARCH_FIELDS, type KnowledgeArticle } from "../src/schemas/index.js";
import { highlightParts, queryTerms, searchRecords, searchTerms } from "../src/text/index.js";
import { knowledgeFor } from "../src/demo/knowledge.js";

const author: Actor = { id: "S-MA1", role: "marketing", branchId: "HQ" };
const reviewer: Actor = { id: "S-BM1", role: "branch_manager", branchId: "B1" };
const rm: Actor = { id: "S-RM1", role: "relationship_manager", branchId: "B1" };
const at = "2026-11-02T08:00:00Z";

describe("search terms", () => {
  it("cuts Han runs into bigrams and the run's last character, Latin into lowercase words", () => {
    expect(searchTerms("房贷提前还款")).toEqual(["房贷", "贷提", "提前", "前还", "还款", "款"]);
    expect(searchTerms("LPR 加 30 个基点")).toEqual(["lpr", "30", "加", "个基", "基点", "点"]);
    expect(searchTerms("ETF基金，T+0")).toEqual(["etf", "t", "0", "基金", "金"]);
    expect(searchTerms("，。！")).toEqual([]);
  });

  it("asks for each query term once, a run's last character only when it is the run", () => {
    expect(queryTerms("理财 理财产品")).toEqual(["理财", "财产", "产品"]);
    expect(queryTerms("贷 款")).toEqual(["贷", "款"]); // a character alone is asked for as itself
  });
});

describe("searchRecords", () => {
  const docs = [
    { id: "1", title: "房贷提前还款怎么办理？", tags: ["提前还款"], body: "可通过手机银行申请。" },
    { id: "2", title: "信用卡分期", tags: [], body: "分期后也可以提前还款。" },
    { id: "3", title: "Repaying a mortgage early", tags: ["mortgage"], body: "In the app or at the branch." },
    { id: "4", title: "还贷提醒", tags: [], body: "每月还款日前一天提醒。" },
  ];
  const ids = (q: string) => searchRecords(docs, KNOWLEDGE_SEARCH_FIELDS, q).map((d) => d.id);

  it("finds words as people type them, whatever the segmentation", () => {
    expect(ids("提前还款")).toEqual(["1", "2"]); // the title's hit ranks first
    expect(ids("还款")).toEqual(["1", "2", "4"]);
    expect(ids("贷")).toEqual(["1", "4"]); // one character: 房贷 and 还贷 (a run's last character is indexed)
    expect(ids("mortg")).toEqual(["3"]); // a word as it is being typed
    expect(ids("MORTGAGE early")).toEqual(["3"]);
  });

  it("wants every term: one missing word leaves the record out, and an empty query finds nothing", () => {
    expect(ids("提前还款 信用卡")).toEqual(["2"]);
    expect(ids("提前还款 保险")).toEqual([]);
    expect(ids("   ，")).toEqual([]);
  });

  it("marks the hits for highlighting, as text", () => {
    expect(highlightParts("房贷提前还款", "还款")).toEqual([
      { text: "房贷提前", hit: false },
      { text: "还款", hit: true },
    ]);
    expect(highlightParts("<b>Mortgage</b>", "mortgage")).toEqual([
      { text: "<b>", hit: false },
      { text: "Mortgage", hit: true },
      { text: "</b>", hit: false },
    ]);
  });
});

describe("a knowledge article's life", () => {
  const draft = (): KnowledgeArticle =>
    stampCreate(
      "knowledgeArticles",
      {
        id: "KB-1",
        kind: "faq",
        locale: "zh-CN",
        title: "房贷提前还款",
        body: "以合同为准。",
        status: "draft",
        createdAt: at,
      },
      { actor: author, at },
    );

  it("is published by someone other than its author", () => {
    expect(() => applyTransition("knowledgeArticles", draft(), "publish", { actor: author, at })).toThrow(
      expect.objectContaining({ code: "access_denied", reason: "fourEyesPublish" }),
    );
    // Whoever changed it last does not publish it either.
    const edited = applyUpdate("knowledgeArticles", draft(), { body: "以借款合同为准。" }, { actor: reviewer, at });
    expect(() => applyTransition("knowledgeArticles", edited, "publish", { actor: reviewer, at })).toThrow(
      expect.objectContaining({ reason: "fourEyesPublish" }),
    );
    const published = applyTransition("knowledgeArticles", draft(), "publish", { actor: reviewer, at });
    expect(published).toMatchObject({
      status: "published",
      publishedBy: reviewer.id,
      publishedAt: "2026-11-02T08:00:00.000Z",
    });
  });

  it("is not edited while published: revised to a draft first, then changed", () => {
    const published = applyTransition("knowledgeArticles", draft(), "publish", { actor: reviewer, at });
    expect(() => applyUpdate("knowledgeArticles", published, { body: "改了" }, { actor: author, at })).toThrow(
      expect.objectContaining({ code: "access_denied", reason: "frozen" }),
    );
    const revised = applyTransition("knowledgeArticles", published, "revise", {
      actor: author,
      at,
      reason: "合同条款更新",
    });
    expect(applyUpdate("knowledgeArticles", revised, { body: "改了" }, { actor: author, at }).body).toBe("改了");
  });

  it("is written by marketing and branch managers, not by a relationship manager", () => {
    expect(() => applyUpdate("knowledgeArticles", draft(), { body: "x" }, { actor: rm, at })).toThrow(
      expect.objectContaining({ code: "access_denied" }),
    );
  });

  it("the demo's articles are published by a second person, and one is retired", () => {
    const articles = knowledgeFor(new Date("2026-11-30T00:00:00Z"));
    expect(articles.every((a) => a.publishedBy !== a.createdBy)).toBe(true);
    expect(articles.filter((a) => a.status === "retired").map((a) => a.id)).toEqual(["KB-OLD-RATE"]);
    expect(searchRecords(articles, KNOWLEDGE_SEARCH_FIELDS, "提前还款").map((a) => a.id)).toEqual([
      "KB-MTG-PREPAY", // in its title and tags
      "KB-CC-INSTALMENT", // in its body ("分期后可提前还款"); 提前支取 in KB-DEPOSIT-EARLY is not 提前还款
    ]);
  });
});
