/**
 * The demo bank the server's tests share: 160 customers of the "bankcrm" seed
 * and their staff, a member of staff by id, one of each role, and a call to the
 * server as any of them.
 */
import { type StaffRole } from "@bankcrm/core";
import { generateDemoPortfolio, generateStaff } from "@bankcrm/core/demo";
import type { RunningServer } from "../../../../packages/data/test/support/reference-server.js";
import { seedDemo } from "../../src/seed.js";
import { signCustomerToken } from "../../src/auth.js";
import { answerText } from "./sse.js";

export const SEEDED = 160;
export const book = generateDemoPortfolio({ seed: "bankcrm", customers: SEEDED });
export const staff = generateStaff("bankcrm").all;

export interface Who {
  id: string;
  role: StaffRole;
  branchId: string;
  scopes?: readonly string[];
}

export function member(id: string): Who {
  const s = staff.find((m) => m.id === id);
  if (!s) throw new Error(`no staff ${id}`);
  return { id: s.id, role: s.role, branchId: s.branchId };
}

/** A relationship manager of Beijing Chaoyang. */
export const rm = member("ST-BJ-CY-RE1");
/** One of each role: the relationship manager, their branch's teller, manager and service agent; head office's marketing manager and auditor. */
export const ROLES: readonly Who[] = [
  rm,
  member("ST-BJ-CY-TE1"),
  member("ST-BJ-CY-BR1"),
  member("ST-BJ-CY-SE1"),
  member("ST-HQ-MA1"),
  member("ST-HQ-AU1"),
];
/** A teller of another branch: neither the relationship manager's book nor their branch. */
export const otherBranchTeller = member(staff.find((s) => s.role === "teller" && s.branchId !== rm.branchId)!.id);

/** A request as `who` (with an Idempotency-Key, and JSON when there is a body); the answer's status and text. */
export async function call(
  s: RunningServer,
  who: Who,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  const response = await fetch(new URL(path, s.url), {
    method,
    headers: {
      Authorization: `Bearer ${await s.tokenFor(who)}`,
      "Idempotency-Key": crypto.randomUUID(),
      ...(body !== undefined ? { "Content-Type": "application/json" } : {}),
      ...headers,
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await answerText(response);
  return { status: response.status, text, json: () => JSON.parse(text) as Record<string, unknown> };
}

/** A request as a signed-in customer (the portal's `/me` routes): the answer's status, type, ETag and text. */
export async function callAsCustomer(
  s: RunningServer,
  customerId: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  const token = await signCustomerToken(customerId, { secret: s.secret });
  const response = await fetch(new URL(path, s.url), {
    method,
    headers: {
      Authorization: `Bearer ${token}`,
      "Idempotency-Key": crypto.randomUUID(),
      ...(body !== undefined ? { "Content-Type": "application/json" } : {}),
      ...headers,
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  return {
    status: response.status,
    type: response.headers.get("Content-Type"),
    etag: response.headers.get("ETag"),
    text,
  };
}

/** The server, with the demo bank seeded into it the first time a test asks (one seeding a file). */
export function seededServer(server: () => RunningServer): () => Promise<RunningServer> {
  let seeded = false;
  return async () => {
    if (!seeded) await seedDemo(server().db, SEEDED);
    seeded = true;
    return server();
  };
}

/** A phone call logged on a customer: the interaction the feed's and durability's tests write. */
export const callNote = (id: string, customerId: string) => ({
  id,
  customerId,
  at: "2026-11-30T01:00:00Z",
  channel: "phone",
  type: "call",
  summary: `feed ${id}`,
  outcome: "follow_up",
  confidential: false,
});

/** Who `who`'s segment of everyone, bound to the marketing consent, holds (`POST /segments/evaluate`). */
export async function marketingMembers(s: RunningServer, who: Who): Promise<string[]> {
  const answer = await call(s, who, "POST", "segments/evaluate", {
    definition: {
      schemaVersion: 1,
      id: "all-for-marketing",
      name: "everyone, for marketing",
      version: 1,
      rule: { field: "status", op: "isNotEmpty" },
      purpose: "marketing",
    },
    limit: 1000,
  });
  if (answer.status !== 200) throw new Error(`segments/evaluate: ${answer.status} ${answer.text}`);
  return (JSON.parse(answer.text) as { ids: string[] }).ids;
}
