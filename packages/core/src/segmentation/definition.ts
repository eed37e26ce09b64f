/**
 * A segment definition (schemas/segment.ts: the format, below the records
 * that keep it) and the one question every evaluator asks of a rule.
 */
import type { Rule, SegmentDefinition } from "../schemas/segment.js";

import { CONSENT_FIELD } from "../schemas/segment-operators.js";

export { CONSENT_FIELD, OPERATORS, SEGMENT_SCHEMA_VERSION, type Operator } from "../schemas/segment-operators.js";
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

/**
 * The rule a definition's members meet — the one every evaluator runs: its own, and for a segment with a purpose,
 * the customer's consent for that purpose in force. A withdrawn (or never given) consent takes the customer out of
 * the segment, whichever evaluator counts it.
 */
export function segmentRule(definition: Pick<SegmentDefinition, "rule" | "purpose">): Rule {
  return definition.purpose
    ? { all: [definition.rule, { field: CONSENT_FIELD, op: "hasAll", value: [definition.purpose] }] }
    : definition.rule;
}

/**
 * A definition whose members may also be used for `purpose` (an export to a vendor, a list for the bank's own
 * channels): its own rule and purpose, and the consent for `purpose` in force too. What an export of a segment runs,
 * so a list leaving the system never holds a customer who did not consent to where it goes.
 */
export function boundTo<D extends Pick<SegmentDefinition, "rule" | "purpose">>(
  definition: D,
  purpose: NonNullable<SegmentDefinition["purpose"]>,
): D {
  return { ...definition, rule: segmentRule(definition), purpose };
}
