/**
 * Evaluating segments in the browser or Node: compiled to closures once (no
 * `eval`, no `new Function` — strict CSP), field accessors resolved once,
 * groups short-circuit, and cheap conditions run before expensive ones
 * (conditions have no side effects, so order cannot change a result).
 *
 * Missing values — `undefined`, `null`, NaN — have one semantics, identical in
 * the SQL of `toSql`: a condition on a missing value is false for every
 * operator except `isEmpty` (true), `neq`, `notIn` and `notWithinLast`
 * included. `not` negates its rule exactly, so `not(eq)` matches a missing value.
 * `isEmpty` is also true for "" and for an empty list.
 */
import type { Label } from "../i18n/locale.js";
import { DAY_MS } from "../time.js";
import { BankcrmValidationError } from "../errors/validation-error.js";
import type { Locale } from "../i18n/locale.js";
import type { CatalogField, FieldCatalog } from "./catalog.js";
import { segmentRule, type Condition, type Operator, type Rule, type SegmentDefinition } from "./definition.js";
import { validateSegment } from "./validate.js";

export type Predicate<R> = (record: R) => boolean;

export interface EvaluateOptions {
  /** "Today" for withinLast / notWithinLast. Default: now. */
  now?: Date;
}

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The [from, to] dates of "within the last n days" relative to now (both inclusive). */
export function withinLastBounds(days: number, now: Date): [string, string] {
  const today = Math.floor(now.getTime() / DAY_MS) * DAY_MS;
  return [isoDay(today - days * DAY_MS), isoDay(today)];
}

export function isMissing(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === "number" && Number.isNaN(v));
}

function isEmptyValue(v: unknown): boolean {
  return isMissing(v) || v === "" || (Array.isArray(v) && v.length === 0);
}

/** A date or date-time value as its calendar date (the first 10 characters of the ISO string). */
function dayOf(v: unknown): string | undefined {
  if (typeof v === "string" && v.length >= 10) return v.slice(0, 10);
  if (v instanceof Date && !Number.isNaN(v.getTime())) return v.toISOString().slice(0, 10);
  return undefined;
}

/** Test on a present value for one operator (missing values are handled by the caller). */
function valueTest(field: CatalogField<never>, op: Operator, value: unknown, now: Date): (v: unknown) => boolean {
  if (field.type === "date") {
    const d = (v: unknown) => dayOf(v);
    switch (op) {
      case "eq":
        return (v) => d(v) === value;
      case "neq":
        return (v) => d(v) !== undefined && d(v) !== value;
      case "before":
        return (v) => (d(v) ?? "\uffff") < (value as string);
      case "after":
        return (v) => (d(v) ?? "") > (value as string);
      case "between": {
        const [lo, hi] = value as [string, string];
        return (v) => {
          const x = d(v);
          return x !== undefined && x >= lo && x <= hi;
        };
      }
      case "withinLast":
      case "notWithinLast": {
        const [lo, hi] = withinLastBounds(value as number, now);
        const within = (x: string) => x >= lo && x <= hi;
        return op === "withinLast"
          ? (v) => {
              const x = d(v);
              return x !== undefined && within(x);
            }
          : (v) => {
              const x = d(v);
              return x !== undefined && !within(x);
            };
      }
    }
  }
  switch (op) {
    case "eq":
      return (v) => v === value;
    case "neq":
      return (v) => v !== value;
    case "in": {
      const set = new Set(value as unknown[]);
      return (v) => set.has(v);
    }
    case "notIn": {
      const set = new Set(value as unknown[]);
      return (v) => !set.has(v);
    }
    case "gt":
      return (v) => (v as number) > (value as number);
    case "gte":
      return (v) => (v as number) >= (value as number);
    case "lt":
      return (v) => (v as number) < (value as number);
    case "lte":
      return (v) => (v as number) <= (value as number);
    case "between": {
      const [lo, hi] = value as [number, number];
      return (v) => (v as number) >= lo && (v as number) <= hi;
    }
    case "contains":
      return (v) => typeof v === "string" && v.includes(value as string);
    case "startsWith":
      return (v) => typeof v === "string" && v.startsWith(value as string);
    case "endsWith":
      return (v) => typeof v === "string" && v.endsWith(value as string);
    case "hasAny": {
      const wanted = value as string[];
      return (v) => Array.isArray(v) && wanted.some((w) => v.includes(w));
    }
    case "hasAll": {
      const wanted = value as string[];
      return (v) => Array.isArray(v) && wanted.every((w) => v.includes(w));
    }
    default:
      return () => false;
  }
}

/**
 * One closure per common test with the test written inside it — no second call
 * per row, and the missing-value check folded into the comparison: a number
 * test is false for anything but a number (NaN fails every comparison), an
 * equality with a present value is false for a missing one.
 */
function fastPredicate<R>(field: CatalogField<R>, c: Condition): Predicate<R> | undefined {
  const get = field.get;
  const value = c.value;
  if (field.type === "number" || field.type === "money") {
    const t = value as number;
    switch (c.op) {
      case "eq":
        return (r) => get(r) === t;
      case "gt":
        return (r) => {
          const v = get(r);
          return typeof v === "number" && v > t;
        };
      case "gte":
        return (r) => {
          const v = get(r);
          return typeof v === "number" && v >= t;
        };
      case "lt":
        return (r) => {
          const v = get(r);
          return typeof v === "number" && v < t;
        };
      case "lte":
        return (r) => {
          const v = get(r);
          return typeof v === "number" && v <= t;
        };
      case "between": {
        const [lo, hi] = value as [number, number];
        return (r) => {
          const v = get(r);
          return typeof v === "number" && v >= lo && v <= hi;
        };
      }
    }
  }
  if (field.type !== "date" && field.type !== "stringList") {
    switch (c.op) {
      case "eq":
        return (r) => get(r) === value;
      case "in": {
        const set = new Set(value as unknown[]);
        // Missing values are never in a valid list (its items have the field's type).
        return (r) => set.has(get(r));
      }
    }
  }
  return undefined;
}

function conditionPredicate<R>(c: Condition, catalog: FieldCatalog<R>, now: Date): Predicate<R> {
  const field = catalog.get(c.field)!;
  const get = field.get;
  if (c.op === "isEmpty") return (r) => isEmptyValue(get(r));
  if (c.op === "isNotEmpty") return (r) => !isEmptyValue(get(r));
  const fast = fastPredicate(field, c);
  if (fast) return fast;
  const test = valueTest(field, c.op, c.value, now);
  // NaN is missing: `v === v` is false only for NaN.
  return (r) => {
    const v = get(r);
    return v !== undefined && v !== null && v === v && test(v);
  };
}

const OP_COST: Partial<Record<Operator, number>> = {
  in: 2,
  notIn: 2,
  contains: 3,
  startsWith: 2,
  endsWith: 2,
  hasAny: 4,
  hasAll: 4,
};

function costOf(rule: Rule, catalog: FieldCatalog<unknown>): number {
  if ("all" in rule) return rule.all.reduce((s, r) => s + costOf(r, catalog), 1);
  if ("any" in rule) return rule.any.reduce((s, r) => s + costOf(r, catalog), 1);
  if ("not" in rule) return costOf(rule.not, catalog);
  return (catalog.get(rule.field)?.cost ?? 1) * (OP_COST[rule.op] ?? 1);
}

/**
 * Children joined by && or ||, unrolled four at a time (a call per child, no
 * loop over an array of closures: the combined closure stays small enough for
 * V8 to inline its calls' targets when they repeat).
 */
function combine<R>(children: Predicate<R>[], all: boolean): Predicate<R> {
  const [a, b, c, d] = children;
  if (children.length > 4) {
    const head = combine(children.slice(0, 4), all);
    const tail = combine(children.slice(4), all);
    return all ? (r) => head(r) && tail(r) : (r) => head(r) || tail(r);
  }
  if (all) {
    if (children.length === 1) return a!;
    if (children.length === 2) return (r) => a!(r) && b!(r);
    if (children.length === 3) return (r) => a!(r) && b!(r) && c!(r);
    return (r) => a!(r) && b!(r) && c!(r) && d!(r);
  }
  if (children.length === 1) return a!;
  if (children.length === 2) return (r) => a!(r) || b!(r);
  if (children.length === 3) return (r) => a!(r) || b!(r) || c!(r);
  return (r) => a!(r) || b!(r) || c!(r) || d!(r);
}

function compileRule<R>(rule: Rule, catalog: FieldCatalog<R>, now: Date): Predicate<R> {
  if ("not" in rule) {
    const inner = compileRule(rule.not, catalog, now);
    return (r) => !inner(r);
  }
  if ("all" in rule || "any" in rule) {
    const all = "all" in rule;
    const children = [...(all ? rule.all : rule.any)]
      .sort((a, b) => costOf(a, catalog as FieldCatalog<unknown>) - costOf(b, catalog as FieldCatalog<unknown>))
      .map((child) => compileRule(child, catalog, now));
    return combine(children, all);
  }
  return conditionPredicate(rule, catalog, now);
}

/** Validates, then throws a `BankcrmValidationError` listing the issues when invalid. */
export function assertValidSegment<R>(
  definition: unknown,
  catalog: FieldCatalog<R>,
  locale: Locale = "en",
): asserts definition is SegmentDefinition {
  const { valid, issues } = validateSegment(definition, catalog, locale);
  if (!valid) throw new BankcrmValidationError(issues.map((i) => ({ path: i.path, code: i.code, message: i.message })));
}

/** Compiles a (validated) definition into a predicate over records. */
export function compileSegment<R>(
  definition: SegmentDefinition,
  catalog: FieldCatalog<R>,
  options: EvaluateOptions = {},
): Predicate<R> {
  assertValidSegment(definition, catalog);
  return compileRule(segmentRule(definition, catalog), catalog, options.now ?? new Date());
}

export interface ExplainedNode {
  kind: "all" | "any" | "not" | "condition";
  matched: boolean;
  children?: ExplainedNode[];
  field?: string;
  label?: Label;
  op?: Operator;
  value?: unknown;
  actual?: unknown;
}

function explainRule<R>(rule: Rule, catalog: FieldCatalog<R>, record: R, now: Date): ExplainedNode {
  if ("not" in rule) {
    const child = explainRule(rule.not, catalog, record, now);
    return { kind: "not", matched: !child.matched, children: [child] };
  }
  if ("all" in rule || "any" in rule) {
    const all = "all" in rule;
    const children = (all ? rule.all : rule.any).map((c) => explainRule(c, catalog, record, now));
    return {
      kind: all ? "all" : "any",
      matched: all ? children.every((c) => c.matched) : children.some((c) => c.matched),
      children,
    };
  }
  const field = catalog.get(rule.field)!;
  return {
    kind: "condition",
    matched: conditionPredicate(rule, catalog, now)(record),
    field: field.id,
    label: field.label,
    op: rule.op,
    ...(rule.value !== undefined ? { value: rule.value } : {}),
    actual: field.get(record) ?? null,
  };
}

/** The rule tree with each node's actual value and whether it matched (every node is evaluated). */
export function explainSegment<R>(
  definition: SegmentDefinition,
  catalog: FieldCatalog<R>,
  record: R,
  options: EvaluateOptions = {},
): ExplainedNode {
  assertValidSegment(definition, catalog);
  return explainRule(segmentRule(definition, catalog), catalog, record, options.now ?? new Date());
}

export interface SegmentResult {
  count: number;
  /** Matching ids, unless `collectIds: false`. */
  ids: string[];
}

export interface EvaluateSegmentOptions<R> extends EvaluateOptions {
  /** How to read a record's id. Default `record.id`. */
  idOf?: (record: R) => string;
  /** Only count. Default false. */
  countOnly?: boolean;
}

export function evaluateSegment<R>(
  definition: SegmentDefinition,
  catalog: FieldCatalog<R>,
  records: Iterable<R>,
  options: EvaluateSegmentOptions<R> = {},
): SegmentResult {
  const predicate = compileSegment(definition, catalog, options);
  const idOf = options.idOf ?? ((r: R) => (r as { id: string }).id);
  const ids: string[] = [];
  let count = 0;
  for (const r of records) {
    if (!predicate(r)) continue;
    count++;
    if (!options.countOnly) ids.push(idOf(r));
  }
  return { count, ids };
}

/**
 * The same over an async iterable of pages (e.g. cursor pages from IndexedDB),
 * so a million stored customers are counted without being loaded at once.
 */
export async function evaluateSegmentPages<R>(
  definition: SegmentDefinition,
  catalog: FieldCatalog<R>,
  pages: AsyncIterable<readonly R[]>,
  options: EvaluateSegmentOptions<R> = {},
): Promise<SegmentResult> {
  const predicate = compileSegment(definition, catalog, options);
  const idOf = options.idOf ?? ((r: R) => (r as { id: string }).id);
  const ids: string[] = [];
  let count = 0;
  for await (const page of pages) {
    for (const r of page) {
      if (!predicate(r)) continue;
      count++;
      if (!options.countOnly) ids.push(idOf(r));
    }
  }
  return { count, ids };
}
