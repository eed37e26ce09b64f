/**
 * Interchange with JsonLogic (jsonlogic.com) — what react-querybuilder and
 * json-logic-js speak — for the subset that maps both ways:
 *
 * | bankcrm | JsonLogic |
 * |---|---|
 * | all / any / not | and / or / ! |
 * | eq / neq | === / !== |
 * | gt, gte, lt, lte (numbers); before / after (dates) | > >= < <= |
 * | between | <= with three arguments |
 * | in / notIn | in with a list / ! in |
 * | contains (text) | in with a string |
 * | startsWith / endsWith | startsWith / endsWith (react-querybuilder's names; json-logic-js needs them added) |
 * | isEmpty / isNotEmpty | == null / != null |
 *
 * withinLast, notWithinLast, hasAny and hasAll have no JsonLogic form; exporting
 * them throws a typed error naming the node. Imported rules take bankcrm's
 * semantics (see compile.ts), which differ from JsonLogic's for missing values.
 */
import { BankcrmInvalidArgumentError } from "../errors/invalid-argument-error.js";
import type { FieldCatalog } from "./catalog.js";
import type { Condition, Operator, Rule } from "./definition.js";
import { MAX_DEPTH } from "./validate.js";

export type JsonLogic = { [op: string]: unknown };

const SIMPLE: Partial<Record<Operator, string>> = {
  eq: "===",
  neq: "!==",
  gt: ">",
  gte: ">=",
  lt: "<",
  lte: "<=",
  before: "<",
  after: ">",
  startsWith: "startsWith",
  endsWith: "endsWith",
};

function fail(path: (string | number)[], message: string): never {
  throw new BankcrmInvalidArgumentError(`rule${path.map((p) => `[${JSON.stringify(p)}]`).join("")}`, message);
}

export function toJsonLogic(rule: Rule, path: (string | number)[] = []): JsonLogic {
  if (path.length > MAX_DEPTH * 2) fail(path, "nested too deeply");
  if ("all" in rule) return { and: rule.all.map((r, i) => toJsonLogic(r, [...path, "all", i])) };
  if ("any" in rule) return { or: rule.any.map((r, i) => toJsonLogic(r, [...path, "any", i])) };
  if ("not" in rule) return { "!": toJsonLogic(rule.not, [...path, "not"]) };
  const v = { var: rule.field };
  switch (rule.op) {
    case "between": {
      const [lo, hi] = rule.value as [unknown, unknown];
      return { "<=": [lo, v, hi] };
    }
    case "in":
      return { in: [v, rule.value] };
    case "notIn":
      return { "!": { in: [v, rule.value] } };
    case "contains":
      return { in: [rule.value, v] };
    case "isEmpty":
      return { "==": [v, null] };
    case "isNotEmpty":
      return { "!=": [v, null] };
    default: {
      const op = SIMPLE[rule.op];
      if (!op) fail(path, `"${rule.op}" has no JsonLogic form`);
      return { [op]: [v, rule.value] };
    }
  }
}

const isVar = (x: unknown): x is { var: string } =>
  typeof x === "object" &&
  x !== null &&
  !Array.isArray(x) &&
  typeof (x as { var?: unknown }).var === "string" &&
  Object.keys(x).length === 1;

/** Converts JsonLogic into a bankcrm rule, using the catalog to tell dates from numbers. */
export function fromJsonLogic<R>(logic: unknown, catalog: FieldCatalog<R>, path: (string | number)[] = []): Rule {
  if (path.length > MAX_DEPTH * 2) fail(path, "nested too deeply");
  if (typeof logic !== "object" || logic === null || Array.isArray(logic) || Object.keys(logic).length !== 1) {
    fail(path, "expected an object with one operator");
  }
  const [op, raw] = Object.entries(logic as Record<string, unknown>)[0]!;
  const args = Array.isArray(raw) ? raw : [raw];
  const here = [...path, op];
  const cond = (field: string, bankcrmOp: Operator, value?: unknown): Condition => ({
    field,
    op: bankcrmOp,
    ...(value !== undefined ? { value } : {}),
  });
  switch (op) {
    case "and":
    case "or": {
      const children = args.map((a, i) => fromJsonLogic(a, catalog, [...here, i]));
      return op === "and" ? { all: children } : { any: children };
    }
    case "!": {
      const inner = args[0] as JsonLogic;
      if (inner && typeof inner === "object" && "in" in inner) {
        const r = fromJsonLogic(inner, catalog, here);
        if ("op" in r && r.op === "in") return { ...r, op: "notIn" };
      }
      return { not: fromJsonLogic(inner, catalog, here) };
    }
    case "==":
    case "!=": {
      if (isVar(args[0]) && args[1] === null) return cond(args[0].var, op === "==" ? "isEmpty" : "isNotEmpty");
      fail(here, `"${op}" is only read as a null check; use === / !== for values`);
      break;
    }
    case "===":
    case "!==":
    case ">":
    case ">=":
    case "<":
    case "<=":
    case "startsWith":
    case "endsWith": {
      if (op === "<=" && args.length === 3 && isVar(args[1])) return cond(args[1].var, "between", [args[0], args[2]]);
      if (!isVar(args[0]) || args.length !== 2) fail(here, "expected [{ var }, value]");
      const field = args[0].var;
      const isDate = catalog.get(field)?.type === "date";
      const map: Record<string, Operator> = {
        "===": "eq",
        "!==": "neq",
        ">": isDate ? "after" : "gt",
        ">=": "gte",
        "<": isDate ? "before" : "lt",
        "<=": "lte",
        startsWith: "startsWith",
        endsWith: "endsWith",
      };
      return cond(field, map[op]!, args[1]);
    }
    case "in": {
      if (isVar(args[0]) && Array.isArray(args[1])) return cond(args[0].var, "in", args[1]);
      if (isVar(args[1]) && typeof args[0] === "string") return cond(args[1].var, "contains", args[0]);
      fail(here, "expected [{ var }, [values]] or [text, { var }]");
      break;
    }
    default:
      fail(here, `the JsonLogic operator "${op}" is not supported`);
  }
}
