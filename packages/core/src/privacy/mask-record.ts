/**
 * Masks a whole record for display using the sensitivity classes its schema
 * declares: C2 fields with a mask kind are masked, other C2 fields (balances,
 * dates of birth, amounts) are removed, nested records are masked in turn. C1
 * fields pass unchanged. The input is not modified.
 */
import type * as z from "zod";
import { mask } from "./mask.js";
import { sensitivity } from "./sensitivity.js";

type AnySchema = z.ZodType;

/** The object schemas under each schema, found once: schemas do not change, and masking runs per record. */
const found = new WeakMap<AnySchema, z.ZodObject[]>();

/** Finds the object schema under optional / nullable / default / array / pipe wrappers. */
function objectsIn(schema: AnySchema | undefined, depth = 0): z.ZodObject[] {
  if (!schema || depth > 8) return [];
  if (depth === 0) {
    let known = found.get(schema);
    if (!known) found.set(schema, (known = search(schema, depth)));
    return known;
  }
  return search(schema, depth);
}

function search(schema: AnySchema, depth: number): z.ZodObject[] {
  const def = schema._zod.def as unknown as Record<string, unknown>;
  switch (def.type) {
    case "object":
      return [schema as z.ZodObject];
    case "optional":
    case "nullable":
    case "default":
    case "readonly":
    case "nonoptional":
      return objectsIn(def.innerType as AnySchema, depth + 1);
    case "array":
      return objectsIn(def.element as AnySchema, depth + 1);
    case "pipe":
      return [...objectsIn(def.in as AnySchema, depth + 1), ...objectsIn(def.out as AnySchema, depth + 1)];
    case "union":
      return (def.options as AnySchema[]).flatMap((o) => objectsIn(o, depth + 1));
    default:
      return [];
  }
}

function maskValue(value: unknown, schemas: z.ZodObject[], keepValues: boolean): unknown {
  if (Array.isArray(value)) return value.map((item) => maskValue(item, schemas, keepValues));
  if (typeof value !== "object" || value === null) return value;
  // For a union, the option whose shape knows the most of the value's keys.
  const keys = Object.keys(value);
  let best: z.ZodObject | undefined;
  let bestScore = -1;
  for (const s of schemas) {
    const score = keys.filter((k) => k in s.shape).length;
    if (score > bestScore) [best, bestScore] = [s, score];
  }
  const meta = best && sensitivity.get(best);
  if (!best || !meta) return value;
  const out: Record<string, unknown> = {};
  for (const [key, fieldValue] of Object.entries(value)) {
    const spec = meta.fields[key];
    if (!spec) continue; // unknown to the schema: never pass unclassified data on
    if (spec.class === "C1") {
      const nested = objectsIn(best.shape[key] as AnySchema);
      out[key] = nested.length > 0 ? maskValue(fieldValue, nested, keepValues) : fieldValue;
    } else if (spec.mask && typeof fieldValue === "string") {
      out[key] = mask(fieldValue, spec.mask);
    } else {
      // A C2 record (contact, identity document) is masked field by field; any
      // other C2 value (money, dates, free text) is left out.
      const nested = objectsIn(best.shape[key] as AnySchema).filter((s) => sensitivity.has(s));
      if (nested.length > 0 && typeof fieldValue === "object" && fieldValue !== null) {
        out[key] = maskValue(fieldValue, nested, keepValues);
      } else if (keepValues) {
        out[key] = fieldValue;
      }
    }
  }
  return out;
}

export interface MaskRecordOptions {
  /**
   * Keep C2 values that have no mask (balances, amounts, birth date) instead of
   * leaving them out — for staff whose work needs the figures but not the
   * identifiers. Identifiers are masked either way. Default false.
   */
  keepValues?: boolean;
}

/** The record as a person without reveal rights may see it. */
export function maskRecord<T>(schema: z.ZodType, record: T, options: MaskRecordOptions = {}): Partial<T> {
  return maskValue(record, objectsIn(schema), options.keepValues ?? false) as Partial<T>;
}
