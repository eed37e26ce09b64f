/**
 * Exports bound by consent: a segment's members leave the system only for a purpose, and only those whose consent
 * for it is in force — the same customers core's evaluator keeps — masked as the caller sees them, formula-safe,
 * audited. A withdrawal in the portal takes the customer out of the next export.
 */
import { describe, expect, it } from "vitest";
import {
  buildCustomerView,
  compileSegment,
  customerFieldCatalog,
  type SegmentPurpose,
  type SegmentDefinition,
} from "@bankcrm/core";
import { boundTo } from "@bankcrm/core/compliance";
import { useReferenceServer, type RunningServer } from "../../../packages/data/test/support/reference-server.js";
import { book, call, callAsCustomer, member, rm, seededServer } from "./support/demo-bank.js";

const marketing = member("ST-HQ-MA1");
const everyone: SegmentDefinition = {
  schemaVersion: 1,
  id: "everyone",
  name: "everyone",
  version: 1,
  rule: { field: "status", op: "isNotEmpty" },
};
const NOW = new Date();
/** Who core's evaluator keeps for the export's purpose, over the demo book as stored. */
const expected = (purpose: SegmentPurpose) => {
  const keeps = compileSegment(boundTo(everyone, purpose), customerFieldCatalog, { now: NOW });
  return book.customers.filter((c) => keeps(buildCustomerView(c, { now: NOW }))).map((c) => c.id);
};
/** The customer gives or withdraws a consent in the portal (`POST /me/changes`), now. */
async function consentChange(s: RunningServer, customerId: string, purpose: string, granted: boolean, id: string) {
  const me = await callAsCustomer(s, customerId, "GET", "me");
  const consent = { purpose, channel: "all", granted, textVersion: "2026-03", recordedAt: new Date().toISOString() };
  return callAsCustomer(
    s,
    customerId,
    "POST",
    "me/changes",
    { id, input: { kind: "consent", consent } },
    {
      "If-Match": me.etag!,
    },
  );
}

const idsOf = (csv: string) =>
  csv
    .trim()
    .split("\r\n")
    .slice(1)
    .map((line) => JSON.parse(line.split(",")[0]!) as string);

describe("a segment's export, bound by consent (pglite)", () => {
  const server = useReferenceServer({ database: "pglite" });
  const ready = seededServer(server);
  const exportFor = async (purpose: unknown, who = marketing, definition: unknown = everyone) =>
    call(await ready(), who, "POST", "segments/export", { definition, purpose });

  it("holds exactly the customers whose consent for the purpose is in force, masked, in a spreadsheet-safe CSV", async () => {
    for (const purpose of ["marketing", "third_party_sharing"] as const) {
      const answer = await exportFor(purpose);
      expect(answer.status, answer.text).toBe(200);
      const ids = idsOf(answer.text);
      expect(ids.sort()).toEqual(expected(purpose).sort());
      expect(ids.length).toBeLessThan(book.customers.length);
      expect(answer.text.startsWith("id,name,tier,branchId,city\r\n")).toBe(true);
      for (const c of book.customers.filter((x) => x.kind === "individual" && ids.includes(x.id)))
        if (c.name.length > 1) expect(answer.text).not.toContain(`"${c.name}"`); // masked
    }
    expect(expected("marketing").length).toBeGreaterThan(10);
  });

  it("is for a stated purpose, by marketing or a branch manager, and audited", async () => {
    expect((await exportFor(undefined)).status).toBe(422);
    expect((await exportFor("gossip")).status).toBe(422);
    expect((await exportFor("marketing", marketing, { ...everyone, rule: { all: [] } })).status).toBe(422);
    expect((await exportFor("marketing", rm)).status).toBe(403);
    const s = await ready();
    const rows = (await call(s, member("ST-HQ-AU1"), "GET", "audit?action=export")).json().items as {
      actorId: string;
      reason: string;
    }[];
    expect(rows.length).toBeGreaterThanOrEqual(2);
    expect(rows.every((r) => r.actorId === marketing.id)).toBe(true);
    expect(rows.map((r) => r.reason)).toContain(
      `${expected("marketing").length} customers of segment everyone for marketing`,
    );
  });

  it("leaves out a customer the moment they withdraw, and makes a formula-like value inert", async () => {
    const s = await ready();
    const customerId = expected("marketing")[0]!;
    const withdrawn = await consentChange(s, customerId, "marketing", false, "CH-EXPORT-WITHDRAW");
    expect(withdrawn.status, withdrawn.text).toBe(200);
    expect(idsOf((await exportFor("marketing")).text)).not.toContain(customerId);
    // A city typed by a source system as a formula is a text cell, never a formula.
    const other = book.customers.find((c) => c.id === expected("marketing")[1])!;
    await s.db.put("customers", { ...other, contact: { ...other.contact, city: '=HYPERLINK("x")' } });
    const line = (await exportFor("marketing")).text.split("\r\n").find((l) => l.startsWith(`"${other.id}"`))!;
    expect(line.endsWith(`"'=HYPERLINK(""x"")"`)).toBe(true);
  });
});

describe("a bank that asks a separate consent for financial account information (SENSITIVE_CONSENT, pglite)", () => {
  const server = useReferenceServer({ database: "pglite", sensitiveConsent: true });
  const ready = seededServer(server);
  const count = async (rule: unknown) => {
    const answer = await call(await ready(), marketing, "POST", "segments/evaluate", {
      definition: { ...everyone, rule, purpose: "marketing" },
      limit: 1000,
    });
    expect(answer.status, answer.text).toBe(200);
    return JSON.parse(answer.text) as { count: number; ids: string[] };
  };

  it("counts a marketing segment on accounts only over customers who gave it, and one on anything else as before", async () => {
    const onAccounts = { field: "aum", op: "gte", value: 0 };
    expect((await count(onAccounts)).count).toBe(0); // the demo's customers never gave it
    const consenting = await count({ field: "kind", op: "isNotEmpty" });
    expect(consenting.count).toBe(expected("marketing").length);
    // One customer gives the separate consent in the portal: they, and only they, count.
    const s = await ready();
    const customerId = consenting.ids[0]!;
    const given = await consentChange(s, customerId, "sensitive_processing", true, "CH-SENSITIVE-GIVE");
    expect(given.status, given.text).toBe(200);
    expect((await count(onAccounts)).ids).toEqual([customerId]);
    const exported = await call(s, marketing, "POST", "segments/export", {
      definition: { ...everyone, rule: onAccounts },
      purpose: "marketing",
    });
    expect(idsOf(exported.text)).toEqual([customerId]);
  });
});
