/**
 * A property a record does not have is refused at the write boundary (422,
 * `unrecognizedKeys`, at its path) — never dropped unsaid: a caller must not
 * believe it saved a field the server threw away. `__proto__` and
 * `constructor` are such properties, and change nothing on the way.
 */
import { describe, expect, it } from "vitest";
import { newLead } from "../../../packages/data/test/support/leads.js";
import { useReferenceServer } from "../../../packages/data/test/support/reference-server.js";

describe("unknown properties on a write", () => {
  const server = useReferenceServer();
  const rm = { id: "ST-RM-KEYS", role: "relationship_manager" as const, branchId: "BR-1" };
  const post = async (path: string, text: string) => {
    const s = server();
    const response = await fetch(new URL(path, s.url), {
      method: "POST",
      headers: {
        Authorization: `Bearer ${await s.tokenFor(rm)}`,
        "Content-Type": "application/json",
        "Idempotency-Key": crypto.randomUUID(),
      },
      body: text,
    });
    return {
      status: response.status,
      body: (await response.json()) as { errors?: { path: unknown[]; code: string }[] },
    };
  };

  it("refuses __proto__, constructor and a misspelt field, at their paths, and stores nothing", async () => {
    const lead = JSON.stringify(newLead("LD-KEYS"));
    const hostile = `${lead.slice(0, -1)},"__proto__":{"isAdmin":true},"constructor":{"prototype":{"x":1}},"notez":"typo"}`;
    const refused = await post("leads", hostile);
    expect(refused.status).toBe(422);
    expect(refused.body.errors?.map((e) => [e.path, e.code])).toEqual([
      [["__proto__"], "unrecognizedKeys"],
      [["constructor"], "unrecognizedKeys"],
      [["notez"], "unrecognizedKeys"],
    ]);
    const nested = JSON.stringify({ ...newLead("LD-KEYS"), consent: { ...newLead("x").consent, signature: "x" } });
    expect((await post("leads", nested)).body.errors?.map((e) => e.path)).toEqual([["consent", "signature"]]);
    expect(await server().db.get("leads", "LD-KEYS")).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    expect((await post("leads", lead)).status).toBe(201);
  });
});
