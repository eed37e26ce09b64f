/**
 * C3 data — authentication data — must never enter bankcrm (JR/T 0171-2020).
 * `rejectC3` wraps a schema so that input carrying such a field anywhere (at
 * any depth, under any common spelling) fails with an issue at that path,
 * instead of being silently stripped and possibly logged on the way.
 */
import * as z from "zod";

/** Field names, lower-cased with separators removed, that carry C3 data. */
export const C3_FIELD_NAMES: ReadonlySet<string> = new Set([
  "password",
  "passwd",
  "pwd",
  "passcode",
  "pin",
  "pincode",
  "transactionpin",
  "paymentpassword",
  "gesturepassword",
  "cvv",
  "cvv2",
  "cvc",
  "cvc2",
  "cvn",
  "cvn2",
  "securitycode",
  "cardsecuritycode",
  "cardverificationcode",
  "expiry",
  "expirydate",
  "expdate",
  "cardexpiry",
  "cardexpirydate",
  "expirationdate",
  "validthru",
  "track1",
  "track2",
  "trackdata",
  "magneticstripe",
  "otp",
  "smscode",
  "verificationcode",
  "fingerprinttemplate",
  "facetemplate",
]);

export function isC3FieldName(key: string): boolean {
  return C3_FIELD_NAMES.has(key.toLowerCase().replace(/[^a-z0-9]/g, ""));
}

const MAX_DEPTH = 32;

/** Paths of C3 fields inside a value (bounded depth, no recursion; a path made only for an object to walk into). */
export function findC3Fields(input: unknown): (string | number)[][] {
  const found: (string | number)[][] = [];
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value: input, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (typeof value !== "object" || value === null || path.length > MAX_DEPTH) continue;
    if (Array.isArray(value)) {
      value.forEach((item, i) => stack.push({ value: item, path: [...path, i] }));
      continue;
    }
    for (const [key, child] of Object.entries(value)) {
      if (isC3FieldName(key)) found.push([...path, key]);
      else if (typeof child === "object" && child !== null) stack.push({ value: child, path: [...path, key] });
    }
  }
  return found;
}

/** The schema, refusing any input that carries C3 data. */
export function rejectC3<T extends z.ZodType>(schema: T) {
  return z.preprocess((input: unknown, ctx) => {
    for (const path of findC3Fields(input)) {
      ctx.issues.push({
        code: "custom",
        path,
        message: "authentication data (C3) is never accepted",
        params: { reason: "c3" },
        input: undefined,
      });
    }
    return input;
  }, schema);
}
