/**
 * Editing a segment definition as a tree, without mutating it: each operation
 * returns a new definition (and, where the editor moves focus, the path of the
 * node it made or moved). Paths run from the definition's root, e.g.
 * `["rule", "all", 0, "not"]`. What an editor needs to know of a field to
 * start a condition — a default value for each operator — is here too, so any
 * host (the segment builder, a server tool) edits the same way.
 */
import type { CatalogField, FieldCatalog } from "./catalog.js";
import type { Condition, Operator, Rule, SegmentDefinition } from "./definition.js";

export type RulePath = readonly (string | number)[];
type Field = CatalogField<never>;

/** Operators whose value is a list of the field's values. */
export const LIST_OPERATORS: readonly Operator[] = Object.freeze(["in", "notIn", "hasAny", "hasAll"]);
/** Operators without a value. */
export const NO_VALUE_OPERATORS: readonly Operator[] = Object.freeze(["isEmpty", "isNotEmpty"]);
/** Operators whose value is a number of days. */
export const DAY_OPERATORS: readonly Operator[] = Object.freeze(["withinLast", "notWithinLast"]);

/** The node at `path` (undefined where there is none). */
export function ruleAt(root: unknown, path: RulePath): unknown {
  let node = root;
  for (const p of path) {
    if (typeof node !== "object" || node === null) return undefined;
    node = (node as Record<string | number, unknown>)[p];
  }
  return node;
}

/** A copy of `root` with the node at `path` replaced (or, with `undefined`, the array item removed). */
export function replaceAt<T>(root: T, path: RulePath, value: unknown): T {
  if (path.length === 0) return value as T;
  const [head, ...rest] = path;
  if (Array.isArray(root)) {
    const copy: unknown[] = [...(root as unknown[])];
    if (rest.length === 0 && value === undefined) copy.splice(head as number, 1);
    else copy[head as number] = replaceAt(root[head as number], rest, value);
    return copy as T;
  }
  return {
    ...(root as object),
    [head!]: replaceAt((root as Record<string | number, unknown>)[head!], rest, value),
  } as T;
}

/** Whether a rule is a group (`all` or `any`), and which. */
export function groupKind(rule: unknown): "all" | "any" | undefined {
  if (typeof rule !== "object" || rule === null) return undefined;
  if (Array.isArray((rule as { all?: unknown }).all)) return "all";
  if (Array.isArray((rule as { any?: unknown }).any)) return "any";
  return undefined;
}

function childrenOf(definition: SegmentDefinition, groupPath: RulePath): { kind: "all" | "any"; children: Rule[] } {
  const group = ruleAt(definition, groupPath);
  const kind = groupKind(group);
  if (!kind) throw new RangeError(`no group at ${groupPath.join("/")}`);
  return { kind, children: (group as Record<string, Rule[]>)[kind]! };
}

export interface Edited {
  definition: SegmentDefinition;
  /** Where the node that was added or moved now is. */
  path: RulePath;
}

/** Adds a rule at the end of the group at `groupPath`. */
export function addChild(definition: SegmentDefinition, groupPath: RulePath, child: Rule): Edited {
  const { kind, children } = childrenOf(definition, groupPath);
  return {
    definition: replaceAt(definition, [...groupPath, kind], [...children, child]),
    path: [...groupPath, kind, children.length],
  };
}

/** Moves the group's child at `index` by `by` places; undefined when that would leave the group. */
export function moveChild(
  definition: SegmentDefinition,
  groupPath: RulePath,
  index: number,
  by: number,
): Edited | undefined {
  const { kind, children } = childrenOf(definition, groupPath);
  const to = index + by;
  if (index < 0 || index >= children.length || to < 0 || to >= children.length) return undefined;
  const copy = [...children];
  const [moved] = copy.splice(index, 1);
  copy.splice(to, 0, moved!);
  return { definition: replaceAt(definition, [...groupPath, kind], copy), path: [...groupPath, kind, to] };
}

/** Removes the group's child at `index`. */
export function removeChild(definition: SegmentDefinition, groupPath: RulePath, index: number): SegmentDefinition {
  const { kind, children } = childrenOf(definition, groupPath);
  return replaceAt(
    definition,
    [...groupPath, kind],
    children.filter((_, i) => i !== index),
  );
}

/** The group at `path` combining its children with `all` or `any`. */
export function setGroupKind(definition: SegmentDefinition, path: RulePath, kind: "all" | "any"): SegmentDefinition {
  const { kind: current, children } = childrenOf(definition, path);
  return current === kind
    ? definition
    : replaceAt(definition, path, kind === "all" ? { all: children } : { any: children });
}

/** The rule at `path` negated: wrapped in `not`. */
export function negate(definition: SegmentDefinition, path: RulePath): SegmentDefinition {
  return replaceAt(definition, path, { not: ruleAt(definition, path) as Rule });
}

/** The `not` at `path` replaced by the rule inside it. */
export function unnegate(definition: SegmentDefinition, path: RulePath): SegmentDefinition {
  const rule = ruleAt(definition, path);
  if (typeof rule !== "object" || rule === null || !("not" in rule))
    throw new RangeError(`no not at ${path.join("/")}`);
  return replaceAt(definition, path, (rule as { not: Rule }).not);
}

/** A root that is a lone condition (or `not`) grown into an `all` group with a second rule. */
export function growRoot(definition: SegmentDefinition, child: Rule): Edited {
  if (groupKind(definition.rule)) return addChild(definition, ["rule"], child);
  return { definition: { ...definition, rule: { all: [definition.rule, child] } }, path: ["rule", "all", 1] };
}

const isoToday = () => new Date().toISOString().slice(0, 10);

/** A starting value of the field's type (today for dates). */
export function scalarDefault(field: Field, today: () => string = isoToday): unknown {
  switch (field.type) {
    case "number":
    case "money":
      return 0;
    case "enum":
      return field.values![0];
    case "boolean":
      return true;
    case "date":
      return today();
    default:
      return "";
  }
}

/** A starting value for `op` on the field, keeping a `previous` single value where it still fits. */
export function defaultValue(field: Field, op: Operator, previous?: unknown, today?: () => string): unknown {
  if (NO_VALUE_OPERATORS.includes(op)) return undefined;
  if (DAY_OPERATORS.includes(op)) return 30;
  if (LIST_OPERATORS.includes(op)) return field.values ? [field.values[0]] : [];
  if (op === "between") return [scalarDefault(field, today), scalarDefault(field, today)];
  if (previous !== undefined && !Array.isArray(previous)) return previous;
  return scalarDefault(field, today);
}

const condition = (field: string, op: Operator, value: unknown): Condition =>
  value === undefined ? { field, op } : { field, op, value };

/** A new condition on the catalog's first field with its first operator. */
export function newCondition(catalog: FieldCatalog<never>, today?: () => string): Condition {
  const field = catalog.list()[0]!;
  const op = field.operators[0]!;
  return condition(field.id, op, defaultValue(field, op, undefined, today));
}

/**
 * The condition on another field: its operator kept where the field has it, its
 * value kept where the field is of the same type, else defaults.
 */
export function withField(c: Condition, from: Field | undefined, to: Field, today?: () => string): Condition {
  const op = to.operators.includes(c.op) ? c.op : to.operators[0]!;
  return condition(to.id, op, to.type === from?.type ? c.value : defaultValue(to, op, undefined, today));
}

/** The condition with another operator: its single value kept where it fits, else the operator's default. */
export function withOperator(c: Condition, field: Field, op: Operator, today?: () => string): Condition {
  return condition(c.field, op, defaultValue(field, op, c.value, today));
}
