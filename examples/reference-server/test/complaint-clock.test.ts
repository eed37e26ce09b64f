/**
 * The regulator's complaint clock on the server: a complaint's limit is the server's to derive (15 calendar days
 * from receipt), whatever a crafted body says of it or of its extensions; an extension needs its reason, the second
 * the branch manager; a PUT cannot move either.
 */
import { describe, expect, it } from "vitest";
import { inCustomerScope, regulatoryDue } from "@bankcrm/core";
import { useReferenceServer } from "../../../packages/data/test/support/reference-server.js";
import { book, call, member, rm, seededServer, staff } from "./support/demo-bank.js";

const customer = book.customers.find((c) => inCustomerScope(rm, c))!;
const manager = member(staff.find((s) => s.role === "branch_manager" && s.branchId === customer.branchId)!.id);
const RECEIVED = "2026-09-30T02:00:00.000Z";
/** A complaint of the customer's received at the branch on 30 September 2026, with the bank's own limit. */
const complaint = (id: string, subject: string, extra: Record<string, unknown> = {}) => ({
  id,
  customerId: customer.id,
  type: "complaint",
  priority: "medium",
  channel: "branch",
  status: "open",
  subject,
  openedAt: RECEIVED,
  slaDueAt: "2026-10-27T16:00:00.000Z",
  ...extra,
});

describe("the regulator's complaint clock (pglite)", () => {
  const server = useReferenceServer({ database: "pglite" });
  const ready = seededServer(server);

  it("derives a complaint's limit itself, extends it with a reason — the second time by the branch manager only", async () => {
    const s = await ready();
    const crafted = {
      ...complaint("SC-CLOCK-1", "手续费争议"),
      regulatoryDueAt: "2027-12-31T16:00:00.000Z",
      extensions: [{ at: RECEIVED, reason: "forged", by: rm.id }],
    };
    const created = await call(s, rm, "POST", "serviceCases", crafted);
    expect(created.status, created.text).toBe(201);
    expect(created.json().regulatoryDueAt).toBe(regulatoryDue(RECEIVED).dueAt);
    expect(created.json().extensions).toBeUndefined();
    // A PUT cannot move the limit nor add an extension: the stored ones stay.
    const put = await call(
      s,
      rm,
      "PUT",
      "serviceCases/SC-CLOCK-1",
      { ...created.json(), regulatoryDueAt: "2027-12-31T16:00:00.000Z", extensions: crafted.extensions },
      { "If-Match": '"v1"' },
    );
    expect(put.status, put.text).toBe(200);
    expect(put.json()).toMatchObject({ regulatoryDueAt: regulatoryDue(RECEIVED).dueAt });
    expect(put.json().extensions).toBeUndefined();
    const extend = (who: typeof rm, version: number, reason?: string) =>
      call(
        s,
        who,
        "POST",
        "serviceCases/SC-CLOCK-1/transitions",
        { event: "extend", at: "2026-10-10T02:00:00Z", ...(reason ? { reason } : {}) },
        { "If-Match": `"v${version}"` },
      );
    expect((await extend(rm, 2)).status).toBe(422); // no reason
    const once = await extend(rm, 2, "需调取交易流水核实");
    expect(once.status, once.text).toBe(200);
    expect(once.json().regulatoryDueAt).toBe(regulatoryDue(RECEIVED, 1).dueAt);
    expect((await extend(rm, 3, "复杂")).status).toBe(403);
    const twice = await extend(manager, 3, "涉及第三方机构");
    expect(twice.status, twice.text).toBe(200);
    expect(twice.json()).toMatchObject({ regulatoryDueAt: regulatoryDue(RECEIVED, 2).dueAt });
    expect((twice.json().extensions as unknown[]).at(-1)).toMatchObject({ approvedBy: manager.id });
    expect([409, 422]).toContain((await extend(manager, 4, "again")).status);
  });

  it("keeps a complaint from the customer's own relationship manager (回避), whatever the request says", async () => {
    const s = await ready();
    const created = await call(s, rm, "POST", "serviceCases", complaint("SC-RECUSAL-1", "理财收益争议"));
    expect(created.status, created.text).toBe(201);
    const start = (who: typeof rm, details?: Record<string, unknown>) =>
      call(
        s,
        who,
        "POST",
        "serviceCases/SC-RECUSAL-1/transitions",
        { event: "start", at: "2026-10-01T02:00:00Z", ...(details ? { details } : {}) },
        { "If-Match": '"v1"' },
      );
    // The customer in the request is not the one the rule reads: the stored customer names their RM.
    const refused = await start(rm, { customer: { ...customer, relationshipManagerId: "ST-SOMEONE-ELSE" } });
    expect(refused.status).toBe(403);
    expect(refused.json()).toMatchObject({ code: "recusal" });
    expect((await start(manager)).status).toBe(200);
  });

  it("refuses to assign a complaint to the customer's relationship manager or the person complained about (回避)", async () => {
    const s = await ready();
    const about = complaint("SC-RECUSAL-ASSIGN", "柜面服务态度", { aboutStaffId: "ST-BJ-CY-TE1" });
    const created = await call(s, manager, "POST", "serviceCases", about);
    expect(created.status, created.text).toBe(201);
    const assign = (to: string, version: number) =>
      call(
        s,
        manager,
        "PUT",
        `serviceCases/${about.id}`,
        { ...created.json(), assignedTo: to },
        {
          "If-Match": `"v${version}"`,
        },
      );
    for (const interested of [customer.relationshipManagerId!, "ST-BJ-CY-TE1"]) {
      const refused = await assign(interested, 1);
      expect(refused.status, refused.text).toBe(403);
      expect(refused.json()).toMatchObject({ code: "recusal" });
    }
    const ok = await assign("ST-BJ-CY-SE1", 1);
    expect(ok.status, ok.text).toBe(200);
    expect(ok.json().assignedTo).toBe("ST-BJ-CY-SE1");
  });
});
