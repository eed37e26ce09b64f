/**
 * JSON Schemas (draft 2020-12) of the record schemas, generated from zod — for
 * the REST contract (docs/api/openapi.yaml) and for tools outside TypeScript.
 * They describe the accepted input; refinements that JSON Schema cannot say
 * (check characters, cross-field rules, C3 refusal) are enforced by the SDK and
 * the server, and documented in the domain model.
 */
import * as z from "zod";
import { recordSchemas, type RecordName } from "./records.js";

export function recordJsonSchemas(): Record<RecordName, Record<string, unknown>> {
  return Object.fromEntries(
    Object.entries(recordSchemas).map(([name, schema]) => [
      name,
      z.toJSONSchema(schema, { unrepresentable: "any", io: "input" }) as Record<string, unknown>,
    ]),
  ) as Record<RecordName, Record<string, unknown>>;
}
