/**
 * Probabilistic record linkage by the Fellegi–Sunter model, as Splink runs it. Each comparison of two parties puts
 * them at a level (the name exactly the same, the same in pinyin, one character off, different). A level's weight is
 * log2(m / u): m the chance of that level for two records of one person, u for two records of different people.
 * u is estimated from random pairs (nearly all of different people); m by expectation–maximisation over the blocked
 * candidate pairs, without labels. A pair's match weight is the prior's weight plus its levels' — evidence that
 * adds up — and its probability 2^w / (1 + 2^w).
 *
 * Term frequency: two records agreeing on 王 (7% of the book) say less than two agreeing on 欧阳; the exact
 * surname level's u is the surname's own frequency.
 */
import { editDistance } from "./names.js";
import type { Party } from "./party.js";

/** One comparison: its levels, strongest agreement first, the last always "different"; null when a side lacks it. */
export interface Comparison {
  name: string;
  levels: readonly string[];
  level(a: Party, b: Party): number | null;
  /** The value whose frequency adjusts the first level's u (term frequency). */
  term?: (p: Party) => string | undefined;
  /** Levels whose m is known, not learnt (the others share what is left). */
  fixedM?: readonly (number | undefined)[];
}

/** A name's pinyin in the orders it may be meant in: typed in pinyin, surname first or last; in hanzi, as read. */
export const pinyinOrders = (p: Party) => (isLatin(p) ? [p.pinyin, p.givenPinyin + p.surnamePinyin] : [p.pinyin]);
/** A name typed in Latin letters (pinyin), not hanzi. */
export const isLatin = (p: Party) => !/\p{Script=Han}/u.test(p.han);
/** The two names the same in pinyin (a name typed in pinyin in either word order). */
const samePinyin = (a: Party, b: Party) => pinyinOrders(a).some((x) => pinyinOrders(b).includes(x));
const oneOff = (a: string, b: string) => {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length && diff < 2; i++) if (a[i] !== b[i]) diff++;
  return diff === 1;
};
const jaccard = (a: readonly string[], b: readonly string[]) => {
  const set = new Set(a);
  const common = b.filter((t) => set.has(t)).length;
  return common / (set.size + b.length - common || 1);
};
/** Day and month the other way round (05-03 for 03-05). */
const transposed = (a: string, b: string) =>
  a.slice(0, 4) === b.slice(0, 4) && a.slice(5, 7) === b.slice(8, 10) && a.slice(8, 10) === b.slice(5, 7);

/** The comparisons of two people. */
export const INDIVIDUAL_COMPARISONS: readonly Comparison[] = [
  {
    name: "surname",
    levels: ["exact", "pinyin", "different"],
    level: (a, b) =>
      a.surname === b.surname && !isLatin(a) ? 0 : samePinyin(a, b) || a.surnamePinyin === b.surnamePinyin ? 1 : 2,
    term: (p) => p.surname,
  },
  {
    name: "given",
    levels: ["exact", "pinyin", "oneCharacterOff", "different"],
    level: (a, b) => {
      if (!a.given && !b.given) return null;
      if (a.given === b.given && !isLatin(a)) return 0;
      if (samePinyin(a, b) || (a.givenPinyin && a.givenPinyin === b.givenPinyin)) return 1;
      // One character off in a given name of two or more (a one-character name with another character is another).
      if (
        !isLatin(a) &&
        !isLatin(b) &&
        Math.min(a.given.length, b.given.length) >= 2 &&
        editDistance(a.given, b.given, 1) <= 1
      )
        return 2;
      if (a.givenPinyin.length >= 4 && editDistance(a.givenPinyin, b.givenPinyin, 1) <= 1) return 2;
      return 3;
    },
  },
  {
    name: "birthDate",
    levels: ["exact", "dayMonthTransposed", "different"],
    level: (a, b) =>
      !a.birthDate || !b.birthDate
        ? null
        : a.birthDate === b.birthDate
          ? 0
          : transposed(a.birthDate, b.birthDate)
            ? 1
            : 2,
  },
  {
    // Two resident ID numbers that both pass their check character and still differ are two people: the check
    // (ISO 7064 MOD 11-2) catches every single mistyped digit and every swap of two, so its m is fixed near zero
    // rather than learnt — EM, left to itself, takes a book's namesakes born the same day for one person.
    name: "idNumber",
    levels: ["exact", "oneDigitOff", "different", "conflict"],
    level: (a, b) => {
      if (!a.idKey || !b.idKey) return null;
      if (a.idKey === b.idKey) return 0;
      // A resident ID and a passport (or two documents of different kinds or countries) say nothing of each other.
      if (documentKind(a.idKey) !== documentKind(b.idKey)) return null;
      if (oneOff(a.idKey, b.idKey)) return 1;
      return a.idValid && b.idValid ? 3 : 2;
    },
    fixedM: [undefined, undefined, undefined, 1e-8],
  },
  {
    name: "mobile",
    levels: ["exact", "oneDigitOff", "different"],
    level: (a, b) => (!a.mobile || !b.mobile ? null : a.mobile === b.mobile ? 0 : oneOff(a.mobile, b.mobile) ? 1 : 2),
  },
  {
    name: "email",
    levels: ["exact", "different"],
    level: (a, b) => (!a.email || !b.email ? null : a.email === b.email ? 0 : 1),
  },
  {
    name: "address",
    levels: ["same", "close", "different"],
    level: (a, b) => {
      if (!a.address?.length || !b.address?.length) return null;
      const j = jaccard(a.address, b.address);
      return j >= 0.8 ? 0 : j >= 0.5 ? 1 : 2;
    },
  },
];

/** A party's document's kind: "" for a resident ID, `type:country` for another (`passport:CN`). */
function documentKind(idKey: string): string {
  const [type, country] = idKey.split(":");
  return country === undefined ? "" : `${type}:${country}`;
}

/** The comparisons of two companies. */
export const CORPORATE_COMPARISONS: readonly Comparison[] = [
  {
    name: "companyName",
    levels: ["exact", "oneCharacterOff", "different"],
    level: (a, b) =>
      !a.company || !b.company
        ? null
        : a.company === b.company
          ? 0
          : editDistance(a.company, b.company, 1) <= 1
            ? 1
            : 2,
    term: (p) => p.company,
  },
  {
    // Two USCCs that both pass their check character (GB 32100-2015) and differ are two companies, as two valid
    // resident IDs are two people: a book's companies of one name (in another city, another trade) kept apart.
    name: "uscc",
    levels: ["exact", "oneCharacterOff", "different", "conflict"],
    level: (a, b) => {
      if (!a.uscc || !b.uscc) return null;
      if (a.uscc === b.uscc) return 0;
      if (oneOff(a.uscc, b.uscc)) return 1;
      return a.usccValid && b.usccValid ? 3 : 2;
    },
    fixedM: [undefined, undefined, undefined, 1e-8],
  },
  {
    // The registration number from before the USCC: an old system's record of a company has only this.
    name: "registrationNumber",
    levels: ["exact", "different"],
    level: (a, b) => (!a.registration || !b.registration ? null : a.registration === b.registration ? 0 : 1),
  },
  {
    name: "legalRepresentative",
    levels: ["exact", "different"],
    level: (a, b) =>
      !a.legalRepresentative || !b.legalRepresentative ? null : a.legalRepresentative === b.legalRepresentative ? 0 : 1,
  },
  INDIVIDUAL_COMPARISONS.find((c) => c.name === "mobile")!,
  INDIVIDUAL_COMPARISONS.find((c) => c.name === "address")!,
];

/** A fitted model: the prior, and per comparison and level the m and u probabilities; term frequencies by value. */
export interface MatchModel {
  kind: Party["kind"];
  /** The share of candidate pairs that are matches (the prior). */
  lambda: number;
  m: number[][];
  u: number[][];
  /** Per comparison with a term: each value's share of the records. */
  tf: Record<string, Record<string, number>>;
}

export interface Evidence {
  comparison: string;
  level: string;
  /** log2 Bayes factor of this level (0 when a side lacks the value). */
  weight: number;
}

export interface Score {
  weight: number;
  probability: number;
  evidence: Evidence[];
}

export const comparisonsOf = (kind: Party["kind"]) =>
  kind === "corporate" ? CORPORATE_COMPARISONS : INDIVIDUAL_COMPARISONS;
const FLOOR = 1e-6;

/** The levels of a pair, one per comparison (null: not compared). */
export const levelsOf = (kind: Party["kind"], a: Party, b: Party) => comparisonsOf(kind).map((c) => c.level(a, b));

/** A pair's match weight, probability and evidence under a model. */
export function score(model: MatchModel, a: Party, b: Party): Score {
  const comparisons = comparisonsOf(model.kind);
  return scoreLevels(
    model,
    comparisons.map((c) => c.level(a, b)),
    comparisons.map((c) => c.term?.(a)),
  );
}

/**
 * A pair's score from its levels (one per comparison, null: not compared) and the values the comparisons with a
 * term frequency read of its first record — what a database that computed the levels hands back.
 */
export function scoreLevels(
  model: MatchModel,
  levels: readonly (number | null)[],
  terms: readonly (string | undefined)[] = [],
): Score {
  const comparisons = comparisonsOf(model.kind);
  let weight = Math.log2(model.lambda / (1 - model.lambda));
  const evidence = comparisons.map((c, i): Evidence => {
    const level = levels[i] ?? null;
    if (level === null) return { comparison: c.name, level: "missing", weight: 0 };
    let u = model.u[i]![level]!;
    const term = level === 0 && c.term ? terms[i] : undefined;
    if (term !== undefined) u = Math.max(model.tf[c.name]?.[term] ?? u, FLOOR);
    const w = Math.log2(Math.max(model.m[i]![level]!, 1e-12) / Math.max(u, FLOOR));
    weight += w;
    return { comparison: c.name, level: c.levels[level]!, weight: w };
  });
  return { weight, probability: 1 / (1 + 2 ** -weight), evidence };
}

/** A deterministic pseudo-random number generator (mulberry32): the same sample from the same seed. */
function random(seed: number) {
  let t = seed >>> 0;
  return () => {
    t = (t + 0x6d2b79f5) >>> 0;
    let x = Math.imul(t ^ (t >>> 15), 1 | t);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

/** Each comparison's m with its fixed levels in place, the learnt ones scaled to share the rest. */
function withFixed(comparisons: readonly Comparison[], m: number[][]): number[][] {
  return m.map((row, k) => {
    const fixed = comparisons[k]!.fixedM;
    if (!fixed) return row;
    const kept = fixed.reduce((a: number, x) => a + (x ?? 0), 0);
    const free = row.reduce((a, x, l) => a + (fixed[l] === undefined ? x : 0), 0) || 1;
    return row.map((x, l) => fixed[l] ?? (x / free) * (1 - kept));
  });
}

export interface TrainOptions {
  /** Random pairs for u (default 50,000). */
  sample?: number;
  /** EM iterations at most (default 25). */
  iterations?: number;
  seed?: number;
}

/** Pairs with the same levels, counted: what EM reads (a book's millions of pairs fall into a few thousand). */
export interface LevelPattern {
  levels: readonly (number | null)[];
  count: number;
}

/** The inputs of a fit that a database can count without handing over its records. */
export interface FitInput {
  /** Per comparison and level, how often random pairs were at it. */
  randomLevels: readonly (readonly number[])[];
  /** Per comparison with a term: each value's share of the records. */
  tf: MatchModel["tf"];
  /** The candidate pairs' levels, counted. */
  patterns: readonly LevelPattern[];
}

/**
 * Fits a model to a book's parties of one kind and its candidate pairs (indices into `parties`): u from random
 * pairs, term frequencies from the parties, then m and the prior by EM over the candidate pairs with u held.
 */
export function train(
  kind: Party["kind"],
  parties: readonly Party[],
  candidates: readonly (readonly [number, number])[],
  o: TrainOptions = {},
): MatchModel {
  const comparisons = comparisonsOf(kind);
  const next = random(o.seed ?? 1);
  const randomLevels = comparisons.map((c) => c.levels.map(() => 0));
  const n = parties.length;
  for (let s = 0; s < (o.sample ?? 50_000) && n > 1; s++) {
    const i = Math.floor(next() * n);
    const j = (i + 1 + Math.floor(next() * (n - 1))) % n;
    comparisons.forEach((c, k) => {
      const level = c.level(parties[i]!, parties[j]!);
      if (level !== null) randomLevels[k]![level]!++;
    });
  }
  const tf: MatchModel["tf"] = {};
  for (const c of comparisons)
    if (c.term) {
      const counts: Record<string, number> = {};
      for (const p of parties) {
        const t = c.term(p);
        if (t !== undefined) counts[t] = (counts[t] ?? 0) + 1;
      }
      tf[c.name] = Object.fromEntries(Object.entries(counts).map(([t, k]) => [t, k / parties.length]));
    }
  const patterns = new Map<string, LevelPattern>();
  for (const [i, j] of candidates) {
    const levels = comparisons.map((c) => c.level(parties[i]!, parties[j]!));
    const key = levels.join(",");
    const seen = patterns.get(key);
    if (seen) seen.count++;
    else patterns.set(key, { levels, count: 1 });
  }
  return fit(kind, { randomLevels, tf, patterns: [...patterns.values()] }, o);
}

/** Fits a model from counts: u from the random pairs' levels (one added to each), m and the prior by EM. */
export function fit(kind: Party["kind"], input: FitInput, o: Pick<TrainOptions, "iterations"> = {}): MatchModel {
  const comparisons = comparisonsOf(kind);
  const normalise = (rows: readonly (readonly number[])[]) =>
    rows.map((row) => row.map((x) => x / row.reduce((a, b) => a + b, 0)));
  // No level is impossible: one added to every level's count.
  const uP = normalise(comparisons.map((c, k) => c.levels.map((_, l) => (input.randomLevels[k]?.[l] ?? 0) + 1)));
  const patterns = input.patterns;
  const pairs = patterns.reduce((a, p) => a + p.count, 0);
  // m starts believing agreement: the first level likely, the last unlikely.
  let m = withFixed(
    comparisons,
    comparisons.map((c) => c.levels.map((_, l) => (l === c.levels.length - 1 ? 0.05 : 0.95 / (c.levels.length - 1)))),
  );
  let lambda = 0.1;
  for (let iteration = 0; iteration < (o.iterations ?? 25); iteration++) {
    const counts = comparisons.map((c) => c.levels.map(() => 0.01));
    let total = 0;
    for (const { levels, count } of patterns) {
      let logMatch = Math.log(lambda);
      let logOther = Math.log(1 - lambda);
      levels.forEach((l, k) => {
        if (l === null) return;
        logMatch += Math.log(Math.max(m[k]![l]!, FLOOR));
        logOther += Math.log(Math.max(uP[k]![l]!, FLOOR));
      });
      const p = count / (1 + Math.exp(logOther - logMatch));
      total += p;
      levels.forEach((l, k) => {
        if (l !== null) counts[k]![l]! += p;
      });
    }
    const nextLambda = Math.min(Math.max(total / Math.max(pairs, 1), FLOOR), 1 - FLOOR);
    const nextM = withFixed(comparisons, normalise(counts));
    const moved = Math.abs(nextLambda - lambda) + nextM.flat().reduce((a, x, i) => a + Math.abs(x - m.flat()[i]!), 0);
    [m, lambda] = [nextM, nextLambda];
    if (moved < 1e-6) break;
  }
  return { kind, lambda, m, u: uP, tf: input.tf };
}
