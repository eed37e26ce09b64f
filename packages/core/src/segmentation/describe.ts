/**
 * Segment conditions in words — "年龄 介于 30 至 55", "AUM is at least ¥300,000" —
 * for builders, "why" lines and audit logs. Money fields hold fen and read in
 * yuan; enum and list values read by their labels; dates as written.
 */
import type { Locale } from "../i18n/locale.js";
import { segmentMessage, type SegmentMessageKey } from "../i18n/segment-messages.js";
import type { CatalogField, FieldCatalog } from "./catalog.js";
import type { Condition, Operator } from "./definition.js";

const OPERATOR_KEYS: Record<Operator, SegmentMessageKey> = {
  eq: "opEq",
  neq: "opNeq",
  in: "opIn",
  notIn: "opNotIn",
  gt: "opGt",
  gte: "opGte",
  lt: "opLt",
  lte: "opLte",
  between: "opBetween",
  contains: "opContains",
  startsWith: "opStartsWith",
  endsWith: "opEndsWith",
  isEmpty: "opIsEmpty",
  isNotEmpty: "opIsNotEmpty",
  before: "opBefore",
  after: "opAfter",
  withinLast: "opWithinLast",
  notWithinLast: "opNotWithinLast",
  hasAny: "opHasAny",
  hasAll: "opHasAll",
};

/** An operator's name in a locale ("介于", "is between"). */
export function operatorLabel(op: Operator, locale: Locale): string {
  return segmentMessage(OPERATOR_KEYS[op], locale);
}

const moneyFormats = new Map<Locale, Intl.NumberFormat>();
/** Fen as yuan, with the currency sign. */
function yuan(fen: number, locale: Locale): string {
  let format = moneyFormats.get(locale);
  if (!format)
    moneyFormats.set(
      locale,
      (format = new Intl.NumberFormat(locale, { style: "currency", currency: "CNY", maximumFractionDigits: 2 })),
    );
  return format.format(fen / 100);
}

/** One value of a field as a person reads it. */
export function fieldValueText(field: CatalogField<never>, value: unknown, locale: Locale): string {
  if (value === undefined || value === null || (typeof value === "number" && Number.isNaN(value))) return "—";
  if (Array.isArray(value))
    return value.map((v) => fieldValueText(field, v, locale)).join(segmentMessage("listSeparator", locale));
  if (field.type === "money" && typeof value === "number") return yuan(value, locale);
  if (field.type === "boolean") return segmentMessage(value === true ? "yes" : "no", locale);
  if (typeof value === "number") return value.toLocaleString(locale);
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return field.valueLabels?.[text]?.[locale] ?? text;
}

/** A condition as a sentence: the field's label, the operator, the value. */
export function describeCondition(condition: Condition, catalog: FieldCatalog<never>, locale: Locale): string {
  const field = catalog.get(condition.field);
  if (!field) return `${condition.field} ${condition.op}`;
  const name = field.label[locale];
  const op = condition.op;
  if (op === "isEmpty" || op === "isNotEmpty") return `${name} ${operatorLabel(op, locale)}`;
  if (op === "withinLast" || op === "notWithinLast") {
    const days = String(condition.value);
    return `${name} ${segmentMessage(op === "withinLast" ? "withinText" : "notWithinText", locale, { days })}`;
  }
  if (op === "between" && Array.isArray(condition.value)) {
    const [from, to] = condition.value as unknown[];
    return `${name} ${operatorLabel(op, locale)} ${segmentMessage("rangeText", locale, {
      from: fieldValueText(field, from, locale),
      to: fieldValueText(field, to, locale),
    })}`;
  }
  return `${name} ${operatorLabel(op, locale)} ${fieldValueText(field, condition.value, locale)}`;
}
