/**
 * Resident identity card numbers, GB 11643-1999: 6-digit region code, 8-digit
 * birth date (YYYYMMDD), 3-digit sequence (odd = male, even = female) and an
 * ISO 7064 MOD 11-2 check character (0-9 or X).
 */
import * as z from "zod";
import { provinceOf, type Province } from "./regions.js";

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = "10X98765432";
const SHAPE = /^\d{17}[\dX]$/;

export interface ResidentIdNumber {
  /** 6-digit administrative division code. */
  regionCode: string;
  province: Province;
  /** ISO date, YYYY-MM-DD. */
  birthDate: string;
  /** 3-digit sequence number. */
  sequence: string;
  gender: "male" | "female";
  checkCharacter: string;
}

export interface ResidentIdOptions {
  /** Birth dates after this instant are rejected. Default: now. */
  now?: Date;
}

/** The ISO 7064 MOD 11-2 check character for the first 17 digits. */
export function residentIdCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

/** True when y-m-d is a real calendar date (leap years included). */
export function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= days;
}

function normalize(input: string): string {
  return input.trim().toUpperCase();
}

/**
 * Parses an 18-character resident ID number. Returns undefined for anything that
 * is not a valid number (wrong shape, unknown province, impossible or future
 * birth date, sequence 000, wrong check character). Never throws.
 */
export function parseResidentIdNumber(input: unknown, options: ResidentIdOptions = {}): ResidentIdNumber | undefined {
  if (typeof input !== "string") return undefined;
  const s = normalize(input);
  if (!SHAPE.test(s)) return undefined;
  const province = provinceOf(s.slice(0, 2));
  if (!province) return undefined;
  const year = Number(s.slice(6, 10));
  const month = Number(s.slice(10, 12));
  const day = Number(s.slice(12, 14));
  if (year < 1900 || !isRealDate(year, month, day)) return undefined;
  const birth = Date.UTC(year, month - 1, day);
  if (birth > (options.now ?? new Date()).getTime()) return undefined;
  const sequence = s.slice(14, 17);
  if (sequence === "000") return undefined;
  if (residentIdCheckCharacter(s) !== s[17]) return undefined;
  return {
    regionCode: s.slice(0, 6),
    province,
    birthDate: `${s.slice(6, 10)}-${s.slice(10, 12)}-${s.slice(12, 14)}`,
    sequence,
    gender: Number(sequence) % 2 === 1 ? "male" : "female",
    checkCharacter: s.slice(17),
  };
}

export function isValidResidentIdNumber(input: unknown, options?: ResidentIdOptions): boolean {
  return parseResidentIdNumber(input, options) !== undefined;
}

/**
 * A first-generation (1985–2004) 15-digit resident ID number as today's 18 characters: the century "19" put before
 * its six-digit birth date and the check character after. Undefined unless it is 15 digits whose upgrade is a valid
 * number (region, real birth date); an 18-character number comes back normalized. Never throws.
 */
export function upgradeResidentIdNumber(input: unknown, options: ResidentIdOptions = {}): string | undefined {
  if (typeof input !== "string") return undefined;
  const s = normalize(input);
  if (s.length === 18) return parseResidentIdNumber(s, options) ? s : undefined;
  if (!/^\d{15}$/.test(s)) return undefined;
  const first17 = `${s.slice(0, 6)}19${s.slice(6, 15)}`;
  const upgraded = first17 + residentIdCheckCharacter(first17);
  return parseResidentIdNumber(upgraded, options) ? upgraded : undefined;
}

/** Builds a valid number from its parts (the inverse of parse). */
export function formatResidentIdNumber(parts: { regionCode: string; birthDate: string; sequence: string }): string {
  const first17 = `${parts.regionCode}${parts.birthDate.replaceAll("-", "")}${parts.sequence}`;
  return first17 + residentIdCheckCharacter(first17);
}

/** zod schema: a valid resident ID number, normalized to upper-case X. */
export const ResidentIdNumberSchema = z
  .string()
  .trim()
  .toUpperCase()
  .refine((s) => isValidResidentIdNumber(s), {
    params: { reason: "residentId" },
    abort: true,
  });
