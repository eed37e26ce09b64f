/**
 * No names around the masking: free text that carries a customer's name, ID
 * number, mobile or account number — typed by staff on create, update,
 * transition or customer change, or sent by a data feed's import — is stored
 * masked (the default) or refused with a 422 on the field. Then every role's
 * answers are scanned for any customer's full name and full identifiers.
 */
import { describe, expect, it } from "vitest";
import { inCustomerScope, mask, type Customer } from "@bankcrm/core";
import { ADMIN, useReferenceServer } from "../../../packages/data/test/support/reference-server.js";
import { seedDemo } from "../src/seed.js";
import { book, call, rm, ROLES, SEEDED } from "./support/demo-bank.js";
import { identifiersIn, stringsIn } from "./support/scan.js";

const PRINCIPALS = ROLES;
type Person = Extract<Customer, { kind: "individual" }>;
const own = book.customers.find(
  (c): c is Person => c.kind === "individual" && inCustomerScope(rm, c) && c.contact.mobile !== undefined,
)!;
const account = book.holdings.find((h) => h.customerId === own.id)!.accountNumber;
/** Every customer's full name (two characters or more) in the book. */
const NAMES = book.customers.flatMap((c) =>
  [c.kind === "individual" ? c.name : c.legalRepresentative].filter((n) => [...n].length >= 2),
);

const named = `${own.name}（手机 ${own.contact.mobile}，身份证 ${own.idDocument.number}）`;
const interaction = (id: string) => ({
  id,
  customerId: own.id,
  at: "2026-11-30T01:00:00Z",
  channel: "phone",
  type: "call",
  summary: `与${named}确认大额存单到期续作`,
  confidential: false,
});

for (const database of ["pglite", "postgres"] as const) {
  describe(`free text keeps the customer's identifiers masked (${database})`, () => {
    const server = useReferenceServer({ database });

    it("masks them on every write path, and no role receives a customer's full name or identifier", async () => {
      const s = server();
      await seedDemo(s.db, SEEDED);
      const created = await call(s, rm, "POST", "interactions", interaction(`IN-FT-${database}`));
      expect(created.status).toBe(201);
      const maskedNamed = `${mask(own.name, "name")}（手机 ${mask(own.contact.mobile!, "mobile")}，身份证 ${mask(own.idDocument.number, "idNumber")}）`;
      expect(created.json().summary).toBe(`与${maskedNamed}确认大额存单到期续作`);
      // Update: a next step naming the customer's card.
      const updated = await call(
        s,
        rm,
        "PUT",
        `interactions/IN-FT-${database}`,
        { ...created.json(), nextStep: `核对卡号 ${account}` },
        { "If-Match": '"v1"' },
      );
      expect(updated.status, updated.text).toBe(200);
      expect(updated.json().nextStep).toBe(`核对卡号 ${mask(account, "bankCard")}`);
      // Transition: a lost opportunity's reason naming the customer.
      const opened = await call(s, rm, "POST", "opportunities", {
        id: `OP-FT-${database}`,
        customerId: own.id,
        title: "大额存单续作",
        productType: "certificate_of_deposit",
        stage: "prospecting",
        amount: { amount: 50_000_000, currency: "CNY" },
        probability: 0.1,
        expectedClose: "2026-12-31",
        ownerId: rm.id,
        createdAt: "2026-11-30T01:00:00Z",
      });
      expect(opened.status, opened.text).toBe(201);
      const lost = await call(
        s,
        rm,
        "POST",
        `opportunities/OP-FT-${database}/transitions`,
        { event: "lose", at: "2026-11-30T02:00:00Z", reason: `${own.name}选择了他行` },
        { "If-Match": '"v1"' },
      );
      expect(lost.status, lost.text).toBe(200);
      expect(lost.json().lostReason).toBe(`${mask(own.name, "name")}选择了他行`);
      // A data feed's import: a task titled with the name.
      const feed = { ...ADMIN, id: "svc-feed" };
      const imported = await call(s, feed, "POST", "import/tasks", [
        {
          id: `TK-FT-${database}`,
          assigneeId: rm.id,
          customerId: own.id,
          type: "call",
          title: `回访${own.name}`,
          priority: "medium",
          status: "open",
          dueAt: "2026-12-01T01:00:00Z",
        },
      ]);
      expect(imported.status, imported.text).toBe(200);
      expect((await s.db.get("tasks", `TK-FT-${database}`))?.body.title).toBe(`回访${mask(own.name, "name")}`);

      // What each role receives: every collection, the customer's timeline, the lead list.
      const leaks: string[] = [];
      let scanned = 0;
      for (const who of PRINCIPALS)
        for (const path of [
          "customers?limit=1000",
          "interactions?limit=1000",
          "tasks?limit=1000",
          "opportunities?limit=1000",
          "leads?limit=1000",
          "serviceCases?limit=1000",
          "relationshipGroups?limit=1000",
          "customerChanges?limit=1000",
          `customers/${own.id}/timeline?limit=1000`,
        ]) {
          const answer = await call(s, who, "GET", path);
          if (answer.status !== 200) continue;
          scanned += stringsIn(answer.text).length;
          for (const text of stringsIn(answer.text)) {
            for (const name of NAMES) if (text.includes(name)) leaks.push(`${who.id} ${path}: ${name} in "${text}"`);
            for (const id of identifiersIn(JSON.stringify(text))) leaks.push(`${who.id} ${path}: ${id}`);
          }
        }
      // The scan reads real answers, and can find what it looks for.
      expect(scanned).toBeGreaterThan(5000);
      expect(NAMES.some((n) => JSON.stringify(interaction("x")).includes(n))).toBe(true);
      expect(leaks).toEqual([]);
    });
  });
}

describe("free text with the customer's identifiers refused, when the bank says so", () => {
  const server = useReferenceServer({ freeTextIdentifiers: "refuse" });
  it("answers 422 on the field that carries them, and stores nothing", async () => {
    const s = server();
    await seedDemo(s.db, SEEDED);
    const refused = await call(s, rm, "POST", "interactions", interaction("IN-FT-REFUSED"));
    expect(refused.status).toBe(422);
    expect(refused.json().errors).toEqual([
      {
        path: ["summary"],
        code: "identifierInText",
        message:
          "Do not write the customer's name, mobile number, ID number here: it is on the customer record, shown in full only for a stated reason",
      },
    ]);
    expect(await s.db.get("interactions", "IN-FT-REFUSED")).toBeUndefined();
    const plain = await call(s, rm, "POST", "interactions", { ...interaction("IN-FT-PLAIN"), summary: "客户确认续作" });
    expect(plain.status).toBe(201);
  });
});
