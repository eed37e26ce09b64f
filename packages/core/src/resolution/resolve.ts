/**
 * Entity resolution of a book of parties: deterministic rules first (the same resident ID once upgraded to 18
 * digits, the same document of another type, the same USCC), then the Fellegi–Sunter model (model.ts) over the pairs
 * blocking proposes (`blockingKeys`: the ID number, its last four and the birth date, the mobile, the name's pinyin
 * and birth year… a company: its USCC, or its name as a key). Pairs above the merge threshold are one
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
/** The contact levels that corroborate a person: the same (or one digit off) mobile or e-mail, the address close. */
const CORROBORATING: Record<string, readonly string[]> = {
  mobile: ["exact", "oneDigitOff"],
  email: ["exact"],
  address: ["same", "close"],
};

/**
 * Two people's records whose ID numbers cannot be compared (one holds none, or a passport beside a resident ID) and
 * that share no contact — a name and a birth date alone, as namesakes born the same day have: never merged unseen.
 */
function uncorroborated(evidence: Score["evidence"]): boolean {
  const id = evidence.find((e) => e.comparison === "idNumber");
  if (!id || id.level !== "missing") return false;
  return !evidence.some((e) => CORROBORATING[e.comparison]?.includes(e.level));
}

export interface ScoredPair extends Score {
  a: string;
  b: string;
  /** `rule`: matched by a deterministic rule (its name); otherwise by the model. */
  rule?: "residentId" | "document" | "uscc";
  decision: "merge" | "review" | "apart";
}

/** The key of an unordered pair of record ids. */
export const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

/** A resident ID number (18 characters once upgraded). */
const RESIDENT_ID = /^\d{17}[\dX]$/;

/**
 * A party's blocking keys: records sharing one are compared. Each is narrow enough that a block stays small as the
 * book grows (pairs grow with the square of a block), and together they still meet every duplicate of the labelled
 * benchmark but a few in ten thousand:
 * - the resident ID without its region code (a mistyped region, a 15-digit number upgraded);
 * - the ID's last four with the birth date (a typo in the ID's birth digits);
 * - the mobile;
 * - the name's pinyin with the birth year (traditional characters, a name typed in pinyin — in either order);
 * - the surname and the given name's first letter with the birthday (a typo in the name and one in the ID at once).
 * A company: its USCC, its old registration number, its name as a key, its mobile.
 */
export function blockingKeys(p: Party): string[] {
  const year = p.birthDate?.slice(0, 4) ?? "";
  const keys =
    p.kind === "corporate"
      ? [
          p.uscc && `uscc:${p.uscc}`,
          p.registration && `reg:${p.registration}`,
          p.company && `co:${p.company}`,
          p.mobile && `m:${p.mobile}`,
        ]
      : [
          p.idKey && `id:${RESIDENT_ID.test(p.idKey) ? p.idKey.slice(6) : p.idKey}`,
          p.idKey && p.birthDate && RESIDENT_ID.test(p.idKey) && `id4:${p.idKey.slice(-4)}:${p.birthDate}`,
          p.mobile && `m:${p.mobile}`,
          p.pinyin && `py:${p.pinyin}:${year}`,
          p.birthDate && p.surnamePinyin && `sg:${p.surnamePinyin}${p.givenPinyin.slice(0, 1)}:${p.birthDate}`,
          !/\p{Script=Han}/u.test(p.han) && p.givenPinyin && `py:${p.givenPinyin}${p.surnamePinyin}:${year}`,
        ];
  return keys.filter((k, i): k is string => Boolean(k) && keys.indexOf(k) === i);
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
export function ruleOf(a: Party, b: Party): ScoredPair["rule"] {
  if (a.kind === "corporate") return a.uscc && a.uscc === b.uscc ? "uscc" : undefined;
  if (!a.idKey || a.idKey !== b.idKey) return undefined;
  if (!a.idKey.includes(":")) return "residentId";
  // A document without its issuing country is no proof of one person.
  return a.idKey.includes(":?:") ? undefined : "document";
}

/** Union–find over record ids, refusing a union that would join two records kept apart. */
class Clusters {
  private readonly parent = new Map<string, string>();
  private readonly members = new Map<string, Set<string>>();
  constructor(private readonly apart: (a: string, b: string) => boolean) {}
  find(id: string): string {
    let at = id;
    for (let up = this.parent.get(at); up !== undefined && up !== at; up = this.parent.get(at)) {
      const grand = this.parent.get(up) ?? up;
      this.parent.set(at, grand);
      at = grand;
    }
    return at;
  }
  private own(root: string): Set<string> {
    return this.members.get(root) ?? this.members.set(root, new Set([root])).get(root)!;
  }
  /** Joins the two records' clusters, unless a pair across them was kept apart; whether it did. */
  union(x: string, y: string): boolean {
    let [a, b] = [this.find(x), this.find(y)];
    if (a === b) return true;
    let [ma, mb] = [this.own(a), this.own(b)];
    for (const i of ma) for (const j of mb) if (this.apart(i, j)) return false;
    if (ma.size < mb.size) [a, b, ma, mb] = [b, a, mb, ma];
    this.parent.set(b, a);
    for (const j of mb) ma.add(j);
    this.members.delete(b);
    return true;
  }
  /** The clusters of more than one record. */
  groups(): string[][] {
    return [...this.members.values()].filter((m) => m.size > 1).map((m) => [...m]);
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

/** A candidate pair scored, before its decision: what `decide` reads, wherever the pairs were scored. */
export type CandidateScore = Score & { a: string; b: string; rule?: ScoredPair["rule"] | undefined };

/** Where a pair goes on its own evidence (before clusters: a merge across a kept-apart pair becomes a review). */
function decisionOf(s: CandidateScore, kept: boolean, thresholds: Thresholds): ScoredPair["decision"] {
  if (kept || (!s.rule && s.evidence.some((e) => e.level === "conflict"))) return "apart";
  const conflict = s.evidence.some((e) => REVIEW_ONLY[e.comparison]?.includes(e.level)) || uncorroborated(s.evidence);
  if (s.rule || (s.probability >= thresholds.merge && !conflict)) return "merge";
  return s.probability >= thresholds.review ? "review" : "apart";
}

/**
 * Decisions and clusters from scored candidate pairs: the strongest evidence joins first (a weaker link never blocks
 * a stronger one through a kept-apart pair); a merge that would join two records kept apart goes to review; a review
 * pair already in one customer (joined through others) needs none. Returns the pairs merged or sent to review (and
 * the kept-apart ones among the candidates), and the clusters of more than one record.
 */
export function decide(
  candidates: readonly CandidateScore[],
  o: { thresholds?: Thresholds; keepApart?: ReadonlySet<string> } = {},
): { pairs: ScoredPair[]; clusters: string[][] } {
  const thresholds = o.thresholds ?? DEFAULT_THRESHOLDS;
  const keepApart = o.keepApart ?? new Set<string>();
  const clusters = new Clusters((a, b) => keepApart.has(pairKey(a, b)));
  const scored = candidates.map((c): ScoredPair => {
    const { rule, ...rest } = c;
    return {
      ...rest,
      ...(rule ? { rule } : {}),
      decision: decisionOf(c, keepApart.has(pairKey(c.a, c.b)), thresholds),
    };
  });
  scored.sort((p, q) => q.weight - p.weight);
  const pairs: ScoredPair[] = [];
  for (const s of scored) {
    if (s.decision === "merge" && !clusters.union(s.a, s.b)) s.decision = "review";
    if (s.decision !== "apart" || keepApart.has(pairKey(s.a, s.b))) pairs.push(s);
  }
  return {
    pairs: pairs.filter((p) => p.decision !== "review" || clusters.find(p.a) !== clusters.find(p.b)),
    clusters: clusters.groups(),
  };
}

/** Resolves a book of parties into customers. */
export function resolve(parties: readonly Party[], o: ResolveOptions = {}): Resolution {
  const candidates: CandidateScore[] = [];
  const models: Resolution["models"] = {};
  const skippedBlocks: BlockingReport["skipped"] = [];
  for (const kind of ["individual", "corporate"] as const) {
    const own = parties.filter((p) => p.kind === kind);
    const { pairs, skipped } = candidatePairs(own, o.maxBlock);
    skippedBlocks.push(...skipped);
    const model = o.models?.[kind] ?? train(kind, own, pairs, o);
    models[kind] = model;
    for (const [x, y] of pairs) {
      const [a, b] = [own[x]!, own[y]!];
      candidates.push({ a: a.id, b: b.id, ...score(model, a, b), rule: ruleOf(a, b) });
    }
  }
  const { pairs, clusters } = decide(candidates, o);
  const clustered = new Set(clusters.flat());
  for (const p of parties) if (!clustered.has(p.id)) clusters.push([p.id]);
  return { pairs, clusters, models, skippedBlocks };
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
