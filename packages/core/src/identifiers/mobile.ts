/**
 * Mainland China mobile numbers: 11 digits starting 13–19, optionally written
 * with a +86 / 0086 / 86 country prefix and spaces or hyphens.
 */
import * as z from "zod";

const MOBILE = /^1[3-9]\d{9}$/;

/** The 11-digit national number, or undefined when the input is not a mainland mobile. */
export function normalizeMobile(input: unknown): string | undefined {
  if (typeof input !== "string") return undefined;
  let s = input.replace(/[\s\-()]/g, "");
  if (s.startsWith("+86")) s = s.slice(3);
  else if (s.startsWith("0086")) s = s.slice(4);
  else if (s.length === 13 && s.startsWith("86")) s = s.slice(2);
  return MOBILE.test(s) ? s : undefined;
}

export function isValidMobile(input: unknown): boolean {
  return normalizeMobile(input) !== undefined;
}

/** zod schema: accepts the written forms, outputs the normalized 11 digits. */
export const MobileSchema = z
  .string()
  .refine((s) => isValidMobile(s), { params: { reason: "mobile" }, abort: true })
  .transform((s) => normalizeMobile(s)!);
