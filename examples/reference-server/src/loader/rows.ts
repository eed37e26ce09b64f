/**
 * One source row as a record: each field by its mapping rule (a constant; a column's value through its code table,
 * date format, amount unit or identifier normalisation), then validated with the collection's core schema. A row
 * that cannot be a record is a reject: which column, a code and a message in zh-CN and English — never a crash.
 */
import { collectionSchemas, ID_PATTERN, toMinorUnits, validate, type FieldError } from "@bankcrm/core";
import { normalizeBankCardNumber, normalizeMobile, upgradeResidentIdNumber } from "@bankcrm/core/identifiers";
import { ruleFor, type FieldRuleOf, type Mapping } from "./mapping.js";

/** A refused row: where, why (a code), and what a person reads. */
export interface Reject {
  file: string;
  line: number;
  key: string;
  column: string;
  code: string;
  zh: string;
  en: string;
}

const MESSAGES: Record<string, [zh: string, en: string]> = {
  unmappedValue: ["代码“{value}”不在码表中", 'the code "{value}" is not in the code table'],
  dateFormat: ["日期“{value}”不符合格式 {format}", 'the date "{value}" is not {format}'],
  amount: ["金额“{value}”无法识别", 'the amount "{value}" is not a number of {unit}'],
  currency: ["币种“{value}”不是 ISO 4217 代码", 'the currency "{value}" is not an ISO 4217 code'],
  identifier: ["证件或号码“{value}”无效", 'the identifier "{value}" is not valid'],
  key: ["缺少或非法的源系统主键“{value}”", 'the source key "{value}" is missing or not usable'],
  duplicateKey: [
    "源系统主键“{value}”在本文件中重复，仅保留第一行",
    'the source key "{value}" repeats in this file; the first row is kept',
  ],
  malformedRow: ["该行无法解析：{value}", "the row cannot be read: {value}"],
  recordTooLong: ["该行过长（{value} 个字符），已拒收", "the row is too long ({value} characters)"],
  number: ["“{value}”不是数字", '"{value}" is not a number'],
  unknownKey: ["要关闭的记录“{value}”不存在", 'there is no record of source key "{value}" to close'],
};

export function reject(
  base: Pick<Reject, "file" | "line" | "key">,
  column: string,
  code: string,
  values: Record<string, string> = {},
): Reject {
  const [zh, en] = MESSAGES[code] ?? ["{value}", "{value}"];
  const fill = (t: string) => t.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? "");
  return { ...base, column, code, zh: fill(zh), en: fill(en) };
}

const DATE = {
  "YYYY-MM-DD": /^(\d{4})-(\d{2})-(\d{2})$/,
  YYYYMMDD: /^(\d{4})(\d{2})(\d{2})$/,
  "YYYY/MM/DD": /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/,
  "YYYY-MM-DD HH:mm:ss": /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/,
  YYYYMMDDHHmmss: /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/,
} as const;

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** The days of a month of the Gregorian calendar. */
const daysIn = (y: number, mo: number) =>
  mo === 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : DAYS[mo - 1]!;

/** A date in its format as ISO (a day; with a time, Beijing's wall clock as a UTC instant), or undefined. */
function isoDateOf(value: string, format: keyof typeof DATE): string | undefined {
  const m = DATE[format].exec(value);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // Years before 100 are refused (Date.UTC would read them as 19xx).
  if (y < 100 || mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo)) return undefined;
  if (m[4] === undefined) return `${m[1]}-${m[2]!.padStart(2, "0")}-${m[3]!.padStart(2, "0")}`;
  const [h, mi, sec] = [Number(m[4]), Number(m[5]), Number(m[6])];
  if (h > 23 || mi > 59 || sec > 59) return undefined;
  return new Date(Date.UTC(y, mo - 1, d, h - 8, mi, sec)).toISOString();
}

/**
 * A decimal amount in the currency's main unit ("1,234.5" yuan; "1,200" yen) or in minor units ("123450" fen) as
 * minor units, exactly (core's toMinorUnits: no floating point, no digit beyond the currency's), or undefined.
 */
function minorUnits(value: string, unit: "yuan" | "fen" | "major" | "minor", currency: string): number | undefined {
  if (unit === "fen" || unit === "minor") {
    const plain = value.replace(/,/g, "");
    const n = /^-?\d+$/.test(plain) ? Number(plain) : NaN;
    return Number.isSafeInteger(n) ? n : undefined;
  }
  try {
    return toMinorUnits(value, currency);
  } catch {
    return undefined;
  }
}

const CURRENCY = /^[A-Z]{3}$/;

/** A money rule's currency: the rule's own, or the row's from its column through the column's code table. */
function currencyOf(
  rule: Extract<FieldRuleOf, { column: string }>,
  row: Record<string, unknown>,
): { code?: string; error?: [string, Record<string, string>, string] } {
  if (typeof rule.currency !== "object") return { code: rule.currency ?? "CNY" };
  const { column, values } = rule.currency;
  const cell = row[column];
  const text = typeof cell === "string" ? cell.trim() : "";
  const code = values ? (Object.hasOwn(values, text) ? values[text] : undefined) : text.toUpperCase();
  if (code === undefined) return { error: ["unmappedValue", { value: text }, column] };
  if (!CURRENCY.test(code)) return { error: ["currency", { value: text }, column] };
  return { code };
}

function identifierOf(value: string, kind: NonNullable<Extract<FieldRuleOf, { column: string }>["identifier"]>) {
  if (kind === "residentId") return upgradeResidentIdNumber(value);
  if (kind === "mobile") return normalizeMobile(value);
  if (kind === "bankCard") return normalizeBankCardNumber(value);
  return value.trim().toUpperCase();
}

/** A mapping's fields with their paths split once (a load maps millions of rows by the same few rules). */
const FIELDS = new WeakMap<Mapping, [field: string, parts: string[], rule: FieldRuleOf][]>();
function fieldsOf(mapping: Mapping) {
  let fields = FIELDS.get(mapping);
  if (!fields) {
    fields = Object.entries(mapping.fields).map(([field, rule]) => [field, field.split("."), rule]);
    FIELDS.set(mapping, fields);
  }
  return fields;
}

function setPath(target: Record<string, unknown>, parts: readonly string[], value: unknown) {
  let at = target;
  for (let i = 0; i < parts.length - 1; i++) at = (at[parts[i]!] ??= {}) as Record<string, unknown>;
  at[parts[parts.length - 1]!] = value;
}

/** A cell as trimmed text (a JSON Lines number as its digits); anything else, or nothing, is "". */
function cellText(row: Record<string, unknown>, column: string): string {
  const cell = row[column];
  return typeof cell === "string" || typeof cell === "number" ? String(cell).trim() : "";
}

/** A field's value from its rule, or a reject code with what to say. */
function valueOf(
  rule: FieldRuleOf,
  row: Record<string, unknown>,
): { value?: unknown; error?: [code: string, values: Record<string, string>, column?: string] } {
  // Each row its own copy of an object (paths are set into it); a string or a number is shared as it is.
  if ("value" in rule)
    return { value: typeof rule.value === "object" && rule.value !== null ? structuredClone(rule.value) : rule.value };
  if (rule.by) {
    // The conversion this row's kind calls for, by another column's code.
    const code = cellText(row, rule.by.column);
    const chosen = ruleFor(rule, code);
    return chosen ? valueOf(chosen, row) : { error: ["unmappedValue", { value: code }, rule.by.column] };
  }
  const raw = row[rule.column];
  const text = raw === undefined || raw === null ? "" : typeof raw === "string" ? raw.trim() : raw;
  if (text === "") return rule.default !== undefined ? { value: rule.default } : {};
  if (typeof text !== "string") return { value: text }; // JSON Lines: a number or a boolean as given
  const shown = text.length > 60 ? `${text.slice(0, 60)}…` : text;
  if (rule.values) {
    if (!Object.hasOwn(rule.values, text)) return { error: ["unmappedValue", { value: shown }] };
    return { value: rule.values[text] };
  }
  if (rule.date) {
    const formats = typeof rule.date === "string" ? [rule.date] : rule.date;
    for (const format of formats) {
      const iso = isoDateOf(text, format);
      if (iso !== undefined) return { value: iso };
    }
    return { error: ["dateFormat", { value: shown, format: formats.join(" / ") }] };
  }
  if (rule.amount) {
    const currency = currencyOf(rule, row);
    if (currency.error) return { error: currency.error };
    const minor = minorUnits(text, rule.amount, currency.code!);
    if (minor === undefined) return { error: ["amount", { value: shown, unit: rule.amount }] };
    return { value: rule.currency ? { amount: minor, currency: currency.code } : minor };
  }
  if (rule.number) {
    const n = /^-?\d+(\.\d+)?$/.test(text.replace(/,/g, "")) ? Number(text.replace(/,/g, "")) : NaN;
    return Number.isFinite(n) ? { value: n } : { error: ["number", { value: shown }] };
  }
  if (rule.identifier) {
    const id = identifierOf(text, rule.identifier);
    return id ? { value: id } : { error: ["identifier", { value: shown }] };
  }
  return { value: (rule.prefix ?? "") + text };
}

/** The column a validation error's field path came from (the longest mapped prefix), or the path itself. */
function columnFor(mapping: Mapping, path: readonly (string | number)[]): string {
  const dotted = path.join(".");
  let best = "";
  for (const [field, rule] of Object.entries(mapping.fields))
    if ((dotted === field || dotted.startsWith(`${field}.`)) && field.length > best.length && "column" in rule)
      best = field;
  const rule = mapping.fields[best];
  return rule && "column" in rule ? rule.column : dotted;
}

/** The record id from the source identity, when the mapping gives none: `<source>.<key>`. */
export const sourceRecordId = (mapping: Mapping, key: string) => `${mapping.source}.${key}`;

/** A good row: what it does to the record of its source key. */
export interface MappedRow {
  key: string;
  line: number;
  action: "put" | "close";
  /** The record's id (a key already known keeps the record it resolved to: merge.ts). */
  id: string;
  /** put: the whole record, a new record's body. */
  record?: Record<string, unknown>;
  /**
   * close: what is laid over the record held (`status: closed` and its date). A put lays its record over it less the
   * fields no column feeds (`fieldsKept`: a constant — tags, consents — only starts a new record).
   */
  patch?: Record<string, unknown>;
}

/** A delta's close or death: the key, and the day from the change's date column or the load's day. */
function closingOf(
  mapping: Mapping,
  row: Record<string, unknown>,
  base: Pick<Reject, "file" | "line" | "key">,
  kind: "close" | "deceased",
  asOf: string,
): MappedRow | { rejects: Reject[] } {
  const rule = mapping.action!.date;
  let day = asOf;
  if (rule) {
    const { value, error } = valueOf({ column: rule.column, date: rule.date }, row);
    if (error) return { rejects: [reject(base, rule.column, error[0], error[1])] };
    if (typeof value === "string") day = value.slice(0, 10);
  }
  const idRule = mapping.fields.id;
  const id = idRule ? valueOf(idRule, row).value : undefined;
  const patch = { status: "closed", closedAt: day, ...(kind === "deceased" ? { deceasedOn: day } : {}) };
  return {
    key: base.key,
    line: base.line,
    action: "close",
    id: typeof id === "string" ? id : sourceRecordId(mapping, base.key),
    patch,
  };
}

/** A row as a record of the mapping's collection (or a delta's closing), or its rejects. `asOf`: the load's day. */
export function mapRow(
  mapping: Mapping,
  row: Record<string, unknown>,
  where: { file: string; line: number },
  asOf = new Date().toISOString().slice(0, 10),
): MappedRow | { rejects: Reject[] } {
  const key = cellText(row, mapping.key);
  const base = { ...where, key };
  if (key === "" || !ID_PATTERN.test(key)) return { rejects: [reject(base, mapping.key, "key", { value: key })] };
  if (mapping.action) {
    const code = cellText(row, mapping.action.column);
    if (!Object.hasOwn(mapping.action.values, code))
      return { rejects: [reject(base, mapping.action.column, "unmappedValue", { value: code })] };
    const action = mapping.action.values[code]!;
    if (action !== "put") return closingOf(mapping, row, base, action, asOf);
  }
  const record: Record<string, unknown> = {};
  const rejects: Reject[] = [];
  for (const [field, parts, rule] of fieldsOf(mapping)) {
    const { value, error } = valueOf(rule, row);
    if (error) rejects.push(reject(base, error[2] ?? ("column" in rule ? rule.column : field), error[0], error[1]));
    else if (value !== undefined) setPath(record, parts, value);
  }
  if (rejects.length > 0) return { rejects };
  record.id ??= sourceRecordId(mapping, key);
  const schema = collectionSchemas[mapping.collection];
  const checked = validate(schema, record, "zh-CN", { strict: true });
  if (checked.success) {
    const data = checked.data as Record<string, unknown>;
    return { key, line: where.line, action: "put", id: String(data.id), record: data };
  }
  const english = validate(schema, record, "en", { strict: true });
  const en = new Map(english.success ? [] : english.errors.map((e: FieldError) => [e.path.join("."), e.message]));
  return {
    rejects: checked.errors.map((e: FieldError) => ({
      ...base,
      column: columnFor(mapping, e.path),
      code: e.code,
      zh: `${e.path.join(".")}：${e.message}`,
      en: `${e.path.join(".")}: ${en.get(e.path.join(".")) ?? e.message}`,
    })),
  };
}
