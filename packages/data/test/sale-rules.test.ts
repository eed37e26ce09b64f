/**
 * Winning a sale through the client (适当性管理, 双录), on memory, IndexedDB and the reference server over real HTTP:
 * the client checks the customer as it reads them and refuses with every reason, storing nothing; the server checks
 * the stored customer under its own policy, and its refusal reaches the caller as the same typed error.
 */
import "fake-indexeddb/auto";
import { describe, expect, it, vi } from "vitest";
import { describeError, isBankcrmError, type Actor, type Customer } from "@bankcrm/core";
import { DEFAULT_SALE_POLICY, isSaleRefusedError } from "@bankcrm/core/compliance";
import { generateDemoPortfolio } from "@bankcrm/core/demo";
import {
  createCrmClient,
  createHttpStore,
  createIndexedDbStore,
  createMemoryStore,
  type CrmClientOptions,
  type CrmStore,
} from "../src/index.js";
import { fill } from "./support/fill.js";
import { useReferenceServer } from "./support/reference-server.js";

vi.setConfig({ testTimeout: 60_000 });
const server = useReferenceServer();
const p = generateDemoPortfolio({ seed: "sale-rules", customers: 60, months: 1 });
const customer = p.customers.find(
  (c): c is Extract<Customer, { kind: "individual" }> =>
    c.kind === "individual" && !!c.relationshipManagerId && !(c.idDocument.validUntil! < "2027-01-01"),
)!;
const rm: Actor = { id: customer.relationshipManagerId!, role: "relationship_manager", branchId: customer.branchId };
const recording = { recordingId: "REC-1", recordedAt: "2026-11-30T00:30:00Z", staffId: rm.id, location: "Room 2" };
const amount = { amount: 10_000_000, currency: "CNY" };
let n = 0;

const STORES: [string, () => Promise<CrmStore>][] = [
  ["memory", () => fill(createMemoryStore(), p, ["customers"])],
  ["IndexedDB", async () => fill(await createIndexedDbStore({ name: `sale-${n++}` }), p, ["customers"])],
  [
    "reference server",
    async () => {
      await fill(createHttpStore({ baseUrl: server().url, getToken: () => server().token }), p, ["customers"]);
      return createHttpStore({
        baseUrl: server().url,
        getToken: () => server().tokenFor({ ...rm, branchId: rm.branchId! }),
      });
    },
  ],
];

for (const [label, make] of STORES) {
  describe(`winning a sale through the client (${label})`, () => {
    const open = async (options: Partial<CrmClientOptions> = {}) => {
      const client = createCrmClient({
        store: await make(),
        user: rm,
        onAudit: () => {},
        now: () => new Date("2026-11-30T01:00:00Z"),
        ...options,
      });
      const risk = await client.customers.change(customer.id, {
        kind: "risk_assessment",
        riskTolerance: "C2",
        riskAssessedAt: options.salePolicy ? "2025-06-01" : "2026-11-01",
      });
      expect(risk.status).toBe("saved");
      return client;
    };
    const fund = (id: string, productRisk: string) => ({
      id,
      customerId: customer.id,
      title: "Equity fund",
      productType: "fund",
      productRisk,
      stage: "proposal",
      amount,
      probability: 0.6,
      expectedClose: "2026-12-31",
      ownerId: rm.id,
    });
    const uid = (name: string) => `${name}-${label.replace(/\W/g, "")}-${n++}`;

    it("refuses an R4 fund for a C2 customer with every reason, storing nothing; wins an R2 one with its recording", async () => {
      const client = await open();
      const r4 = uid("OP");
      await client.opportunities.create(fund(r4, "R4"));
      const refused = await client.opportunities.transition(r4, "win", { amount }).catch((e: unknown) => e);
      expect(isBankcrmError(refused, "sale_refused")).toBe(true);
      expect(describeError(refused, "zh-CN")).toBe(
        "不能成交：产品风险等级高于客户的风险承受能力（适当性不匹配）；尚未登记双录（录音录像）信息",
      );
      expect(await client.opportunities.get(r4)).toMatchObject({ stage: "proposal", version: 1 });
      const r2 = uid("OP");
      await client.opportunities.create(fund(r2, "R2"));
      const won = await client.opportunities.transition(r2, "win", { amount, dualRecording: recording });
      expect(won.record).toMatchObject({ stage: "won", dualRecording: recording });
    });

    it("keeps a complaint from the customer's own relationship manager (回避), in words", async () => {
      const client = await open();
      const id = uid("SC");
      await client.serviceCases.create({
        id,
        customerId: customer.id,
        type: "complaint",
        priority: "medium",
        channel: "branch",
        status: "open",
        subject: "Fee charged twice",
        openedAt: "2026-11-30T00:30:00Z",
        slaDueAt: "2026-12-15T00:00:00Z",
      });
      const refused = await client.serviceCases.transition(id, "start").catch((e: unknown) => e);
      expect(isBankcrmError(refused, "access_denied")).toBe(true);
      expect(describeError(refused, "zh-CN")).toBe("投诉处理须回避：客户的客户经理和被投诉人不能处理该投诉");
      expect(await client.serviceCases.get(id)).toMatchObject({ status: "open" });
      // Nor is it assigned to them: the update is refused by the same rule, and nothing is written.
      const assigned = await client.serviceCases.update(id, { assignedTo: rm.id }).catch((e: unknown) => e);
      expect(describeError(assigned, "en")).toMatch(/recus|interest/i);
      expect(await client.serviceCases.get(id)).not.toHaveProperty("assignedTo");
    });

    if (label === "reference server")
      it("is refused by the server under its own policy when the client's is laxer", async () => {
        // This client holds assessments for ten years; the server for one, so the 2025-06-01 assessment has lapsed.
        const client = await open({ salePolicy: { ...DEFAULT_SALE_POLICY, assessmentValidDays: 3650 } });
        const id = uid("OP");
        await client.opportunities.create(fund(id, "R2"));
        const refused = await client.opportunities
          .transition(id, "win", { amount, dualRecording: recording })
          .catch((e: unknown) => e);
        expect(isSaleRefusedError(refused)).toBe(true);
        if (isSaleRefusedError(refused)) expect(refused.refusals).toEqual([{ code: "riskAssessmentExpired" }]);
        expect(describeError(refused, "en")).toBe(
          "The sale cannot be won: The customer's risk assessment has lapsed; reassess first",
        );
      });
  });
}
