/**
 * The elements' own words: every table in i18n/ (one per element, and the ones they share) writes
 * every message in Chinese and in English, fills the same placeholders in both, and uses no key that
 * another table — or core's — also has, so a key always means one thing.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { messageKeys, type Label } from "@bankcrm/core";
import { segmentMessageKeys, valueMessageKeys, writeMessageKeys } from "@bankcrm/core/i18n";

type Table = Readonly<Record<string, Label>>;
/** Every `*-messages.ts` here, by file (Vite's glob: a new table is found without being listed). */
let TABLES: (readonly [string, Table])[] = [];
beforeAll(async () => {
  const modules = import.meta.glob("./*-messages.ts");
  TABLES = await Promise.all(
    Object.entries(modules).map(
      async ([file, load]) => [file, ((await load()) as { messages: Table }).messages] as const,
    ),
  );
});
const han = /[\u4e00-\u9fff]/;
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("the elements' message tables", () => {
  it("are one per element that speaks, and shared ones", () => {
    expect(TABLES.length).toBeGreaterThanOrEqual(18);
    for (const [file, table] of TABLES) expect(Object.keys(table).length, file).toBeGreaterThan(0);
  });

  it("write every message in Chinese and in English, with the same placeholders", () => {
    for (const [file, table] of TABLES)
      for (const [key, label] of Object.entries(table)) {
        expect(han.test(label["zh-CN"]), `${file} ${key}`).toBe(true);
        expect(han.test(label.en), `${file} ${key}`).toBe(false);
        expect(placeholders(label.en), `${file} ${key}`).toEqual(placeholders(label["zh-CN"]));
      }
  });

  it("share no key with another table, nor with core's", () => {
    const all = TABLES.flatMap(([, table]) => Object.keys(table));
    expect(all.filter((k, i) => all.indexOf(k) !== i)).toEqual([]);
    const core = new Set<string>([...messageKeys, ...writeMessageKeys, ...segmentMessageKeys, ...valueMessageKeys]);
    expect(all.filter((k) => core.has(k))).toEqual([]);
  });
});
