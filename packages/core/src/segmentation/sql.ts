/**
 * Segments as parameterised SQL for the bank's warehouse, in two dialects:
 * `postgres` (PostgreSQL itself, and the engines that speak it — Greenplum,
 * openGauss, GaussDB, Citus) and `duckdb` (the single-node analytics path over
 * Parquet or CSV exports of the book). Identifiers come only from the catalog
 * (or a mapping checked against a strict pattern); every value is a bind
 * parameter — never spliced into the text, so `'; DROP TABLE customers; --` is
 * just a string.
 *
 * Each condition compiles to a boolean that is never NULL — `(col IS NOT NULL
 * AND …)`, or for isEmpty `(col IS NULL OR …)` — so SQL's three-valued logic
 * collapses to the two values of `compileSegment`, and NOT means what it means
 * in JavaScript. Differential tests on PGlite and on DuckDB prove they agree.
 */
import { BankcrmInvalidArgumentError } from "../errors/invalid-argument-error.js";
import { checkIdentifier, type CatalogField, type FieldCatalog } from "./catalog.js";
import { withinLastBounds, assertValidSegment } from "./compile.js";
import { segmentRule, type Condition, type Rule, type SegmentDefinition } from "./definition.js";

/** The SQL dialects `toSql` writes. */
export const SQL_DIALECTS = ["postgres", "duckdb"] as const;
export type SqlDialect = (typeof SQL_DIALECTS)[number];

/** A dialect named at run time (JavaScript callers, configuration) that is one of them, or a typed error. */
export function checkDialect(dialect: SqlDialect): void {
  if (!(SQL_DIALECTS as readonly string[]).includes(dialect))
    throw new BankcrmInvalidArgumentError("dialect", `one of: ${SQL_DIALECTS.join(", ")}`);
}

export interface ToSqlOptions {
  dialect: SqlDialect;
  /** Column per field id, overriding the catalog's; plain lower-case identifiers only. */
  mapping?: Readonly<Record<string, string>>;
  /** Table to select from. Default "customers". */
  table?: string;
  /** Column holding the record id. Default "id". */
  idColumn?: string;
  /** "Today" for withinLast / notWithinLast. Default: now. */
  now?: Date;
}

export interface SqlQuery {
  /** `SELECT "id" FROM "customers" WHERE <where>` */
  text: string;
  /** The boolean expression alone, for use in a query of your own. */
  where: string;
  values: unknown[];
}

const quote = (identifier: string) => `"${identifier}"`;

type Scalar = "number" | "money" | "text" | "date";
const SCALAR_OF: Partial<Record<CatalogField["type"], Scalar>> = {
  number: "number",
  money: "money",
  string: "text",
  enum: "text",
  stringList: "text",
  date: "date",
};

/** What differs between the dialects; the rest of the SQL is common to both. */
interface Dialect {
  type: Record<Scalar, string>;
  /** A list of values: one array parameter (PostgreSQL), or a list literal of parameters (DuckDB). */
  list(values: readonly unknown[], scalar: Scalar, param: (v: unknown, cast?: string) => string): string;
  cardinality(col: string): string;
  endsWith(col: string, p: string): string;
  hasAny(col: string, list: string): string;
  hasAll(col: string, list: string): string;
}

const DIALECTS: Record<SqlDialect, Dialect> = {
  postgres: {
    type: { number: "double precision", money: "bigint", text: "text", date: "date" },
    list: (values, scalar, param) => param(values, `${DIALECTS.postgres.type[scalar]}[]`),
    cardinality: (col) => `cardinality(${col})`,
    endsWith: (col, p) => `right(${col}, char_length(${p})) = ${p}`,
    hasAny: (col, list) => `${col} && ${list}`,
    hasAll: (col, list) => `${col} @> ${list}`,
  },
  duckdb: {
    type: { number: "DOUBLE", money: "BIGINT", text: "VARCHAR", date: "DATE" },
    list: (values, scalar, param) => {
      const type = DIALECTS.duckdb.type[scalar];
      return values.length === 0 ? `[]::${type}[]` : `[${values.map((v) => param(v, type)).join(", ")}]`;
    },
    cardinality: (col) => `len(${col})`,
    endsWith: (col, p) => `ends_with(${col}, ${p})`,
    hasAny: (col, list) => `list_has_any(${col}, ${list})`,
    hasAll: (col, list) => `list_has_all(${col}, ${list})`,
  },
};

const COLUMN_TYPE: Record<CatalogField["type"], (d: Dialect) => string> = {
  number: (d) => d.type.number,
  money: (d) => d.type.money,
  string: (d) => d.type.text,
  enum: (d) => d.type.text,
  boolean: () => "BOOLEAN",
  date: (d) => d.type.date,
  stringList: (d) => `${d.type.text}[]`,
};

export interface SegmentColumn<R> {
  column: string;
  /** Its type in the dialect. */
  type: string;
  /** The record's value for the column, as the table holds it: a date as YYYY-MM-DD, a missing value as null. */
  value(record: R): unknown;
}

/**
 * The table `toSql`'s queries read, column by column, in a dialect: the id, then one column per catalog field. A
 * bank's export of its book — a view in the warehouse, Parquet or JSON files for DuckDB — is made to it, each
 * record's values read by `value` exactly as core's evaluators read them.
 */
export function segmentColumns<R>(
  catalog: FieldCatalog<R>,
  options: Pick<ToSqlOptions, "dialect" | "mapping" | "idColumn">,
): SegmentColumn<R>[] {
  const dialect = DIALECTS[options.dialect];
  const id: SegmentColumn<R> = {
    column: checkIdentifier(options.idColumn ?? "id", "idColumn"),
    type: dialect.type.text,
    value: (record) => (record as { id?: unknown }).id ?? null,
  };
  return [
    id,
    ...catalog.list().map((field) => ({
      column: checkIdentifier(options.mapping?.[field.id] ?? field.column, `mapping.${field.id}`),
      type: COLUMN_TYPE[field.type](dialect),
      value: (record: R) => {
        const v = field.get(record);
        if (v === undefined || v === null) return null;
        return field.type === "date" && typeof v === "string" ? v.slice(0, 10) : v;
      },
    })),
  ];
}

/** A column without a value: NULL, or an empty text or list. */
function emptySql(col: string, type: CatalogField<unknown>["type"], dialect: Dialect): string {
  if (type === "string") return `(${col} IS NULL OR ${col} = '')`;
  if (type === "stringList") return `(${col} IS NULL OR ${dialect.cardinality(col)} = 0)`;
  return `(${col} IS NULL)`;
}

export function toSql<R>(definition: SegmentDefinition, catalog: FieldCatalog<R>, options: ToSqlOptions): SqlQuery {
  checkDialect(options.dialect);
  const dialect = DIALECTS[options.dialect];
  assertValidSegment(definition, catalog);
  const table = checkIdentifier(options.table ?? "customers", "table");
  const idColumn = checkIdentifier(options.idColumn ?? "id", "idColumn");
  const now = options.now ?? new Date();
  const values: unknown[] = [];
  const param = (v: unknown, cast?: string) => {
    values.push(v);
    return `$${values.length}${cast ? `::${cast}` : ""}`;
  };
  const list = (v: unknown, type: CatalogField["type"]) =>
    dialect.list(v as readonly unknown[], SCALAR_OF[type] ?? "text", param);
  const columnOf = (field: CatalogField<R>) =>
    quote(checkIdentifier(options.mapping?.[field.id] ?? field.column, `mapping.${field.id}`));

  const condition = (c: Condition): string => {
    const field = catalog.get(c.field)!;
    const col = columnOf(field);
    const present = (expr: string) => `(${col} IS NOT NULL AND ${expr})`;
    const v = c.value;
    switch (c.op) {
      case "isEmpty":
        return emptySql(col, field.type, dialect);
      case "isNotEmpty":
        return `(NOT ${emptySql(col, field.type, dialect)})`;
      case "eq":
        return present(`${col} = ${param(v, field.type === "date" ? "date" : undefined)}`);
      case "neq":
        return present(`${col} <> ${param(v, field.type === "date" ? "date" : undefined)}`);
      case "in":
        return present(`${col} = ANY(${list(v, field.type)})`);
      case "notIn":
        return present(`NOT (${col} = ANY(${list(v, field.type)}))`);
      case "gt":
        return present(`${col} > ${param(v)}`);
      case "gte":
        return present(`${col} >= ${param(v)}`);
      case "lt":
      case "before":
        return present(`${col} < ${param(v, c.op === "before" ? "date" : undefined)}`);
      case "lte":
        return present(`${col} <= ${param(v)}`);
      case "after":
        return present(`${col} > ${param(v, "date")}`);
      case "between": {
        const [lo, hi] = v as [unknown, unknown];
        const cast = field.type === "date" ? "date" : undefined;
        return present(`${col} BETWEEN ${param(lo, cast)} AND ${param(hi, cast)}`);
      }
      case "withinLast":
      case "notWithinLast": {
        const [lo, hi] = withinLastBounds(v as number, now);
        const within = `${col} BETWEEN ${param(lo, "date")} AND ${param(hi, "date")}`;
        return present(c.op === "withinLast" ? within : `NOT (${within})`);
      }
      case "contains":
        return present(`strpos(${col}, ${param(v, dialect.type.text)}) > 0`);
      case "startsWith":
        return present(`starts_with(${col}, ${param(v, dialect.type.text)})`);
      case "endsWith":
        return present(dialect.endsWith(col, param(v, dialect.type.text)));
      case "hasAny":
        return present(dialect.hasAny(col, list(v, "stringList")));
      case "hasAll":
        return present(dialect.hasAll(col, list(v, "stringList")));
    }
  };

  const rule = (r: Rule): string => {
    if ("not" in r) return `(NOT ${rule(r.not)})`;
    if ("all" in r) return `(${r.all.map(rule).join(" AND ")})`;
    if ("any" in r) return `(${r.any.map(rule).join(" OR ")})`;
    return condition(r);
  };

  const where = rule(segmentRule(definition, catalog));
  return { text: `SELECT ${quote(idColumn)} FROM ${quote(table)} WHERE ${where}`, where, values };
}
