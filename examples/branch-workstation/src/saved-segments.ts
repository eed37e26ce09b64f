/**
 * Saved segment definitions: the workstation's fixed segments are the first
 * saved ones; anything saved from the builder is kept on this device beside
 * them (localStorage — definitions carry no customer data) and replaces a
 * fixed one of the same id with a later version.
 */
import { customerFieldCatalog, isValidSegment, type SegmentDefinition } from "@bankcrm/core";
import { SEGMENTS } from "./segments.js";

const KEY = "bankcrm-workstation-segments";

function stored(): SegmentDefinition[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(KEY) ?? "[]");
    // Whatever is stored is checked again: a hand-edited or older entry never reaches the evaluators.
    return Array.isArray(parsed) ? parsed.filter((d) => isValidSegment(d, customerFieldCatalog)) : [];
  } catch {
    return [];
  }
}

/** Every saved definition: the fixed ones, then the device's, a later version replacing an earlier one. */
export function savedSegments(): SegmentDefinition[] {
  const byId = new Map<string, SegmentDefinition>(SEGMENTS.map((s) => [s.definition.id, s.definition]));
  for (const d of stored()) {
    const previous = byId.get(d.id);
    if (!previous || d.version >= previous.version) byId.set(d.id, d);
  }
  return [...byId.values()];
}

/** Saves a definition as a new version of its id; returns what was saved. */
export function saveSegment(definition: SegmentDefinition): SegmentDefinition {
  const previous = savedSegments().find((d) => d.id === definition.id);
  const saved = { ...definition, version: previous ? previous.version + 1 : definition.version };
  localStorage.setItem(KEY, JSON.stringify([...stored().filter((d) => d.id !== saved.id), saved]));
  return saved;
}

/** The label to show for a saved segment: the fixed ones have both languages, the others their name. */
export function segmentLabel(definition: SegmentDefinition, locale: "zh-CN" | "en"): string {
  const fixed = SEGMENTS.find((s) => s.definition.id === definition.id && s.definition.version === definition.version);
  return fixed ? fixed.label[locale === "zh-CN" ? 0 : 1] : definition.name;
}
