/**
 * A source system's mapping file (YAML): which collection its file loads, how it is encoded, its source key, and for
 * each field of the record the column it comes from and how — a code table (`values`), a date format, an amount in
 * yuan or fen, an identifier normalised (a 15-digit resident ID upgraded to 18) — or a constant. It is checked before
 * any row is read: a mistake is reported with the line of the mapping it is on.
 */
import { LineCounter, parseDocument, type Document } from "yaml";
import * as z from "zod";
import { collections, COLLECTION_NAMES, recordJsonSchemas, type CollectionName, type RecordName } from "@bankcrm/core";

const DATE_FORMATS = ["YYYY-MM-DD", "YYYYMMDD", "YYYY/MM/DD", "YYYY-MM-DD HH:mm:ss", "YYYYMMDDHHmmss"] as const;
const IDENTIFIERS = ["residentId", "mobile", "uscc", "bankCard"] as const;

/** How a column's cell becomes the field's value (at most one of the conversions). */
const ColumnOptions = {
  /** A code table: the source's code → the schema's value; a code not listed rejects the row. */
  values: z.record(z.string(), z.unknown()).optional(),
  /** A format, or the formats a source mixes (each tried in order). */
  date: z.union([z.enum(DATE_FORMATS), z.array(z.enum(DATE_FORMATS)).min(1).max(5)]).optional(),
  /**
   * `yuan` (or `major`): a decimal amount in the currency's main unit, to minor units by its exponent (CNY, USD 2
   * places, JPY none); `fen` (or `minor`): already minor units. Exact, thousands separators allowed.
   */
  amount: z.enum(["yuan", "fen", "major", "minor"]).optional(),
  /**
   * With `amount`: the field is money, `{ amount, currency }` — in one currency (`CNY`), or in each row's own,
   * from a column (its code table turning the source's codes into ISO 4217).
   */
  currency: z
    .union([
      z.string().regex(/^[A-Z]{3}$/, "an ISO 4217 code, e.g. CNY"),
      z.strictObject({ column: z.string().min(1), values: z.record(z.string(), z.string()).optional() }),
    ])
    .optional(),
  /** A decimal number (a rate, a count), thousands separators allowed. */
  number: z.literal(true).optional(),
  identifier: z.enum(IDENTIFIERS).optional(),
  /** What an empty cell gives (otherwise the field is left out). */
  default: z.unknown().optional(),
  /** Text to put before the value (an id's prefix). */
  prefix: z.string().max(20).optional(),
};

const FieldRule = z.union([
  z.strictObject({ value: z.unknown() }),
  z.strictObject({
    column: z.string().min(1),
    ...ColumnOptions,
    /**
     * The conversion chosen by another column's code, for a file whose rows mix kinds (a CIF whose CERT_NO is a
     * resident ID on one row, a passport number on the next): each code → its options; a code not listed is refused.
     */
    by: z
      .strictObject({
        column: z.string().min(1),
        rules: z.record(z.string(), z.strictObject(ColumnOptions)),
      })
      .optional(),
  }),
]);

/**
 * A daily delta file's change column: each code → what the row does. `put` inserts or updates; `close` closes the
 * record (an account or a customer: `status: closed` and `closedAt`, never deleted); `deceased` flags a customer who
 * has died. A close needs only the key; its date comes from `date` (a column with its format), else the load's day.
 */
const ActionRule = z.strictObject({
  column: z.string().min(1),
  values: z.record(z.string(), z.enum(["put", "close", "deceased"])),
  date: z
    .strictObject({
      column: z.string().min(1),
      date: z.union([z.enum(DATE_FORMATS), z.array(z.enum(DATE_FORMATS)).min(1).max(5)]),
    })
    .optional(),
});

/** A source system's code (CORE, CARD, WEALTH…): upper case, 2–20 characters. */
export const SOURCE_SYSTEM = /^[A-Z][A-Z0-9_]{1,19}$/;

/** The collections a delta may close: those whose records have `status: closed` and `closedAt`. */
export const CLOSABLE = ["customers", "holdings"] as const;

export const MappingSchema = z.strictObject({
  /** The source system (CORE, CARD, WEALTH…): with the key, every record's source identity. */
  source: z.string().regex(SOURCE_SYSTEM, "an upper-case system code, e.g. CORE"),
  collection: z.enum(COLLECTION_NAMES as unknown as [CollectionName, ...CollectionName[]]),
  format: z.enum(["csv", "jsonl"]).default("csv"),
  /** `auto`: a BOM or valid UTF-8 is UTF-8, anything else GB18030 (a superset of GBK). */
  encoding: z.enum(["utf-8", "gbk", "gb18030", "auto"]).default("auto"),
  delimiter: z.string().length(1).default(","),
  /** The column that identifies a row in the source system. */
  key: z.string().min(1),
  fields: z.record(z.string().regex(/^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*)*$/), FieldRule),
  /** A delta file: the column that says whether a row is put, closed or a death (absent: every row is put). */
  action: ActionRule.optional(),
});
export type Mapping = z.infer<typeof MappingSchema>;
export type FieldRuleOf = z.infer<typeof FieldRule>;
export type ColumnRule = Extract<FieldRuleOf, { column: string }>;

/**
 * The rule a row's cell is read by: the column's own, or — chosen by another column (`by`) — the options that
 * column's `code` names, with the rule's default and prefix unless they give their own; undefined for a code not
 * listed.
 */
export function ruleFor(rule: ColumnRule, code: string): ColumnRule | undefined {
  if (!rule.by) return rule;
  if (!Object.hasOwn(rule.by.rules, code)) return undefined;
  return { column: rule.column, default: rule.default, prefix: rule.prefix, ...rule.by.rules[code] };
}

/** A mistake in a mapping file, with where it is. */
export class MappingError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly detail: string,
  ) {
    super(`${file}:${line}: ${detail}`);
    this.name = "MappingError";
  }
}

function lineOf(doc: Document, lines: LineCounter, path: readonly PropertyKey[]): number {
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n) as (string | number)[], true) as { range?: [number, number] } | undefined;
    if (node && typeof node === "object" && node.range) return lines.linePos(node.range[0]).line;
  }
  return 1;
}

/** The fields a record of the collection has at its top level (any variant's: a customer's person or company). */
function topFields(collection: CollectionName): Set<string> {
  const record = collections[collection].record;
  const name = (record[0]!.toLowerCase() + record.slice(1)) as RecordName;
  const schema = recordJsonSchemas()[name] as { properties?: object; oneOf?: { properties?: object }[] };
  return new Set([schema, ...(schema.oneOf ?? [])].flatMap((v) => Object.keys(v.properties ?? {})));
}

/** Reads and checks a mapping file's text: the mapping, or a MappingError naming the line. */
export function parseMapping(text: string, file = "mapping.yaml"): Mapping {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    throw new MappingError(file, e.linePos?.[0].line ?? 1, e.message.split("\n")[0]!);
  }
  const parsed = MappingSchema.safeParse(doc.toJS());
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new MappingError(
      file,
      lineOf(doc, lines, issue.path),
      `${issue.path.join(".") || "(the file)"}: ${issue.message}`,
    );
  }
  const mapping = parsed.data;
  const closes = Object.values(mapping.action?.values ?? {}).filter((a) => a !== "put");
  if (closes.length > 0 && !(CLOSABLE as readonly string[]).includes(mapping.collection))
    throw new MappingError(file, lineOf(doc, lines, ["action"]), `${mapping.collection} cannot be closed by a delta`);
  if (closes.includes("deceased") && mapping.collection !== "customers")
    throw new MappingError(file, lineOf(doc, lines, ["action"]), "only a customer can be deceased");
  for (const [field, rule] of Object.entries(mapping.fields))
    if ("column" in rule && rule.currency !== undefined && rule.amount === undefined)
      throw new MappingError(file, lineOf(doc, lines, ["fields", field]), `${field}: a currency needs an amount`);
  const known = topFields(mapping.collection);
  for (const field of Object.keys(mapping.fields)) {
    const top = field.split(".")[0]!;
    if (!known.has(top))
      throw new MappingError(
        file,
        lineOf(doc, lines, ["fields", field]),
        `${mapping.collection} have no field "${top}"`,
      );
  }
  return mapping;
}

/** The fields a column feeds (the id aside: it names the record), each with its column. */
export function columnFields(mapping: Mapping): { field: string; column: string }[] {
  return Object.entries(mapping.fields).flatMap(([field, rule]) =>
    "column" in rule && field !== "id" ? [{ field, column: rule.column }] : [],
  );
}

const untouched = new WeakMap<Mapping, string[]>();

/**
 * The top-level fields a put leaves as they are on a record the bank already holds: every field of the collection no
 * column feeds (a constant — tags, consents — only starts a new record), and the id.
 */
export function fieldsKept(mapping: Mapping): string[] {
  let kept = untouched.get(mapping);
  if (!kept) {
    const fed = new Set(columnFields(mapping).map(({ field }) => field.split(".")[0]!));
    kept = [...topFields(mapping.collection), "id"].filter((f) => !fed.has(f));
    untouched.set(mapping, kept);
  }
  return kept;
}

/** The source columns a mapping reads (its key and every field's column). */
export function columnsOf(mapping: Mapping): string[] {
  return [
    ...new Set([
      mapping.key,
      ...Object.values(mapping.fields).flatMap((r) =>
        "column" in r
          ? [r.column, ...(typeof r.currency === "object" ? [r.currency.column] : []), ...(r.by ? [r.by.column] : [])]
          : [],
      ),
      ...(mapping.action ? [mapping.action.column, ...(mapping.action.date ? [mapping.action.date.column] : [])] : []),
    ]),
  ];
}
