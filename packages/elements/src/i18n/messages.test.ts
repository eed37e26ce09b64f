/** The elements' own words: every key in both languages, and none that means something else in core's tables. */
import { describe, expect, it } from "vitest";
import { messageKeys } from "@bankcrm/core";
import { salesMessageKeys, serviceMessageKeys, writeMessageKeys } from "@bankcrm/core/i18n";
import { cardMessage, cardMessageKeys } from "./card-messages.js";
import { leadFormMessage, leadFormMessageKeys } from "./lead-form-messages.js";
import { timelineMessage, timelineMessageKeys } from "./timeline-messages.js";

const TABLES = [
  [cardMessageKeys, cardMessage],
  [timelineMessageKeys, timelineMessage],
  [leadFormMessageKeys, leadFormMessage],
] as const;
const han = /[\u4e00-\u9fff]/;

describe("the elements' message tables", () => {
  it("write every message in Chinese and in English", () => {
    for (const [keys, say] of TABLES)
      for (const key of keys as readonly string[]) {
        const text = say as (k: string, l: "zh-CN" | "en") => string;
        expect(han.test(text(key, "zh-CN")), key).toBe(true);
        expect(han.test(text(key, "en")), key).toBe(false);
      }
  });

  it("share no key with another table", () => {
    const all = TABLES.flatMap(([keys]) => keys as readonly string[]);
    expect(new Set(all).size).toBe(all.length);
    const core = new Set<string>([...messageKeys, ...salesMessageKeys, ...serviceMessageKeys, ...writeMessageKeys]);
    expect(all.filter((k) => core.has(k))).toEqual([]);
  });
});
