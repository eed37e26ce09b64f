/**
 * Outbound calling (电话营销): a launched campaign on the phone channel gives the call centre a call list — its
 * treatment group as it stands now, not as it stood at the launch. A customer is called only while their consent to
 * marketing by phone is in force (a withdrawal after the launch takes them off at once; asking not to be called again
 * is recorded as such a withdrawal), never when deceased or closed, and only within the bank's calling hours (09:00–
 * 20:00 Beijing time by default). Each call's outcome becomes the campaign's response; one with no answer may be
 * tried again after a few hours, up to a few times. Customers who said when they like to be called come first then.
 */
import type { Campaign, CampaignMember, CampaignResponse } from "../schemas/campaign.js";
import type { Customer } from "../schemas/customer.js";
import type { CampaignResponseType, ContactTime } from "../vocabulary.js";
import { consentInForce } from "../workflow/customer-change.js";
import { instantMs } from "../time.js";

/** What came of an outbound call. */
export const OUTBOUND_OUTCOMES = ["noAnswer", "notInterested", "interested", "converted", "doNotCall"] as const;
export type OutboundOutcome = (typeof OUTBOUND_OUTCOMES)[number];

/** The campaign response each outcome is recorded as. */
export const OUTCOME_RESPONSE: Readonly<Record<OutboundOutcome, CampaignResponseType>> = {
  noAnswer: "sent",
  notInterested: "delivered",
  interested: "responded",
  converted: "converted",
  doNotCall: "opted_out",
};

/** When the bank calls: minutes after midnight in its own time zone (`offsetMinutes` east of UTC). */
export interface CallingHours {
  from: number;
  to: number;
  offsetMinutes: number;
}
export const DEFAULT_CALLING_HOURS: CallingHours = { from: 9 * 60, to: 20 * 60, offsetMinutes: 8 * 60 };
/** Calls with no answer before a customer is left off, and the hours before trying again. */
export const MAX_CALL_ATTEMPTS = 3;
export const RETRY_AFTER_HOURS = 4;

export type CallLeftOut = "noConsent" | "deceased" | "closed" | "answered" | "attempts" | "retryLater" | "unknown";

export interface CallListEntry {
  customerId: string;
  /** Calls made with no answer so far. */
  attempts: number;
  lastAttemptAt?: string;
  preferredTime?: ContactTime;
  /** Whether now is the time they said they like to be called. */
  preferredNow: boolean;
}

export interface CallList {
  /** Whether calls may be made now: the campaign is active on the phone and it is within calling hours. */
  open: boolean;
  /** When closed by the hour: the next moment calls may be made (ISO). */
  opensAt?: string;
  calls: CallListEntry[];
  leftOut: { customerId: string; reason: CallLeftOut; retryAt?: string }[];
}

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;

/** Minutes after midnight and the weekday (0 Sunday) of an instant in the bank's time zone. */
function localClock(at: number, hours: CallingHours): { minutes: number; weekday: number; midnight: number } {
  const local = at + hours.offsetMinutes * MINUTE_MS;
  const day = Math.floor(local / 86_400_000);
  return {
    minutes: Math.floor((local - day * 86_400_000) / MINUTE_MS),
    weekday: (day + 4) % 7, // 1970-01-01 was a Thursday
    midnight: day * 86_400_000 - hours.offsetMinutes * MINUTE_MS,
  };
}

/** The next instant at or after `at` within calling hours. */
export function nextCallingTime(at: Date, hours: CallingHours = DEFAULT_CALLING_HOURS): Date {
  const { minutes, midnight } = localClock(at.getTime(), hours);
  if (minutes >= hours.from && minutes < hours.to) return at;
  const day = minutes < hours.from ? midnight : midnight + 86_400_000;
  return new Date(day + hours.from * MINUTE_MS);
}

/** Whether `preferred` (the customer's preferred contact time) covers the instant. */
function preferredCovers(preferred: ContactTime | undefined, at: number, hours: CallingHours): boolean {
  if (preferred === undefined) return false;
  const { minutes, weekday } = localClock(at, hours);
  const h = minutes / 60;
  switch (preferred) {
    case "anytime":
      return true;
    case "weekend":
      return weekday === 0 || weekday === 6;
    case "morning":
      return h < 12;
    case "noon":
      return h >= 12 && h < 14;
    case "afternoon":
      return h >= 14 && h < 18;
    case "evening":
      return h >= 18;
  }
}

/**
 * The call list of `campaign` now: its phone treatment group less those who may not or need not be called, each
 * left out with why. `responses` are the campaign's (any channel); `customers` the members' records.
 */
export function outboundCallList(
  campaign: Pick<Campaign, "id" | "status" | "channels" | "requiredConsent">,
  members: readonly CampaignMember[],
  customers: ReadonlyMap<string, Customer>,
  responses: readonly CampaignResponse[],
  options: { now: Date; hours?: CallingHours; maxAttempts?: number; retryAfterHours?: number },
): CallList {
  const hours = options.hours ?? DEFAULT_CALLING_HOURS;
  const now = options.now.getTime();
  const maxAttempts = options.maxAttempts ?? MAX_CALL_ATTEMPTS;
  const retryMs = (options.retryAfterHours ?? RETRY_AFTER_HOURS) * HOUR_MS;
  const byCustomer = new Map<string, CampaignResponse[]>();
  for (const r of responses)
    if (r.campaignId === campaign.id) byCustomer.set(r.customerId, [...(byCustomer.get(r.customerId) ?? []), r]);
  const calls: CallListEntry[] = [];
  const leftOut: CallList["leftOut"] = [];
  for (const m of members) {
    if (m.campaignId !== campaign.id || m.group !== "treatment" || m.channel !== "phone") continue;
    const out = (reason: CallLeftOut, retryAt?: string) =>
      leftOut.push({ customerId: m.customerId, reason, ...(retryAt ? { retryAt } : {}) });
    const c = customers.get(m.customerId);
    if (!c) out("unknown");
    else if (c.kind === "individual" && c.deceasedOn !== undefined) out("deceased");
    else if (c.status === "closed") out("closed");
    else if (consentInForce(c.consents, campaign.requiredConsent, "phone")?.granted !== true) out("noConsent");
    else {
      const mine = byCustomer.get(c.id) ?? [];
      const tries = mine.filter((r) => r.type === "sent" && r.channel === "phone");
      const last = tries.reduce<string | undefined>((a, r) => (a === undefined || r.at > a ? r.at : a), undefined);
      if (mine.some((r) => r.type !== "sent")) out("answered");
      else if (tries.length >= maxAttempts) out("attempts");
      else if (last !== undefined && instantMs(last) + retryMs > now)
        out("retryLater", new Date(instantMs(last) + retryMs).toISOString());
      else {
        const preferredTime = c.contact?.preferredContactTime;
        calls.push({
          customerId: c.id,
          attempts: tries.length,
          ...(last ? { lastAttemptAt: last } : {}),
          ...(preferredTime ? { preferredTime } : {}),
          preferredNow: preferredCovers(preferredTime, now, hours),
        });
      }
    }
  }
  calls.sort(
    (a, b) =>
      Number(b.preferredNow) - Number(a.preferredNow) ||
      a.attempts - b.attempts ||
      (a.customerId < b.customerId ? -1 : a.customerId > b.customerId ? 1 : 0),
  );
  const active = campaign.status === "active" && campaign.channels.includes("phone");
  const within = nextCallingTime(options.now, hours).getTime() === now;
  return {
    open: active && within,
    ...(active && !within ? { opensAt: nextCallingTime(options.now, hours).toISOString() } : {}),
    calls,
    leftOut,
  };
}

/** A call's outcome as the campaign's response, on the phone, at `at`. */
export function outboundResponse(
  campaignId: string,
  customerId: string,
  outcome: OutboundOutcome,
  at: string,
): CampaignResponse {
  return {
    id: `CR-${campaignId}-${customerId}-${instantMs(at)}`,
    campaignId,
    customerId,
    channel: "phone",
    type: OUTCOME_RESPONSE[outcome],
    at,
  };
}
