/** Bank card numbers: 12–19 digits with a Luhn (mod 10) check digit. */
import * as z from "zod";

/** Removes the spaces and hyphens people type between digit groups. */
export function normalizeBankCardNumber(input: string): string {
  return input.replace(/[\s-]/g, "");
}

/** The Luhn check digit for a digit string (without its check digit). */
export function luhnCheckDigit(payload: string): string {
  let sum = 0;
  for (let i = payload.length - 1, double = true; i >= 0; i--, double = !double) {
    let d = payload.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}

export function isValidBankCardNumber(input: unknown): boolean {
  if (typeof input !== "string") return false;
  const s = normalizeBankCardNumber(input);
  if (!/^\d{12,19}$/.test(s)) return false;
  return luhnCheckDigit(s.slice(0, -1)) === s[s.length - 1];
}

export const BankCardNumberSchema = z
  .string()
  .transform(normalizeBankCardNumber)
  .refine((s) => isValidBankCardNumber(s), { params: { reason: "bankCard" }, abort: true });
