/**
 * The operators and the saved format's version, without zod: validation and
 * the builder import these, so a page that only edits segments does not carry
 * the schema library.
 */
export const OPERATORS = [
  "eq",
  "neq",
  "in",
  "notIn",
  "gt",
  "gte",
  "lt",
  "lte",
  "between",
  "contains",
  "startsWith",
  "endsWith",
  "isEmpty",
  "isNotEmpty",
  "before",
  "after",
  "withinLast",
  "notWithinLast",
  "hasAny",
  "hasAll",
] as const;
export type Operator = (typeof OPERATORS)[number];

/** The format of saved definitions; bump with a migration when it changes. */
export const SEGMENT_SCHEMA_VERSION = 1;

/** The catalog field a segment's purpose is checked against: the purposes whose consent is in force. */
export const CONSENT_FIELD = "consents";
