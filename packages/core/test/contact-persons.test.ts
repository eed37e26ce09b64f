import { describe, expect, it } from "vitest";
import { applyCustomerChange, CustomerSchema, maskRecord, type Actor, type CorporateCustomer } from "../src/index.js";
import { generateDemoCustomers } from "../src/demo/index.js";

const at = "2026-11-30T02:00:00Z";
const customers = generateDemoCustomers({ seed: "contacts", count: 200 });
const company = customers.find((c): c is CorporateCustomer => c.kind === "corporate")!;
const person = customers.find((c) => c.kind === "individual")!;
const rm: Actor = { id: "ST-RM", role: "relationship_manager", branchId: company.branchId };

describe("a company's contact persons", () => {
  it("come with the demo's companies: the legal representative first, one of them called first", () => {
    for (const c of customers.filter((x): x is CorporateCustomer => x.kind === "corporate")) {
      expect(c.contactPersons![0]).toMatchObject({ name: c.legalRepresentative, role: "legal_representative" });
      expect(c.contactPersons!.filter((p) => p.primary === true)).toHaveLength(1);
    }
  });

  it("are replaced by a change that keeps the list before, and only a company has them", () => {
    const contactPersons = [{ name: "周婷", role: "finance_manager" as const, mobile: "13912345678", primary: true }];
    const { customer, change } = applyCustomerChange(
      company,
      { kind: "contact_persons", contactPersons, reason: "财务负责人更换" },
      { actor: rm, at, id: "CHG-CP" },
    );
    expect(customer.kind === "corporate" && customer.contactPersons).toEqual(contactPersons);
    expect(change.previousContactPersons).toEqual(company.contactPersons);
    expect(() =>
      applyCustomerChange(person, { kind: "contact_persons", contactPersons }, { actor: rm, at, id: "CHG-CP2" }),
    ).toThrow(expect.objectContaining({ code: "validation_failed" }));
    expect(() => applyCustomerChange(company, { kind: "contact_persons" }, { actor: rm, at, id: "CHG-CP3" })).toThrow();
  });

  it("come back as the writer was shown them: those shown masked keep their stored values, wherever they stand", () => {
    const shown = (maskRecord(CustomerSchema, company, { keepValues: true }) as CorporateCustomer).contactPersons!;
    const added = { name: "王敏", role: "authorized_agent" as const, mobile: "13800001111" };
    const { customer } = applyCustomerChange(
      company,
      { kind: "contact_persons", contactPersons: [added, ...[...shown].reverse()] },
      { actor: rm, at, id: "CHG-CP4" },
    );
    expect(customer.kind === "corporate" && customer.contactPersons).toEqual([
      added,
      ...[...company.contactPersons!].reverse(),
    ]);
  });

  it("are personal information: names and mobiles masked, a bad mobile refused", () => {
    const shown = maskRecord(CustomerSchema, company) as CorporateCustomer;
    const finance = company.contactPersons!.find((p) => p.mobile !== undefined)!;
    const masked = shown.contactPersons!.find((p) => p.role === finance.role)!;
    expect(masked.name).not.toBe(finance.name);
    expect(masked.name.startsWith([...finance.name][0]!)).toBe(true);
    expect(masked.mobile).toMatch(/^1\d\d\*{4}\d{4}$/);
    expect(
      CustomerSchema.safeParse({ ...company, contactPersons: [{ name: "周婷", role: "other", mobile: "12345" }] })
        .success,
    ).toBe(false);
  });
});
