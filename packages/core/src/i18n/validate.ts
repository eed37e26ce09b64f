/**
 * Validation that speaks to people: runs a schema and maps each zod issue to a
 * field-level message in the user's locale. Never throws for bad input.
 */
import type * as z from "zod";
import { BankcrmValidationError, type FieldError } from "../errors/validation-error.js";
import { isMasked } from "../privacy/mask.js";
import type { Locale } from "./locale.js";
import { hasMessage, message, type MessageKey } from "./messages.js";

type Issue = z.core.$ZodIssue & { input?: unknown; params?: Record<string, unknown> };

function keyAndParams(issue: Issue): [MessageKey, Record<string, string | number>] {
  // Our schemas name a message key as the issue's message (`{ error: "mobile" }`)
  // or as `params.reason` on refinements.
  if (hasMessage(issue.message)) return [issue.message, {}];
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined) return ["required", {}];
      return [issue.expected === "int" ? "notInteger" : "invalidType", {}];
    case "too_small": {
      const min = Number(issue.minimum);
      if (issue.origin === "string") return min <= 1 ? ["required", {}] : ["tooShortString", { min }];
      if (issue.origin === "array" || issue.origin === "set") return ["tooFewItems", { min }];
      return ["tooSmallNumber", { min }];
    }
    case "too_big": {
      const max = Number(issue.maximum);
      if (issue.origin === "string") return ["tooLongString", { max }];
      if (issue.origin === "array" || issue.origin === "set") return ["tooManyItems", { max }];
      return ["tooBigNumber", { max }];
    }
    case "invalid_format":
      if (issue.format === "email") return ["invalidEmail", {}];
      if (issue.format === "date") return ["invalidDate", {}];
      if (issue.format === "datetime") return ["invalidDateTime", {}];
      break;
    case "invalid_value":
    case "invalid_union":
      return ["invalidOption", {}];
    case "unrecognized_keys":
      return ["unrecognizedKeys", {}];
    default:
      break;
  }
  const reason: unknown = issue.params?.reason;
  if (typeof reason === "string" && hasMessage(reason)) return [reason, {}];
  return ["invalid", {}];
}

/** Maps zod issues to localized field errors. */
export function localizeIssues(issues: readonly z.core.$ZodIssue[], locale: Locale): FieldError[] {
  return issues.map((raw) => {
    const issue = raw as Issue;
    const [key, params] = keyAndParams(issue);
    return {
      path: issue.path.map((p) => (typeof p === "symbol" ? String(p) : p)),
      code: key,
      message: message(key, locale, params),
    };
  });
}

export type ValidationResult<T> = { success: true; data: T } | { success: false; errors: FieldError[] };

export interface ValidateOptions {
  /**
   * Accept identifiers a server sent masked (`138****5678`): an issue whose value
   * is a string carrying the mask character is not an error, and the record is
   * returned as it came. For records from a store that masks on the server (the
   * reference server masks every identifier); never for input a person typed.
   */
  allowMasked?: boolean;
  /**
   * Refuse properties the schema does not know (`unrecognizedKeys`, at their path) instead of dropping them:
   * for a server's write boundary, where a field a caller believes it saved must not vanish unsaid.
   */
  strict?: boolean;
}

const isPlain = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Paths of the input's properties the parsed value no longer has (a schema strips what it does not know). */
export function unknownKeys(input: unknown, parsed: unknown, base: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(input) && Array.isArray(parsed))
    return input.flatMap((item, i) => unknownKeys(item, parsed[i], [...base, i]));
  if (!isPlain(input) || !isPlain(parsed)) return [];
  // Only a key gone, or an object to look into, gets a path: a record's many plain values cost nothing.
  return Object.keys(input).flatMap((key) =>
    !Object.hasOwn(parsed, key)
      ? [[...base, key]]
      : typeof input[key] === "object"
        ? unknownKeys(input[key], parsed[key], [...base, key])
        : [],
  );
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (typeof value !== "object" || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** An issue only about a masked value: every issue it stands for sits on a masked string. */
function onlyMasked(issue: z.core.$ZodIssue, input: unknown, base: readonly PropertyKey[] = []): boolean {
  const path = [...base, ...issue.path];
  if (issue.code === "invalid_union" && issue.errors.length > 0)
    // Some option of the union fails only on masked values.
    return issue.errors.some((option) => option.length > 0 && option.every((i) => onlyMasked(i, input, path)));
  const value = valueAt(input, path);
  return typeof value === "string" && isMasked(value);
}

/**
 * Validates `input` against `schema`, returning the parsed data or localized,
 * field-level errors. Arbitrary input yields one of the two, never an exception.
 */
export function validate<S extends z.ZodType>(
  schema: S,
  input: unknown,
  locale: Locale,
  options: ValidateOptions = {},
): ValidationResult<z.output<S>> {
  // reportInput lets us tell "missing" from "wrong type"; the inputs never leave this function.
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) {
    const extra = options.strict ? unknownKeys(input, result.data) : [];
    if (extra.length === 0) return { success: true, data: result.data };
    return {
      success: false,
      errors: extra.map((path) => ({ path, code: "unrecognizedKeys", message: message("unrecognizedKeys", locale) })),
    };
  }
  if (options.allowMasked && result.error.issues.every((issue) => onlyMasked(issue, input)))
    return { success: true, data: input as z.output<S> };
  return { success: false, errors: localizeIssues(result.error.issues, locale) };
}

/** Like `validate`, but throws a `BankcrmValidationError` carrying the field errors. */
export function parseOrThrow<S extends z.ZodType>(
  schema: S,
  input: unknown,
  locale: Locale,
  options: ValidateOptions = {},
): z.output<S> {
  const result = validate(schema, input, locale, options);
  if (!result.success) throw new BankcrmValidationError(result.errors);
  return result.data;
}
