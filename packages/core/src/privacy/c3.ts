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

/** A value met in the walk, with the way back to the root (a path is spelled out only for a field found). */
interface Visit {
  value: unknown;
  key: string | number;
  parent: Visit | undefined;
  depth: number;
}

const pathOf = (v: Visit | undefined, key: string): (string | number)[] => {
  const path: (string | number)[] = [key];
  for (let at = v; at?.parent; at = at.parent) path.unshift(at.key);
  return path;
};

/** Paths of C3 fields inside a value (bounded depth, no recursion; nothing allocated per field but the walk). */
export function findC3Fields(input: unknown): (string | number)[][] {
  const found: (string | number)[][] = [];
  const stack: Visit[] = [{ value: input, key: "", parent: undefined, depth: 0 }];
  while (stack.length > 0) {
    const visit = stack.pop()!;
    const { value, depth } = visit;
    if (typeof value !== "object" || value === null || depth > MAX_DEPTH) continue;
    if (Array.isArray(value)) {
      value.forEach((item, i) => stack.push({ value: item, key: i, parent: visit, depth: depth + 1 }));
      continue;
    }
    for (const key in value) {
      if (!Object.hasOwn(value, key)) continue;
      const child = (value as Record<string, unknown>)[key];
      if (isC3FieldName(key)) found.push(pathOf(visit, key));
      else if (typeof child === "object" && child !== null)
        stack.push({ value: child, key, parent: visit, depth: depth + 1 });
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
