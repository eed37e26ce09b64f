import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  authorizeReveal,
  canReveal,
  CustomerSchema,
  HoldingSchema,
  isAccessDeniedError,
  isInvalidArgumentError,
  mask,
  maskRecord,
  type MaskKind,
} from "../src/index.js";
import { generateDemoPortfolio } from "../src/demo/index.js";
import { STAFF_ROLES } from "../src/vocabulary.js";
import { withoutControls } from "../src/text/index.js";

const KINDS: MaskKind[] = ["idNumber", "bankCard", "mobile", "name", "email", "address"];

describe("mask", () => {
  it("masks each kind as documented", () => {
    expect(mask("11010519491231002X", "idNumber")).toBe("110***********002X");
    expect(mask("6217001234567890123", "bankCard")).toBe("***************0123");
    expect(mask("6217001234567890123", "bankCard", { keepFirst: 6 })).toBe("621700*********0123");
    expect(mask("6217001234567890123", "bankCard", { keepFirst: 12 })).toBe("621700*********0123");
    expect(mask("13812345678", "mobile")).toBe("138****5678");
    expect(mask("张三丰", "name")).toBe("张**");
    expect(mask("欧阳娜娜", "name")).toBe("欧***");
    expect(mask("Jane Smith", "name")).toBe("J*** S****");
    expect(mask("zhang.san@example.com", "email")).toBe("z********@example.com");
    expect(mask("北京市朝阳区建国路88号", "address")).toBe("北京市朝阳区******");
  });

  it("is idempotent for every kind, and never keeps a control or format character", () => {
    // Printable text with controls among it: C0, DEL, zero-width and every bidi control.
    const unit = fc.oneof(
      { weight: 4, arbitrary: fc.string({ minLength: 1, maxLength: 1 }) },
      {
        weight: 1,
        arbitrary: fc.constantFrom("\u0007", "\u007F", "\u200B", "\u200E", "\u202A", "\u202E", "\u2066", "\u2069"),
      },
      { weight: 1, arbitrary: fc.constantFrom(..."张三丰欧阳") },
    );
    fc.assert(
      fc.property(
        fc.array(unit, { maxLength: 40 }).map((units) => units.join("")),
        fc.constantFrom(...KINDS),
        fc.integer({ min: -3, max: 12 }),
        (s, kind, keepFirst) => {
          const once = mask(s, kind, { keepFirst });
          expect(mask(once, kind, { keepFirst })).toBe(once);
          expect([...once]).toHaveLength([...withoutControls(s)].length);
          expect(once).not.toMatch(/[\p{Cc}\p{Cf}]/u);
        },
      ),
    );
    // The review's case: an override before a name is not its "first character".
    expect(mask("\u202E张三", "name")).toBe("张*");
    expect(mask("181\u202E12349432", "mobile")).toBe("181****9432");
  });

  it("never shows a middle digit of an ID, card or mobile number", () => {
    const digits = (min: number, max: number) =>
      fc.string({ unit: fc.constantFrom(..."0123456789"), minLength: min, maxLength: max });
    fc.assert(
      fc.property(digits(18, 18), (id) => {
        expect(mask(id, "idNumber").slice(3, 14)).toMatch(/^\*+$/);
      }),
    );
    fc.assert(
      fc.property(digits(12, 19), fc.integer({ min: 0, max: 20 }), (card, keepFirst) => {
        const masked = mask(card, "bankCard", { keepFirst });
        expect(masked.slice(6, -4)).toMatch(/^\**$/);
        expect(masked.replace(/\*/g, "").length).toBeLessThanOrEqual(10);
      }),
    );
    fc.assert(
      fc.property(digits(11, 11), (m) => {
        expect(mask(m, "mobile").slice(3, 7)).toBe("****");
      }),
    );
  });

  it("hides most of short values rather than revealing them whole", () => {
    expect(mask("1234", "mobile")).toBe("1**4");
    expect(mask("12", "idNumber")).toBe("**");
  });
});

describe("access policy and audit", () => {
  const rm = { id: "ST-1", role: "relationship_manager" as const };
  const teller = { id: "ST-2", role: "teller" as const };
  const now = new Date("2026-11-28T08:00:00Z");

  it("lets relationship managers reveal C2 fields and refuses tellers", () => {
    expect(canReveal(rm, "C2")).toBe(true);
    expect(canReveal(teller, "C2")).toBe(false);
    for (const role of STAFF_ROLES) expect(canReveal({ id: "x", role }, "C1")).toBe(true);
    try {
      authorizeReveal({
        actor: teller,
        customerId: "CU1",
        field: "contact.mobile",
        fieldClass: "C2",
        reason: "callback",
        now,
      });
      expect.unreachable();
    } catch (error) {
      expect(isAccessDeniedError(error)).toBe(true);
    }
  });

  it("produces an audit event that names who, whom, which field, when and why — and never the value", () => {
    const event = authorizeReveal({
      actor: rm,
      customerId: "CU1",
      field: "contact.mobile",
      fieldClass: "C2",
      reason: "回电确认",
      now,
    });
    expect(event).toEqual({
      type: "reveal",
      actorId: "ST-1",
      actorRole: "relationship_manager",
      customerId: "CU1",
      field: "contact.mobile",
      fieldClass: "C2",
      reason: "回电确认",
      at: "2026-11-28T08:00:00.000Z",
    });
  });

  it("requires a reason by default", () => {
    try {
      authorizeReveal({ actor: rm, customerId: "CU1", field: "contact.mobile", fieldClass: "C2", reason: "  ", now });
      expect.unreachable();
    } catch (error) {
      expect(isInvalidArgumentError(error)).toBe(true);
    }
  });
});

describe("maskRecord", () => {
  const p = generateDemoPortfolio({ seed: "privacy-test", customers: 40 });

  it("masks identifiers, drops other C2 values and keeps C1 fields of a customer", () => {
    const customer = p.customers.find((c) => c.kind === "individual" && c.annualIncome && c.contact.mobile)!;
    if (customer.kind !== "individual") throw new Error("fixture");
    const masked = maskRecord(CustomerSchema, customer) as Record<string, unknown> & typeof customer;
    expect(masked.id).toBe(customer.id);
    expect(masked.tier).toBe(customer.tier);
    expect(masked.name).toBe(mask(customer.name, "name"));
    // The number masked; its end of validity (C1) kept — staff see a document lapse without the number.
    expect(masked.idDocument).toEqual({
      type: "resident_id",
      number: mask(customer.idDocument.number, "idNumber"),
      ...(customer.idDocument.validUntil ? { validUntil: customer.idDocument.validUntil } : {}),
    });
    expect(masked).not.toHaveProperty("amlRiskRating"); // C2 without a mask: never shown masked
    expect(masked.contact.mobile).toBe(mask(customer.contact.mobile!, "mobile"));
    expect(masked.contact.city).toBe(customer.contact.city);
    expect(masked).not.toHaveProperty("annualIncome");
    expect(masked).not.toHaveProperty("birthDate");
    const text = JSON.stringify(masked);
    expect(text).not.toContain(customer.idDocument.number.slice(3, 14));
    expect(text).not.toContain(customer.contact.mobile!.slice(3, 7) + customer.contact.mobile!.slice(7));
  });

  it("drops fields the schema does not classify and leaves the input untouched", () => {
    const holding = p.holdings[0]!;
    const before = JSON.stringify(holding);
    const masked = maskRecord(HoldingSchema, { ...holding, secretNote: "x" }) as Record<string, unknown>;
    expect(masked).not.toHaveProperty("secretNote");
    expect(masked).not.toHaveProperty("balance");
    expect(masked.accountNumber).toBe(mask(holding.accountNumber, "bankCard"));
    expect(JSON.stringify(holding)).toBe(before);
  });
});

describe("maskRecord with keepValues", () => {
  it("keeps balances and amounts for staff while still masking identifiers", () => {
    const p = generateDemoPortfolio({ seed: "privacy-keep", customers: 10 });
    const holding = p.holdings[0]!;
    const masked = maskRecord(HoldingSchema, holding, { keepValues: true }) as typeof holding;
    expect(masked.balance).toEqual(holding.balance);
    expect(masked.accountNumber).toBe(mask(holding.accountNumber, "bankCard"));
  });
});
