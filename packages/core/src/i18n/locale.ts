/** Locales, labels and message tables: the one shape every message a person sees is written in. */
import { isolateIfNeeded } from "../text/bidi.js";

/** The locales every message a person sees is written in. */
export const LOCALES = ["zh-CN", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "zh-CN";

/** Text a person reads, in every locale: the one label shape across bankcrm. */
export type Label = Readonly<Record<Locale, string>>;

/** Maps a BCP 47 tag to a supported locale: zh, zh-Hans, zh-CN… → zh-CN; anything else → en. */
export function resolveLocale(tag: string | undefined): Locale {
  if (!tag) return DEFAULT_LOCALE;
  return /^zh(-|$)/i.test(tag) ? "zh-CN" : "en";
}

/**
 * A label's text in a locale, with `{name}` placeholders filled from `params` (unknown ones left as written).
 * A value that could reorder the sentence around it (right-to-left letters, bidi controls) is set in an
 * isolate, as Fluent does with every placeable, so a customer's name never turns the figures after it around.
 */
export function fillLabel(label: Label, locale: Locale, params: Record<string, string | number> = {}): string {
  return label[locale].replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    return value === undefined ? `{${name}}` : typeof value === "string" ? isolateIfNeeded(value) : String(value);
  });
}

/**
 * A message table's lookup: `(key, locale, params) => text`, and its keys — one
 * shape for every table (shared messages, the write path's, the sales elements').
 */
export function messageTable<K extends string>(
  table: Readonly<Record<K, Label>>,
): { text: (key: K, locale: Locale, params?: Record<string, string | number>) => string; keys: K[] } {
  return {
    text: (key, locale, params = {}) => fillLabel(table[key], locale, params),
    keys: Object.keys(table) as K[],
  };
}
