import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  formatResidentIdNumber,
  formatUscc,
  isValidBankCardNumber,
  isValidMobile,
  isValidResidentIdNumber,
  isValidUscc,
  MobileSchema,
  normalizeMobile,
  parseResidentIdNumber,
  ResidentIdNumberSchema,
  UsccSchema,
  BankCardNumberSchema,
  validate,
} from "../src/index.js";
import { luhnCheckDigit, upgradeResidentIdNumber, USCC_ALPHABET } from "../src/identifiers/index.js";

const NOW = new Date("2026-11-28T00:00:00Z");

const regionCode = fc.constantFrom("110105", "310115", "440305", "510107", "330106", "650102", "820000");
const birthDate = fc
  .date({ min: new Date("1900-01-01T00:00:00Z"), max: new Date("2026-11-27T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const sequence = fc.integer({ min: 1, max: 999 }).map((n) => String(n).padStart(3, "0"));
const residentParts = fc.record({ regionCode, birthDate, sequence });
const validResidentId = residentParts.map(formatResidentIdNumber);

describe("resident ID numbers (GB 11643-1999)", () => {
  it("accepts the standard's worked example and reads region, birth date and gender from it", () => {
    const parsed = parseResidentIdNumber("11010519491231002X", { now: NOW });
    expect(parsed).toMatchObject({
      regionCode: "110105",
      birthDate: "1949-12-31",
      sequence: "002",
      gender: "female",
      checkCharacter: "X",
    });
    expect(parsed?.province.zh).toBe("北京市");
    expect(isValidResidentIdNumber("11010519491231002x", { now: NOW })).toBe(true);
  });

  it("rejects a wrong check character, an impossible date, a future birth, sequence 000 and an unknown province", () => {
    expect(isValidResidentIdNumber("110105194912310021", { now: NOW })).toBe(false);
    expect(
      isValidResidentIdNumber(
        formatResidentIdNumber({ regionCode: "110105", birthDate: "2023-02-29", sequence: "001" }),
        { now: NOW },
      ),
    ).toBe(false);
    expect(
      isValidResidentIdNumber(
        formatResidentIdNumber({ regionCode: "110105", birthDate: "2030-01-01", sequence: "001" }),
        { now: NOW },
      ),
    ).toBe(false);
    expect(
      isValidResidentIdNumber(
        formatResidentIdNumber({ regionCode: "110105", birthDate: "1990-01-01", sequence: "000" }),
        { now: NOW },
      ),
    ).toBe(false);
    expect(
      isValidResidentIdNumber(
        formatResidentIdNumber({ regionCode: "990105", birthDate: "1990-01-01", sequence: "001" }),
        { now: NOW },
      ),
    ).toBe(false);
    expect(
      isValidResidentIdNumber(
        formatResidentIdNumber({ regionCode: "110105", birthDate: "2024-02-29", sequence: "001" }),
        { now: NOW },
      ),
    ).toBe(true);
  });

  it("round-trips: parse(format(parts)) gives the parts back, gender from the sequence's parity", () => {
    fc.assert(
      fc.property(residentParts, (parts) => {
        const parsed = parseResidentIdNumber(formatResidentIdNumber(parts), { now: NOW });
        expect(parsed).toBeDefined();
        expect(parsed!.regionCode).toBe(parts.regionCode);
        expect(parsed!.birthDate).toBe(parts.birthDate);
        expect(parsed!.sequence).toBe(parts.sequence);
        expect(parsed!.gender).toBe(Number(parts.sequence) % 2 === 1 ? "male" : "female");
      }),
    );
  });

  it("detects every single-digit substitution (the MOD 11-2 guarantee)", () => {
    fc.assert(
      fc.property(
        validResidentId,
        fc.integer({ min: 0, max: 16 }),
        fc.integer({ min: 1, max: 9 }),
        (id, pos, delta) => {
          const digit = (Number(id[pos]) + delta) % 10;
          const mutated = id.slice(0, pos) + digit + id.slice(pos + 1);
          expect(isValidResidentIdNumber(mutated, { now: NOW })).toBe(false);
        },
      ),
    );
  });

  it("never throws on arbitrary input", () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        expect(parseResidentIdNumber(input)).toBeUndefined();
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(..."0123456789Xx -"), maxLength: 20 }), (s) => {
        const parsed = parseResidentIdNumber(s, { now: NOW });
        if (parsed) expect(s.trim().toUpperCase()).toHaveLength(18);
      }),
    );
  });

  it("is a zod refinement with a specific localized message", () => {
    const bad = validate(ResidentIdNumberSchema, "110105194912310021", "zh-CN");
    expect(bad).toEqual({
      success: false,
      errors: [{ path: [], code: "residentId", message: "请输入有效的18位居民身份证号码" }],
    });
    expect(validate(ResidentIdNumberSchema, " 11010519491231002x ", "en")).toEqual({
      success: true,
      data: "11010519491231002X",
    });
  });
});

const usccChar = fc.constantFrom(...USCC_ALPHABET);
const validUscc = fc
  .tuple(fc.constantFrom("91", "92", "93", "11", "52"), regionCode, fc.array(usccChar, { minLength: 9, maxLength: 9 }))
  .map(([head, region, org]) => formatUscc(head + region + org.join("")));

describe("unified social credit codes (GB 32100-2015)", () => {
  it("accepts real codes and rejects a changed check character", () => {
    expect(isValidUscc("914403001922038216")).toBe(true); // Huawei Technologies Co., Ltd.
    expect(isValidUscc("91440300192203821X")).toBe(false);
  });

  it("rejects letters outside the alphabet (I, O, Z, S, V) and wrong lengths", () => {
    expect(isValidUscc("9144030019220382I6")).toBe(false);
    expect(isValidUscc("91440300192203821")).toBe(false);
    expect(isValidUscc(9144030019220)).toBe(false);
  });

  it("detects every single-character substitution in generated codes", () => {
    fc.assert(
      fc.property(validUscc, fc.integer({ min: 0, max: 17 }), usccChar, (code, pos, c) => {
        fc.pre(code[pos] !== c);
        expect(isValidUscc(code.slice(0, pos) + c + code.slice(pos + 1))).toBe(false);
      }),
    );
  });

  it("format and validate agree; the schema speaks both languages", () => {
    fc.assert(
      fc.property(validUscc, (code) => {
        expect(isValidUscc(code)).toBe(true);
      }),
    );
    const result = validate(UsccSchema, "91440300192203821X", "en");
    expect(result.success).toBe(false);
    if (!result.success) expect(result.errors[0]?.message).toMatch(/unified social credit code/);
  });
});

describe("bank card numbers (Luhn)", () => {
  it("accepts Luhn-valid 12–19 digit numbers written with spaces or hyphens", () => {
    expect(isValidBankCardNumber("4111 1111 1111 1111")).toBe(true);
    expect(isValidBankCardNumber("4111-1111-1111-1112")).toBe(false);
    expect(isValidBankCardNumber("12345678903")).toBe(false); // 11 digits
  });

  it("detects every single-digit error and round-trips the check digit", () => {
    const payload = fc.string({ unit: fc.constantFrom(..."0123456789"), minLength: 11, maxLength: 18 });
    fc.assert(
      fc.property(payload, fc.nat(), fc.integer({ min: 1, max: 9 }), (p, at, delta) => {
        const card = p + luhnCheckDigit(p);
        expect(isValidBankCardNumber(card)).toBe(true);
        const pos = at % card.length;
        const mutated = card.slice(0, pos) + ((Number(card[pos]) + delta) % 10) + card.slice(pos + 1);
        expect(isValidBankCardNumber(mutated)).toBe(false);
      }),
    );
  });

  it("normalizes in the schema", () => {
    expect(BankCardNumberSchema.parse("4111 1111 1111 1111")).toBe("4111111111111111");
  });
});

describe("mainland mobile numbers", () => {
  it("normalizes the written forms to 11 digits", () => {
    for (const s of ["13812345678", "+86 138 1234 5678", "0086-138-1234-5678", "8613812345678", "(+86)13812345678"]) {
      expect(normalizeMobile(s)).toBe("13812345678");
    }
    expect(isValidMobile("12812345678")).toBe(false);
    expect(isValidMobile("1381234567")).toBe(false);
    expect(isValidMobile("010-12345678")).toBe(false);
  });

  it("normalize is idempotent and never throws", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(..."0123456789+- ()"), maxLength: 20 }), (s) => {
        const n = normalizeMobile(s);
        if (n !== undefined) expect(normalizeMobile(n)).toBe(n);
      }),
    );
    fc.assert(
      fc.property(fc.anything(), (x) => {
        expect(typeof isValidMobile(x)).toBe("boolean");
      }),
      { numRuns: 200 },
    );
  });

  it("the schema outputs the normalized number or a localized message", () => {
    expect(MobileSchema.parse("+86 139 0000 1111")).toBe("13900001111");
    const result = validate(MobileSchema, "123", "zh-CN");
    expect(result.success === false && result.errors[0]?.message).toBe("请输入有效的11位手机号码");
  });
});

describe("upgradeResidentIdNumber", () => {
  it("puts the century before a 15-digit number's birth date and adds the check character (GB 11643's example)", () => {
    expect(upgradeResidentIdNumber("110105491231002")).toBe("11010519491231002X");
    expect(upgradeResidentIdNumber(" 11010519491231002x ")).toBe("11010519491231002X"); // already 18: normalized
  });
  it("refuses what is no number: a wrong length, letters, an impossible date or region", () => {
    for (const bad of [
      "11010549123100",
      "11010549123100A",
      "110105490231002",
      "990105491231002",
      "11010519491231002Y",
      42,
    ])
      expect(upgradeResidentIdNumber(bad), String(bad)).toBeUndefined();
  });
  it("upgrades every valid 18-digit number's 15-digit form back to it (property)", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("1900-01-01"), max: new Date("1999-12-31"), noInvalidDate: true }),
        fc.integer({ min: 1, max: 999 }),
        (birth, seq) => {
          const day = birth.toISOString().slice(0, 10);
          const sequence = String(seq).padStart(3, "0");
          const full = formatResidentIdNumber({ regionCode: "310104", birthDate: day, sequence });
          const old = `310104${day.slice(2, 4)}${day.slice(5, 7)}${day.slice(8, 10)}${sequence}`;
          expect(upgradeResidentIdNumber(old)).toBe(full);
        },
      ),
    );
  });
});
