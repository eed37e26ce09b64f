/**
 * The points ledger on the bank's server: staff redeem what the balance covers (core's rule, checked again here under
 * a lock on the customer, so two redemptions at once cannot spend the same points), adjustments are a branch
 * manager's, earned and expired points the bank's systems'; a customer reads their own points in the portal.
 */
import { describe, expect, it } from "vitest";
import { pointsBalance, type LoyaltyEntry } from "@bankcrm/core/loyalty";
import { useReferenceServer } from "../../../packages/data/test/support/reference-server.js";
import { book, call, callAsCustomer, member, otherBranchTeller, rm, seededServer } from "./support/demo-bank.js";

const teller = member("ST-BJ-CY-TE1");
const manager = member("ST-BJ-CY-BR1");
const customer = book.customers.find(
  (c) =>
    c.branchId === rm.branchId &&
    c.relationshipManagerId === rm.id &&
    c.loyaltyPoints > 2_500 &&
    (c.tier === "standard" || c.tier === "gold"),
)!;
const entry = (id: string, fields: Partial<LoyaltyEntry>) => ({
  id,
  customerId: customer.id,
  at: new Date().toISOString(),
  ...fields,
});
const redeem = (id: string, rewardCode = "cash_rebate_10", points = 1_000) =>
  entry(id, { kind: "redeem", points: -points, rewardCode });

for (const database of ["pglite", "postgres"] as const) {
  describe(`the points ledger (${database})`, () => {
    const server = seededServer(useReferenceServer({ database }));
    const ledger = async () => {
      const s = await server();
      const answer = await call(s, manager, "GET", `loyaltyEntries?customerId=${customer.id}&limit=500`);
      expect(answer.status, answer.text).toBe(200);
      return answer.json().items as LoyaltyEntry[];
    };
    const balance = async () => pointsBalance(await ledger()).balance;

    it("takes a redemption the balance covers, and refuses what it may not", async () => {
      const s = await server();
      const before = await balance();
      expect(before).toBeGreaterThan(1_000);
      const made = await call(s, teller, "POST", "loyaltyEntries", redeem(`${database}-R1`));
      expect(made.status, made.text).toBe(201);
      expect(await balance()).toBe(before - 1_000);
      const code = async (who: typeof teller, body: unknown) => {
        const answer = await call(s, who, "POST", "loyaltyEntries", body);
        return [answer.status, answer.status === 403 ? answer.json().code : undefined];
      };
      expect(await code(teller, redeem(`${database}-R2`, "airport_lounge", 20_000))).toEqual([403, "rewardTier"]);
      expect(await code(teller, redeem(`${database}-R3`, "cash_rebate_10", 10))).toEqual([403, "rewardUnknown"]);
      const earn = entry(`${database}-E1`, { kind: "earn", points: 50_000, expiresOn: "2027-12-31" });
      expect(await code(manager, earn)).toEqual([403, "ledgerSystem"]);
      const adjust = entry(`${database}-A1`, { kind: "adjust", points: 500, reason: "服务补偿" });
      expect(await code(rm, adjust)).toEqual([403, "adjustRole"]);
      // Another branch's teller cannot name the customer at all.
      expect((await call(s, otherBranchTeller, "POST", "loyaltyEntries", redeem(`${database}-R4`))).status).toBe(404);
      // An auditor writes nothing; nobody changes an entry.
      expect((await call(s, member("ST-HQ-AU1"), "POST", "loyaltyEntries", redeem(`${database}-R5`))).status).toBe(403);
      expect(await balance()).toBe(before - 1_000);
    });

    it("lets only one of several redemptions at once spend the same points", async () => {
      const s = await server();
      // A branch manager's adjustment leaves exactly 1,500: enough for one ¥10 credit, not two.
      const now = await balance();
      const adjust = entry(`${database}-A2`, { kind: "adjust", points: 1_500 - now, reason: "余额核对" });
      const adjusted = await call(s, manager, "POST", "loyaltyEntries", adjust);
      expect(adjusted.status, adjusted.text).toBe(201);
      expect(await balance()).toBe(1_500);
      // Eight at once, from the counter and the RM. On PostgreSQL they run on connections of their own; the customer's
      // row is held meanwhile, so all eight are in flight together when it is let go (without the server's lock on
      // it, each would read 1,500 and all eight would be taken).
      const send = () =>
        Promise.all(
          Array.from({ length: 8 }, (_, i) =>
            call(s, i % 2 ? rm : teller, "POST", "loyaltyEntries", redeem(`${database}-C${i}`)),
          ),
        );
      let sent: ReturnType<typeof send> | undefined;
      if (database === "postgres")
        await s.db.driver.transaction(async (tx) => {
          await tx.query("SELECT 1 FROM records WHERE collection = 'customers' AND id = $1 FOR UPDATE", [customer.id]);
          sent = send();
          await new Promise((resolve) => setTimeout(resolve, 500));
        });
      const answers = await (sent ?? send());
      expect(answers.map((a) => a.status).sort()).toEqual([201, 403, 403, 403, 403, 403, 403, 403]);
      for (const a of answers.filter((x) => x.status === 403)) expect(a.json().code).toBe("insufficientPoints");
      expect(await balance()).toBe(500);
    });

    it("shows the customer their points in the portal, staff ids withheld", async () => {
      const s = await server();
      const mine = await callAsCustomer(s, customer.id, "GET", "me/loyalty");
      expect(mine.status, mine.text).toBe(200);
      const body = JSON.parse(mine.text) as {
        balance: { balance: number };
        tier: string;
        benefits: string[];
        items: LoyaltyEntry[];
      };
      expect(body.balance.balance).toBe(await balance());
      expect(body.tier).toBe(customer.tier);
      expect(body.benefits).toContain("points_earning");
      expect(body.items.length).toBe((await ledger()).length);
      expect(body.items.every((e) => e.createdBy === undefined)).toBe(true);
      // Newest first.
      const times = body.items.map((e) => Date.parse(e.at));
      expect([...times].sort((a, b) => b - a)).toEqual(times);
    });
  });
}
