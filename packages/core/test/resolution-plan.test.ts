import { describe, expect, it } from "vitest";
import type { Customer, Holding, RelationshipGroup } from "../src/index.js";
import { generateDemoPortfolio } from "../src/demo/index.js";
import { planCluster, relinked, withEarnedTier } from "../src/resolution/index.js";

const p = generateDemoPortfolio({ seed: "plan", customers: 40, months: 1 });
const [a, b, c] = p.customers.filter((x) => x.kind === "individual") as [Customer, Customer, Customer];

describe("a merge's plan", () => {
  it("re-links a record that names the absorbed customer, and only such a record", () => {
    const holding = p.holdings.find((h) => h.customerId === b.id)!;
    expect(relinked("holdings", holding, b.id, a.id)).toMatchObject({ customerId: a.id, version: 1 });
    expect(relinked("holdings", holding, c.id, a.id)).toBeUndefined();
    const group = {
      ...p.relationshipGroups[0]!,
      members: [
        { customerId: a.id, role: "head" },
        { customerId: b.id, role: "spouse" },
        { customerId: c.id, role: "child" },
      ],
    } as RelationshipGroup;
    // The golden customer is a member already: the absorbed one's place goes, nobody is in twice.
    expect(relinked("relationshipGroups", group, b.id, a.id)!.members.map((m) => m.customerId)).toEqual([a.id, c.id]);
    // Not a member yet: the golden one takes the place, role and all.
    expect(relinked("relationshipGroups", group, b.id, "CU09999999")!.members[1]).toEqual({
      customerId: "CU09999999",
      role: "spouse",
    });
  });

  it("raises the tier to what the holdings together earn, never lowers it", () => {
    const money = { amount: 9_000_000_000, currency: "CNY" };
    const big = { ...p.holdings[0]!, balance: money, averageBalance: money } as Holding;
    expect(withEarnedTier({ ...a, tier: "standard" }, [big]).tier).not.toBe("standard");
    expect(withEarnedTier({ ...a, tier: "private" }, []).tier).toBe("private");
  });

  it("folds a cluster into its most trusted record, each merge starting from the one before", () => {
    const plans = planCluster([{ body: c, source: "CARD" }, { body: b, source: "CORE" }, { body: a }], {
      priority: ["CORE", "CARD"],
      at: "2026-12-01T00:00:00Z",
      actorId: "BM0001",
    });
    expect(plans.map((x) => [x.before.id, x.other.id])).toEqual([
      [b.id, c.id],
      [b.id, a.id],
    ]);
    expect(plans[1]!.before).toBe(plans[0]!.after);
    expect(plans[1]!.after.updatedBy).toBe("BM0001");
  });

  it("notes where each field of the golden record came from: the kept value's source, the more trusted on a tie", () => {
    const { email: _e, ...contact } = b.contact;
    const core = { ...b, contact };
    const card = { ...b, id: "CU09999999", contact: { ...contact, mobile: "13900000000", email: "x@example.com" } };
    const [plan] = planCluster(
      [
        { body: card, source: "CARD" },
        { body: core, source: "CORE" },
      ],
      { priority: ["CORE", "CARD"], at: "2026-12-01T00:00:00Z", actorId: "BM0001" },
    );
    expect(plan!.before.id).toBe(b.id);
    expect(plan!.sources).toMatchObject({ name: "CORE", "contact.mobile": "CORE", "contact.email": "CARD" });
    // A golden record whose name a less trusted source gave, the same name from a more trusted one: that source.
    const [tie] = planCluster(
      [
        { body: core, source: "CORE", fields: { name: "CARD" } },
        { body: { ...core, id: "CU09999999", onboardedAt: "2030-01-01" }, source: "CORE" },
      ],
      { at: "2026-12-01T00:00:00Z", actorId: "BM0001", priority: ["CORE", "CARD"] },
    );
    expect(tie!.before.id).toBe(b.id);
    expect(tie!.sources.name).toBe("CORE");
  });
});
