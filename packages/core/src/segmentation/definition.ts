/**
 * A segment definition: one JSON document that the browser evaluates, explains
 * and compiles to warehouse SQL. Rules nest `all` / `any` / `not` groups over
 * conditions `{ field, op, value }`. `schemaVersion` lets saved segments be
 * migrated when the format changes.
 */
import * as z from "zod";
import { object } from "../zod.js";
import { IdSchema, text } from "../schemas/common.js";
import { OPERATORS, SEGMENT_SCHEMA_VERSION, type Operator } from "./operators.js";

export { OPERATORS, SEGMENT_SCHEMA_VERSION, type Operator };

export interface Condition {
  field: string;
  op: Operator;
  value?: unknown;
}
export type Rule = { all: Rule[] } | { any: Rule[] } | { not: Rule } | Condition;

export const ConditionSchema = object({
  field: z.string().min(1).max(64),
  op: z.enum(OPERATORS),
  value: z.unknown().optional(),
});

export const RuleSchema: z.ZodType<Rule> = z.lazy(() =>
  z.union([
    object({ all: z.array(RuleSchema) }),
    object({ any: z.array(RuleSchema) }),
    object({ not: RuleSchema }),
    ConditionSchema,
  ]),
);

export const SegmentDefinitionSchema = object({
  schemaVersion: z.literal(SEGMENT_SCHEMA_VERSION),
  id: IdSchema,
  name: text(120),
  description: text(1000).optional(),
  /** The segment's own revision, raised on every saved change. */
  version: z.int().min(1),
  rule: RuleSchema,
});
export type SegmentDefinition = Omit<z.infer<typeof SegmentDefinitionSchema>, "rule"> & { rule: Rule };

export function isGroup(rule: Rule): rule is { all: Rule[] } | { any: Rule[] } {
  return "all" in rule || "any" in rule;
}
