/**
 * Targets and sales performance on the server: a branch manager sets the branch's target and allocates it to the
 * RMs (records any of them reads as their own, nobody else's), and `GET /sales/performance` computes achievement,
 * rank and commission from the holdings as they arrive — an RM sees their own, the branch manager the branch's.
 */
import { describe, expect, it } from "vitest";
import { allocateTarget, type Holding, type SalesTarget } from "@bankcrm/core";
import { DEMO_COMMISSION_SCHEME } from "@bankcrm/core/demo";
import { useReferenceServer } from "../../../packages/data/test/support/reference-server.js";
import { book, call, member, rm, seededServer, staff } from "./support/demo-bank.js";

const manager = member(staff.find((s) => s.role === "branch_manager" && s.branchId === rm.branchId)!.id);
const colleague = member(
  staff.find((s) => s.role === "relationship_manager" && s.branchId === rm.branchId && s.id !== rm.id)!.id,
);
const elsewhere = member(staff.find((s) => s.role === "branch_manager" && s.branchId !== rm.branchId)!.id);
const teller = member(staff.find((s) => s.role === "teller" && s.branchId === rm.branchId)!.id);
const customer = book.customers.find((c) => c.relationshipManagerId === rm.id)!;
const branchTarget: SalesTarget = {
  id: "TG-TEST-PS",
  branchId: rm.branchId,
  metric: "product_sales_count",
  periodStart: "2026-10-01",
  periodEnd: "2026-12-31",
  target: 7,
};
type Performance = {
  achievements: { targetId: string; achieved: number; target: number; rank?: number; of?: number }[];
  commission: { staffId: string; net: number; sales: number }[];
  commissionConfigured: boolean;
};
const fund = (id: string, amount: number, extra: Partial<Holding> = {}): Holding => ({
  id,
  customerId: customer.id,
  productType: "fund",
  productCode: "FUND-1",
  accountNumber: "6222020000001234",
  riskLevel: "R2",
  balance: { amount, currency: "CNY" },
  openedAt: "2026-12-01",
  status: "active",
  ...extra,
});

describe("sales targets and performance on the server", () => {
  const server = useReferenceServer({
    now: () => new Date("2026-12-02T02:00:00Z"),
    sales: { scheme: DEMO_COMMISSION_SCHEME, staff, referralShare: 0.5 },
  });
  const ready = seededServer(server);
  const performance = async (who = rm, query = "") => {
    const answer = await call(await ready(), who, "GET", `sales/performance${query}`);
    expect(answer.status, answer.text).toBe(200);
    return answer.json() as unknown as Performance;
  };
  const mine = (p: Performance) => p.achievements.find((a) => a.targetId === `${branchTarget.id}.${rm.id}`);

  it("lets the branch manager set and allocate the branch's target; an RM reads their own part only", async () => {
    const s = await ready();
    expect((await call(s, rm, "POST", "salesTargets", branchTarget)).status).toBe(403);
    expect((await call(s, elsewhere, "POST", "salesTargets", { ...branchTarget, id: "TG-X" })).status).toBe(404);
    expect((await call(s, manager, "POST", "salesTargets", { ...branchTarget, target: -1 })).status).toBe(422);
    expect((await call(s, manager, "POST", "salesTargets", branchTarget)).status).toBe(201);
    const rms = staff.filter((m) => m.role === "relationship_manager" && m.branchId === rm.branchId);
    for (const part of allocateTarget(
      branchTarget,
      rms.map((m) => ({ staffId: m.id, weight: 1 })),
    ))
      expect((await call(s, manager, "POST", "salesTargets", part)).status).toBe(201);
    const read = (await call(s, rm, "GET", "salesTargets?limit=500")).json() as { items: SalesTarget[] };
    expect(read.items.filter((t) => t.parentId === branchTarget.id).map((t) => t.staffId)).toEqual([rm.id]);
    expect(read.items.every((t) => t.staffId === rm.id)).toBe(true);
  });

  it("computes achievement and commission from the holdings sold, the referrer's share, and who may see them", async () => {
    const before = await performance();
    expect(before.commissionConfigured).toBe(true);
    const soldBefore = mine(before)!.achieved; // the demo book's own sales this quarter
    const branchBefore = (await performance(manager)).achievements.find(
      (a) => a.targetId === branchTarget.id,
    )!.achieved;
    const paidBefore = before.commission.find((c) => c.staffId === rm.id)?.net ?? 0;
    // Two funds arrive from core banking: one the RM sold, one a colleague sold on the RM's referral.
    await server().db.putMany("holdings", [
      fund("HD-SALE-1", 10_000_000, { soldBy: rm.id }),
      fund("HD-SALE-2", 4_000_000, { soldBy: colleague.id, referredBy: rm.id }),
    ]);
    const after = await performance();
    expect(mine(after)!.achieved - soldBefore).toBe(1.5); // 1 + half of the referred sale
    // 0.5% of ¥100,000, and 30% of 0.5% of ¥40,000 as the referrer.
    expect(after.commission.find((c) => c.staffId === rm.id)!.net - paidBefore).toBe(50_000 + 6_000);
    expect(after.commission.every((c) => c.staffId === rm.id)).toBe(true); // an RM sees only their own
    const team = await performance(manager);
    expect(team.commission.map((c) => c.staffId)).toContain(colleague.id);
    expect(team.commission.find((c) => c.staffId === colleague.id)!.net).toBeGreaterThanOrEqual(14_000);
    const ranked = team.achievements.filter((a) => a.targetId.startsWith(`${branchTarget.id}.`));
    expect(ranked.map((a) => a.rank).sort((a, b) => a! - b!)).toEqual(ranked.map((_, i) => i + 1));
    expect(team.achievements.find((a) => a.targetId === branchTarget.id)!.achieved - branchBefore).toBe(2);
    const other = await performance(elsewhere);
    expect(other.achievements.some((a) => a.targetId.startsWith(branchTarget.id))).toBe(false);
    expect(other.commission.some((c) => c.staffId === rm.id)).toBe(false);
  });

  it("refuses other roles and a malformed period", async () => {
    const s = await ready();
    expect((await call(s, teller, "GET", "sales/performance")).status).toBe(403);
    for (const q of [
      "?periodStart=2026-12-01",
      "?periodStart=2026-12-31&periodEnd=2026-12-01",
      "?periodStart=x&periodEnd=y",
      "?periodStart=2025-01-01&periodEnd=2026-12-31",
    ])
      expect((await call(s, rm, "GET", `sales/performance${q}`)).status, q).toBe(400);
    const november = await performance(rm, "?periodStart=2026-11-01&periodEnd=2026-11-30");
    expect(november.commission.find((c) => c.staffId === rm.id)?.sales ?? 0).toBe(0); // the December sales are not November's
  });
});
