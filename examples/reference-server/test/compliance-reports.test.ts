/**
 * Head office's compliance reports on the server, each one set-based query held to core's rule over the same records:
 * KYC by branch (`kycByBranch`) and breaches of the regulator's limits (`regulatoryBreaches`), scoped to the caller —
 * head office every branch, a branch manager their own.
 */
import { describe, expect, it } from "vitest";
import { bankDay, inCustomerScope, type Customer, type ServiceCase } from "@bankcrm/core";
import { kycByBranch, regulatoryBreaches } from "@bankcrm/core/compliance";
import { useReferenceServer } from "../../../packages/data/test/support/reference-server.js";
import { book, call, member, rm, seededServer, staff } from "./support/demo-bank.js";

const auditor = member("ST-HQ-AU1");
const manager = member(staff.find((s) => s.role === "branch_manager" && s.branchId === rm.branchId)!.id);

describe("KYC by branch (pglite)", () => {
  const server = useReferenceServer({ database: "pglite" });
  const ready = seededServer(server);

  it("counts what core counts, for the caller's branches only", async () => {
    const s = await ready();
    const answer = (await call(s, auditor, "GET", "kyc/branches")).json() as { asOf: string; items: unknown[] };
    expect(answer.asOf).toBe(bankDay(new Date()));
    const expected = kycByBranch(book.customers, new Date());
    expect(answer.items).toEqual(expected);
    // The demo book has KYC to refresh: the test would pass on an empty answer otherwise.
    expect(expected.reduce((n, b) => n + b.restricted, 0)).toBeGreaterThan(0);
    const own = (await call(s, manager, "GET", "kyc/branches")).json() as { items: { branchId: string }[] };
    expect(own.items).toEqual(
      kycByBranch(
        book.customers.filter((c: Customer) => inCustomerScope(manager, c)),
        new Date(),
      ),
    );
    expect(own.items.map((b) => b.branchId)).toEqual([rm.branchId]);
  });

  it("reports complaints and requests past the regulator's limit by branch, as core counts them", async () => {
    const s = await ready();
    const customer = book.customers.find((c) => inCustomerScope(rm, c))!;
    const open = (id: string, type: string, openedAt: string) =>
      call(s, rm, "POST", "serviceCases", {
        id,
        customerId: customer.id,
        type,
        ...(type === "personal_information" ? { privacyRight: "copy" } : {}),
        priority: "medium",
        channel: "branch",
        status: "open",
        subject: "监管时限",
        openedAt,
        slaDueAt: "2026-12-31T16:00:00.000Z",
      });
    // Open past its 15 days; answered on day 20; a request received today, within its 30.
    expect((await open("SC-BREACH-OPEN", "complaint", "2026-09-01T02:00:00Z")).status).toBe(201);
    expect((await open("SC-BREACH-LATE", "complaint", "2026-09-01T02:00:00Z")).status).toBe(201);
    expect((await open("SC-BREACH-NONE", "personal_information", new Date().toISOString())).status).toBe(201);
    const act = (event: string, version: number, details: Record<string, unknown> = {}) =>
      call(
        s,
        manager,
        "POST",
        "serviceCases/SC-BREACH-LATE/transitions",
        { event, at: "2026-09-21T02:00:00Z", ...(Object.keys(details).length ? { details } : {}) },
        { "If-Match": `"v${version}"` },
      );
    expect((await act("start", 1)).status).toBe(200);
    expect((await act("resolve", 2, { resolution: "已退还费用" })).status).toBe(200);

    const answer = (await call(s, auditor, "GET", "service/breaches")).json() as { at: string; items: unknown[] };
    const cases = (
      await s.db.query<{ body: ServiceCase }>("SELECT body FROM records WHERE collection = 'serviceCases'")
    ).rows.map((r) => r.body);
    const branchOf = new Map(book.customers.map((c) => [c.id, c.branchId]));
    expect(answer.items).toEqual(regulatoryBreaches(cases, (id) => branchOf.get(id), answer.at));
    expect(answer.items).toContainEqual(
      expect.objectContaining({ branchId: customer.branchId, open: expect.any(Number), late: expect.any(Number) }),
    );
    const mine = (answer.items as { branchId: string; open: number; late: number }[]).find(
      (b) => b.branchId === customer.branchId,
    )!;
    expect(mine.open).toBeGreaterThanOrEqual(1);
    expect(mine.late).toBeGreaterThanOrEqual(1);
    // A branch manager of another branch sees none of these.
    const other = member(staff.find((m) => m.role === "branch_manager" && m.branchId !== customer.branchId)!.id);
    const theirs = (await call(s, other, "GET", "service/breaches")).json() as { items: { branchId: string }[] };
    expect(theirs.items.every((b) => b.branchId === other.branchId)).toBe(true);
  });
});
