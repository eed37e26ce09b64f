import { describe, expect, it } from "vitest";
import { applyCustomerChange, type Actor, type SalesTarget, type Task } from "../src/index.js";
import { planTransfer } from "../src/branch/index.js";
import { generateDemoPortfolio } from "../src/demo/index.js";

const at = "2026-11-20T02:00:00Z";
const customer = (id: string, rm: string) => ({ id, relationshipManagerId: rm, branchId: "BJ-CY" });
const task = (id: string, customerId: string, assigneeId: string, status: Task["status"] = "open"): Task => ({
  id,
  customerId,
  assigneeId,
  type: "call",
  title: "回访",
  priority: "medium",
  status,
  dueAt: "2026-11-25T02:00:00Z",
});
const target = (
  id: string,
  staffId: string,
  metric: SalesTarget["metric"],
  value: number,
  extra: Partial<SalesTarget> = {},
): SalesTarget => ({
  id,
  branchId: "BJ-CY",
  staffId,
  metric,
  periodStart: "2026-10-01",
  periodEnd: "2026-12-31",
  target: value,
  currency: "CNY",
  ...extra,
});
let n = 0;
const request = {
  customers: [customer("A", "RM1"), customer("B", "RM1"), customer("C", "RM2")],
  tasks: [
    task("T1", "A", "RM1"),
    task("T2", "A", "RM1", "done"),
    task("T3", "B", "BM1"),
    task("T4", "D", "RM1"),
    task("T5", "B", "RM1", "in_progress"),
  ],
  targets: [
    target("G1", "RM1", "aum_growth", 1_000_000),
    target("G2", "RM2", "aum_growth", 300_000),
    target("G3", "RM1", "new_customers", 20, { currency: undefined }),
    target("G4", "RM1", "deposit_balance", 800, { periodStart: "2026-07-01", periodEnd: "2026-09-30" }),
    target("G5", "RM2", "wealth_sales", 50_000, { productTypes: ["fund"] }),
    target("G6", "RM1", "wealth_sales", 70_000, { productTypes: ["insurance"] }),
  ],
  bookSize: 4,
  from: "RM1",
  to: { staffId: "RM2", branchId: "BJ-CY" },
  reason: "客户经理调岗",
  at,
  newId: () => `NT-${++n}`,
};

describe("a book transfer", () => {
  it("moves the giving RM's customers, their open tasks, and half the running targets with half the book", () => {
    const plan = planTransfer(request);
    expect(plan.changes).toEqual([
      { customerId: "A", input: { kind: "transfer", relationshipManagerId: "RM2", reason: "客户经理调岗" } },
      { customerId: "B", input: { kind: "transfer", relationshipManagerId: "RM2", reason: "客户经理调岗" } },
    ]);
    expect(plan.skipped).toEqual(["C"]);
    // Open or in progress, the giving RM's, about a customer who moves.
    expect(plan.tasks).toEqual([
      { id: "T1", assigneeId: "RM2" },
      { id: "T5", assigneeId: "RM2" },
    ]);
    expect(plan.share).toBe(0.5);
    // AUM growth: 500,000 moves to RM2's own; new customers and last quarter stay; insurance sales shrink, and RM2
    // has no insurance target to take them (their fund target is another).
    expect(plan.targets).toEqual([
      { id: "G1", target: 500_000, was: 1_000_000 },
      { id: "G2", target: 800_000, was: 300_000 },
      { id: "G6", target: 35_000, was: 70_000 },
    ]);
    expect(plan.notices.map((t) => [t.assigneeId, t.title, t.notes])).toEqual([
      ["RM1", "客户移交：2 位客户转出至 RM2", "客户经理调岗"],
      ["RM2", "客户移交：2 位客户自 RM1 转入", "客户经理调岗"],
    ]);
  });

  it("moves a customer to another branch's RM with their branch; one customer's notice names them", () => {
    const plan = planTransfer({
      ...request,
      customers: [customer("A", "RM1")],
      to: { staffId: "RM9", branchId: "SH-PD" },
      locale: "en",
    });
    expect(plan.changes[0]!.input).toEqual({
      kind: "transfer",
      relationshipManagerId: "RM9",
      branchId: "SH-PD",
      reason: "客户经理调岗",
    });
    expect(plan.notices.map((t) => [t.customerId, t.title])).toEqual([
      ["A", "Transfer: 1 customer(s) to RM9"],
      ["A", "Transfer: 1 customer(s) from RM1"],
    ]);
    // A quarter of the book: the giving RM's targets shrink; the other branch's RM has none here to grow.
    expect(plan.targets.map((t) => [t.id, t.target])).toEqual([
      ["G1", 750_000],
      ["G6", 52_500],
    ]);
  });

  it("refuses what cannot be", () => {
    expect(() => planTransfer({ ...request, to: { staffId: "RM1", branchId: "BJ-CY" } })).toThrow(/another/);
    expect(() => planTransfer({ ...request, reason: " " })).toThrow(/reason/);
    expect(() => planTransfer({ ...request, bookSize: 1 })).toThrow(/bookSize/);
  });
});

describe("a transfer change", () => {
  const bank = generateDemoPortfolio({ seed: "transfer", customers: 20 });
  const held = bank.customers.find((c) => c.relationshipManagerId !== undefined)!;
  const manager: Actor = { id: "ST-BM", role: "branch_manager", branchId: held.branchId };
  const rm: Actor = { id: held.relationshipManagerId!, role: "relationship_manager", branchId: held.branchId };
  const input = { kind: "transfer", relationshipManagerId: "ST-NEW-RM", reason: "客户经理离职" };

  it("is a branch manager's, and keeps who held the customer before", () => {
    const { customer, change } = applyCustomerChange(held, input, { actor: manager, at, id: "CHG-1" });
    expect(customer.relationshipManagerId).toBe("ST-NEW-RM");
    expect(customer.branchId).toBe(held.branchId);
    expect(change).toMatchObject({
      kind: "transfer",
      by: "ST-BM",
      previousRelationshipManagerId: held.relationshipManagerId,
      previousBranchId: held.branchId,
      relationshipManagerId: "ST-NEW-RM",
      reason: "客户经理离职",
    });
    expect(() => applyCustomerChange(held, input, { actor: rm, at, id: "CHG-2" })).toThrow(/transfer/);
    expect(() =>
      applyCustomerChange(
        held,
        { kind: "transfer", relationshipManagerId: "ST-X" },
        { actor: manager, at, id: "CHG-3" },
      ),
    ).toThrow();
  });
});
