import { describe, expect, it } from "vitest";
import type { CampaignMember, CampaignResponse, Customer } from "../src/index.js";
import { generateDemoPortfolio } from "../src/demo/index.js";
import { nextCallingTime, outboundCallList, outboundResponse } from "../src/marketing/index.js";

const book = generateDemoPortfolio({ seed: "outbound", customers: 40, months: 2 });
const campaign = {
  id: "CMP-T",
  status: "active" as const,
  channels: ["phone" as const],
  requiredConsent: "marketing" as const,
};
// Tuesday 1 December 2026, 10:00 in Beijing (02:00 UTC).
const now = new Date("2026-12-01T02:00:00Z");
const consented = (c: Customer, granted: boolean, recordedAt = "2026-01-01T00:00:00Z"): Customer => ({
  ...c,
  status: "active",
  ...(c.kind === "individual" ? { deceasedOn: undefined } : {}),
  consents: [{ purpose: "marketing", channel: "phone", granted, textVersion: "2026-01", recordedAt }],
});
const people = book.customers.slice(0, 8).map((c) => consented(c, true));
// The third withdrew consent after the launch; the fourth has died.
people[2] = {
  ...people[2]!,
  consents: [
    ...people[2]!.consents,
    {
      purpose: "marketing",
      channel: "all",
      granted: false,
      textVersion: "2026-01",
      recordedAt: "2026-11-20T00:00:00Z",
    },
  ],
};
if (people[3]!.kind === "individual") people[3] = { ...people[3]!, deceasedOn: "2026-11-01" };
const customers = new Map(people.map((c) => [c.id, c]));
const member = (c: Customer, group: CampaignMember["group"] = "treatment"): CampaignMember => ({
  id: `CMP-T--${c.id}`,
  campaignId: "CMP-T",
  customerId: c.id,
  group,
  channel: "phone",
  at: "2026-11-15T01:00:00Z",
  ...(group === "excluded" ? { reason: "noConsent" as const } : {}),
});
const members = [...people.slice(0, 7).map((c) => member(c)), member(people[7]!, "control")];
const at = (hoursAgo: number) => new Date(now.getTime() - hoursAgo * 3_600_000).toISOString();

describe("outboundCallList", () => {
  it("calls the treatment group as it stands now, each left-out member with why", () => {
    const responses: CampaignResponse[] = [
      outboundResponse("CMP-T", people[4]!.id, "interested", at(30)), // answered: done
      outboundResponse("CMP-T", people[5]!.id, "noAnswer", at(1)), // tried an hour ago: later
      ...[30, 20, 10].map((h) => outboundResponse("CMP-T", people[6]!.id, "noAnswer", at(h))), // three tries
      outboundResponse("CMP-OTHER", people[0]!.id, "converted", at(2)), // another campaign's
    ];
    const list = outboundCallList(campaign, members, customers, responses, { now });
    expect(list.open).toBe(true);
    expect(list.calls.map((c) => c.customerId)).toEqual([people[0]!.id, people[1]!.id].sort());
    expect(Object.fromEntries(list.leftOut.map((l) => [l.customerId, l.reason]))).toEqual({
      [people[2]!.id]: "noConsent",
      [people[3]!.id]: people[3]!.kind === "individual" ? "deceased" : "noConsent",
      [people[4]!.id]: "answered",
      [people[5]!.id]: "retryLater",
      [people[6]!.id]: "attempts",
    });
    expect(list.leftOut.find((l) => l.reason === "retryLater")!.retryAt).toBe(
      new Date(now.getTime() + 3 * 3_600_000).toISOString(),
    );
    // The control group is never called.
    expect(list.calls.some((c) => c.customerId === people[7]!.id)).toBe(false);
  });

  it("puts those who like a morning call first in the morning, then fewer tries", () => {
    const morning = { ...people[1]!, contact: { ...people[1]!.contact, preferredContactTime: "morning" as const } };
    const evening = { ...people[0]!, contact: { ...people[0]!.contact, preferredContactTime: "evening" as const } };
    const list = outboundCallList(
      campaign,
      members.slice(0, 2),
      new Map<string, Customer>([
        [evening.id, evening],
        [morning.id, morning],
      ]),
      [],
      { now },
    );
    expect(list.calls[0]).toMatchObject({ customerId: morning.id, preferredNow: true });
  });

  it("opens only in calling hours, and only for an active phone campaign", () => {
    // 21:30 Beijing: closed until 09:00 the next morning.
    const late = new Date("2026-12-01T13:30:00Z");
    const closed = outboundCallList(campaign, members, customers, [], { now: late });
    expect(closed.open).toBe(false);
    expect(closed.opensAt).toBe("2026-12-02T01:00:00.000Z");
    expect(nextCallingTime(new Date("2026-12-01T00:30:00Z")).toISOString()).toBe("2026-12-01T01:00:00.000Z");
    expect(nextCallingTime(now)).toEqual(now);
    expect(outboundCallList({ ...campaign, status: "completed" }, members, customers, [], { now }).open).toBe(false);
    expect(outboundCallList({ ...campaign, channels: ["sms"] }, members, customers, [], { now }).open).toBe(false);
  });

  it("records each outcome as the campaign's response on the phone", () => {
    expect(outboundResponse("CMP-T", "CU1", "doNotCall", now.toISOString())).toMatchObject({
      campaignId: "CMP-T",
      customerId: "CU1",
      channel: "phone",
      type: "opted_out",
    });
  });
});
