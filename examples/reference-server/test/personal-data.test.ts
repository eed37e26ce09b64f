/**
 * The right of access and copy on the server: a customer's copy of everything the bank holds about them — from the
 * database, in one query — holds each record of theirs and nothing about anyone else, as JSON or a readable document;
 * a branch manager makes one for a customer of theirs and no one else; each copy is in the audit chain.
 */
import { describe, expect, it } from "vitest";
import { belongsTo, type CollectionName } from "@bankcrm/core";
import { useReferenceServer } from "../../../packages/data/test/support/reference-server.js";
import { book, call, callAsCustomer, member, rm, seededServer, staff } from "./support/demo-bank.js";

const customer = book.customers.find(
  (c) => c.relationshipManagerId === rm.id && book.holdings.some((h) => h.customerId === c.id),
)!;
const manager = member(staff.find((m) => m.role === "branch_manager" && m.branchId === customer.branchId)!.id);
const otherManager = member(staff.find((m) => m.role === "branch_manager" && m.branchId !== customer.branchId)!.id);
const auditor = member("ST-HQ-AU1");

describe("a customer's copy of their personal information (pglite)", () => {
  const server = useReferenceServer({ database: "pglite" });
  const ready = seededServer(server);
  const mine = async (query = "") => callAsCustomer(await ready(), customer.id, "GET", `me/personal-data${query}`);

  it("holds every record of theirs the bank keeps, and nothing about anyone else", async () => {
    const answer = await mine();
    expect(answer.status, answer.text).toBe(200);
    const pkg = JSON.parse(answer.text) as { collections: Record<string, { id: string }[]> };
    expect(pkg.collections.customers!.map((c) => c.id)).toEqual([customer.id]);
    for (const collection of ["holdings", "transactions", "interactions", "serviceCases"] as CollectionName[]) {
      const expected = (book[collection as keyof typeof book] as unknown[]).filter((r) =>
        belongsTo(collection, r, customer.id),
      );
      expect((pkg.collections[collection] ?? []).map((r) => r.id).sort(), collection).toEqual(
        expected.map((r) => (r as { id: string }).id).sort(),
      );
    }
    expect(pkg.collections.holdings!.length).toBeGreaterThan(0);
    expect(answer.text).toContain(customer.contact.mobile!); // their own, in full
    for (const other of book.customers)
      if (other.id !== customer.id) expect(answer.text, other.id).not.toContain(`"${other.id}"`);
    expect(answer.text).not.toMatch(/"ST-[A-Z]/);
  });

  it("reads as a document in the language asked for", async () => {
    const en = await mine("?format=text&locale=en");
    expect(en.type).toBe("text/plain; charset=utf-8");
    expect(en.text.split("\n")[0]).toBe("# A copy of your personal information");
    expect(en.text).toContain("## Products and accounts you hold");
    const zh = await mine("?format=text");
    expect(zh.text).toContain("反洗钱风险等级：依《反洗钱法》不得告知");
    expect((await mine("?format=pdf")).status).toBe(400);
  });

  it("is asked for as a tracked case, answered within thirty days of receipt", async () => {
    const s = await ready();
    const file = (body: unknown) => callAsCustomer(s, customer.id, "POST", "me/cases", body);
    const request = { id: "SC-PI-COPY", type: "personal_information", subject: "申请个人信息副本" };
    expect((await file(request)).status).toBe(422); // which right?
    const filed = await file({ ...request, privacyRight: "copy" });
    expect(filed.status).toBe(201);
    const c = JSON.parse(filed.text) as { privacyRight: string; openedAt: string; regulatoryDueAt: string };
    expect(c.privacyRight).toBe("copy");
    const days = (Date.parse(c.regulatoryDueAt) - Date.parse(c.openedAt)) / 86_400_000;
    expect(days).toBeGreaterThan(30);
    expect(days).toBeLessThanOrEqual(31);
  });

  it("is made by the customer's branch manager only, and every copy is audited", async () => {
    const s = await ready();
    const path = `customers/${customer.id}/personal-data`;
    expect((await call(s, rm, "GET", path)).status).toBe(403);
    expect((await call(s, otherManager, "GET", path)).status).toBe(404);
    const made = await call(s, manager, "GET", path);
    expect(made.status).toBe(200);
    expect(made.json().customerId).toBe(customer.id);
    const rows = (await call(s, auditor, "GET", `audit?action=subject_access&customerId=${customer.id}`)).json()
      .items as { actorId: string; actorRole: string }[];
    expect(rows.map((r) => r.actorRole).sort()).toEqual(["branch_manager", "customer", "customer", "customer"]);
    expect((await call(s, auditor, "GET", "audit/verify")).json()).toMatchObject({ ok: true });
  });
});
