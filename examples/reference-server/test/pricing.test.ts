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

describe("a company on the server: its preferential prices and contact persons", () => {
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

  it("keeps a company's contact persons the RM was shown masked, and adds the new one", async () => {
    const s = await server();
    const shown = (await call(s, rm, "GET", `customers/${company.id}`)).json() as {
      version?: number;
      contactPersons: { name: string; mobile?: string }[];
    };
    expect(shown.contactPersons.length).toBeGreaterThan(0);
    expect(shown.contactPersons[0]!.name).toContain("*");
    const added = { name: "王敏", role: "authorized_agent" as const, mobile: "13800001111" };
    const changed = await call(
      s,
      rm,
      "POST",
      `customers/${company.id}/changes`,
      {
        id: "CH-CP-1",
        at: "2026-12-01T02:00:00Z",
        input: {
          kind: "contact_persons",
          contactPersons: [...shown.contactPersons].reverse().concat([added]),
          reason: "新增经办人",
        },
      },
      { "If-Match": JSON.stringify(`v${shown.version ?? 0}`) },
    );
    expect(changed.status, changed.text).toBe(200);
    const stored = (await s.db.get("customers", company.id))!.body as { contactPersons: unknown[] };
    const before = company.kind === "corporate" ? company.contactPersons! : [];
    expect(stored.contactPersons).toEqual([...before].reverse().concat([added]));
    // A masked value that is no stored person's is refused, never stored.
    const forged = await call(
      s,
      rm,
      "POST",
      `customers/${company.id}/changes`,
      {
        id: "CH-CP-2",
        at: "2026-12-01T03:00:00Z",
        input: { kind: "contact_persons", contactPersons: [{ name: "王敏", role: "other", mobile: "138****9999" }] },
      },
      { "If-Match": JSON.stringify(`v${(shown.version ?? 0) + 1}`) },
    );
    expect(forged.status).toBe(422);
  });
});
