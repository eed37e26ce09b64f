/**
 * The regulator's complaint clock (CBIRC 2020: 15 calendar days from receipt, 30 once extended, 60 with a senior
 * manager's approval) beside the bank's working-day service levels: derived by the writer whatever the input said,
 * extended only with a reason (the second time by the branch manager), and whichever limit comes first held to.
 */
import { describe, expect, it } from "vitest";
import {
  applyTransition,
  applyUpdate,
  availableTransitions,
  computeSlaDue,
  describeError,
  isAccessDeniedError,
  isTransitionError,
  isValidationError,
  regulatoryDue,
  slaPolicyFor,
  slaState,
  stampCreate,
  type Customer,
  type ServiceCase,
} from "../src/index.js";
import { breach, regulatoryBreaches } from "../src/compliance/index.js";

const teller = { id: "ST-TELLER", role: "teller" as const };
const rm = { id: "ST-RM", role: "relationship_manager" as const };
const manager = { id: "ST-BM", role: "branch_manager" as const };
const RECEIVED = "2026-09-30T02:00:00.000Z"; // 30 September, 10:00 in Beijing
/** What `f` throws (undefined when it does not). */
const errorOf = (f: () => unknown): unknown => {
  try {
    f();
  } catch (error) {
    return error;
  }
  return undefined;
};

const complaint = (o: Partial<ServiceCase> = {}) =>
  stampCreate(
    "serviceCases",
    {
      id: "SC-CLOCK",
      customerId: "CU00000001",
      type: "complaint",
      priority: "medium",
      channel: "branch",
      status: "open",
      subject: "手续费争议",
      openedAt: RECEIVED,
      slaDueAt: computeSlaDue(RECEIVED, slaPolicyFor({ type: "complaint", priority: "low" })).dueAt,
      ...o,
    },
    { actor: teller, at: RECEIVED },
  );

describe("the regulator's complaint clock", () => {
  it("ends 15 calendar days after receipt — before the bank's 15 working days — and is the limit the case is held to", () => {
    expect(regulatoryDue(RECEIVED).dueDay).toBe("2026-10-15");
    expect(regulatoryDue(RECEIVED, 1).dueDay).toBe("2026-10-30");
    expect(regulatoryDue(RECEIVED, 2).dueDay).toBe("2026-11-29");
    // Received after 16:00 UTC is the next day in Beijing.
    expect(regulatoryDue("2026-09-30T17:00:00Z").dueDay).toBe("2026-10-16");
    const c = complaint();
    expect(computeSlaDue(RECEIVED, { workingDays: 15 }).dueDay).toBe("2026-10-27");
    expect(c.regulatoryDueAt).toBe(regulatoryDue(RECEIVED).dueAt);
    const onTheSixteenth = slaState(c, "2026-10-16T02:00:00Z");
    expect(onTheSixteenth).toMatchObject({ binding: "regulatory", state: "overdue", dueAt: c.regulatoryDueAt });
    expect(slaState({ ...c, regulatoryDueAt: undefined }, "2026-10-16T02:00:00Z").state).not.toBe("overdue");
  });

  it("is the writer's: a limit in the input is replaced, an inquiry has none, an update may not set it", () => {
    expect(complaint({ regulatoryDueAt: "2027-12-31T00:00:00.000Z" }).regulatoryDueAt).toBe(
      regulatoryDue(RECEIVED).dueAt,
    );
    expect(complaint({ type: "inquiry" }).regulatoryDueAt).toBeUndefined();
    const c = complaint();
    for (const changes of [{ regulatoryDueAt: "2027-12-31T00:00:00.000Z" }, { extensions: [] }]) {
      expect(
        isValidationError(errorOf(() => applyUpdate("serviceCases", c, changes, { actor: teller, at: RECEIVED }))),
      ).toBe(true);
    }
  });

  it("is extended with a reason to 30 days, then to 60 only by the branch manager, and no further", () => {
    const once = applyTransition("serviceCases", complaint(), "extend", {
      actor: rm,
      at: "2026-10-10T02:00:00Z",
      reason: "需调取交易流水核实",
    });
    expect(once.regulatoryDueAt).toBe(regulatoryDue(RECEIVED, 1).dueAt);
    expect(once.extensions).toEqual([{ at: "2026-10-10T02:00:00.000Z", reason: "需调取交易流水核实", by: "ST-RM" }]);
    // The second extension is the senior manager's to approve: an RM's is refused.
    const byRm = errorOf(() => applyTransition("serviceCases", once, "extend", { actor: rm, reason: "复杂" }));
    expect(isAccessDeniedError(byRm)).toBe(true);
    const twice = applyTransition("serviceCases", once, "extend", { actor: manager, reason: "涉及第三方机构" });
    expect(twice.regulatoryDueAt).toBe(regulatoryDue(RECEIVED, 2).dueAt);
    expect(twice.extensions![1]).toMatchObject({ by: "ST-BM", approvedBy: "ST-BM" });
    const thrice = errorOf(() => applyTransition("serviceCases", twice, "extend", { actor: manager, reason: "again" }));
    expect(isTransitionError(thrice) || isValidationError(thrice)).toBe(true);
    const inquiry = complaint({ type: "inquiry" });
    const notComplaint = errorOf(() => applyTransition("serviceCases", inquiry, "extend", { actor: rm, reason: "x" }));
    expect(isTransitionError(notComplaint) || isValidationError(notComplaint)).toBe(true);
    // Without a reason, nothing is extended.
    expect(() => applyTransition("serviceCases", complaint(), "extend", { actor: rm })).toThrow();
  });
});

describe("a personal-information request's clock (GB/T 35273-2020 §8.7)", () => {
  it("is thirty calendar days from receipt, the writer's, and the request names its right", () => {
    const request = complaint({ type: "personal_information", privacyRight: "copy", subject: "申请个人信息副本" });
    // Received 30 September (Beijing): answered by the end of 30 October.
    expect(request.regulatoryDueAt).toBe("2026-10-30T16:00:00.000Z");
    // The bank's own limit, 15 working days, comes first (the National Day holidays inside it).
    const bank = computeSlaDue(RECEIVED, slaPolicyFor({ type: "personal_information", priority: "medium" }));
    expect(slaState({ ...request, slaDueAt: bank.dueAt }, RECEIVED).binding).toBe("sla");
    expect(Date.parse(bank.dueAt)).toBeLessThan(Date.parse(request.regulatoryDueAt!));
    const unnamed = errorOf(() => complaint({ type: "personal_information" }));
    expect(isValidationError(unnamed) && unnamed.errors[0]).toMatchObject({
      path: ["privacyRight"],
      message: "此项为必填项",
    });
    expect(isValidationError(errorOf(() => complaint({ privacyRight: "deletion" })))).toBe(true);
    // No extension: that is a complaint's.
    expect(
      errorOf(() => applyTransition("serviceCases", request, "extend", { actor: manager, at: RECEIVED, reason: "x" })),
    ).toBeDefined();
  });
});

describe("the 回避 rule: a complaint is handled by someone with no interest in it", () => {
  const customer = { id: "CU00000001", relationshipManagerId: rm.id } as unknown as Customer;
  const agent = { id: "ST-AGENT", role: "service_agent" as const };

  it("keeps the customer's relationship manager and the person complained about from taking it on or deciding it", () => {
    const about = complaint({ aboutStaffId: agent.id });
    for (const [who, c] of [
      [rm, complaint()],
      [agent, about],
    ] as const) {
      const refused = errorOf(() =>
        applyTransition("serviceCases", c, "start", { actor: who, at: RECEIVED, customer }),
      );
      expect(isAccessDeniedError(refused) && refused.reason).toBe("recusal");
      expect(describeError(refused, "en")).toBe(
        "A complaint is handled by someone with no interest in it: not the customer's relationship manager nor the person complained about",
      );
    }
    // The person complained about is not even offered it; anyone else takes it on and decides it.
    expect(availableTransitions("serviceCases", about, agent).map((t) => t.event)).not.toContain("start");
    const started = applyTransition("serviceCases", about, "start", { actor: manager, at: RECEIVED, customer });
    const resolved = applyTransition("serviceCases", started, "resolve", {
      actor: manager,
      at: RECEIVED,
      customer,
      resolution: "费用已退还",
    });
    expect(resolved.status).toBe("resolved");
    expect(
      isAccessDeniedError(
        errorOf(() =>
          applyTransition("serviceCases", started, "resolve", { actor: rm, at: RECEIVED, customer, resolution: "x" }),
        ),
      ),
    ).toBe(true);
    // A request that is not a complaint: their own RM serves it.
    const request = complaint({ type: "account_service" });
    expect(applyTransition("serviceCases", request, "start", { actor: rm, at: RECEIVED, customer }).status).toBe(
      "in_progress",
    );
  });
});

describe("breaches of the regulator's limits, for head office", () => {
  it("counts a case open past its limit or answered after it, per branch of its customer, most first", () => {
    const at = "2026-10-20T02:00:00Z";
    const late = { ...complaint({ id: "L" }), status: "resolved" as const, resolvedAt: "2026-10-16T02:00:00Z" };
    const inTime = { ...complaint({ id: "T" }), status: "resolved" as const, resolvedAt: "2026-10-15T02:00:00Z" };
    const open = complaint({ id: "O", customerId: "CU00000002" });
    const request = complaint({ id: "P", type: "personal_information", privacyRight: "copy" }); // due 30 October
    const inquiry = complaint({ id: "I", type: "inquiry" }); // no regulatory limit
    expect([late, inTime, open, request, inquiry].map((c) => breach(c, at))).toEqual([
      "late",
      undefined,
      "open",
      undefined,
      undefined,
    ]);
    const branches: Record<string, string> = { CU00000001: "BR-A", CU00000002: "BR-B" };
    const two = { ...open, id: "O2" };
    expect(regulatoryBreaches([late, inTime, open, two, request, inquiry], (id) => branches[id], at)).toEqual([
      { branchId: "BR-B", open: 2, late: 0, complaints: 2, personalInformation: 0 },
      { branchId: "BR-A", open: 0, late: 1, complaints: 1, personalInformation: 0 },
    ]);
  });
});
