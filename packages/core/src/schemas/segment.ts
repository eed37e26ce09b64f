/**
 * A segment definition: one JSON document that the browser evaluates, explains
 * and compiles to warehouse SQL. Rules nest `all` / `any` / `not` groups over
 * conditions `{ field, op, value }`. `schemaVersion` lets saved segments be
 * migrated when the format changes.
 *
 * A saved segment (`Segment`, the `segments` collection) is a definition kept
 * for the bank: whoever may see it — marketing who built it, the branch manager
 * who approves a campaign on it — reads the same rule, and every save is a new
 * version of it.
 */
import * as z from "zod";
import { C1, defineRecord } from "../privacy/sensitivity.js";
import { object } from "../zod.js";
import { IdSchema, IsoDateTimeSchema, text } from "./common.js";
import { SegmentPurposeSchema } from "./enums.js";
import { OPERATORS, SEGMENT_SCHEMA_VERSION, type Operator } from "./segment-operators.js";
import { writeMetadataClasses, writeMetadataFields } from "./write-metadata.js";

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
  /**
   * What its members are used for (marketing, profiling…): only customers whose consent for it is in force are
   * members, in every evaluator — closures, columnar, SQL (`segmentRule`).
   */
  purpose: SegmentPurposeSchema.optional(),
});
export type SegmentDefinition = Omit<z.infer<typeof SegmentDefinitionSchema>, "rule"> & { rule: Rule };

/** A saved segment: its definition, who owns it, and the write's metadata (its `version` is the definition's). */
export const SegmentSchema = defineRecord(
  "Segment",
  {
    schemaVersion: z.literal(SEGMENT_SCHEMA_VERSION),
    id: IdSchema,
    name: text(120),
    description: text(1000).optional(),
    rule: RuleSchema,
    /** What its members are used for: only customers whose consent for it is in force are members. */
    purpose: SegmentPurposeSchema.optional(),
    /** Who keeps it (marketing, a branch manager, a relationship manager). */
    ownerId: IdSchema,
    createdBy: IdSchema.optional(),
    createdAt: IsoDateTimeSchema.optional(),
    ...writeMetadataFields,
  },
  {
    schemaVersion: C1,
    id: C1,
    name: C1,
    description: C1,
    rule: C1,
    purpose: C1,
    ownerId: C1,
    createdBy: C1,
    createdAt: C1,
    ...writeMetadataClasses,
  },
);
export type Segment = Omit<z.infer<typeof SegmentSchema>, "rule"> & { rule: Rule };

/** The definition a saved segment holds, as the evaluators take it (a segment not yet written is version 1). */
export function definitionOf(segment: Segment): SegmentDefinition {
  return {
    schemaVersion: segment.schemaVersion,
    id: segment.id,
    name: segment.name,
    ...(segment.description !== undefined ? { description: segment.description } : {}),
    version: segment.version ?? 1,
    rule: segment.rule,
    ...(segment.purpose !== undefined ? { purpose: segment.purpose } : {}),
  };
}
