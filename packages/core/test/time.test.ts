import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { instantMs } from "../src/index.js";

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

describe("instantMs", () => {
  it("reads every ISO instant exactly as Date.parse does (offsets, fractions, month ends, leap days)", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("1900-01-01T00:00:00Z"), max: new Date("2200-12-31T23:59:59Z"), noInvalidDate: true }),
        fc.integer({ min: -23 * 60 - 59, max: 23 * 60 + 59 }),
        fc.integer({ min: 0, max: 6 }),
        fc.boolean(),
        (date, offset, fraction, zulu) => {
          const local = new Date(date.getTime() + (zulu ? 0 : offset) * 60_000).toISOString();
          const frac = fraction === 0 ? "" : `.${(local.slice(20, 23) + "123").slice(0, fraction)}`;
          const suffix = zulu
            ? "Z"
            : `${offset >= 0 ? "+" : "-"}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
          const s = `${local.slice(0, 19)}${frac}${suffix}`;
          expect(instantMs(s)).toBe(Date.parse(s));
        },
      ),
      { numRuns: 5000 },
    );
  });

  it("gives what Date.parse gives for anything else, NaN included", () => {
    for (const s of [
      "2026-11-30",
      "2026-02-29T10:00:00Z",
      "2024-02-29T10:00:00Z",
      "2026-13-01T00:00:00Z",
      "2026-11-30T24:00:00Z",
      "2026-11-30T10:00:00+24:00",
      "2026-11-30T10:00:00.Z",
      "2026-11-30T10:00:00",
      "2026-11-3xT10:00:00Z",
      "not a date at all, not at all",
      "",
    ])
      expect(Object.is(instantMs(s), Date.parse(s)), s).toBe(true);
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (s) => {
        expect(Object.is(instantMs(s), Date.parse(s))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
