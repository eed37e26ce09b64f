/**
 * The knowledge base on the bank's server: every member of staff searches it on the words they type (PostgreSQL's
 * tsvector over core's terms, its GIN index), marketing writes, someone else publishes, and a published article is
 * not edited in place.
 */
import { describe, expect, it } from "vitest";
import { KNOWLEDGE_SEARCH_FIELDS } from "@bankcrm/core/schemas";
import { searchRecords } from "@bankcrm/core/text";
import { useReferenceServer } from "../../../packages/data/test/support/reference-server.js";
import { book, call, member, ROLES, seededServer } from "./support/demo-bank.js";

const marketing = member("ST-HQ-MA1");
const manager = member("ST-BJ-CY-BR1");
const ids = (answer: { json: () => Record<string, unknown> }) =>
  (answer.json().items as { id: string }[]).map((a) => a.id);

for (const database of ["pglite", "postgres"] as const) {
  describe(`the knowledge base (${database})`, () => {
    const server = seededServer(useReferenceServer({ database }));

    it("answers every role's search as core does, best first, on the GIN index", async () => {
      const s = await server();
      const expected = searchRecords(book.knowledgeArticles, KNOWLEDGE_SEARCH_FIELDS, "提前还款").map((a) => a.id);
      expect(expected.length).toBeGreaterThan(1);
      for (const who of ROLES) {
        const found = await call(s, who, "GET", `knowledgeArticles?search=${encodeURIComponent("提前还款")}`);
        expect(found.status, found.text).toBe(200);
        expect(ids(found), who.role).toEqual(expected);
      }
      const plan = await s.db.driver.transaction(async (tx) => {
        await tx.query("SET LOCAL enable_seqscan = off");
        return tx.query<{ "QUERY PLAN": string }>(
          `EXPLAIN SELECT id FROM records r WHERE collection = 'knowledgeArticles'
             AND bankcrm_search_vector(r.body, '{title,tags,body}'::text[]) @@ $1::tsquery`,
          ["'还款':*"],
        );
      });
      expect(plan.rows.map((r) => r["QUERY PLAN"]).join("\n")).toContain("records_knowledge_search");
      const refused = await call(s, manager, "GET", "campaigns?search=x");
      expect(refused.status).toBe(400);
    });

    it("is written by marketing, published by someone else, and revised to a draft before it changes", async () => {
      const s = await server();
      const id = `KB-T-${database}`;
      const created = await call(s, marketing, "POST", "knowledgeArticles", {
        id,
        kind: "objection",
        locale: "zh-CN",
        title: "客户说手续费太高",
        body: "先说明收费项目和标准，以公示为准。",
        status: "draft",
      });
      expect(created.status, created.text).toBe(201);
      const publish = (who: typeof marketing, etag: string) =>
        call(
          s,
          who,
          "POST",
          `knowledgeArticles/${id}/transitions`,
          { event: "publish", at: "2026-12-01T01:00:00Z" },
          {
            "If-Match": etag,
          },
        );
      const own = await publish(marketing, '"v1"');
      expect(own.status).toBe(403);
      expect(own.text).toContain("fourEyesPublish");
      const published = await publish(manager, '"v1"');
      expect(published.status, published.text).toBe(200);
      expect(published.json()).toMatchObject({ status: "published", publishedBy: manager.id });
      const edit = await call(
        s,
        marketing,
        "PUT",
        `knowledgeArticles/${id}`,
        { ...published.json(), body: "改了" },
        {
          "If-Match": '"v2"',
        },
      );
      expect(edit.status).toBe(403);
      expect(edit.text).toContain("frozen");
      const found = await call(
        s,
        member("ST-BJ-CY-SE1"),
        "GET",
        `knowledgeArticles?search=${encodeURIComponent("手续费 高")}`,
      );
      expect(ids(found)).toContain(id);
      const rm = await call(s, member("ST-BJ-CY-RE1"), "POST", "knowledgeArticles", {
        id: `${id}-RM`,
        kind: "faq",
        locale: "zh-CN",
        title: "x",
        body: "y",
        status: "draft",
      });
      expect(rm.status).toBe(403);
    });
  });
}
