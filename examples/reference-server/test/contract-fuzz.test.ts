/**
 * Fuzzed from the contract: fast-check sends every operation of
 * docs/api/openapi.yaml random valid and broken parameters and bodies, under
 * each role's token (and a data feed's), against ids in and out of the
 * caller's scope. Every answer must be below 500, match the contract's own
 * response schema for its status, and carry nothing of another book; after
 * the run the audit chain still verifies. `FUZZ_RUNS` sets the number of
 * requests (the suite's 2,000; `BENCH_ONLY=fuzz pnpm bench` sends 20,000).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { collectionSpec, inCustomerScope, isCollectionName } from "@bankcrm/core";
import { ADMIN, useReferenceServer } from "../../../packages/data/test/support/reference-server.js";
import { seedDemo } from "../src/seed.js";
import { loadContract, requests, type Caller, type Operation } from "./support/contract-fuzz.js";
import { book, otherBranchTeller, rm, ROLES, SEEDED } from "./support/demo-bank.js";
import { forbiddenFor, leaksIn } from "./support/scan.js";
import { answerText } from "./support/sse.js";

const RUNS = Number(process.env.FUZZ_RUNS ?? 2000);
const CALLERS: Caller[] = [...ROLES, otherBranchTeller, { ...ADMIN, id: "svc-fuzz-feed" }];
const all = (collection: string) =>
  isCollectionName(collection)
    ? ((book as unknown as Record<string, Record<string, unknown>[]>)[collection] ?? [])
    : [];
const recordsOf = (collection: string) => all(collection).slice(0, 40);
const byId = new Map(book.customers.map((c) => [c.id, c]));
/** A record as a create would send it: in its machine's first state, with no history or closing of its own. */
const asNew = (collection: string, record: Record<string, unknown>) => {
  const machine = isCollectionName(collection) ? collectionSpec(collection).machine : undefined;
  if (!machine) return record;
  const { history: _h, closedAt: _c, resolvedAt: _r, completedAt: _d, opportunityId: _o, ...rest } = record;
  return { ...rest, [machine.field]: machine.initial[0] };
};
/** Records of the caller's own customers (so that writes also succeed), else any; new ones for a create. */
const recordsFor = (collection: string, caller: number, operation: Operation) => {
  const who = CALLERS[caller]!;
  const mine = all(collection).filter((r) => {
    const customer =
      typeof r.customerId === "string" ? byId.get(r.customerId) : collection === "customers" ? r : undefined;
    return customer !== undefined && inCustomerScope(who, customer);
  });
  const chosen = (mine.length > 0 ? mine : all(collection)).slice(0, 40);
  return operation.method === "post" && !operation.template.startsWith("/import/")
    ? chosen.map((r) => asNew(collection, r))
    : chosen;
};
/** Ids for a path parameter: a caller's own customers' records, other books' and branches', natural keys. */
const pathValues = (template: string, name: string): string[] => {
  if (name === "key")
    return book.customers.slice(0, 20).map((c) => (c.kind === "individual" ? c.idDocument.number : c.uscc));
  const collection = template.startsWith("/customers/{id}") ? "customers" : template.split("/")[1]!;
  const own = book.customers.filter((c) => inCustomerScope(rm, c)).slice(0, 5);
  const others = book.customers.filter((c) => !inCustomerScope(rm, c)).slice(0, 10);
  if (collection === "customers") return [...own, ...others].map((c) => c.id);
  return recordsOf(collection).map((r) => String(r.id));
};

describe("the contract, fuzzed", () => {
  const server = useReferenceServer();

  it(`answers ${RUNS.toLocaleString("en")} generated requests within the contract: no 5xx, every answer as its schema says, nothing out of scope, the audit chain intact`, async () => {
    const s = server();
    await seedDemo(s.db, SEEDED);
    const contract = loadContract();
    const tokens = await Promise.all(CALLERS.map((c) => s.tokenFor(c)));
    const forbidden = CALLERS.map((c) => forbiddenFor(c, book));
    const statuses = new Map<number, number>();
    const covered = new Set<string>();
    await fc.assert(
      fc.asyncProperty(
        requests({
          contract,
          callers: CALLERS,
          pathValues: (op, name) => pathValues(op.template, name),
          records: recordsFor,
        }),
        async (request) => {
          const url = new URL(request.path.slice(1), s.url);
          for (const [k, v] of Object.entries(request.query)) url.searchParams.set(k, v);
          const text =
            request.body === undefined
              ? undefined
              : "raw" in request.body
                ? request.body.raw
                : JSON.stringify(request.body.json);
          const response = await fetch(url, {
            method: request.operation.method.toUpperCase(),
            headers: {
              Authorization: `Bearer ${tokens[request.caller]}`,
              ...(text !== undefined ? { "Content-Type": "application/json" } : {}),
              ...request.headers,
            },
            ...(text !== undefined ? { body: text } : {}),
          });
          const answer = await answerText(response);
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
          covered.add(`${request.operation.method} ${request.operation.template}`);
          const where = `${CALLERS[request.caller]!.id} ${request.operation.method.toUpperCase()} ${url.pathname}${url.search} → ${response.status}: ${answer.slice(0, 300)}`;
          expect(response.status, where).toBeLessThan(500);
          let json: unknown;
          try {
            json = JSON.parse(answer);
          } catch {
            json = answer;
          }
          const broken = contract.check(request.operation, response.status, json, response.headers.get("Content-Type"));
          expect(broken, `${broken.join("; ")} — ${where}`).toEqual([]);
          const caller = CALLERS[request.caller]!;
          if (!caller.scopes)
            expect(
              leaksIn(
                answer,
                forbidden[request.caller]!,
                JSON.stringify({
                  path: url.pathname.split("/").map(decodeURIComponent),
                  query: request.query,
                  body: request.body && "json" in request.body ? request.body.json : text,
                }),
                caller,
              ),
              where,
            ).toEqual([]);
        },
      ),
      { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED ?? 24), endOnFailure: true },
    );
    // Every operation was called, and the answers span success and refusal.
    expect(covered.size).toBe(contract.operations.length);
    for (const status of [200, 201, 400, 403, 404, 422])
      expect(statuses.get(status) ?? 0, `status ${status}`).toBeGreaterThan(0);
    const auditor = CALLERS.find((c) => c.role === "auditor")!;
    const verified = await fetch(new URL("audit/verify", s.url), {
      headers: { Authorization: `Bearer ${await s.tokenFor(auditor)}` },
    }).then((r) => r.json() as Promise<{ ok: boolean; rows: number }>);
    expect(verified.ok).toBe(true);
    expect(verified.rows).toBeGreaterThan(0);
    console.log(
      `contract fuzz: ${RUNS} requests, statuses ${JSON.stringify(Object.fromEntries([...statuses].sort()))}`,
    );
  }, 600_000);
});
