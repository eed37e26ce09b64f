/**
 * The field catalog: what a segment may test. Each field has a type, zh-CN and
 * English labels, the operators its type allows, how to read it from a record,
 * and the warehouse column it maps to. Rule input never names a column: SQL
 * identifiers come only from here.
 */
import type { Label } from "../i18n/locale.js";
import { BankcrmInvalidArgumentError } from "../errors/invalid-argument-error.js";
import type { Operator } from "./definition.js";

export const FIELD_TYPES = ["number", "money", "string", "enum", "boolean", "date", "stringList"] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export const OPERATORS_BY_TYPE: Record<FieldType, readonly Operator[]> = {
  number: ["eq", "neq", "in", "notIn", "gt", "gte", "lt", "lte", "between", "isEmpty", "isNotEmpty"],
  money: ["eq", "neq", "in", "notIn", "gt", "gte", "lt", "lte", "between", "isEmpty", "isNotEmpty"],
  string: ["eq", "neq", "in", "notIn", "contains", "startsWith", "endsWith", "isEmpty", "isNotEmpty"],
  enum: ["eq", "neq", "in", "notIn", "isEmpty", "isNotEmpty"],
  boolean: ["eq", "neq", "isEmpty", "isNotEmpty"],
  date: ["eq", "neq", "before", "after", "between", "withinLast", "notWithinLast", "isEmpty", "isNotEmpty"],
  stringList: ["hasAny", "hasAll", "isEmpty", "isNotEmpty"],
};

export interface FieldDefinition<R = Record<string, unknown>> {
  id: string;
  type: FieldType;
  label: Label;
  /** The allowed values of an enum field (or the known values of a list field: a builder offers them). */
  values?: readonly string[];
  /** What each value is called, for pickers and sentences; a value without one shows as written. */
  valueLabels?: Readonly<Record<string, Label>>;
  /** Reads the value from a record; default `record[id]`. */
  get?: (record: R) => unknown;
  /** Warehouse column; default the id in snake_case. */
  column?: string;
  /** Operators, when narrower than the type allows. */
  operators?: readonly Operator[];
  /** Relative cost of reading the value, for ordering conditions (default 1). */
  cost?: number;
  /**
   * Sensitive personal information (个人信息保护法 Art. 28: financial accounts — balances, holdings, transactions):
   * under a catalog that requires it (`requireSensitiveConsent`), a segment with a purpose that tests it counts
   * only customers who also gave the separate consent (`sensitive_processing`, Art. 29).
   */
  sensitive?: boolean;
}

export interface CatalogField<R = Record<string, unknown>> extends Required<
  Omit<FieldDefinition<R>, "values" | "valueLabels" | "sensitive">
> {
  values?: readonly string[];
  valueLabels?: Readonly<Record<string, Label>>;
  sensitive?: boolean;
}

export interface FieldCatalog<R = Record<string, unknown>> {
  get(id: string): CatalogField<R> | undefined;
  list(): CatalogField<R>[];
  /** The bank requires a separate consent to process its sensitive fields for a purpose (PIPL Art. 29). */
  readonly sensitiveConsent?: boolean;
}

/**
 * The same catalog for a bank that requires a separate consent (`sensitive_processing`) before a segment for a
 * purpose may test sensitive fields: every evaluator given it — closures, columnar, SQL, the builder's worker —
 * adds the condition (core's `segmentRule`).
 */
export function requireSensitiveConsent<R>(catalog: FieldCatalog<R>): FieldCatalog<R> {
  return { get: (id) => catalog.get(id), list: () => catalog.list(), sensitiveConsent: true };
}

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;
const FIELD_ID = /^[A-Za-z][A-Za-z0-9_.]{0,63}$/;

export function snakeCase(id: string): string {
  return id
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .replace(/\./g, "_")
    .toLowerCase();
}

/** A safe SQL identifier or a typed error; never anything taken from rule input. */
export function checkIdentifier(name: string, what: string): string {
  if (!IDENTIFIER.test(name))
    throw new BankcrmInvalidArgumentError(what, `"${name}" is not a plain lower-case SQL identifier`);
  return name;
}

export function createFieldCatalog<R = Record<string, unknown>>(
  fields: readonly FieldDefinition<R>[],
): FieldCatalog<R> {
  const byId = new Map<string, CatalogField<R>>();
  for (const f of fields) {
    if (!FIELD_ID.test(f.id)) throw new BankcrmInvalidArgumentError("fields", `field id "${f.id}" is not valid`);
    if (byId.has(f.id)) throw new BankcrmInvalidArgumentError("fields", `field "${f.id}" is defined twice`);
    if (!FIELD_TYPES.includes(f.type))
      throw new BankcrmInvalidArgumentError("fields", `field "${f.id}" has unknown type "${String(f.type)}"`);
    if (f.type === "enum" && (!f.values || f.values.length === 0))
      throw new BankcrmInvalidArgumentError("fields", `enum field "${f.id}" needs values`);
    const allowed = OPERATORS_BY_TYPE[f.type];
    const operators = f.operators ?? allowed;
    for (const op of operators) {
      if (!allowed.includes(op))
        throw new BankcrmInvalidArgumentError("fields", `operator "${op}" does not apply to ${f.type} field "${f.id}"`);
    }
    const id = f.id;
    byId.set(id, {
      id,
      type: f.type,
      label: f.label,
      ...(f.values ? { values: f.values } : {}),
      ...(f.valueLabels ? { valueLabels: f.valueLabels } : {}),
      get: f.get ?? ((record: R) => (record as Record<string, unknown>)[id]),
      column: checkIdentifier(f.column ?? snakeCase(id), `fields.${id}.column`),
      operators,
      cost: f.cost ?? 1,
      ...(f.sensitive ? { sensitive: true } : {}),
    });
  }
  return { get: (id) => byId.get(id), list: () => [...byId.values()] };
}
