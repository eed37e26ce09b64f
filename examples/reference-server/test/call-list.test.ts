/**
 * A phone campaign's call list on the bank's server: the launch's treatment group as core judges it now — consent,
 * answers, retries — names masked, for those who call.
 */
import { describe, expect, it } from "vitest";
import { consentInForce, type CampaignMember, type CampaignResponse } from "@bankcrm/core";
import { outboundCallList, outboundResponse } from "@bankcrm/core/marketing";
import { useReferenceServer } from "../../../packages/data/test/support/reference-server.js";
import { book, call, member, seededServer } from "./support/demo-bank.js";

const agent = member("ST-BJ-CY-SE1");
const campaign = book.campaigns.find((c) => c.id === "CMP-SME-LOAN")!;
// Customers who may be called: consent to marketing by phone in force, alive, not closed.
const people = book.customers
  .filter(
    (p) =>
      consentInForce(p.consents, "marketing", "phone")?.granted === true &&
      p.status !== "closed" &&
      !(p.kind === "individual" && p.deceasedOn !== undefined),
  )
  .slice(0, 12);
const members: CampaignMember[] = people.map((p) => ({
  id: `${campaign.id}--${p.id}`,
  campaignId: campaign.id,
  customerId: p.id,
  group: "treatment",
  channel: "phone",
  at: "2026-11-01T01:00:00Z",
}));

for (const database of ["pglite", "postgres"] as const) {
  describe(`a phone campaign's call list (${database})`, () => {
    const server = seededServer(useReferenceServer({ database }));

    it("is core's list over the server's records now, names masked, for those who call", async () => {
      const s = await server();
      const hourAgo = new Date(Date.now() - 3_600_000).toISOString();
      const responses = [
        outboundResponse(campaign.id, people[0]!.id, "noAnswer", hourAgo),
        outboundResponse(campaign.id, people[1]!.id, "interested", hourAgo),
      ];
      await s.db.putMany("campaignMembers", members);
      await s.db.putMany("campaignResponses", responses);
      const answer = await call(s, agent, "GET", `campaigns/${campaign.id}/call-list`);
      expect(answer.status, answer.text).toBe(200);
      const list = answer.json() as unknown as ReturnType<typeof outboundCallList> & { names: Record<string, string> };
      // What core makes of the same records: every member the launch (the seed's and these) kept, every response.
      const stored = async <T>(collection: string) =>
        (
          await s.db.query<{ body: T }>(
            "SELECT body FROM records WHERE collection = $1 AND body ->> 'campaignId' = $2",
            [collection, campaign.id],
          )
        ).rows.map((r) => r.body);
      const everyone = new Map(book.customers.map((p) => [p.id, p]));
      const expected = outboundCallList(
        campaign,
        await stored<CampaignMember>("campaignMembers"),
        everyone,
        await stored<CampaignResponse>("campaignResponses"),
        { now: new Date() },
      );
      expect(expected.calls.length).toBeGreaterThan(0);
      expect(list.calls.map((x) => x.customerId)).toEqual(expected.calls.map((x) => x.customerId));
      expect(list.leftOut.map((x) => [x.customerId, x.reason])).toEqual(
        expected.leftOut.map((x) => [x.customerId, x.reason]),
      );
      expect(list.leftOut.find((x) => x.customerId === people[0]!.id)?.reason).toBe("retryLater");
      expect(list.leftOut.find((x) => x.customerId === people[1]!.id)?.reason).toBe("answered");
      // Names as staff are shown them: a person's masked.
      const person = people.find((p) => p.kind === "individual")!;
      expect(list.names[person.id]).not.toBe(person.name);
      expect(list.names[person.id]!.startsWith([...person.name][0]!)).toBe(true);
      expect((await call(s, member("ST-BJ-CY-TE1"), "GET", `campaigns/${campaign.id}/call-list`)).status).toBe(403);
      expect((await call(s, agent, "GET", "campaigns/CMP-NONE/call-list")).status).toBe(404);
    });
  });
}
