/**
 * The segment editor's tree operations, by property over random definitions:
 * each edit is undone by its inverse, never mutates what it was given, and keeps
 * a valid definition valid.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { segmentEdit as edit, validateSegment, type Rule, type SegmentDefinition } from "../src/index.js";
import { catalog, rule, segment } from "./support/segment-arbitraries.js";

/** Every group's path in a rule, from the definition's root. */
function groups(r: Rule, path: (string | number)[] = ["rule"]): (string | number)[][] {
  const kind = edit.groupKind(r);
  if (kind) {
    const children = (r as Record<string, Rule[]>)[kind]!;
    return [path, ...children.flatMap((c, i) => groups(c, [...path, kind, i]))];
  }
  if ("not" in r) return groups(r.not, [...path, "not"]);
  return [];
}
/** Every node's path. */
function nodes(r: Rule, path: (string | number)[] = ["rule"]): (string | number)[][] {
  const kind = edit.groupKind(r);
  if (kind) return [path, ...(r as Record<string, Rule[]>)[kind]!.flatMap((c, i) => nodes(c, [...path, kind, i]))];
  if ("not" in r) return [path, ...nodes(r.not, [...path, "not"])];
  return [path];
}

const grouped = fc.tuple(rule, fc.array(rule, { maxLength: 3 })).map(([a, more]) => segment({ all: [a, ...more] }));
const deepFreeze = <T>(value: T): T => {
  if (typeof value === "object" && value !== null) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
};
const today = () => "2026-06-15";

describe("segment editing (core segmentEdit)", () => {
  it("adding then removing a child gives the definition back, and the added child is where the path says", () => {
    fc.assert(
      fc.property(grouped, rule, fc.nat(), (d, child, pick) => {
        deepFreeze(d);
        const all = groups(d.rule);
        const at = all[pick % all.length]!;
        const added = edit.addChild(d, at, child);
        expect(edit.ruleAt(added.definition, added.path)).toEqual(child);
        const index = added.path[added.path.length - 1] as number;
        expect(edit.removeChild(added.definition, at, index)).toEqual(d);
      }),
    );
  });

  it("a move is undone by the opposite move; it keeps the children, and refuses to leave the group", () => {
    fc.assert(
      fc.property(grouped, fc.nat(), fc.nat(), fc.constantFrom(-1, 1), (d, pick, i, by) => {
        deepFreeze(d);
        const all = groups(d.rule);
        const at = all[pick % all.length]!;
        const kind = edit.groupKind(edit.ruleAt(d, at))!;
        const children = edit.ruleAt(d, [...at, kind]) as Rule[];
        const index = i % children.length;
        const moved = edit.moveChild(d, at, index, by);
        if (index + by < 0 || index + by >= children.length) {
          expect(moved).toBeUndefined();
          return;
        }
        expect(edit.ruleAt(moved!.definition, moved!.path)).toEqual(children[index]);
        const after = edit.ruleAt(moved!.definition, [...at, kind]) as Rule[];
        expect([...after].map((c) => JSON.stringify(c)).sort()).toEqual(children.map((c) => JSON.stringify(c)).sort());
        const back = edit.moveChild(moved!.definition, at, index + by, -by);
        expect(back!.definition).toEqual(d);
      }),
    );
  });

  it("negating twice, and switching all ↔ any twice, change nothing; a valid definition stays valid", () => {
    fc.assert(
      fc.property(grouped, fc.nat(), (d, pick) => {
        deepFreeze(d);
        const valid = validateSegment(d, catalog, "en").issues.length === 0;
        const every = nodes(d.rule);
        const at = every[pick % every.length]!;
        const negated = edit.negate(d, at);
        expect(edit.unnegate(negated, at)).toEqual(d);
        const g = groups(d.rule)[pick % groups(d.rule).length]!;
        const kind = edit.groupKind(edit.ruleAt(d, g))!;
        const other = edit.setGroupKind(d, g, kind === "all" ? "any" : "all");
        expect(edit.setGroupKind(other, g, kind)).toEqual(d);
        if (valid) {
          for (const next of [negated, other, edit.addChild(d, g, edit.newCondition(catalog, today)).definition])
            expect(validateSegment(next, catalog, "en").issues).toEqual([]);
        }
      }),
    );
  });

  it("a lone root grows into a group; a new condition, field or operator starts from valid defaults", () => {
    const lone: SegmentDefinition = segment({ field: "n", op: "gt", value: 3 });
    const grown = edit.growRoot(lone, edit.newCondition(catalog, today));
    expect(grown.definition.rule).toEqual({
      all: [
        { field: "n", op: "gt", value: 3 },
        { field: "n", op: "eq", value: 0 },
      ],
    });
    expect(grown.path).toEqual(["rule", "all", 1]);
    for (const to of catalog.list())
      for (const op of to.operators) {
        const c = edit.withOperator(
          edit.withField({ field: "n", op: "gt", value: 3 }, catalog.get("n"), to, today),
          to,
          op,
          today,
        );
        expect(validateSegment(segment(c), catalog, "en").issues, `${to.id} ${op}`).toEqual([]);
      }
    expect(() => edit.addChild(lone, ["rule"], lone.rule)).toThrow(RangeError);
    expect(() => edit.unnegate(lone, ["rule"])).toThrow(RangeError);
  });
});
