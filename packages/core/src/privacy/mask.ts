/**
 * Display masking of personal data. Control and format characters are dropped
 * first (a right-to-left override is never a name's "first character", and a
 * mask never carries one onto the screen); then every mask keeps the length and
 * only ever reveals characters at fixed ends, so masking is idempotent
 * (`mask(mask(x, k), k) === mask(x, k)`) and never shows a middle digit.
 */
import { withoutControls } from "../text/bidi.js";

export type MaskKind = "idNumber" | "bankCard" | "mobile" | "name" | "email" | "address";

export const MASK_CHAR = "*";

export interface MaskOptions {
  /** bankCard only: leading digits to keep (0–6, default 0). Never more than 6. */
  keepFirst?: number;
}

/**
 * Keeps `head` leading and `tail` trailing characters when at least four stay
 * hidden between them; a shorter value reveals at most a quarter at each end.
 */
function keepEnds(chars: string[], head: number, tail: number): string {
  const n = chars.length;
  const fits = n >= head + tail + 4;
  const h = fits ? head : Math.min(head, Math.floor(n / 4));
  const t = fits ? tail : Math.min(tail, Math.floor(n / 4));
  return chars.map((c, i) => (i < h || i >= n - t ? c : MASK_CHAR)).join("");
}

function maskName(chars: string[]): string {
  if (chars.length <= 1) return chars.length === 0 ? "" : MASK_CHAR;
  // Latin names: first letter of each word; Chinese names: the surname (first character).
  const text = chars.join("");
  if (/\s/.test(text)) {
    return text
      .split(/(\s+)/)
      .map((word) =>
        /^\s+$/.test(word) ? word : word.slice(0, 1) + MASK_CHAR.repeat(Math.max(0, [...word].length - 1)),
      )
      .join("");
  }
  return chars[0] + MASK_CHAR.repeat(chars.length - 1);
}

function maskEmail(text: string): string {
  const at = text.lastIndexOf("@");
  if (at <= 0) return keepEnds([...text], 1, 0);
  const local = [...text.slice(0, at)];
  return local[0] + MASK_CHAR.repeat(local.length - 1) + text.slice(at);
}

/**
 * Masks a value for display.
 * - `idNumber`: first 3 and last 4 (110***********123X)
 * - `bankCard`: last 4; with `keepFirst` up to the first 6 (the BIN) as well
 * - `mobile`: first 3 and last 4 (138****5678)
 * - `name`: the first character (张**, J*** S****)
 * - `email`: first character of the local part (z***@example.com)
 * - `address`: the first 6 characters (province and city), the rest hidden
 */
export function mask(raw: string, kind: MaskKind, options: MaskOptions = {}): string {
  const value = withoutControls(raw);
  const chars = [...value];
  switch (kind) {
    case "idNumber":
      return keepEnds(chars, 3, 4);
    case "bankCard": {
      const first = Math.max(0, Math.min(6, Math.trunc(options.keepFirst ?? 0)));
      return keepEnds(chars, first, 4);
    }
    case "mobile":
      return keepEnds(chars, 3, 4);
    case "name":
      return maskName(chars);
    case "email":
      return maskEmail(value);
    case "address": {
      const keep = Math.min(6, Math.floor(chars.length / 2));
      return chars.map((c, i) => (i < keep || /\s/.test(c) ? c : MASK_CHAR)).join("");
    }
  }
}

/** True when the string already carries the mask character (a masked value). */
export function isMasked(value: string): boolean {
  return value.includes(MASK_CHAR);
}
