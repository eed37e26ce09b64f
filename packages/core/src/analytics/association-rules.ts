/**
 * Association rules for cross-selling ("customers who hold X also hold Y"), with
 * the semantics of R's arules `apriori`: every rule has exactly one item on the
 * right; an itemset is frequent when its count ≥ ⌈minSupport · N⌉; a rule's
 * length counts the items on both sides; minLength 1 admits `{} ⇒ {y}`.
 * Level-wise Apriori over transaction bitsets: counting a candidate is an AND
 * and a popcount over N/32 words.
 */
import { BankcrmInvalidArgumentError } from "../errors/invalid-argument-error.js";

export interface AssociationRule {
  antecedent: string[];
  consequent: string;
  /** Share of baskets holding antecedent and consequent together. */
  support: number;
  /** P(consequent | antecedent). */
  confidence: number;
  /** confidence / support(consequent); above 1 means they go together more than by chance. */
  lift: number;
  /** Baskets holding antecedent and consequent together. */
  count: number;
}

export interface AprioriOptions {
  minSupport: number;
  minConfidence: number;
  /** Minimum items in a rule (both sides). Default 1, as in arules. */
  minLength?: number;
  /** Maximum items in a rule. Default 10, as in arules. */
  maxLength?: number;
}

function popcount(v: number): number {
  v -= (v >>> 1) & 0x55555555;
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

interface Itemset {
  items: number[]; // sorted item indexes
  bits: Uint32Array;
  count: number;
}

export function mineAssociationRules(baskets: Iterable<Iterable<string>>, options: AprioriOptions): AssociationRule[] {
  const { minSupport, minConfidence } = options;
  const minLength = options.minLength ?? 1;
  const maxLength = options.maxLength ?? 10;
  if (!(minSupport > 0 && minSupport <= 1)) throw new BankcrmInvalidArgumentError("minSupport", "a share in (0, 1]");
  if (!(minConfidence >= 0 && minConfidence <= 1))
    throw new BankcrmInvalidArgumentError("minConfidence", "a share in [0, 1]");
  if (
    !Number.isInteger(minLength) ||
    !Number.isInteger(maxLength) ||
    minLength < 1 ||
    maxLength < minLength ||
    maxLength > 20
  ) {
    throw new BankcrmInvalidArgumentError("minLength", "whole numbers with 1 ≤ minLength ≤ maxLength ≤ 20");
  }
  // Index items and baskets.
  const itemIndex = new Map<string, number>();
  const names: string[] = [];
  const rows: number[][] = [];
  for (const basket of baskets) {
    const row = new Set<number>();
    for (const item of basket) {
      let i = itemIndex.get(item);
      if (i === undefined) {
        i = names.length;
        itemIndex.set(item, i);
        names.push(item);
      }
      row.add(i);
    }
    rows.push([...row]);
  }
  const n = rows.length;
  if (n === 0) return [];
  const words = Math.ceil(n / 32);
  const minCount = Math.ceil(minSupport * n - 1e-9);
  const itemBits = names.map(() => new Uint32Array(words));
  rows.forEach((row, t) => {
    for (const i of row) itemBits[i]![t >>> 5]! |= 1 << (t & 31);
  });
  const countOf = (bits: Uint32Array) => {
    let c = 0;
    for (let w = 0; w < words; w++) c += popcount(bits[w]!);
    return c;
  };
  // Frequent itemsets, level by level; `counts` keys are "i,j,k".
  const counts = new Map<string, number>([["", n]]);
  let level: Itemset[] = [];
  for (let i = 0; i < names.length; i++) {
    const count = countOf(itemBits[i]!);
    if (count >= minCount) level.push({ items: [i], bits: itemBits[i]!, count });
  }
  level.sort((p, q) => p.items[0]! - q.items[0]!);
  const frequent: Itemset[] = [];
  for (let k = 1; level.length > 0 && k <= maxLength; k++) {
    for (const s of level) {
      counts.set(s.items.join(","), s.count);
      frequent.push(s);
    }
    if (k === maxLength) break;
    const next: Itemset[] = [];
    for (let x = 0; x < level.length; x++) {
      const p = level[x]!;
      for (let y = x + 1; y < level.length; y++) {
        const q = level[y]!;
        // Join itemsets sharing their first k−1 items.
        let samePrefix = true;
        for (let j = 0; j < k - 1; j++) if (p.items[j] !== q.items[j]) samePrefix = false;
        if (!samePrefix) break;
        const items = [...p.items, q.items[k - 1]!];
        // Prune: every k-subset must be frequent.
        let allFrequent = true;
        for (let drop = 0; drop < items.length - 2 && allFrequent; drop++) {
          if (!counts.has(items.filter((_, j) => j !== drop).join(","))) allFrequent = false;
        }
        if (!allFrequent) continue;
        const bits = new Uint32Array(words);
        for (let w = 0; w < words; w++) bits[w] = p.bits[w]! & q.bits[w]!;
        const count = countOf(bits);
        if (count >= minCount) next.push({ items, bits, count });
      }
    }
    level = next;
  }
  // Rules with one consequent.
  const rules: AssociationRule[] = [];
  const itemSupport = (i: number) => counts.get(String(i))! / n;
  for (const set of frequent) {
    if (set.items.length < minLength) continue;
    for (let c = 0; c < set.items.length; c++) {
      const consequent = set.items[c]!;
      const antecedent = set.items.filter((_, j) => j !== c);
      const confidence = set.count / counts.get(antecedent.join(","))!;
      if (confidence < minConfidence) continue;
      rules.push({
        antecedent: antecedent.map((i) => names[i]!),
        consequent: names[consequent]!,
        support: set.count / n,
        confidence,
        lift: confidence / itemSupport(consequent),
        count: set.count,
      });
    }
  }
  return rules.sort((p, q) => q.lift - p.lift || q.support - p.support);
}
