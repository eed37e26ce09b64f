import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import {
  COLLECTION_NAMES,
  collections,
  type CollectionSpec,
  CustomerSchema,
  HoldingSchema,
  LeadSchema,
  recordSchemas,
  sensitivity,
  TaskSchema,
  unknownKeys,
  validate,
  type Customer,
} from "../src/index.js";
import { clearFields, customerIndex, DERIVED_FIELDS, keepsDerived, storageVersion } from "../src/collections/index.js";
import { generateDemoPortfolio } from "../src/demo/index.js";

/** Object schemas reachable from a schema, through wrappers, arrays, unions and pipes. */
function reachableObjects(schema: z.ZodType, seen = new Set<z.ZodType>()): z.ZodObject[] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const def = schema._zod.def as unknown as Record<string, unknown>;
  const children: z.ZodType[] = [];
  switch (def.type) {
    case "object":
      children.push(...(Object.values((schema as z.ZodObject).shape) as z.ZodType[]));
      break;
    case "optional":
    case "nullable":
    case "default":
    case "readonly":
      children.push(def.innerType as z.ZodType);
      break;
    case "array":
      children.push(def.element as z.ZodType);
      break;
    case "pipe":
      children.push(def.in as z.ZodType, def.out as z.ZodType);
      break;
    case "union":
      children.push(...(def.options as z.ZodType[]));
      break;
  }
  const own = def.type === "object" ? [schema as z.ZodObject] : [];
  return [...own, ...children.flatMap((c) => reachableObjects(c, seen))];
}

/** Money is a value type: its fields are classed by the field that holds it. */
const isMoney = (o: z.ZodObject) => Object.keys(o.shape).sort().join() === "amount,currency";

const sample = generateDemoPortfolio({ seed: "schemas-test", customers: 60 });
const individual = sample.customers.find(
  (c): c is Extract<Customer, { kind: "individual" }> => c.kind === "individual",
)!;

describe("sensitivity classes (JR/T 0171-2020)", () => {
  for (const [name, schema] of Object.entries(recordSchemas)) {
    it(`every field of ${name}, nested records included, has a class`, () => {
      const objects = reachableObjects(schema).filter((o) => !isMoney(o));
      expect(objects.length).toBeGreaterThan(0);
      for (const object of objects) {
        const meta = sensitivity.get(object);
        expect(meta, `an object inside ${name} is not registered with defineRecord`).toBeDefined();
        expect(Object.keys(meta!.fields).sort()).toEqual(Object.keys(object.shape).sort());
        for (const spec of Object.values(meta!.fields)) expect(["C1", "C2"]).toContain(spec.class);
      }
    });
  }

  it("identifiers, contact data, balances and transactions are C2", () => {
    const classOf = (record: string, field: string) =>
      Object.values(recordSchemas)
        .flatMap((s) => reachableObjects(s))
        .map((o) => sensitivity.get(o))
        .find((m) => m?.record === record)?.fields[field]?.class;
    expect(classOf("IdentityDocument", "number")).toBe("C2");
    expect(classOf("Contact", "mobile")).toBe("C2");
    expect(classOf("Holding", "accountNumber")).toBe("C2");
    expect(classOf("Holding", "balance")).toBe("C2");
    expect(classOf("Transaction", "amount")).toBe("C2");
    expect(classOf("Holding", "productType")).toBe("C1");
  });

  it("rejects C3 authentication data at any depth, under any spelling", () => {
    const holding = sample.holdings[0]!;
    for (const key of ["password", "PIN", "cvv2", "card_expiry", "expiryDate", "CVN", "track2"]) {
      const result = validate(HoldingSchema, { ...holding, [key]: "123" }, "en");
      expect(result.success, key).toBe(false);
      if (!result.success)
        expect(result.errors).toContainEqual({
          path: [key],
          code: "c3",
          message: expect.stringMatching(/never accepted/),
        });
    }
    const nested = validate(
      CustomerSchema,
      { ...individual, contact: { ...individual.contact, extra: [{ pinCode: "1234" }] } },
      "zh-CN",
    );
    expect(nested.success).toBe(false);
    if (!nested.success) expect(nested.errors[0]?.path).toEqual(["contact", "extra", 0, "pinCode"]);
  });
});

describe("the table's storage column", () => {
  // The one C2 field kept readable: a transaction's time orders the timeline inside IndexedDB (the index
  // cannot read a sealed field). It says when, never how much, with whom or on which account.
  const READABLE_C2 = ["transactions.at"];
  for (const name of COLLECTION_NAMES) {
    const spec = collections[name] as CollectionSpec<unknown>;
    it(`${name}: what stays readable at rest is C1, and its customer index agrees with the table`, () => {
      const records = reachableObjects(spec.schema).filter((o) => "id" in o.shape);
      expect(records.length).toBeGreaterThan(0);
      for (const field of clearFields(spec.storage))
        for (const record of records) {
          expect(Object.keys(record.shape), `${name}.${field}`).toContain(field);
          const expected = READABLE_C2.includes(`${name}.${field}`) ? "C2" : "C1";
          expect(sensitivity.get(record)?.fields[field]?.class, `${name}.${field}`).toBe(expected);
        }
      const index = customerIndex(spec.storage);
      expect(index !== undefined, name).toBe(spec.customerIndex === "customerId");
      if (index === "byCustomerTime")
        expect(spec.storage.indexes.byCustomerTime!.keyPath).toEqual(["customerId", spec.timeField]);
      for (const i of Object.values(spec.storage.indexes)) expect(i.since).toBeGreaterThanOrEqual(spec.storage.since);
    });
  }

  it("keeps a timeline time beside exactly the records whose timeline time is their latest activity", () => {
    const kept = COLLECTION_NAMES.filter((c) => keepsDerived(collections[c].storage, DERIVED_FIELDS.timelineAt));
    expect(kept.sort()).toEqual(["leads", "opportunities", "serviceCases"]);
    expect(storageVersion(COLLECTION_NAMES.map((c) => collections[c].storage))).toBe(14);
  });
});

describe("record schemas", () => {
  it("accept every generated record of every kind", () => {
    const lists: Record<keyof typeof recordSchemas, unknown[]> = {
      customer: sample.customers,
      holding: sample.holdings,
      transaction: sample.transactions,
      interaction: sample.interactions,
      lead: sample.leads,
      opportunity: sample.opportunities,
      campaign: sample.campaigns,
      customerChange: sample.customerChanges,
      campaignResponse: sample.campaignResponses,
      serviceCase: sample.serviceCases,
      task: sample.tasks,
      staff: sample.staff,
      salesTarget: sample.salesTargets,
      relationshipGroup: sample.relationshipGroups,
      segment: sample.segments,
      campaignMember: sample.campaignMembers,
      knowledgeArticle: sample.knowledgeArticles,
      loyaltyEntry: sample.loyaltyEntries,
      preferentialPrice: sample.preferentialPrices,
    };
    for (const [name, list] of Object.entries(lists)) {
      for (const record of list) {
        const result = validate(recordSchemas[name as keyof typeof recordSchemas], record, "en");
        expect(result.success ? "ok" : JSON.stringify(result.errors), `${name}`).toBe("ok");
      }
    }
  });

  it("require a resident ID that agrees with birth date and gender", () => {
    const wrongBirth = validate(CustomerSchema, { ...individual, birthDate: "1901-01-01" }, "zh-CN");
    expect(wrongBirth).toMatchObject({
      success: false,
      errors: [{ path: ["birthDate"], code: "birthDateMismatch", message: "出生日期与身份证号码不一致" }],
    });
    const other = individual.gender === "male" ? "female" : "male";
    const wrongGender = validate(CustomerSchema, { ...individual, gender: other }, "en");
    expect(wrongGender).toMatchObject({ success: false, errors: [{ path: ["gender"], code: "genderMismatch" }] });
    const badId = validate(
      CustomerSchema,
      { ...individual, idDocument: { type: "resident_id", number: "110105194912310021" } },
      "en",
    );
    expect(badId).toMatchObject({ success: false, errors: [{ path: ["idDocument", "number"], code: "residentId" }] });
  });

  it("give field-level messages in both languages for missing and malformed fields", () => {
    const { name: _name, ...noName } = individual;
    const zh = validate(
      CustomerSchema,
      { ...noName, contact: { ...individual.contact, email: "not-an-email" } },
      "zh-CN",
    );
    const en = validate(CustomerSchema, { ...noName, contact: { ...individual.contact, email: "not-an-email" } }, "en");
    expect(zh.success || en.success).toBe(false);
    if (!zh.success && !en.success) {
      expect(zh.errors).toContainEqual({ path: ["name"], code: "required", message: "此项为必填项" });
      expect(en.errors).toContainEqual({ path: ["name"], code: "required", message: "This field is required" });
      expect(en.errors).toContainEqual({
        path: ["contact", "email"],
        code: "invalidEmail",
        message: "Enter a valid email address",
      });
    }
  });

  it("never store balances as floats", () => {
    const holding = sample.holdings[0]!;
    const result = validate(HoldingSchema, { ...holding, balance: { amount: 100.5, currency: "CNY" } }, "en");
    expect(result).toMatchObject({ success: false, errors: [{ path: ["balance", "amount"], code: "notInteger" }] });
  });

  it("need an investment product's risk level and a lead's consent", () => {
    const wm = { ...sample.holdings[0]!, productType: "fund", riskLevel: undefined };
    expect(validate(HoldingSchema, wm, "en")).toMatchObject({
      success: false,
      errors: [{ path: ["riskLevel"], code: "riskLevelRequired" }],
    });
    const lead = sample.leads[0]!;
    const noConsent = validate(LeadSchema, { ...lead, consent: { ...lead.consent, granted: false } }, "zh-CN");
    expect(noConsent).toMatchObject({
      success: false,
      errors: [{ path: ["consent", "granted"], message: "请勾选同意后再提交" }],
    });
    // A prospect is known by the lead's name and mobile; a customer's lead needs neither (the record has them).
    const { name: _n, mobile: _m, customerId: _c, ...bare } = lead;
    expect(validate(LeadSchema, bare, "en")).toMatchObject({
      success: false,
      errors: [
        { path: ["name"], code: "required", message: "This field is required" },
        { path: ["mobile"], code: "required" },
      ],
    });
    expect(validate(LeadSchema, { ...bare, customerId: "CU00000001" }, "en").success).toBe(true);
  });

  it("turn arbitrary input into data or localized errors, never an exception", () => {
    fc.assert(
      fc.property(fc.constantFrom(...Object.values(recordSchemas)), fc.anything({ maxDepth: 4 }), (schema, input) => {
        const result = validate(schema, input, "en");
        if (!result.success) {
          expect(result.errors.length).toBeGreaterThan(0);
          for (const e of result.errors) expect(e.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("survive deeply nested hostile input without a stack overflow", () => {
    let deep: unknown = { password: "x" };
    for (let i = 0; i < 10_000; i++) deep = { nested: deep };
    const result = validate(CustomerSchema, { ...individual, tags: deep }, "en");
    expect(result.success).toBe(false);
  });
});

describe("strict validation (a server's write boundary)", () => {
  it("refuses properties the schema does not have, at their paths, and otherwise parses as usual", () => {
    const input = JSON.parse(
      `{"id":"TK-1","assigneeId":"ST-1","type":"call","title":"回访","priority":"low","status":"open","dueAt":"2026-12-01T00:00:00Z","__proto__":{"x":1},"extra":1}`,
    ) as Record<string, unknown>;
    expect(validate(TaskSchema, input, "en").success).toBe(true);
    const strict = validate(TaskSchema, input, "zh-CN", { strict: true });
    expect(strict.success || strict.errors).toEqual([
      { path: ["__proto__"], code: "unrecognizedKeys", message: "包含无法识别的字段" },
      { path: ["extra"], code: "unrecognizedKeys", message: "包含无法识别的字段" },
    ]);
    const { __proto__: _p, extra: _e, ...known } = input;
    expect(validate(TaskSchema, known, "en", { strict: true }).success).toBe(true);
    expect(unknownKeys({ a: [{ b: 1, c: 2 }] }, { a: [{ b: 1 }] })).toEqual([["a", 0, "c"]]);
  });
});
