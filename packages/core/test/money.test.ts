import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  currencyExponent,
  formatMoney,
  fromMinorUnits,
  isInvalidArgumentError,
  sumMoney,
  toMinorUnits,
} from "../src/index.js";

describe("money", () => {
  it("formats minor units through Intl in both locales", () => {
    expect(formatMoney(123456789, "CNY", "zh-CN")).toBe("¥1,234,567.89");
    expect(formatMoney(123456789, "CNY", "en")).toBe("CN¥1,234,567.89");
    expect(formatMoney(-5, "CNY", "en")).toBe("-CN¥0.05");
    expect(formatMoney(1234, "JPY", "en")).toBe("¥1,234");
  });

  it("formats exactly beyond float precision", () => {
    expect(formatMoney(9_007_199_254_740_991, "CNY", "en", { currencyDisplay: "code" })).toBe(
      "CNY\u00a090,071,992,547,409.91",
    );
    expect(fromMinorUnits(12345678901234567890n, "CNY")).toBe("123456789012345678.90");
  });

  it("knows each currency's minor units", () => {
    expect(currencyExponent("CNY")).toBe(2);
    expect(currencyExponent("JPY")).toBe(0);
    expect(currencyExponent("KWD")).toBe(3);
  });

  it("round-trips: toMinorUnits(fromMinorUnits(x)) === x", () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), fc.constantFrom("CNY", "USD", "JPY", "KWD", "HKD"), (amount, currency) => {
        expect(toMinorUnits(fromMinorUnits(amount, currency), currency)).toBe(amount);
      }),
    );
  });

  it("refuses floats, excess decimals, unknown currencies and mixed sums with typed errors", () => {
    const cases = [
      () => fromMinorUnits(1.5, "CNY"),
      () => toMinorUnits("1.234", "CNY"),
      () => toMinorUnits("abc", "CNY"),
      () => toMinorUnits("99999999999999999999", "CNY"),
      () => currencyExponent("C1"),
      () => sumMoney([{ amount: 1, currency: "USD" }], "CNY"),
    ];
    for (const run of cases) {
      try {
        run();
        expect.unreachable();
      } catch (error) {
        expect(isInvalidArgumentError(error)).toBe(true);
      }
    }
  });

  it("never throws anything but a typed error on arbitrary decimal strings", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (s) => {
        try {
          expect(Number.isSafeInteger(toMinorUnits(s, "CNY"))).toBe(true);
        } catch (error) {
          expect(isInvalidArgumentError(error)).toBe(true);
        }
      }),
    );
  });
});
