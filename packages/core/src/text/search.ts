/**
 * Full-text search over words as people type them, in Chinese and in English, with one meaning in the browser and
 * on the server (PostgreSQL: migration 029's `bankcrm_search_terms`, the same terms as a `tsvector`).
 *
 * Chinese is written without spaces, so a text's Han runs are indexed as overlapping pairs of characters (bigrams:
 * 提前还款 → 提前 前还 还款) plus each run's last character alone; Latin letters and digits as lowercase words.
 * A query is split the same way and a text matches when **every** query term begins some term of the text — so
 * 还款, 提前还款, 款, "mortg" and "ETF 基金" all find what a person typing them means, whatever the segmentation.
 * Nothing is stemmed or folded (traditional characters are not simplified here: the server's SQL must agree).
 */

/** Han characters: the unified ideographs, extension A and the compatibility block — the same ranges as the SQL. */
const HAN_RUN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/gu;
const WORD = /[a-z0-9]+/gu;
/** ASCII letters lowercased and nothing else (no locale's case rules: the SQL's `translate` does the same). */
const asciiLower = (text: string) => text.replace(/[A-Z]/g, (c) => c.toLowerCase());

function termsOf(text: string, lastAlone: "always" | "shortRuns"): string[] {
  const terms: string[] = [];
  for (const [word] of asciiLower(text).matchAll(WORD)) terms.push(word);
  for (const [run] of text.matchAll(HAN_RUN)) {
    const chars = [...run];
    for (let i = 0; i + 1 < chars.length; i++) terms.push(chars[i]! + chars[i + 1]!);
    if (lastAlone === "always" || chars.length === 1) terms.push(chars[chars.length - 1]!);
  }
  return terms;
}

/** A text's search terms: lowercase Latin words and digits, and each Han run's bigrams and last character. */
export function searchTerms(text: string): string[] {
  return termsOf(text, "always");
}

/**
 * The terms a query asks for, each once: its words, and each Han run's bigrams — a run's last character alone only
 * when it is the whole run (after a bigram it asks for nothing more, and would mark every 保 for 退保). No terms: the
 * query matches nothing.
 */
export function queryTerms(query: string): string[] {
  return [...new Set(termsOf(query, "shortRuns"))];
}

/** One searchable field and its weight: A (a title) counts most, then B, then C (a body). */
export interface SearchField {
  field: string;
  weight: keyof typeof SEARCH_WEIGHTS;
}

/** What a term found in a field of each weight adds to a record's score (whole numbers: SQL sums them exactly). */
export const SEARCH_WEIGHTS = { A: 100, B: 10, C: 1 } as const;

function fieldText(value: unknown): string {
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return value.filter((v) => typeof v === "string").join(" ");
  return "";
}

/**
 * How well a record answers a query: undefined when some query term begins no term of its fields; otherwise the sum,
 * over the query's terms, of the heaviest field's weight that has it (`SEARCH_WEIGHTS`). Records are ranked by it,
 * then by id — the server's SQL ranks the same way.
 */
export function searchScore(
  record: Record<string, unknown>,
  fields: readonly SearchField[],
  query: string | readonly string[],
): number | undefined {
  const wanted = typeof query === "string" ? queryTerms(query) : query;
  if (wanted.length === 0) return undefined;
  const indexed = fields
    .map((f) => ({ weight: SEARCH_WEIGHTS[f.weight], terms: searchTerms(fieldText(record[f.field])) }))
    .sort((a, b) => b.weight - a.weight);
  let score = 0;
  for (const term of wanted) {
    const field = indexed.find(({ terms }) => terms.some((t) => t.startsWith(term)));
    if (!field) return undefined;
    score += field.weight;
  }
  return score;
}

/** The records that answer a query, best first (ties by id), at most `limit`. */
export function searchRecords<R extends { id: string }>(
  records: Iterable<R>,
  fields: readonly SearchField[],
  query: string,
  limit = Infinity,
): R[] {
  const wanted = queryTerms(query);
  const scored: { record: R; score: number }[] = [];
  for (const record of records) {
    const score = searchScore(record, fields, wanted);
    if (score !== undefined) scored.push({ record, score });
  }
  scored.sort((a, b) => b.score - a.score || (a.record.id < b.record.id ? -1 : a.record.id > b.record.id ? 1 : 0));
  return scored.slice(0, limit).map((s) => s.record);
}

/**
 * Where a text shows a query's terms, for highlighting: the text cut into parts, each marked when it is a hit.
 * Rendered as text by whoever shows it (never as HTML).
 */
export function highlightParts(text: string, query: string): { text: string; hit: boolean }[] {
  const wanted = queryTerms(query).sort((a, b) => b.length - a.length);
  if (wanted.length === 0 || text === "") return [{ text, hit: false }];
  const lower = asciiLower(text);
  const hit = new Array<boolean>(text.length).fill(false);
  for (const term of wanted) {
    for (let at = lower.indexOf(term); at >= 0; at = lower.indexOf(term, at + 1)) {
      for (let i = at; i < at + term.length; i++) hit[i] = true;
    }
  }
  const parts: { text: string; hit: boolean }[] = [];
  for (let i = 0; i < text.length; i++) {
    const last = parts[parts.length - 1];
    if (last && last.hit === hit[i]) last.text += text[i];
    else parts.push({ text: text[i]!, hit: hit[i]! });
  }
  return parts;
}
