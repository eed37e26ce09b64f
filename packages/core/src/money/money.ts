/**
 * Money is an integer count of the currency's minor units (fen for CNY) with an
 * ISO 4217 code. Conversions go through decimal strings and BigInt, never through
 * binary floating point, so 0.1 + 0.2 problems cannot reach a balance.
 */
import { BankcrmInvalidArgumentError } from "../errors/invalid-argument-error.js";
import type { Money } from "./money-schema.js";

/** Each currency's exponent once found (a loader converts millions of amounts in a handful of currencies). */
const EXPONENTS = new Map<string, number>();

/** Minor-unit digits of a currency (CNY 2, JPY 0, KWD 3), from Intl. */
export function currencyExponent(currency: string): number {
  const known = EXPONENTS.get(currency);
  if (known !== undefined) return known;
  try {
    const exp =
      new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
    EXPONENTS.set(currency, exp); // at most 26³ codes are well formed: the cache stays small
    return exp;
  } catch (cause) {
    throw new BankcrmInvalidArgumentError("currency", `"${currency}" is not an ISO 4217 code`, { cause });
  }
}

/** Minor units as an exact decimal string: 123456 CNY → "1234.56". */
export function fromMinorUnits(amount: number | bigint, currency: string): string {
  if (typeof amount === "number" && !Number.isSafeInteger(amount)) {
    throw new BankcrmInvalidArgumentError("amount", "money amounts are integer minor units");
  }
  const exp = currencyExponent(currency);
  const big = BigInt(amount);
  const negative = big < 0n;
  const digits = (negative ? -big : big).toString().padStart(exp + 1, "0");
  const whole = digits.slice(0, digits.length - exp);
  const frac = digits.slice(digits.length - exp);
  return `${negative ? "-" : ""}${whole}${exp > 0 ? `.${frac}` : ""}`;
}

const DECIMAL = /^([+-])?(\d+)(?:\.(\d+))?$/;

/**
 * A decimal string in major units to minor units: "1234.56" CNY → 123456.
 * Rejects more fraction digits than the currency has (no silent rounding) and
 * amounts beyond Number.MAX_SAFE_INTEGER.
 */
export function toMinorUnits(decimal: string, currency: string): number {
  const exp = currencyExponent(currency);
  const m = DECIMAL.exec(decimal.trim().replaceAll(",", ""));
  if (!m) throw new BankcrmInvalidArgumentError("decimal", `"${decimal}" is not a decimal amount`);
  const [, sign, whole, frac = ""] = m;
  if (frac.length > exp) {
    throw new BankcrmInvalidArgumentError("decimal", `${currency} has ${exp} decimal places`);
  }
  const digits = whole! + frac.padEnd(exp, "0");
  // Up to 15 digits a double holds the integer exactly; beyond, BigInt checks the safe range.
  if (digits.length <= 15) return (sign === "-" ? -1 : 1) * Number(digits) || 0;
  const minor = BigInt(digits) * (sign === "-" ? -1n : 1n);
  if (minor > BigInt(Number.MAX_SAFE_INTEGER) || minor < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new BankcrmInvalidArgumentError("decimal", "amount is too large");
  }
  return Number(minor);
}

export interface FormatMoneyOptions {
  /** "symbol" (¥1,234.56), "code" (CNY 1,234.56) or "name". Default "symbol". */
  currencyDisplay?: "symbol" | "narrowSymbol" | "code" | "name";
  /** Compact notation for dashboards (¥1.2万 / CN¥12K). */
  compact?: boolean;
}

const formats = new Map<string, Intl.NumberFormat>();

/**
 * Formats minor units in a locale through Intl, exactly (via a decimal string). One formatter per
 * locale, currency and options is kept: a board of thousands of cards must not build thousands.
 */
export function formatMoney(
  amount: number | bigint,
  currency: string,
  locale: string,
  options: FormatMoneyOptions = {},
): string {
  const display = options.currencyDisplay ?? "symbol";
  const key = `${locale}|${currency}|${display}|${options.compact === true}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, {
      style: "currency",
      currency,
      currencyDisplay: display,
      ...(options.compact ? { notation: "compact", maximumFractionDigits: 1 } : {}),
    });
    formats.set(key, format);
  }
  // Intl formats decimal strings exactly (ECMA-402 NumberFormat v3); the cast is
  // for TypeScript's lib, which still types the argument as number | bigint.
  return format.format(fromMinorUnits(amount, currency) as unknown as number);
}

/** Sums amounts of one currency; throws when currencies differ. */
export function sumMoney(values: readonly Money[], currency: string): Money {
  let total = 0;
  for (const v of values) {
    if (v.currency !== currency) {
      throw new BankcrmInvalidArgumentError("values", `cannot add ${v.currency} to ${currency} without a rate`);
    }
    total += v.amount;
  }
  return { amount: total, currency };
}
