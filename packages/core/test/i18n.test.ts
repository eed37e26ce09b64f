import { describe, expect, it } from "vitest";
import { label, labelsOf, message, messageKeys, resolveLocale, type VocabularyName } from "../src/index.js";
import {
  segmentMessage,
  segmentMessageKeys,
  writeMessage,
  writeMessageKeys,
  saleMessageKeys,
  valueMessage,
  valueMessageKeys,
} from "../src/i18n/index.js";
import { vocabularies } from "../src/schemas/index.js";
import { saleRefusalText, type SaleRefusalCode } from "../src/compliance/index.js";

describe("messages and labels", () => {
  it("label every value of every vocabulary in zh-CN and English", () => {
    for (const [name, values] of Object.entries(vocabularies) as [VocabularyName, readonly string[]][]) {
      const zh = labelsOf(name, "zh-CN");
      expect(
        zh.map((l) => l.value),
        name,
      ).toEqual([...values]);
      for (const value of values) {
        const zhLabel = label(name, value, "zh-CN");
        const enLabel = label(name, value, "en");
        expect(zhLabel, `${name}.${value}`).not.toBe(value);
        expect(enLabel.length).toBeGreaterThan(0);
        expect(/[\u4e00-\u9fff]/.test(enLabel), `${name}.${value} en`).toBe(false);
      }
    }
  });

  it("write every message in both languages, with placeholders filled", () => {
    for (const key of messageKeys) {
      expect(/[\u4e00-\u9fff]/.test(message(key, "zh-CN")), key).toBe(true);
      expect(/[\u4e00-\u9fff]/.test(message(key, "en")), key).toBe(false);
    }
    // The tables do not share a key: a key means one thing (the elements' own tables are checked in elements).
    const keys = [
      ...messageKeys,
      ...writeMessageKeys,
      ...segmentMessageKeys,
      ...valueMessageKeys,
      ...saleMessageKeys,
    ] as string[];
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
    for (const key of writeMessageKeys) {
      expect(/[\u4e00-\u9fff]/.test(writeMessage(key, "zh-CN")), key).toBe(true);
      expect(/[\u4e00-\u9fff]/.test(writeMessage(key, "en")), key).toBe(false);
    }
    for (const [keys, say] of [
      [valueMessageKeys, valueMessage],
      [segmentMessageKeys, segmentMessage],
    ] as const) {
      for (const key of keys as readonly string[]) {
        const zh = (say as (k: string, l: "zh-CN" | "en") => string)(key, "zh-CN");
        const en = (say as (k: string, l: "zh-CN" | "en") => string)(key, "en");
        // Chinese text, or Chinese punctuation (the list separator "、") — unless the word is the same in both
        // ("JSON"); never Chinese in the English.
        if (zh !== en) expect(/[\u4e00-\u9fff\u3000-\u303f]/.test(zh), key).toBe(true);
        expect(/[\u4e00-\u9fff\u3000-\u303f]/.test(en), key).toBe(false);
      }
    }
    for (const code of saleMessageKeys.filter((k) => !k.startsWith("sale"))) {
      const refusal = { code: code as SaleRefusalCode, rule: { id: "r", label: { "zh-CN": "规则", en: "rule" } } };
      expect(/[\u4e00-\u9fff]/.test(saleRefusalText(refusal, "zh-CN")), code).toBe(true);
      expect(/[\u4e00-\u9fff]/.test(saleRefusalText(refusal, "en")), code).toBe(false);
    }
    expect(message("tooShortString", "zh-CN", { min: 3 })).toBe("至少需要 3 个字符");
    expect(message("tooShortString", "en", { min: 3 })).toBe("Enter at least 3 characters");
  });

  it("resolve locale tags to the supported locales", () => {
    expect(resolveLocale("zh")).toBe("zh-CN");
    expect(resolveLocale("zh-Hans-CN")).toBe("zh-CN");
    expect(resolveLocale("en-GB")).toBe("en");
    expect(resolveLocale("fr")).toBe("en");
    expect(resolveLocale(undefined)).toBe("zh-CN");
  });

  it("fall back to the raw value for an unknown vocabulary value", () => {
    expect(label("tier", "mythic", "en")).toBe("mythic");
  });
});
