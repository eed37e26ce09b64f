/**
 * Text that shows what it is: unpaired bidirectional controls are found (and
 * refused by every free-text field, with a message in both languages), paired
 * ones pass, and isolation wraps text so nothing in it reaches past it.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fillLabel, LeadSchema, validate } from "../src/index.js";
import { closeBidi, FSI, hasUnpairedBidi, isolate, isolateIfNeeded, PDI, withoutControls } from "../src/text/index.js";

const [LRE, RLE, PDF, LRO, RLO] = ["\u202A", "\u202B", "\u202C", "\u202D", "\u202E"];
const [LRI, RLI] = ["\u2066", "\u2067"];
const plain = fc.string({ maxLength: 12 });
/** Text in which every opener is closed on its line, nested any way UAX #9 allows. */
const balanced: fc.Arbitrary<string> = fc.letrec<{ t: string }>((tie) => ({
  t: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    plain,
    fc.tuple(fc.constantFrom(LRE, RLE, LRO, RLO), tie("t"), plain).map(([o, inner, tail]) => o + inner + PDF + tail),
    fc.tuple(fc.constantFrom(LRI, RLI, FSI), tie("t"), plain).map(([o, inner, tail]) => o + inner + PDI + tail),
    fc.tuple(tie("t"), tie("t")).map(([a, b]) => a + b),
  ),
})).t;

describe("bidirectional controls", () => {
  it("passes text whose embeddings, overrides and isolates are closed on their line", () => {
    fc.assert(
      fc.property(balanced, (text) => {
        expect(hasUnpairedBidi(text)).toBe(false);
      }),
    );
    // An isolate's PDI also closes embeddings still open inside it.
    expect(hasUnpairedBidi(`${RLI}a${RLO}b${PDI}`)).toBe(false);
    expect(hasUnpairedBidi("\u200F marks \u200E pass")).toBe(false);
  });

  it("finds an opener left open, a closer that closes nothing, and a PDF across an isolate", () => {
    fc.assert(
      fc.property(balanced, balanced, fc.constantFrom(LRE, RLE, LRO, RLO, LRI, RLI, FSI, PDF, PDI), (a, b, stray) => {
        expect(hasUnpairedBidi(a + stray + b)).toBe(true);
      }),
    );
    expect(hasUnpairedBidi(`${LRI}a${PDF}b${PDI}`)).toBe(true);
    // Open at a line's end: a paragraph separator ends it, it does not close it.
    expect(hasUnpairedBidi(`${RLO}a\nb${PDF}`)).toBe(true);
  });

  it("isolates text and drops controls", () => {
    expect(isolate("张三")).toBe(`${FSI}张三${PDI}`);
    // What an isolate holds stays inside it: its PDI closes an override left open within.
    expect(hasUnpairedBidi(`${RLO}x`)).toBe(true);
    expect(hasUnpairedBidi(isolate(`${RLO}x`))).toBe(false);
    expect(withoutControls(`a${RLO}b\u200Bc\u0007d`)).toBe("abcd");
  });

  it("is refused by a free-text field with a message in each language, on the field", () => {
    const lead = {
      id: "LD-1",
      name: `${RLO}王小明`,
      mobile: "13812345678",
      purpose: "mortgage",
      source: "branch_walk_in",
      status: "new",
      consent: {
        purpose: "marketing",
        channel: "phone",
        granted: true,
        textVersion: "v1",
        recordedAt: "2026-11-01T00:00:00Z",
      },
      createdAt: "2026-11-01T00:00:00Z",
    };
    const zh = validate(LeadSchema, lead, "zh-CN");
    const en = validate(LeadSchema, lead, "en");
    expect(zh.success || zh.errors).toEqual([
      { path: ["name"], code: "bidiControls", message: "包含未闭合的文字方向控制字符，会使显示的内容与实际内容不符" },
    ]);
    expect(en.success || en.errors[0]!.message).toMatch(/^Contains an unclosed text-direction control/);
    expect(validate(LeadSchema, { ...lead, name: `${RLI}王小明${PDI}` }, "en").success).toBe(true);
  });
});

describe("neutralising and isolating", () => {
  it("closes what is open on each line and drops closers of nothing, leaving balanced text alone", () => {
    const any = fc
      .array(fc.oneof(fc.string({ maxLength: 3 }), fc.constantFrom(LRE, RLE, PDF, LRO, RLO, LRI, RLI, FSI, PDI, "\n")))
      .map((parts) => parts.join(""));
    fc.assert(
      fc.property(any, (text) => {
        const closed = closeBidi(text);
        expect(hasUnpairedBidi(closed)).toBe(false);
        // Nothing but controls is added or dropped.
        expect(withoutControls(closed)).toBe(withoutControls(text));
      }),
    );
    fc.assert(
      fc.property(balanced, (text) => {
        expect(closeBidi(text)).toBe(text);
      }),
    );
    expect(closeBidi(`a${RLO}b\nc${PDI}d`)).toBe(`a${RLO}b${PDF}\ncd`);
  });

  it("isolates a message's values that could reorder it, and leaves Chinese and English as they are", () => {
    const label = { "zh-CN": "{name} 的线索（{count}）", en: "{name}'s leads ({count})" };
    expect(fillLabel(label, "zh-CN", { name: "王小明", count: 3 })).toBe("王小明 的线索（3）");
    expect(fillLabel(label, "en", { name: "Ann Lee", count: 3 })).toBe("Ann Lee's leads (3)");
    expect(fillLabel(label, "en", { name: "שלום", count: 3 })).toBe(`${FSI}שלום${PDI}'s leads (3)`);
    expect(fillLabel(label, "zh-CN", { name: `王${RLO}`, count: 3 })).toBe(`${FSI}王${RLO}${PDI} 的线索（3）`);
    expect(isolateIfNeeded("181****9432")).toBe("181****9432");
  });
});
