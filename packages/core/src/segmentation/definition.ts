/**
 * A segment definition (schemas/segment.ts: the format, below the records
 * that keep it) and the one question every evaluator asks of a rule.
 */
import type { Rule, SegmentDefinition } from "../schemas/segment.js";

import { CONSENT_FIELD } from "../schemas/segment-operators.js";
import type { FieldCatalog } from "./catalog.js";

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

/** The field ids a rule tests. */
function fieldsIn(rule: Rule, out: Set<string> = new Set()): Set<string> {
  if ("all" in rule) for (const r of rule.all) fieldsIn(r, out);
  else if ("any" in rule) for (const r of rule.any) fieldsIn(r, out);
  else if ("not" in rule) fieldsIn(rule.not, out);
  else out.add(rule.field);
  return out;
}

/**
 * The rule a definition's members meet — the one every evaluator runs: its own, and for a segment with a purpose,
 * the customer's consent for that purpose in force. A withdrawn (or never given) consent takes the customer out of
 * the segment, whichever evaluator counts it. Under a catalog that requires it (`requireSensitiveConsent`), a rule
 * testing a sensitive field (financial accounts) needs the separate consent too (个人信息保护法 Art. 29).
 */
export function segmentRule(
  definition: Pick<SegmentDefinition, "rule" | "purpose">,
  catalog?: Pick<FieldCatalog<never>, "get" | "sensitiveConsent">,
): Rule {
  if (!definition.purpose) return definition.rule;
  const sensitive =
    catalog?.sensitiveConsent === true &&
    [...fieldsIn(definition.rule)].some((id) => catalog.get(id)?.sensitive === true);
  const purposes = sensitive ? [definition.purpose, SENSITIVE_CONSENT] : [definition.purpose];
  return { all: [definition.rule, { field: CONSENT_FIELD, op: "hasAll", value: purposes }] };
}

/** The separate consent sensitive personal information needs where the bank requires it (PIPL Art. 29). */
export const SENSITIVE_CONSENT = "sensitive_processing";

/**
 * A definition whose members may also be used for `purpose` (an export to a vendor, a list for the bank's own
 * channels): its own rule and purpose, and the consent for `purpose` in force too. What an export of a segment runs,
 * so a list leaving the system never holds a customer who did not consent to where it goes.
 */
export function boundTo<D extends Pick<SegmentDefinition, "rule" | "purpose">>(
  definition: D,
  purpose: NonNullable<SegmentDefinition["purpose"]>,
  catalog?: Pick<FieldCatalog<never>, "get" | "sensitiveConsent">,
): D {
  return { ...definition, rule: segmentRule(definition, catalog), purpose };
}
