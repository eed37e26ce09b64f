/**
 * Unified social credit codes, GB 32100-2015: 18 characters from a 31-character
 * alphabet (digits and upper-case letters without I, O, Z, S, V): registration
 * authority (1), organization type (1), region code (6 digits), organization code
 * (9) and a MOD 31 check character.
 */
import * as z from "zod";
import { provinceOf } from "./regions.js";

export const USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

/** The check character for the first 17 characters. */
export function usccCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_ALPHABET.indexOf(first17[i]!) * WEIGHTS[i]!;
  return USCC_ALPHABET[(31 - (sum % 31)) % 31]!;
}

export function isValidUscc(input: unknown): boolean {
  if (typeof input !== "string") return false;
  const s = input.trim().toUpperCase();
  if (!SHAPE.test(s)) return false;
  if (!provinceOf(s.slice(2, 4))) return false;
  return usccCheckCharacter(s) === s[17];
}

/** Builds a valid code from its first 17 characters. */
export function formatUscc(first17: string): string {
  return first17 + usccCheckCharacter(first17);
}

export const UsccSchema = z
  .string()
  .trim()
  .toUpperCase()
  .refine((s) => isValidUscc(s), { params: { reason: "uscc" }, abort: true });
