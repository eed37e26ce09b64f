import { describe, expect, it } from "vitest";
import { belongsTo, COLLECTION_NAMES, type CollectionName, type RelationshipGroup } from "../src/index.js";
import { subjectAccessDocument, subjectAccessPackage } from "../src/compliance/index.js";
import { generateDemoPortfolio } from "../src/demo/index.js";

const bank = generateDemoPortfolio({ seed: "subject-access", customers: 150, months: 3 });
const people = bank.customers.filter((c) => c.kind === "individual");
/** Households of two: each person with the next. */
const households: RelationshipGroup[] = people.slice(0, 20).map((c, i) => ({
  id: `HH-${i}`,
  kind: "household",
  name: `家庭 ${i}`,
  members: [
    { customerId: c.id, role: "head" },
    { customerId: people[i + 1]!.id, role: "spouse" },
  ],
}));
const store: Partial<Record<CollectionName, readonly unknown[]>> = {
  ...Object.fromEntries(COLLECTION_NAMES.map((c) => [c, (bank as Record<string, unknown>)[c] ?? []])),
  relationshipGroups: households,
};
const AT = "2026-11-30T03:00:00.000Z";

describe("the right of access and copy", () => {
  it("holds every record that names the person and nothing about anyone else, for each of 40 customers", () => {
    let records = 0;
    for (const person of people.slice(0, 40)) {
      const pkg = subjectAccessPackage(person.id, store, AT);
      // Every record of theirs, collection by collection, as the store holds them.
      for (const collection of COLLECTION_NAMES) {
        const expected = (store[collection] ?? []).filter((r) =>
          collection === "customers" ? (r as { id: string }).id === person.id : belongsTo(collection, r, person.id),
        );
        expect(pkg.collections[collection]?.length ?? 0, collection).toBe(expected.length);
        records += expected.length;
      }
      const text = JSON.stringify(pkg);
      expect(text).toContain(person.idDocument.number); // their own values, in full
      for (const other of bank.customers) {
        if (other.id === person.id) continue;
        expect(text, other.id).not.toContain(`"${other.id}"`);
        // A name that is part of their own (于秀 in 于秀英) would be found in theirs.
        if (!person.name.includes(other.name)) expect(text, other.name).not.toContain(other.name);
        if (other.contact.mobile) expect(text).not.toContain(other.contact.mobile);
      }
      expect(text).not.toMatch(/"ST-[A-Z]/); // no member of staff
      expect(pkg.collections.customers![0]).not.toHaveProperty("amlRiskRating");
      expect(text).not.toContain(`"amlRiskRating":"`); // never its value, anywhere
    }
    expect(records).toBeGreaterThan(500); // the book is not empty: the checks above ran on real records
  });

  it("says what it withheld and why, and reads as a document in both languages", () => {
    const person = people[1]!; // in two households: with the one before and the one after
    const pkg = subjectAccessPackage(person.id, store, AT);
    expect(pkg.collections.relationshipGroups!.map((g) => g.members)).toEqual([
      [{ role: "head" }, { customerId: person.id, role: "spouse" }],
      [{ customerId: person.id, role: "head" }, { role: "spouse" }],
    ]);
    expect(pkg.withheld.otherMembers).toBe(2);
    expect(pkg.withheld.amlRiskRating).toBe(1);
    expect(pkg.withheld.staffIdentifiers).toBeGreaterThan(0);
    const zh = subjectAccessDocument(pkg, "zh-CN");
    expect(zh.split("\n")[0]).toBe("# 个人信息副本");
    expect(zh).toContain(`客户号 ${person.id}`);
    expect(zh).toContain("## 家庭与企业关系 (2)");
    expect(zh).toContain("- 反洗钱风险等级：依《反洗钱法》不得告知 (1)");
    const en = subjectAccessDocument(pkg, "en");
    expect(en).toContain("## Your customer record (1)");
    expect(en).toContain(`- idDocument: ${JSON.stringify(person.idDocument)}`);
    expect(/[\u4e00-\u9fff]/.test(en.replace(/- .*$/gm, ""))).toBe(false); // the document's own words: English
  });
});
