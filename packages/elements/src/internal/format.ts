/** Dates, times and amounts as a person reads them, with the Intl formatters cached per locale. */
import { DAY_MS, formatMoney, type Locale } from "@bankcrm/core";

type Formatter = Intl.RelativeTimeFormat | Intl.DateTimeFormat | Intl.NumberFormat;
const formatters = new Map<string, Formatter>();
export function cached<T extends Formatter>(key: string, make: () => T): T {
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = make()));
  return f as T;
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * DAY_MS],
  ["month", 30 * DAY_MS],
  ["week", 7 * DAY_MS],
  ["day", DAY_MS],
  ["hour", 3_600_000],
  ["minute", 60_000],
];

/** How a figure is written: a count, minor units of money, or a share from 0 to 1. */
export type FigureFormat = "number" | "money" | "percent";

/** A figure at a glance: money compact from minor units, shares as percents, large counts compact. */
export function formatFigure(x: number, format: FigureFormat, currency: string, locale: Locale): string {
  if (format === "money") return compactMoney(Math.round(x), currency, locale);
  if (format === "percent")
    return cached(
      `pct|${locale}`,
      () => new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }),
    ).format(x);
  return cached(
    `num|${locale}|${Math.abs(x) >= 100_000}`,
    () => new Intl.NumberFormat(locale, { notation: Math.abs(x) >= 100_000 ? "compact" : "standard" }),
  ).format(x);
}

/** "3 小时前", "2 days ago", "now" — relative to `now`, in the locale. */
export function relativeTime(at: Date, now: Date, locale: Locale): string {
  const rtf = cached(`rt|${locale}`, () => new Intl.RelativeTimeFormat(locale, { numeric: "auto" }));
  const diff = at.getTime() - now.getTime();
  for (const [unit, ms] of UNITS) if (Math.abs(diff) >= ms) return rtf.format(Math.trunc(diff / ms), unit);
  return rtf.format(0, "second");
}

/** The full date and time, for a tooltip and the `<time>` element. */
export function absoluteTime(at: Date, locale: Locale): string {
  return cached(
    `abs|${locale}`,
    () => new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }),
  ).format(at);
}

/** A date-time as a date in the bank's day (Beijing), e.g. "11月30日 周一" / "Mon, Nov 30". */
export function shortDay(at: Date, locale: Locale): string {
  return cached(
    `short|${locale}`,
    () =>
      new Intl.DateTimeFormat(locale, { month: "short", day: "numeric", weekday: "short", timeZone: "Asia/Shanghai" }),
  ).format(at);
}

/** An amount in minor units, compact ("¥1.2万", "CN¥12K"): core's `formatMoney`, whose formatters are kept. */
export const compactMoney = (amount: number, currency: string, locale: Locale): string =>
  formatMoney(amount, currency, locale, { compact: true });

/**
 * Yuan as typed ("500000", "1,200.5", "12 万" is not accepted) to fen, exactly;
 * undefined for empty, NaN for anything that is not an amount with ≤ 2 decimals.
 */
export function yuanToFen(text: string): number | undefined {
  const t = text.replace(/[,，\s]/g, "");
  if (t === "") return undefined;
  const m = /^(\d{1,13})(?:\.(\d{1,2}))?$/.exec(t);
  if (!m) return Number.NaN;
  return Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0"));
}

/** A form field's text (a file or a missing field reads as ""). */
export function formText(data: FormData, name: string): string {
  const value = data.get(name);
  return typeof value === "string" ? value : "";
}
