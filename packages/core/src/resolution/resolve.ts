/**
 * Entity resolution of a book of parties: deterministic rules first (the same resident ID once upgraded to 18
 * digits, the same document of another type, the same USCC), then the Fellegi–Sunter model (model.ts) over the pairs
 * blocking proposes — records sharing their ID number's last four and birth year, their mobile, their name's
 * pinyin and birth year, or their surname and birthday (a company: its USCC, or its name as a key). Pairs above the merge threshold are one
 * customer; between the thresholds they go to review; a pair kept apart by a person is never proposed again, nor
 * joined through others.
 */
import { score, train, type MatchModel, type Score, type TrainOptions } from "./model.js";
import type { Party } from "./party.js";

/** Where a pair's match probability sends it. */
export interface Thresholds {
  /** At or above: merged without review. */
  merge: number;
  /** At or above (and below `merge`): to the review queue. */
  review: number;
}

export const DEFAULT_THRESHOLDS: Thresholds = { merge: 0.999, review: 0.5 };

/**
 * Evidence that keeps a pair from merging unseen, however alike the rest: ID numbers that differ (one invalid and two
 * or more digits apart is not a typo of the other; two valid ones that differ — `conflict` — are two people, and the
 * pair is kept apart without review), given names that differ, USCCs that differ. A household — twins, a couple — shares a surname, an address, even a birthday, and the model
 * (which takes its comparisons as independent) adds those up past any threshold; a person decides these.
 */
const REVIEW_ONLY: Record<string, readonly string[]> = {
  idNumber: ["different", "conflict"],
  given: ["different"],
  uscc: ["different"],
};

export interface ScoredPair extends Score {
  a: string;
  b: string;
  /** `rule`: matched by a deterministic rule (its name); otherwise by the model. */
  rule?: "residentId" | "document" | "uscc";
  decision: "merge" | "review" | "apart";
}

/** The key of an unordered pair of record ids. */
export const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

/** A party's blocking keys: records sharing one are compared. */
export function blockingKeys(p: Party): string[] {
  const year = p.birthDate?.slice(0, 4) ?? "";
  if (p.kind === "corporate")
    return [p.uscc && `uscc:${p.uscc}`, p.company && `co:${p.company}`, p.mobile && `m:${p.mobile}`].filter(
      (k): k is string => Boolean(k),
    );
  return [
    p.idKey && `id4:${p.idKey.slice(-4)}:${year}`,
    p.mobile && `m:${p.mobile}`,
    p.pinyin && `py:${p.pinyin}:${year}`,
    // A typo in the name and one in the ID number at once still meet here.
    p.birthDate && p.surnamePinyin && `sb:${p.surnamePinyin}:${p.birthDate}`,
    // A name typed given-name first: blocked under the other order too.
    !/\p{Script=Han}/u.test(p.han) && p.givenPinyin && `py:${p.givenPinyin}${p.surnamePinyin}:${year}`,
  ].filter((k): k is string => Boolean(k));
}

export interface BlockingReport {
  pairs: [number, number][];
  /** Blocks larger than `maxBlock`, left out (their key and size): a key too common to block on. */
  skipped: { key: string; size: number }[];
}

/** The candidate pairs (indices into `parties`, each once) of every block up to `maxBlock` records. */
export function candidatePairs(parties: readonly Party[], maxBlock = 500): BlockingReport {
  const blocks = new Map<string, number[]>();
  parties.forEach((p, i) => {
    for (const key of blockingKeys(p)) {
      const block = blocks.get(key);
      if (block) block.push(i);
      else blocks.set(key, [i]);
    }
  });
  const seen = new Set<number>();
  const pairs: [number, number][] = [];
  const skipped: BlockingReport["skipped"] = [];
  const n = parties.length;
  for (const [key, members] of blocks) {
    if (members.length < 2) continue;
    if (members.length > maxBlock) {
      skipped.push({ key, size: members.length });
      continue;
    }
    for (let x = 0; x < members.length; x++)
      for (let y = x + 1; y < members.length; y++) {
        const [i, j] = [members[x]!, members[y]!];
        const code = i * n + j;
        if (seen.has(code)) continue;
        seen.add(code);
        pairs.push([i, j]);
      }
  }
  return { pairs, skipped };
}

/** The deterministic rule two parties meet, if any. */
function ruleOf(a: Party, b: Party): ScoredPair["rule"] {
  if (a.kind === "corporate") return a.uscc && a.uscc === b.uscc ? "uscc" : undefined;
  if (!a.idKey || a.idKey !== b.idKey) return undefined;
  return a.idKey.includes(":") ? "document" : "residentId";
}

/** Union–find over record indices, refusing a union that would join two records kept apart. */
class Clusters {
  private readonly parent: number[];
  private readonly members: Set<number>[];
  constructor(
    n: number,
    private readonly apart: (i: number, j: number) => boolean,
  ) {
    this.parent = Array.from({ length: n }, (_, i) => i);
    this.members = Array.from({ length: n }, (_, i) => new Set([i]));
  }
  find(i: number): number {
    while (this.parent[i] !== i) i = this.parent[i] = this.parent[this.parent[i]!]!;
    return i;
  }
  /** Joins the two records' clusters, unless a pair across them was kept apart; whether it did. */
  union(i: number, j: number): boolean {
    let [a, b] = [this.find(i), this.find(j)];
    if (a === b) return true;
    for (const x of this.members[a]!) for (const y of this.members[b]!) if (this.apart(x, y)) return false;
    if (this.members[a]!.size < this.members[b]!.size) [a, b] = [b, a];
    this.parent[b] = a;
    for (const y of this.members[b]!) this.members[a]!.add(y);
    this.members[b]!.clear();
    return true;
  }
  groups(): number[][] {
    const out = new Map<number, number[]>();
    this.parent.forEach((_, i) => {
      const root = this.find(i);
      (out.get(root) ?? out.set(root, []).get(root)!).push(i);
    });
    return [...out.values()];
  }
}

export interface ResolveOptions extends TrainOptions {
  thresholds?: Thresholds;
  /** Pairs a person decided are not the same (pairKey). */
  keepApart?: ReadonlySet<string>;
  /** A model fitted before (the bank's own); else one is fitted to these parties. */
  models?: Partial<Record<Party["kind"], MatchModel>>;
  maxBlock?: number;
}

export interface Resolution {
  /** Every candidate pair that was merged or sent to review, with its evidence. */
  pairs: ScoredPair[];
  /** The records of each resolved customer (record ids; singletons included). */
  clusters: string[][];
  models: Partial<Record<Party["kind"], MatchModel>>;
  skippedBlocks: BlockingReport["skipped"];
}

/** Resolves a book of parties into customers. */
export function resolve(parties: readonly Party[], o: ResolveOptions = {}): Resolution {
  const thresholds = o.thresholds ?? DEFAULT_THRESHOLDS;
  const keepApart = o.keepApart ?? new Set<string>();
  const apart = (i: number, j: number) => keepApart.has(pairKey(parties[i]!.id, parties[j]!.id));
  const clusters = new Clusters(parties.length, apart);
  const pairs: ScoredPair[] = [];
  const models: Resolution["models"] = {};
  const skippedBlocks: BlockingReport["skipped"] = [];
  for (const kind of ["individual", "corporate"] as const) {
    const index = parties.flatMap((p, i) => (p.kind === kind ? [i] : []));
    const own = index.map((i) => parties[i]!);
    const { pairs: candidates, skipped } = candidatePairs(own, o.maxBlock);
    skippedBlocks.push(...skipped);
    const model = o.models?.[kind] ?? train(kind, own, candidates, o);
    models[kind] = model;
    const scored = candidates.map(([x, y]) => {
      const [a, b] = [own[x]!, own[y]!];
      const rule = ruleOf(a, b);
      const s = score(model, a, b);
      const kept = keepApart.has(pairKey(a.id, b.id));
      const conflict = s.evidence.some((e) => REVIEW_ONLY[e.comparison]?.includes(e.level));
      const decision: ScoredPair["decision"] =
        kept || (!rule && s.evidence.some((e) => e.level === "conflict"))
          ? "apart"
          : rule || (s.probability >= thresholds.merge && !conflict)
            ? "merge"
            : s.probability >= thresholds.review
              ? "review"
              : "apart";
      return {
        pair: [index[x]!, index[y]!] as const,
        s: { a: a.id, b: b.id, ...s, ...(rule ? { rule } : {}), decision },
      };
    });
    // The strongest evidence joins first: a weaker link never blocks a stronger one through a kept-apart pair.
    scored.sort((p, q) => q.s.weight - p.s.weight);
    for (const { pair, s } of scored) {
      if (s.decision === "merge" && !clusters.union(pair[0], pair[1])) s.decision = "review";
      if (s.decision !== "apart" || keepApart.has(pairKey(s.a, s.b))) pairs.push(s);
    }
  }
  // A review pair already in one customer (joined through others) needs no review.
  const at = new Map(parties.map((p, i) => [p.id, i]));
  const resolved = pairs.filter(
    (p) => p.decision !== "review" || clusters.find(at.get(p.a)!) !== clusters.find(at.get(p.b)!),
  );
  return {
    pairs: resolved,
    clusters: clusters.groups().map((g) => g.map((i) => parties[i]!.id)),
    models,
    skippedBlocks,
  };
}

/** How resolved clusters compare with the truth (each record's true entity): pair precision and recall, B-cubed F1. */
export function evaluate(clusters: readonly (readonly string[])[], truth: ReadonlyMap<string, string>) {
  const predicted = new Map<string, number>();
  clusters.forEach((c, k) => c.forEach((id) => predicted.set(id, k)));
  const byEntity = new Map<string, string[]>();
  for (const [id, entity] of truth) (byEntity.get(entity) ?? byEntity.set(entity, []).get(entity)!).push(id);
  let [truePairs, predictedPairs, both] = [0, 0, 0];
  for (const c of clusters) {
    predictedPairs += (c.length * (c.length - 1)) / 2;
    for (let x = 0; x < c.length; x++)
      for (let y = x + 1; y < c.length; y++) if (truth.get(c[x]!) === truth.get(c[y]!)) both++;
  }
  for (const ids of byEntity.values()) truePairs += (ids.length * (ids.length - 1)) / 2;
  // B-cubed: per record, the share of its predicted cluster that is truly its, and of its true entity found with it.
  let [precision, recall] = [0, 0];
  for (const [id, entity] of truth) {
    const cluster = clusters[predicted.get(id)!] ?? [id];
    const mine = cluster.filter((x) => truth.get(x) === entity).length;
    precision += mine / cluster.length;
    recall += mine / byEntity.get(entity)!.length;
  }
  [precision, recall] = [precision / truth.size, recall / truth.size];
  return {
    pairPrecision: predictedPairs === 0 ? 1 : both / predictedPairs,
    pairRecall: truePairs === 0 ? 1 : both / truePairs,
    bcubedF1: (2 * precision * recall) / (precision + recall),
  };
}
