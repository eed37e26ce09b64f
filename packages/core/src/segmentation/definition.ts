/**
 * A segment definition (schemas/segment.ts: the format, below the records
 * that keep it) and the one question every evaluator asks of a rule.
 */
import type { Rule } from "../schemas/segment.js";

export { OPERATORS, SEGMENT_SCHEMA_VERSION, type Operator } from "../schemas/segment-operators.js";
export {
  ConditionSchema,
  RuleSchema,
  SegmentDefinitionSchema,
  type Condition,
  type Rule,
  type SegmentDefinition,
} from "../schemas/segment.js";

export function isGroup(rule: Rule): rule is { all: Rule[] } | { any: Rule[] } {
  return "all" in rule || "any" in rule;
}
