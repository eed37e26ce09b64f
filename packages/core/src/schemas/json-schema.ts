/**
 * JSON Schemas (draft 2020-12) of the record schemas, generated from zod — for
 * the REST contract (docs/api/openapi.yaml) and for tools outside TypeScript.
 * They describe the accepted input; refinements that JSON Schema cannot say
 * (check characters, cross-field rules, C3 refusal) are enforced by the SDK and
 * the server, and documented in the domain model.
 *
 * An identifier a server masks (the fields classed C2 with a mask kind) is
 * sent masked in every answer and may come back masked in a write (the stored
 * value is kept): the schemas accept either form — the value, or its mask
 * (`138****5678`, `***************5709`). Other C2 values (balances, amounts,
 * birth dates) are left out of the answers to roles that may not see them, so
 * the schemas do not list them as required; the SDK and the server still
 * require them on a write where the record needs them.
 */
import * as z from "zod";
import { sensitivity, type RecordSensitivity } from "../privacy/sensitivity.js";

const MASKED = { type: "string", pattern: "\\*", description: "masked: the value with all but its ends as *" };

/** Each object the sensitivity registry annotated, its masked identifiers widened to their masked form. */
function withMaskedForms(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withMaskedForms);
  if (typeof node !== "object" || node === null) return node;
  const { record: _record, fields, ...rest } = node as Record<string, unknown> & Partial<RecordSensitivity>;
  const out = Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, withMaskedForms(v)]));
  if (fields && typeof out.properties === "object" && out.properties !== null) {
    const properties = out.properties as Record<string, unknown>;
    for (const [key, spec] of Object.entries(fields))
      if (spec.mask && key in properties) properties[key] = { anyOf: [properties[key], MASKED] };
    const hidden = new Set(
      Object.entries(fields).flatMap(([k, spec]) => (spec.class === "C2" && !spec.mask ? [k] : [])),
    );
    if (Array.isArray(out.required)) out.required = (out.required as string[]).filter((k) => !hidden.has(k));
  }
  return out;
}

/** The JSON Schema of one record schema (its masked identifiers accept their masked form). */
export function recordJsonSchema(schema: z.ZodType): Record<string, unknown> {
  return withMaskedForms(
    z.toJSONSchema(schema, { unrepresentable: "any", io: "input", metadata: sensitivity }),
  ) as Record<string, unknown>;
}
