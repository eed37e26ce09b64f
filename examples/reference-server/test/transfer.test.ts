/**
 * A customer transferred on the bank's server (客户经理制): only a branch manager moves a customer to another
 * relationship manager; the change keeps who held them before; the customer is then in the new RM's book and out of
 * the old one's.
 */
import { describe, expect, it } from "vitest";
import { useReferenceServer } from "../../../packages/data/test/support/reference-server.js";
import { book, call, member, rm, seededServer } from "./support/demo-bank.js";

const manager = member("ST-BJ-CY-BR1");
const other = member("ST-BJ-CY-RE2");
const customer = book.customers.find((c) => c.relationshipManagerId === rm.id && c.status === "active")!;

describe("a transfer on the server", () => {
  const server = seededServer(useReferenceServer({ database: "pglite" }));

  it("is a branch manager's: the customer leaves the old RM's book for the new one's, with its history", async () => {
    const s = await server();
    const transfer = async (who: typeof rm, id: string) => {
      const profile = (await call(s, who, "GET", `customers/${customer.id}`)).json();
      return call(
        s,
        who,
        "POST",
        `customers/${customer.id}/changes`,
        {
          id,
          at: "2026-11-30T02:00:00Z",
          input: { kind: "transfer", relationshipManagerId: other.id, reason: "客户经理调岗" },
        },
        { "If-Match": JSON.stringify(`v${(profile.version as number | undefined) ?? 0}`) },
      );
    };
    const refused = await transfer(rm, "CH-TR-RM");
    expect(refused.status).toBe(403);
    expect(refused.json().code).toBe("transferRole");
    const made = await transfer(manager, "CH-TR-BM");
    expect(made.status, made.text).toBe(200);
    expect(made.json().change).toMatchObject({
      kind: "transfer",
      previousRelationshipManagerId: rm.id,
      relationshipManagerId: other.id,
      by: manager.id,
    });
    const booked = async (who: typeof rm) =>
      (
        (await call(s, who, "GET", `customers?relationshipManagerId=${who.id}&limit=500`)).json().items as {
          id: string;
        }[]
      ).map((c) => c.id);
    expect(await booked(other)).toContain(customer.id);
    expect(await booked(rm)).not.toContain(customer.id);
    // The old RM no longer reads them at all: their book is their scope.
    expect((await call(s, rm, "GET", `customers/${customer.id}`)).status).toBe(404);
  });
});
