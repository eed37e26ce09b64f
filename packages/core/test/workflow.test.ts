import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  applyCustomerChange,
  applySelfServiceChange,
  applyTransition,
  applyUpdate,
  availableTransitions,
  collections,
  consentInForce,
  DEFAULT_STAGE_PROBABILITY,
  describeError,
  isAccessDeniedError,
  isBankcrmError,
  isTransitionError,
  isValidationError,
  MACHINE_COLLECTIONS,
  stampCreate,
  TIMELINE_COLLECTIONS,
  validate,
  type Actor,
  type CollectionName,
  type CollectionRecords,
  type CollectionSpec,
} from "../src/index.js";
import { generateDemoPortfolio } from "../src/demo/index.js";

const rm: Actor = { id: "S-RM1", role: "relationship_manager", branchId: "B1" };
const bm: Actor = { id: "S-BM1", role: "branch_manager", branchId: "B1" };
const bm2: Actor = { id: "S-BM2", role: "branch_manager", branchId: "B1" };
const marketing: Actor = { id: "S-MK1", role: "marketing" };
const auditor: Actor = { id: "S-AU1", role: "auditor" };
const at = "2026-11-30T01:00:00.000Z"; // instants are stored as UTC (see "one spelling per instant")
const later = (hours: number) => new Date(Date.parse(at) + hours * 3_600_000).toISOString();

const demo = generateDemoPortfolio({ customers: 300, seed: "workflow" });
const customer = demo.customers.find((c) => c.kind === "individual")!;
const anOpportunity: CollectionRecords["opportunities"] = {
  id: "OP-1",
  customerId: customer.id,
  title: "Mortgage",
  productType: "mortgage",
  stage: "qualification",
  amount: { amount: 80_000_000, currency: "CNY" },
  probability: 0.2,
  expectedClose: "2027-01-31",
  ownerId: rm.id,
  createdAt: at,
};

function newLead() {
  return stampCreate(
    "leads",
    {
      id: "L-1",
      customerId: customer.id,
      name: "王小明",
      mobile: "13812345678",
      purpose: "mortgage",
      source: "branch_walk_in",
      status: "new",
      consent: { purpose: "marketing", channel: "phone", granted: true, textVersion: "2026-03", recordedAt: at },
      createdAt: "1999-01-01T00:00:00Z", // replaced by the writer's clock
      createdBy: "someone-else", // replaced by the actor
    },
    { actor: rm, at },
  );
}

describe("lead machine", () => {
  it("moves new → contacted → qualified → converted, linking the opportunity, with a history entry per step", () => {
    const lead = newLead();
    expect(lead).toMatchObject({ version: 1, createdBy: rm.id, createdAt: at, updatedBy: rm.id });
    const contacted = applyTransition("leads", lead, "contact", { actor: rm, at: later(1), reason: "called back" });
    const qualified = applyTransition("leads", contacted, "qualify", { actor: rm, at: later(2) });
    const converted = applyTransition("leads", qualified, "convert", { actor: rm, at: later(3), opportunityId: "O-9" });
    expect(converted.status).toBe("converted");
    expect(converted.opportunityId).toBe("O-9");
    expect(converted.version).toBe(4);
    expect(converted.history).toEqual([
      { event: "contact", from: "new", to: "contacted", by: rm.id, at: later(1), reason: "called back" },
      { event: "qualify", from: "contacted", to: "qualified", by: rm.id, at: later(2) },
      { event: "convert", from: "qualified", to: "converted", by: rm.id, at: later(3) },
    ]);
    expect(lead.status).toBe("new"); // the input is never modified
    expect(availableTransitions("leads", converted, rm)).toEqual([]);
  });

  it("refuses an event the state does not allow, listing the allowed ones", () => {
    const lead = newLead();
    try {
      applyTransition("leads", lead, "convert", { actor: rm, at, opportunityId: "O-1" });
      expect.unreachable();
    } catch (error) {
      expect(isTransitionError(error)).toBe(true);
      expect(isBankcrmError(error, "invalid_transition")).toBe(true);
      expect(isBankcrmError(error, "conflict")).toBe(false);
      if (!isTransitionError(error)) throw error;
      expect(error.allowed).toEqual(["contact", "disqualify"]);
      expect(describeError(error, "zh-CN")).toBe("当前状态（new）下不能执行此操作");
      expect(describeError(error, "en")).toBe("This cannot be done in the current state (new)");
    }
    expect(() => applyTransition("leads", lead, "explode", { actor: rm, at })).toThrow(/"explode" does not apply/);
  });

  it("needs a reason to disqualify and a target to convert, in the user's language", () => {
    const lead = newLead();
    for (const [locale, text] of [
      ["zh-CN", "此项为必填项"],
      ["en", "This field is required"],
    ] as const) {
      try {
        applyTransition("leads", lead, "disqualify", { actor: rm, at, locale });
        expect.unreachable();
      } catch (error) {
        expect(isValidationError(error)).toBe(true);
        if (isValidationError(error)) expect(error.errors[0]).toMatchObject({ path: ["reason"], message: text });
      }
    }
    const qualified = applyTransition(
      "leads",
      applyTransition("leads", lead, "contact", { actor: rm, at }),
      "qualify",
      { actor: rm, at },
    );
    expect(() => applyTransition("leads", qualified, "convert", { actor: rm, at, locale: "en" })).toThrow(
      /Link the opportunity or customer/,
    );
    const out = applyTransition("leads", lead, "disqualify", { actor: rm, at, reason: "duplicate enquiry" });
    expect(out).toMatchObject({ status: "disqualified", disqualifiedReason: "duplicate enquiry" });
  });

  it("an auditor is offered nothing and may apply nothing", () => {
    const lead = newLead();
    expect(availableTransitions("leads", lead, auditor)).toEqual([]);
    expect(() => applyTransition("leads", lead, "contact", { actor: auditor, at })).toThrow(
      expect.objectContaining({ code: "access_denied" }),
    );
    expect(() => stampCreate("leads", lead, { actor: auditor, at })).toThrow(
      expect.objectContaining({ code: "access_denied" }),
    );
  });
});

describe("opportunity machine", () => {
  const opportunity = anOpportunity;

  it("moves between open stages with the stage's default probability, and offers every other open stage", () => {
    const moved = applyTransition("opportunities", opportunity, "move", { actor: rm, at, stage: "proposal" });
    expect(moved).toMatchObject({ stage: "proposal", probability: DEFAULT_STAGE_PROBABILITY.proposal });
    const move = availableTransitions("opportunities", moved, rm).find((t) => t.event === "move")!;
    expect(move.to).toEqual(["prospecting", "qualification", "needs_analysis", "negotiation"]);
    expect(move.requires).toEqual(["stage"]);
    expect(() => applyTransition("opportunities", moved, "move", { actor: rm, at, stage: "proposal" })).toThrow(
      expect.objectContaining({ code: "validation_failed" }),
    );
  });

  it("won records the amount and probability 1; lost the reason and probability 0; both close", () => {
    const amount = { amount: 123_456_00, currency: "CNY" };
    const won = applyTransition("opportunities", opportunity, "win", { actor: rm, at, amount });
    expect(won).toMatchObject({ stage: "won", amount, probability: 1, closedAt: at });
    expect(() => applyTransition("opportunities", opportunity, "win", { actor: rm, at })).toThrow(
      expect.objectContaining({ code: "validation_failed" }),
    );
    const lost = applyTransition("opportunities", opportunity, "lose", { actor: rm, at, reason: "rate elsewhere" });
    expect(lost).toMatchObject({ stage: "lost", probability: 0, lostReason: "rate elsewhere", closedAt: at });
    expect(availableTransitions("opportunities", won, rm)).toEqual([]);
    // Tellers do not work opportunities.
    expect(availableTransitions("opportunities", opportunity, { id: "T", role: "teller" })).toEqual([]);
  });
});

describe("service case machine", () => {
  const open = { ...demo.serviceCases[0]!, status: "open" as const, priority: "medium" as const };
  delete (open as { resolvedAt?: string }).resolvedAt;
  delete (open as { satisfaction?: number }).satisfaction;

  it("resolves with a resolution, closes, and reopens within the window only", () => {
    const resolved = applyTransition("serviceCases", open, "resolve", {
      actor: rm,
      at,
      resolution: "fee refunded",
    });
    expect(resolved).toMatchObject({ status: "resolved", resolvedAt: at, resolution: "fee refunded" });
    const reopened = applyTransition("serviceCases", resolved, "reopen", { actor: rm, at: later(24), reason: "again" });
    expect(reopened.status).toBe("open");
    expect(reopened.resolvedAt).toBeUndefined();
    expect("resolvedAt" in reopened).toBe(false);
    expect(() =>
      applyTransition("serviceCases", resolved, "reopen", { actor: rm, at: later(24 * 16), reason: "again" }),
    ).toThrow(expect.objectContaining({ code: "validation_failed" }));
    expect(availableTransitions("serviceCases", resolved, rm, { at: later(24 * 16) }).map((t) => t.event)).toEqual([
      "close",
    ]);
    // A bank may give a longer window.
    const late = applyTransition("serviceCases", resolved, "reopen", {
      actor: rm,
      at: later(24 * 16),
      reason: "again",
      windowDays: 30,
    });
    expect(late.status).toBe("open");
  });

  it("escalation keeps the state and raises the priority a step each time, up to urgent", () => {
    let c = open as CollectionRecords["serviceCases"];
    for (let i = 0; i < 4; i++) c = applyTransition("serviceCases", c, "escalate", { actor: bm, at, reason: "slow" });
    expect(c).toMatchObject({ status: "open", priority: "urgent", escalationLevel: 4 });
    expect(c.history!.map((h) => [h.from, h.to])).toEqual(Array(4).fill(["open", "open"]));
  });
});

describe("task machine", () => {
  const task = { ...demo.tasks[0]!, status: "open" as const };
  it("snoozes to a later time only, and completes with the time", () => {
    const snoozed = applyTransition("tasks", task, "snooze", { actor: rm, at, until: later(48) });
    expect(snoozed.dueAt).toBe(later(48));
    expect(() => applyTransition("tasks", task, "snooze", { actor: rm, at, until: later(-1) })).toThrow(
      expect.objectContaining({ code: "validation_failed" }),
    );
    expect(applyTransition("tasks", snoozed, "complete", { actor: rm, at })).toMatchObject({
      status: "done",
      completedAt: at,
    });
  });
});

describe("campaign machine: four eyes", () => {
  const draft = { ...demo.campaigns[0]!, status: "draft" as const, ownerId: bm.id };
  it("is approved only by a branch manager who neither owns nor wrote it", () => {
    expect(() => applyTransition("campaigns", draft, "approve", { actor: bm, at })).toThrow(
      expect.objectContaining({ code: "access_denied" }),
    );
    expect(availableTransitions("campaigns", draft, bm).map((t) => t.event)).toEqual(["cancel"]);
    expect(() => applyTransition("campaigns", draft, "approve", { actor: marketing, at })).toThrow(
      expect.objectContaining({ code: "access_denied" }),
    );
    const approved = applyTransition("campaigns", draft, "approve", { actor: bm2, at });
    expect(approved).toMatchObject({ status: "scheduled", approvedBy: bm2.id, approvedAt: at });
    const running = applyTransition("campaigns", approved, "launch", { actor: marketing, at });
    expect(applyTransition("campaigns", running, "complete", { actor: marketing, at }).status).toBe("completed");
  });
});

describe("creates and updates", () => {
  it("a new record must start in an initial state", () => {
    const lead = newLead();
    expect(() => stampCreate("leads", { ...lead, status: "converted" }, { actor: rm, at, locale: "en" })).toThrow(
      /A new record starts in: new/,
    );
  });
  it("an update cannot change the state, the version or who wrote it; other fields merge and bump the version", () => {
    const lead = newLead();
    try {
      applyUpdate("leads", lead, { status: "converted", version: 9, notes: "x" }, { actor: rm, at, locale: "en" });
      expect.unreachable();
    } catch (error) {
      expect(isValidationError(error)).toBe(true);
      if (isValidationError(error)) expect(error.errors.map((e) => e.path[0])).toEqual(["status", "version"]);
    }
    const updated = applyUpdate("leads", lead, { notes: "prefers mornings" }, { actor: bm, at: later(1) });
    expect(updated).toMatchObject({ notes: "prefers mornings", version: 2, updatedBy: bm.id, createdBy: rm.id });
    expect(() => applyUpdate("leads", lead, { mobile: "123" }, { actor: rm, at })).toThrow(
      expect.objectContaining({ code: "validation_failed" }),
    );
  });
  it("an unknown collection is a typed error", () => {
    expect(() => stampCreate("nope" as CollectionName, {}, { actor: rm, at })).toThrow(
      expect.objectContaining({ code: "invalid_argument", argument: "collection" }),
    );
    expect(() => availableTransitions("holdings", {}, rm)).toThrow(
      expect.objectContaining({ code: "invalid_argument" }),
    );
  });
});

describe("customer changes are kept, never overwritten", () => {
  it("a contact change keeps what it was; a withdrawn consent is in force at once", () => {
    const { customer: next, change } = applyCustomerChange(
      customer,
      { kind: "contact", contact: { mobile: "13900001111" }, reason: "new phone" },
      { actor: rm, at, id: "CH-1" },
    );
    expect(next.contact.mobile).toBe("13900001111");
    expect(change.previousContact).toEqual(customer.contact);
    expect(change).toMatchObject({ by: rm.id, at, customerId: customer.id, kind: "contact" });
    expect(next.version).toBe((customer.version ?? 0) + 1);

    const granted = applyCustomerChange(
      next,
      {
        kind: "consent",
        consent: { purpose: "marketing", channel: "sms", granted: true, textVersion: "v1", recordedAt: later(1) },
      },
      { actor: rm, at: later(1), id: "CH-2" },
    ).customer;
    const withdrawn = applyCustomerChange(
      granted,
      {
        kind: "consent",
        consent: { purpose: "marketing", channel: "sms", granted: false, textVersion: "v1", recordedAt: later(2) },
      },
      { actor: rm, at: later(2), id: "CH-3" },
    ).customer;
    expect(withdrawn.consents.length).toBe(customer.consents.length + 2);
    expect(consentInForce(withdrawn.consents, "marketing", "sms")?.granted).toBe(false);
    expect(() =>
      applyCustomerChange(customer, { kind: "risk_assessment", riskTolerance: "C3" }, { actor: rm, at, id: "CH-4" }),
    ).toThrow(expect.objectContaining({ code: "validation_failed" }));
    expect(() =>
      applyCustomerChange(customer, { kind: "contact", contact: {} }, { actor: auditor, at, id: "CH-5" }),
    ).toThrow(expect.objectContaining({ code: "access_denied" }));
  });

  it("a customer changes their own contact and consents, by their own id, and nothing else", () => {
    const stamp = { customerId: customer.id, at, id: "CH-SELF-1" };
    const withdrawn = applySelfServiceChange(
      customer,
      {
        kind: "consent",
        consent: { purpose: "marketing", channel: "all", granted: false, textVersion: "v1", recordedAt: at },
      },
      stamp,
    );
    expect(withdrawn.change).toMatchObject({ by: customer.id, kind: "consent", customerId: customer.id });
    expect(withdrawn.customer.updatedBy).toBe(customer.id);
    expect(consentInForce(withdrawn.customer.consents, "marketing", "sms")?.granted).toBe(false);
    const moved = applySelfServiceChange(customer, { kind: "contact", contact: { city: "上海" } }, stamp);
    expect(moved.customer.contact.city).toBe("上海");
    // A risk re-assessment is staff's, with the questionnaire; another customer's record is not theirs.
    expect(() =>
      applySelfServiceChange(
        customer,
        { kind: "risk_assessment", riskTolerance: "C5", riskAssessedAt: "2026-12-01" },
        stamp,
      ),
    ).toThrow(expect.objectContaining({ code: "access_denied" }));
    expect(() =>
      applySelfServiceChange(
        customer,
        { kind: "contact", contact: { city: "上海" } },
        { ...stamp, customerId: "CU-OTHER" },
      ),
    ).toThrow(expect.objectContaining({ code: "access_denied" }));
  });
});

/** A starting record of each machine's collection, in its first initial state. */
function seed(collection: CollectionName): Record<string, unknown> {
  const pick = {
    leads: newLead(),
    opportunities: anOpportunity,
    serviceCases: { ...demo.serviceCases[0]!, status: "open", resolvedAt: undefined, satisfaction: undefined },
    tasks: { ...demo.tasks[0]!, status: "open", completedAt: undefined },
    campaigns: { ...demo.campaigns[0]!, status: "draft", ownerId: "S-OWNER" },
    knowledgeArticles: { ...demo.knowledgeArticles[0]!, status: "draft", createdBy: "S-AUTHOR" },
    preferentialPrices: {
      id: "PP-1",
      customerId: "CU1",
      kind: "loan_rate",
      productType: "business_loan",
      standardBp: 385,
      offeredBp: 355,
      validFrom: "2026-11-01",
      validUntil: "2027-10-31",
      reason: "他行报价更低",
      status: "requested",
      createdBy: "S-RM",
    },
  } as Record<string, Record<string, unknown>>;
  return JSON.parse(JSON.stringify(pick[collection])) as Record<string, unknown>;
}

describe("property: random event sequences never leave a machine's states", () => {
  const actors = [rm, bm, bm2, marketing, auditor, { id: "S-T", role: "teller" as const }];
  const details = {
    reason: "because",
    opportunityId: "O-1",
    resolution: "done",
    amount: { amount: 100, currency: "CNY" },
  };
  for (const collection of MACHINE_COLLECTIONS) {
    it(`${collection}`, () => {
      const machine = (collections[collection] as CollectionSpec<Record<string, unknown>>).machine!;
      const events = [...new Set(machine.transitions.map((t) => t.event)), "bogus"];
      fc.assert(
        fc.property(
          fc.array(
            fc.record({
              event: fc.constantFrom(...events),
              actor: fc.constantFrom(...actors),
              hours: fc.integer({ min: 0, max: 24 * 40 }),
              stage: fc.constantFrom("prospecting", "proposal", "negotiation", "won"),
              until: fc.integer({ min: -10, max: 100 }),
            }),
            { maxLength: 25 },
          ),
          (steps) => {
            let record = seed(collection);
            let applied = 0;
            let clock = Date.parse(at);
            for (const step of steps) {
              clock += step.hours * 3_600_000;
              const when = new Date(clock).toISOString();
              const before = record;
              const offered = availableTransitions(collection, record, step.actor, { at: when });
              let error: unknown;
              try {
                record = applyTransition(collection, record as never, step.event, {
                  actor: step.actor,
                  at: when,
                  ...details,
                  stage: step.stage,
                  until: new Date(clock + step.until * 3_600_000).toISOString(),
                });
              } catch (caught) {
                error = caught;
              }
              if (error === undefined) {
                applied++;
                // Whatever applied was offered to this actor, and led where the offer said.
                const offer = offered.find((o) => o.event === step.event);
                expect(offer).toBeDefined();
                expect(offer!.to).toContain(record[machine.field]);
              } else {
                expect(isTransitionError(error) || isAccessDeniedError(error) || isValidationError(error)).toBe(true);
                expect(record).toBe(before);
                // An event refused for its state is never one that was offered.
                if (isTransitionError(error)) expect(offered.map((o) => o.event)).not.toContain(step.event);
              }
              expect(machine.states).toContain(record[machine.field]);
              expect(validate(collections[collection].schema, record, "en").success).toBe(true);
            }
            expect((record.history as unknown[] | undefined)?.length ?? 0).toBe(applied);
            expect((record.version as number | undefined) ?? 0).toBe(
              ((seed(collection).version as number | undefined) ?? 0) + applied,
            );
          },
        ),
        { numRuns: 150 },
      );
    });
  }
});

describe("the collection table", () => {
  it("puts on the timeline exactly the collections TIMELINE_COLLECTIONS names, each under its kind", () => {
    const fromTable = Object.fromEntries(
      (Object.keys(collections) as CollectionName[]).flatMap((name) => {
        const timeline = (collections[name] as CollectionSpec<unknown>).timeline;
        return timeline ? [[timeline.kind, name]] : [];
      }),
    );
    expect(fromTable).toEqual({ ...TIMELINE_COLLECTIONS });
  });
});

describe("one spelling per instant", () => {
  it("stores instants given with an offset as UTC, so stores and the server order them by instant", () => {
    const interaction = stampCreate(
      "interactions",
      {
        id: "IN-OFFSET",
        customerId: customer.id,
        at: "2026-11-30T09:15:00+08:00",
        channel: "phone",
        type: "call",
        summary: "Called from a portal in Beijing time",
        confidential: false,
      },
      { actor: rm, at: "2026-11-30T10:00:00+08:00" },
    );
    expect(interaction.at).toBe("2026-11-30T01:15:00.000Z");
    expect(interaction.updatedAt).toBe("2026-11-30T02:00:00.000Z");
    const lead = applyTransition("leads", newLead(), "contact", { actor: rm, at: "2026-12-01T08:00:00+08:00" });
    expect(lead.updatedAt).toBe("2026-12-01T00:00:00.000Z");
    expect(lead.history![0]!.at).toBe("2026-12-01T00:00:00.000Z");
    // Not an instant: left as given, for the schema to refuse.
    expect(() => applyTransition("leads", newLead(), "contact", { actor: rm, at: "yesterday" })).toThrow(
      expect.objectContaining({ code: "validation_failed" }),
    );
  });
});
