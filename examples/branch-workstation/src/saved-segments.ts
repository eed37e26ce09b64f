/**
 * Saved segment definitions: the workstation's fixed segments first, then the
 * bank's saved segments (`client.segments` — on the bank's server, shared with
 * everyone who may see them: the branch manager approving a campaign reads the
 * rule marketing built), a saved one replacing a fixed one of the same id.
 */
import { SEGMENT_SCHEMA_VERSION, definitionOf, type SegmentDefinition } from "@bankcrm/core";
import type { CrmClient } from "@bankcrm/data";
import { SEGMENTS } from "./segments.js";

/** The fixed segments alone (before the saved ones are read). */
export const fixedSegments = (): SegmentDefinition[] => SEGMENTS.map((s) => s.definition);

/** Every definition: the fixed ones, then the saved ones (a saved one replaces a fixed one of its id). */
export async function savedSegments(client: CrmClient | undefined): Promise<SegmentDefinition[]> {
  const byId = new Map<string, SegmentDefinition>(fixedSegments().map((d) => [d.id, d]));
  if (client)
    for (const segment of (await client.segments.list({ limit: 500 })).items)
      byId.set(segment.id, definitionOf(segment));
  return [...byId.values()];
}

/** Saves a definition for the bank — a new segment, or the next version of a saved one; returns what was saved. */
export async function saveSegment(
  client: CrmClient,
  definition: SegmentDefinition,
  ownerId: string,
): Promise<SegmentDefinition> {
  const content = {
    name: definition.name,
    ...(definition.description !== undefined ? { description: definition.description } : {}),
    rule: definition.rule,
    ...(definition.purpose !== undefined ? { purpose: definition.purpose } : {}),
  };
  const saved = await client.segments.get(definition.id);
  const { record } = saved
    ? await client.segments.update(definition.id, content)
    : await client.segments.create({ schemaVersion: SEGMENT_SCHEMA_VERSION, id: definition.id, ownerId, ...content });
  return definitionOf(record);
}

/** The label to show for a segment: the fixed ones have both languages, the others their name. */
export function segmentLabel(definition: SegmentDefinition, locale: "zh-CN" | "en"): string {
  const fixed = SEGMENTS.find((s) => s.definition.id === definition.id && s.definition.version === definition.version);
  return fixed ? fixed.label[locale === "zh-CN" ? 0 : 1] : definition.name;
}
