/**
 * A company's preferential price on the bank's server: requested by its relationship manager, approved by a branch
 * manager within their authority (core's pricing machine on the stored record), never edited once decided.
 */
import { describe, expect, it } from "vitest";
import { useReferenceServer } from "../../../packages/data/test/support/reference-server.js";
import { book, call, member, seededServer } from "./support/demo-bank.js";

const manager = member("ST-BJ-CY-BR1");
const teller = member("ST-BJ-CY-TE1");
// A company of the branch and its relationship manager.
const company = book.customers.find(
  (c) => c.kind === "corporate" && c.branchId === manager.branchId && c.relationshipManagerId !== undefined,
)!;
const rm = member(company.relationshipManagerId!);
const price = (id: string, offeredBp: number) => ({
  id,
  customerId: company.id,
  kind: "loan_rate",
  productType: "business_loan",
  standardBp: 385,
  offeredBp,
  validFrom: "2026-12-01",
  validUntil: "2027-11-30",
  reason: "他行报价更低，客户结算账户在我行",
  status: "requested",
  createdAt: "2026-12-01T02:00:00Z",
});

describe("a preferential price on the server", () => {
  const server = seededServer(useReferenceServer({ database: "pglite" }));

  it("is requested by the RM and approved by the branch manager within their authority, then frozen", async () => {
    const s = await server();
    expect((await call(s, teller, "POST", "preferentialPrices", price("PP-T", 355))).status).toBe(403);
    const asked = await call(s, rm, "POST", "preferentialPrices", price("PP-S1", 355));
    expect(asked.status, asked.text).toBe(201);
    const decide = (who: typeof rm, id: string, event: string, version: number, reason?: string) =>
      call(
        s,
        who,
        "POST",
        `preferentialPrices/${id}/transitions`,
        { event, at: "2026-12-01T03:00:00Z", ...(reason ? { reason } : {}) },
        { "If-Match": `"v${version}"` },
      );
    expect((await decide(rm, "PP-S1", "approve", 1)).status).toBe(403);
    const approved = await decide(manager, "PP-S1", "approve", 1);
    expect(approved.status, approved.text).toBe(200);
    expect(approved.json()).toMatchObject({ status: "approved", approvedBy: manager.id });
    // 60 bp off is beyond a branch manager's authority.
    expect((await call(s, rm, "POST", "preferentialPrices", price("PP-S2", 325))).status).toBe(201);
    const beyond = await decide(manager, "PP-S2", "approve", 1);
    expect(beyond.status).toBe(403);
    expect(beyond.json().code).toBe("pricingAuthority");
    // Decided: not edited in place.
    const edit = await call(
      s,
      rm,
      "PUT",
      "preferentialPrices/PP-S1",
      { ...approved.json(), offeredBp: 300 },
      { "If-Match": `"v${approved.json().version as number}"` },
    );
    expect(edit.status).toBe(403);
    expect(edit.json().code).toBe("frozen");
  });
});
