/**
 * A campaign's launch on the server: marketing saves a segment and a campaign on it, a branch manager approves it,
 * marketing launches it — the audience taken as it stands, every member kept with its group (and an excluded one's
 * reason), the campaign active, an audit row; the frequency cap counts the treatments of earlier launches.
 */
import { describe, expect, it } from "vitest";
import { demoCampaignOutcomes } from "@bankcrm/core/demo";
import { useReferenceServer } from "../../../packages/data/test/support/reference-server.js";
import { book, call, member, seededServer, staff } from "./support/demo-bank.js";

const marketing = member("ST-HQ-MA1");
const manager = member(staff.find((s) => s.role === "branch_manager")!.id);
const rm = member(staff.find((s) => s.role === "relationship_manager")!.id);
/** Active individuals: most of the seeded bank. */
const segment = {
  schemaVersion: 1,
  id: "SEG-LAUNCH",
  name: "活跃个人客户",
  ownerId: marketing.id,
  rule: {
    all: [
      { field: "kind", op: "eq", value: "individual" },
      { field: "status", op: "eq", value: "active" },
    ],
  },
};
type Member = { customerId: string; group: "treatment" | "control" | "excluded"; reason?: string };
type Launched = {
  campaign: { status: string };
  counts: { treatment: number; control: number; excluded: number };
  excludedBy: Record<string, number>;
};

for (const database of ["pglite"] as const) {
  describe(`launching a campaign (${database})`, () => {
    let clock = new Date("2026-12-01T02:00:00Z");
    const server = useReferenceServer({ database, now: () => clock });
    const ready = seededServer(server);
    const campaign = async (id: string) => {
      const s = await ready();
      const created = await call(s, marketing, "POST", "campaigns", {
        id,
        name: `营销 ${id}`,
        status: "draft",
        channels: ["sms"],
        productType: "fund",
        productRisk: "R3",
        segmentId: segment.id,
        requiredConsent: "marketing",
        startDate: "2026-12-01",
        endDate: "2026-12-31",
        ownerId: marketing.id,
      });
      expect(created.status, created.text).toBe(201);
      const approved = await call(
        s,
        manager,
        "POST",
        `campaigns/${id}/transitions`,
        { event: "approve", at: "2026-12-01T01:00:00Z" },
        { "If-Match": '"v1"' },
      );
      expect(approved.status, approved.text).toBe(200);
    };
    const launch = async (id: string, who = marketing, etag = '"v2"') =>
      call(await ready(), who, "POST", `campaigns/${id}/launch`, {}, { "If-Match": etag });
    const membersOf = async (id: string) =>
      (
        await server().db.query<{ body: Member }>(
          "SELECT body FROM records WHERE collection = 'campaignMembers' AND body ->> 'campaignId' = $1",
          [id],
        )
      ).rows.map((r) => r.body);

    it("keeps the audience as it stood, each member's group and each exclusion's reason, and activates the campaign", async () => {
      const s = await ready();
      expect((await call(s, marketing, "POST", "segments", segment)).status).toBe(201);
      await campaign("CP-LAUNCH-1");
      expect((await launch("CP-LAUNCH-1", marketing, "")).status).toBe(428);
      expect((await launch("CP-LAUNCH-1", rm)).status).toBe(403);
      const answer = await launch("CP-LAUNCH-1");
      expect(answer.status, answer.text).toBe(200);
      const launched = answer.json() as unknown as Launched;
      expect(launched.campaign.status).toBe("active");
      const inSegment = book.customers.filter((c) => c.kind === "individual" && c.status === "active");
      const members = await membersOf("CP-LAUNCH-1");
      expect(members.map((m) => m.customerId).sort()).toEqual(inSegment.map((c) => c.id).sort());
      expect(launched.counts.treatment + launched.counts.control + launched.counts.excluded).toBe(inSegment.length);
      expect(launched.counts.control).toBeGreaterThan(0);
      // Whoever holds a fund already is left out for it; whoever withdrew or never gave consent, too.
      const holdsFund = new Set(
        book.holdings.filter((h) => h.productType === "fund" && h.status !== "closed").map((h) => h.customerId),
      );
      for (const m of members) {
        if (m.group !== "excluded") expect(holdsFund.has(m.customerId), m.customerId).toBe(false);
        else expect(m.reason).toBeTruthy();
      }
      expect(launched.excludedBy.holdsProduct ?? 0).toBeGreaterThan(0);
      expect(Object.values(launched.excludedBy).reduce((a, b) => a + b, 0)).toBe(launched.counts.excluded);
      const audit = await s.db.query<{ reason: string }>(
        "SELECT reason FROM audit_log WHERE action = 'campaign_launch'",
      );
      expect(audit.rows.map((r) => r.reason)).toContain(
        `CP-LAUNCH-1: ${launched.counts.treatment} treatment, ${launched.counts.control} control, ${launched.counts.excluded} excluded`,
      );
      // Launched once: a second launch is a transition the machine refuses.
      expect((await launch("CP-LAUNCH-1", marketing, '"v3"')).status).toBe(409);
    });

    it("measures the launched campaign from the records: who of each group opened the product in the window", async () => {
      const s = await ready();
      const members = (await membersOf("CP-LAUNCH-1")) as (Member & { channel: "sms"; at: string })[];
      // The demo world four weeks on: the products the members opened (the treatment more often).
      const opened = demoCampaignOutcomes({ id: "CP-LAUNCH-1", productType: "fund", productRisk: "R3" }, members, {
        days: 28,
        world: { baseRate: 0.2, trueUplift: 0.3 },
      });
      await s.db.putMany("holdings", opened);
      const early = await call(s, marketing, "GET", "campaigns/CP-LAUNCH-1/effect");
      expect(early.status, early.text).toBe(200);
      expect(early.json()).toMatchObject({ window: { complete: false }, treatment: { converted: 0 } });
      clock = new Date("2026-12-29T03:00:00Z");
      const answer = await call(s, marketing, "GET", "campaigns/CP-LAUNCH-1/effect");
      const m = answer.json() as unknown as {
        window: { complete: boolean };
        treatment: { size: number; converted: number };
        control: { size: number; converted: number };
        effect: { uplift: { difference: number } };
      };
      const inGroup = (group: string) => new Set(members.filter((x) => x.group === group).map((x) => x.customerId));
      const [treated, held] = [inGroup("treatment"), inGroup("control")];
      expect(m.window.complete).toBe(true);
      expect(m.treatment).toEqual({
        size: treated.size,
        converted: opened.filter((h) => treated.has(h.customerId)).length,
      });
      expect(m.control).toEqual({ size: held.size, converted: opened.filter((h) => held.has(h.customerId)).length });
      expect(m.effect.uplift.difference).toBeCloseTo(
        m.treatment.converted / m.treatment.size - m.control.converted / m.control.size,
        12,
      );
      // The treated who converted are kept as responses; measuring again rewrites nothing (no change in the feed).
      const responses = await s.db.query<{ customer_id: string }>(
        "SELECT customer_id FROM records WHERE collection = 'campaignResponses' AND id LIKE 'CP-LAUNCH-1--%--converted'",
      );
      expect(responses.rows.length).toBe(m.treatment.converted);
      expect(responses.rows.every((r) => treated.has(r.customer_id))).toBe(true);
      const changes = async () => (await s.db.query<{ n: string }>("SELECT count(*) AS n FROM change_log")).rows[0]!.n;
      const before = await changes();
      expect((await call(s, marketing, "GET", "campaigns/CP-LAUNCH-1/effect")).status).toBe(200);
      expect(await changes()).toBe(before);
      expect((await call(s, rm, "GET", "campaigns/CP-LAUNCH-1/effect")).status).toBe(403);
      clock = new Date("2026-12-01T02:00:00Z");
    });

    it("leaves out whoever two launches this month already reached (the frequency cap)", async () => {
      await campaign("CP-LAUNCH-2");
      expect((await launch("CP-LAUNCH-2")).status).toBe(200);
      await campaign("CP-LAUNCH-3");
      const third = await launch("CP-LAUNCH-3");
      expect(third.status, third.text).toBe(200);
      const treated = async (id: string) =>
        new Set((await membersOf(id)).filter((m) => m.group === "treatment").map((m) => m.customerId));
      const [first, second] = [await treated("CP-LAUNCH-1"), await treated("CP-LAUNCH-2")];
      const twice = [...first].filter((id) => second.has(id));
      expect(twice.length).toBeGreaterThan(0);
      const members = await membersOf("CP-LAUNCH-3");
      for (const id of twice)
        expect(members.find((m) => m.customerId === id)).toMatchObject({ reason: "frequencyCap" });
      // The second launch's report names what the first did to the same people in its window: the treated both
      // reached, and its control members the first campaign treated.
      const m = (await call(await ready(), marketing, "GET", "campaigns/CP-LAUNCH-2/effect")).json() as {
        overlap: { treated: number; campaigns: string[] };
        contamination: { control: number; share: number };
      };
      const heldOut = (await membersOf("CP-LAUNCH-2")).filter((x) => x.group === "control").map((x) => x.customerId);
      const reachedFirst = heldOut.filter((id) => first.has(id)).length;
      expect(m.overlap).toEqual({ treated: twice.length, campaigns: ["CP-LAUNCH-1"] });
      expect(m.contamination).toEqual({ control: reachedFirst, share: reachedFirst / heldOut.length });
    });
  });
}
