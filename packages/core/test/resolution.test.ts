import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generateDuplicatedBook } from "../src/demo/duplicates.js";
import { generateDemoCustomers } from "../src/demo/index.js";
import {
  addressTokens,
  blockingKeys,
  candidatePairs,
  CORPORATE_COMPARISONS,
  companyKey,
  evaluate,
  foldHan,
  levelsOf,
  pairKey,
  partyOf,
  pinyinKey,
  resolve,
  ruleOf,
  score,
  splitName,
  train,
  type Party,
} from "../src/resolution/index.js";
import type { Customer, IndividualCustomer } from "../src/schemas/customer.js";

const person = generateDemoCustomers({ seed: "resolution", count: 40 }).find(
  (c): c is IndividualCustomer => c.kind === "individual" && c.idDocument.number.slice(6, 8) === "19",
)!;
const as = (changes: Partial<IndividualCustomer>, id = "OTHER") => ({ ...person, ...changes, id }) as Customer;

describe("names as resolution folds them", () => {
  it("folds traditional characters, spaces and name dots; splits compound surnames; reads pinyin either order", () => {
    expect(foldHan("王建國")).toBe("王建国");
    expect(foldHan(" 陳 麗華 ")).toBe("陈丽华");
    expect(foldHan("阿依古丽·买买提")).toBe("阿依古丽买买提");
    expect(splitName("欧阳锋")).toEqual({ surname: "欧阳", given: "锋" });
    expect(splitName("王建国")).toEqual({ surname: "王", given: "建国" });
    // A surname read as a surname: 单 is shàn, 曾 zēng.
    expect(pinyinKey("单雄信")).toBe("shanxiongxin");
    expect(pinyinKey("WANG Jian-guo")).toBe("wangjianguo");
  });

  it("takes a company's legal form and its city off its name", () => {
    const places = ["深圳市", "广东省"];
    expect(companyKey("深圳市腾达科技有限公司", places)).toBe("腾达科技");
    expect(companyKey("腾达科技(深圳)有限责任公司", places)).toBe("腾达科技");
    expect(companyKey("腾达科技股份有限公司", places)).toBe("腾达科技");
    expect(companyKey("深圳腾达科技", places)).toBe("腾达科技");
  });

  it("reads an address as tokens, whatever its punctuation, digits or province", () => {
    const a = addressTokens("广东省深圳市南山区科技园路18号");
    expect(addressTokens("深圳市 南山区 科技园路１８号")).toEqual(a.filter((t) => t !== "广东省"));
  });
});

describe("a party", () => {
  it("upgrades a 15-digit resident ID to the 18-digit number, and says whether the number is valid", () => {
    const n = person.idDocument.number;
    const old = partyOf(as({ idDocument: { ...person.idDocument, number: `${n.slice(0, 6)}${n.slice(8, 17)}` } }));
    expect(old.idKey).toBe(n);
    expect(old.idValid).toBe(true);
    const typo = partyOf(
      as({
        idDocument: { ...person.idDocument, number: `${n.slice(0, 10)}${(Number(n[10]) + 1) % 10}${n.slice(11)}` },
      }),
    );
    expect(typo.idValid).toBe(false);
  });
});

describe("the Fellegi–Sunter model", () => {
  const book = generateDuplicatedBook({ seed: "fs", customers: 1500 });
  const parties = book.records.map(partyOf).filter((p) => p.kind === "individual");
  const model = train("individual", parties, candidatePairs(parties).pairs);
  const base = partyOf(person);
  const evidenceOf = (a: Party, b: Party, comparison: string) =>
    score(model, a, b).evidence.find((e) => e.comparison === comparison)!;

  it("weighs a common surname less than a rare one (term frequency)", () => {
    const named = (name: string) => partyOf(as({ name }, `X-${name}`));
    const wang = evidenceOf(named("王建国"), named("王建华"), "surname");
    const ouyang = evidenceOf(named("欧阳建国"), named("欧阳建华"), "surname");
    expect(wang.level).toBe("exact");
    expect(ouyang.weight).toBeGreaterThan(wang.weight + 3);
  });

  it("puts each comparison at its level: pinyin typed in either order, day and month transposed, a digit off", () => {
    const pinyinName = partyOf(as({ name: `${pinyinKey(person.name.slice(1))} ${pinyinKey(person.name[0]!)}` }));
    expect(evidenceOf(base, pinyinName, "given").level).toBe("pinyin");
    const [y, m, d] = person.birthDate.split("-");
    if (m !== d)
      expect(evidenceOf(base, partyOf(as({ birthDate: `${y}-${d}-${m}` })), "birthDate").level).toBe(
        "dayMonthTransposed",
      );
    const mobile = person.contact.mobile!;
    const off = partyOf(
      as({ contact: { ...person.contact, mobile: `${mobile.slice(0, 10)}${(Number(mobile[10]) + 1) % 10}` } }),
    );
    expect(evidenceOf(base, off, "mobile")).toMatchObject({ level: "oneDigitOff" });
    expect(evidenceOf(base, off, "mobile").weight).toBeGreaterThan(0);
    expect(
      evidenceOf(base, partyOf(as({ contact: { ...person.contact, mobile: "13912345678" } })), "mobile").weight,
    ).toBeLessThan(0);
  });

  it("learns agreement as evidence for a match without labels: exact levels weigh for, differences against", () => {
    for (const [k, row] of model.m.entries()) {
      const u = model.u[k]!;
      expect(Math.log2(row[0]! / u[0]!), `comparison ${k}`).toBeGreaterThan(0);
      expect(Math.log2(row.at(-1)! / u.at(-1)!), `comparison ${k}`).toBeLessThan(0);
    }
  });
});

describe("resolving a book", () => {
  it("meets the goals on a labelled benchmark: pair precision ≥ 0.995, recall ≥ 0.98, B-cubed F1 ≥ 0.98", () => {
    const book = generateDuplicatedBook({ seed: "benchmark", customers: 3000 });
    const result = resolve(book.records.map(partyOf));
    const m = evaluate(result.clusters, book.truth);
    expect(m.pairPrecision).toBeGreaterThanOrEqual(0.995);
    expect(m.pairRecall).toBeGreaterThanOrEqual(0.98);
    expect(m.bcubedF1).toBeGreaterThanOrEqual(0.98);
    // The hard non-matches (twins, namesakes born the same day) are in the book, and none was merged.
    const lookalikes = [...book.truth].filter(([id, who]) => id === who && id.startsWith("SRC"));
    expect(lookalikes.length).toBeGreaterThan(20);
    const merged = result.pairs.filter((p) => p.decision === "merge");
    expect(merged.some((p) => book.truth.get(p.a) !== book.truth.get(p.b))).toBe(false);
    // Each review pair shows its evidence per field and the total.
    const review = result.pairs.find((p) => p.decision === "review")!;
    const { lambda } = result.models.individual!;
    expect(review.weight).toBeCloseTo(
      Math.log2(lambda / (1 - lambda)) + review.evidence.reduce((w, e) => w + e.weight, 0),
    );
    expect(review.evidence.map((e) => e.comparison)).toEqual([
      ...["surname", "given", "birthDate", "idNumber", "mobile", "email", "address"],
    ]);
  });

  it("on a harder book — half the other systems' records under a passport — merges no namesake and keeps its recall", () => {
    const book = generateDuplicatedBook({ seed: "benchmark", customers: 3000, otherDocument: 0.5, hardNegatives: 0.1 });
    const result = resolve(book.records.map(partyOf));
    const m = evaluate(result.clusters, book.truth);
    expect(m.pairPrecision).toBeGreaterThanOrEqual(0.995);
    expect(m.pairRecall).toBeGreaterThanOrEqual(0.95);
    // A resident ID beside a passport is not compared; a name and birth date with no contact in common go to review.
    const unseen = result.pairs.filter(
      (p) => p.decision === "merge" && p.evidence.find((e) => e.comparison === "idNumber")?.level === "missing",
    );
    expect(unseen.length).toBeGreaterThan(50);
    for (const p of unseen)
      expect(p.evidence.some((e) => ["mobile", "email", "address"].includes(e.comparison) && e.weight > 0)).toBe(true);
    expect(result.pairs.some((p) => p.decision === "review")).toBe(true);
  });

  it("never merges a pair kept apart, nor joins it through others — whatever pairs are kept apart", () => {
    const book = generateDuplicatedBook({ seed: "apart", customers: 300, duplicates: 0.6 });
    const parties = book.records.map(partyOf);
    const first = resolve(parties);
    const merged = first.pairs.filter((p) => p.decision === "merge").map((p) => pairKey(p.a, p.b));
    expect(merged.length).toBeGreaterThan(50);
    fc.assert(
      fc.property(fc.uniqueArray(fc.constantFrom(...merged), { minLength: 1, maxLength: 12 }), (apart) => {
        const keepApart = new Set(apart);
        const result = resolve(parties, { keepApart, models: first.models });
        const clusterOf = new Map<string, number>();
        result.clusters.forEach((c, k) => c.forEach((id) => clusterOf.set(id, k)));
        for (const key of keepApart) {
          const [a, b] = key.split("|") as [string, string];
          if (clusterOf.get(a) === clusterOf.get(b)) return false;
          if (result.pairs.some((p) => pairKey(p.a, p.b) === key && p.decision !== "apart")) return false;
        }
        return true;
      }),
      { numRuns: 30 },
    );
  });

  it("merges companies by USCC, and by name once its legal form is off, with review where the USCC differs", () => {
    const company = generateDemoCustomers({ seed: "resolution", count: 200 }).find((c) => c.kind === "corporate")!;
    const again = { ...company, id: "WEALTH-1", name: company.name.replace(/有限公司$/u, "有限责任公司") };
    const result = resolve([company, again].map(partyOf));
    expect(result.clusters).toContainEqual([company.id, "WEALTH-1"]);
    expect(result.pairs[0]).toMatchObject({ rule: "uscc", decision: "merge" });
  });

  it("compares a company's old registration number, and blocks on it", () => {
    const company = generateDemoCustomers({ seed: "resolution", count: 200 }).find((c) => c.kind === "corporate")!;
    const registered = { ...company, registrationNumber: "440301103456789" } as Customer;
    const [a, b] = [partyOf(registered), partyOf({ ...registered, id: "OLD-1" })];
    expect(blockingKeys(a)).toContain("reg:440301103456789");
    const exact = levelsOf("corporate", a, b);
    const other = levelsOf(
      "corporate",
      a,
      partyOf({ ...registered, id: "OLD-2", registrationNumber: "440301109999999" } as Customer),
    );
    const at = CORPORATE_COMPARISONS.findIndex((c) => c.name === "registrationNumber");
    expect([exact[at], other[at], levelsOf("corporate", a, partyOf(company))[at]]).toEqual([0, 1, null]);
  });

  it("joins two passports by rule only with their issuing country", () => {
    const passport = (id: string, country?: string) =>
      as({ id, idDocument: { type: "passport", number: "E12345678", ...(country ? { country } : {}) } } as never, id);
    expect(ruleOf(partyOf(passport("P1", "USA")), partyOf(passport("P2", "USA")))).toBe("document");
    expect(ruleOf(partyOf(passport("P1", "USA")), partyOf(passport("P2", "CAN")))).toBeUndefined();
    expect(ruleOf(partyOf(passport("P1")), partyOf(passport("P2")))).toBeUndefined();
  });
});
