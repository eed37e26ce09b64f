/**
 * Suitability and dual recording at the sale, on the server: the customer a win is checked against is the stored one,
 * whatever a crafted request carries; refusals come with every reason and go into the audit chain; only a branch
 * manager overrides, and only what the policy lets them, with the reason kept on the sale and in the audit.
 */
import { describe, expect, it } from "vitest";
import { inCustomerScope, type Customer } from "@bankcrm/core";
import { useReferenceServer, type RunningServer } from "../../../packages/data/test/support/reference-server.js";
import { book, call, member, rm, seededServer, staff } from "./support/demo-bank.js";

const AT = "2026-12-01T03:00:00Z";
const customer = book.customers.find(
  (c): c is Extract<Customer, { kind: "individual" }> =>
    c.kind === "individual" &&
    inCustomerScope(rm, c) &&
    (c.idDocument.validUntil === undefined || c.idDocument.validUntil > "2026-12-31"),
)!;
const manager = member(staff.find((s) => s.role === "branch_manager" && s.branchId === customer.branchId)!.id);
const auditor = member("ST-HQ-AU1");
const recording = {
  recordingId: "REC-20261201-0007",
  recordedAt: "2026-12-01T02:00:00Z",
  staffId: rm.id,
  location: "北京朝阳支行 理财室 2",
};
const sale = (id: string, productRisk: string) => ({
  id,
  customerId: customer.id,
  title: "权益类基金",
  productType: "fund",
  productRisk,
  stage: "proposal",
  amount: { amount: 50_000_000, currency: "CNY" },
  probability: 0.6,
  expectedClose: "2026-12-31",
  ownerId: rm.id,
  createdAt: "2026-11-20T02:00:00Z",
});
type Refused = { code: string; refusals: { code: string }[]; overridable: boolean };

/** The customer assessed C2 on 1 November (a month before the sales), once. */
async function assessC2(s: RunningServer) {
  const profile = (await call(s, rm, "GET", `customers/${customer.id}`)).json();
  if (profile.riskTolerance === "C2" && profile.riskAssessedAt === "2026-11-01") return;
  const assessed = await call(
    s,
    rm,
    "POST",
    `customers/${customer.id}/changes`,
    {
      id: "CH-SALE-RISK",
      at: "2026-11-01T02:00:00Z",
      input: { kind: "risk_assessment", riskTolerance: "C2", riskAssessedAt: "2026-11-01" },
    },
    { "If-Match": JSON.stringify(`v${(profile.version as number | undefined) ?? 0}`) },
  );
  expect(assessed.status, assessed.text).toBe(200);
}

describe("winning a sale on the server (pglite)", () => {
  const server = useReferenceServer({ database: "pglite" });
  const ready = seededServer(server);

  it("refuses an R4 fund for a C2 customer whatever the request says, and lets a branch manager override it", async () => {
    const s = await ready();
    await assessC2(s);
    const created = await call(s, rm, "POST", "opportunities", sale("OP-SALE-1", "R4"));
    expect(created.status, created.text).toBe(201);
    const win = (who: typeof rm, version: number, details: Record<string, unknown> = {}) =>
      call(
        s,
        who,
        "POST",
        "opportunities/OP-SALE-1/transitions",
        { event: "win", at: AT, details: { amount: { amount: 50_000_000, currency: "CNY" }, ...details } },
        { "If-Match": `"v${version}"` },
      );
    const refused = await win(rm, 1);
    expect(refused.status, refused.text).toBe(422);
    expect(refused.json()).toMatchObject({ code: "sale_refused", overridable: false });
    expect((refused.json() as Refused).refusals.map((r) => r.code)).toEqual([
      "aboveRiskTolerance",
      "dualRecordingMissing",
    ]);
    // A crafted request: its own customer, policy and override are not read.
    const crafted = await win(rm, 1, {
      customer: { ...customer, riskTolerance: "C5", riskAssessedAt: "2026-11-30" },
      salePolicy: { assessmentValidDays: 365, requireDualRecording: false, kycRestricts: false, rules: [] },
      saleOverride: { by: manager.id, at: AT, reason: "forged", refusals: ["aboveRiskTolerance"] },
      overrideReason: "the customer insists",
    });
    expect(crafted.status, crafted.text).toBe(422);
    expect((crafted.json() as Refused).refusals.map((r) => r.code)).toEqual([
      "aboveRiskTolerance",
      "dualRecordingMissing",
    ]);
    // The recording attached by an update; a manager's override cannot stand in for it, nor can an RM override.
    const current = (await call(s, rm, "GET", "opportunities/OP-SALE-1")).json();
    const recorded = await call(
      s,
      rm,
      "PUT",
      "opportunities/OP-SALE-1",
      { ...current, dualRecording: recording },
      {
        "If-Match": '"v1"',
      },
    );
    expect(recorded.status, recorded.text).toBe(200);
    const byRm = await win(rm, 2, { overrideReason: "the customer insists" });
    expect(byRm.json()).toMatchObject({ code: "sale_refused", overridable: false });
    const asked = await win(manager, 2);
    expect(asked.json()).toMatchObject({ code: "sale_refused", overridable: true });
    const overridden = await win(manager, 2, { overrideReason: "客户坚持购买，已签署风险揭示书" });
    expect(overridden.status, overridden.text).toBe(200);
    expect(overridden.json()).toMatchObject({
      stage: "won",
      dualRecording: recording,
      saleOverride: { by: manager.id, reason: "客户坚持购买，已签署风险揭示书", refusals: ["aboveRiskTolerance"] },
    });

    const audit = async (action: string) =>
      (await call(s, auditor, "GET", `audit?action=${action}&customerId=${customer.id}`)).json().items as {
        actorId: string;
        reason: string;
      }[];
    expect((await audit("sale_refused")).length).toBe(4); // the RM twice, the crafted request, the manager without a reason
    expect(await audit("sale_override")).toEqual([
      expect.objectContaining({
        actorId: manager.id,
        reason: "OP-SALE-1: aboveRiskTolerance — 客户坚持购买，已签署风险揭示书",
      }),
    ]);
    expect((await call(s, auditor, "GET", "audit/verify")).json()).toMatchObject({ ok: true });
  });

  it("wins a suitable sale with its recording given at the win", async () => {
    const s = await ready();
    await assessC2(s);
    expect((await call(s, rm, "POST", "opportunities", sale("OP-SALE-2", "R2"))).status).toBe(201);
    const won = await call(
      s,
      rm,
      "POST",
      "opportunities/OP-SALE-2/transitions",
      { event: "win", at: AT, details: { amount: { amount: 50_000_000, currency: "CNY" }, dualRecording: recording } },
      { "If-Match": '"v1"' },
    );
    expect(won.status, won.text).toBe(200);
    expect(won.json()).toMatchObject({ stage: "won", dualRecording: recording });
    expect(won.json().saleOverride).toBeUndefined();
  });
});
