/**
 * Segments as parameterised PostgreSQL for the bank's warehouse (PostgreSQL,
 * Greenplum, openGauss…). Identifiers come only from the catalog (or a mapping
 * checked against a strict pattern); every value is a bind parameter — never
 * spliced into the text, so `'; DROP TABLE customers; --` is just a string.
 *
 * Each condition compiles to a boolean that is never NULL — `(col IS NOT NULL
 * AND …)`, or for isEmpty `(col IS NULL OR …)` — so SQL's three-valued logic
 * collapses to the two values of `compileSegment`, and NOT means what it means
 * in JavaScript. A differential test on PGlite proves the two agree.
 */
import { BankcrmInvalidArgumentError } from "../errors/invalid-argument-error.js";
import { checkIdentifier, type CatalogField, type FieldCatalog } from "./catalog.js";
import { withinLastBounds, assertValidSegment } from "./compile.js";
import { segmentRule, type Condition, type Rule, type SegmentDefinition } from "./definition.js";

export interface ToSqlOptions {
  dialect: "postgres";
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

const ARRAY_TYPE: Partial<Record<CatalogField["type"], string>> = {
  number: "double precision[]",
  money: "bigint[]",
  string: "text[]",
  enum: "text[]",
  stringList: "text[]",
};

/** A column without a value: NULL, or an empty text or list. */
function emptySql(col: string, type: CatalogField<unknown>["type"]): string {
  if (type === "string") return `(${col} IS NULL OR ${col} = '')`;
  if (type === "stringList") return `(${col} IS NULL OR cardinality(${col}) = 0)`;
  return `(${col} IS NULL)`;
}

export function toSql<R>(definition: SegmentDefinition, catalog: FieldCatalog<R>, options: ToSqlOptions): SqlQuery {
  if (options.dialect !== "postgres") throw new BankcrmInvalidArgumentError("dialect", 'only "postgres" is supported');
  assertValidSegment(definition, catalog);
  const table = checkIdentifier(options.table ?? "customers", "table");
  const idColumn = checkIdentifier(options.idColumn ?? "id", "idColumn");
  const now = options.now ?? new Date();
  const values: unknown[] = [];
  const param = (v: unknown, cast?: string) => {
    values.push(v);
    return `$${values.length}${cast ? `::${cast}` : ""}`;
  };
  const columnOf = (field: CatalogField<R>) =>
    quote(checkIdentifier(options.mapping?.[field.id] ?? field.column, `mapping.${field.id}`));

  const condition = (c: Condition): string => {
    const field = catalog.get(c.field)!;
    const col = columnOf(field);
    const present = (expr: string) => `(${col} IS NOT NULL AND ${expr})`;
    const v = c.value;
    switch (c.op) {
      case "isEmpty":
        return emptySql(col, field.type);
      case "isNotEmpty":
        return `(NOT ${emptySql(col, field.type)})`;
      case "eq":
        return present(`${col} = ${param(v, field.type === "date" ? "date" : undefined)}`);
      case "neq":
        return present(`${col} <> ${param(v, field.type === "date" ? "date" : undefined)}`);
      case "in":
        return present(`${col} = ANY(${param(v, ARRAY_TYPE[field.type])})`);
      case "notIn":
        return present(`NOT (${col} = ANY(${param(v, ARRAY_TYPE[field.type])}))`);
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
        return present(`strpos(${col}, ${param(v, "text")}) > 0`);
      case "startsWith":
        return present(`starts_with(${col}, ${param(v, "text")})`);
      case "endsWith": {
        const p = param(v, "text");
        return present(`right(${col}, char_length(${p})) = ${p}`);
      }
      case "hasAny":
        return present(`${col} && ${param(v, "text[]")}`);
      case "hasAll":
        return present(`${col} @> ${param(v, "text[]")}`);
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
