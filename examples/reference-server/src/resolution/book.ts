/**
 * Entity resolution of the bank's whole book, set-based in PostgreSQL (migration 019). Node folds each customer
 * record once, as core's `partyOf` folds it — the hanzi and pinyin need opencc-js and pinyin-pro — into
 * `resolution_parties`, and only the records whose ETag changed since (`foldParties`). Then the database blocks
 * (core's blocking keys, self-joined per key), compares (`resolution_levels`, core's comparisons in SQL), counts
 * what a fit needs — random pairs' levels, term frequencies, the candidates' level patterns — and, once core has fitted
 * the model from those counts, weighs every candidate and hands back only the pairs worth a decision: those at or
 * above the review threshold, those a deterministic rule joins, those a person kept apart. Core scores and decides
 * them (`scoreLevels`, `decide`): the same evidence, thresholds and clusters as in a browser.
 */
import type { Customer } from "@bankcrm/core";
import {
  blockingKeys,
  comparisonsOf,
  decide,
  DEFAULT_THRESHOLDS,
  fit,
  isLatin,
  partyOf,
  pinyinOrders,
  scoreLevels,
  type CandidateScore,
  type MatchModel,
  type Party,
  type ScoredPair,
  type Thresholds,
} from "@bankcrm/core/resolution";
import type { Database } from "../database.js";
import type { Sql } from "../sql.js";

const PARTY_COLUMNS = [
  "record_id",
  "etag",
  "kind",
  "han",
  "surname",
  "given",
  "surname_pinyin",
  "given_pinyin",
  "latin",
  "orders",
  "birth_date",
  "id_key",
  "id_valid",
  "mobile",
  "email",
  "address",
  "uscc",
  "uscc_valid",
  "registration",
  "company",
  "legal_representative",
  "keys",
] as const;

/** A text[] literal (`{"a","b"}`), each element quoted. */
const textArray = (values: readonly string[]) =>
  `{${values.map((v) => `"${v.replaceAll("\\", "\\\\").replaceAll('"', '\\"')}"`).join(",")}}`;
const orNull = (value: string | undefined) => (value ? value : null);
/** A boolean in COPY's text format (null when unknown). */
const bool = (value: boolean | undefined) => (value === undefined ? null : value ? "t" : "f");

/** A folded record as its `resolution_parties` row, in PARTY_COLUMNS' order. */
function partyRow(p: Party, etag: string): unknown[] {
  return [
    p.id,
    etag,
    p.kind,
    p.han,
    p.surname,
    p.given,
    p.surnamePinyin,
    p.givenPinyin,
    bool(isLatin(p)),
    textArray(pinyinOrders(p)),
    orNull(p.birthDate),
    orNull(p.idKey),
    bool(p.idValid),
    orNull(p.mobile),
    orNull(p.email),
    p.address ? textArray(p.address) : null,
    orNull(p.uscc),
    bool(p.usccValid),
    orNull(p.registration),
    orNull(p.company),
    orNull(p.legalRepresentative),
    textArray(blockingKeys(p)),
  ];
}

/** Writes rows into `resolution_parties`, replacing those of the same records. */
async function writeParties(tx: Sql, rows: readonly unknown[][]) {
  await tx.query("DELETE FROM resolution_parties WHERE record_id = ANY($1)", [rows.map((r) => r[0])]);
  if (tx.copyRows) return tx.copyRows("resolution_parties", PARTY_COLUMNS, rows);
  for (const row of rows)
    await tx.query(
      `INSERT INTO resolution_parties (${PARTY_COLUMNS.join(", ")}) VALUES (${PARTY_COLUMNS.map((_, i) => `$${i + 1}`).join(", ")})`,
      row,
    );
}

export interface FoldReport {
  /** Records folded (new, or changed since they were last folded). */
  folded: number;
  /** Parties of records no longer there (merged away, deleted), removed. */
  removed: number;
  /** Records that would not fold (not a valid customer body), left out: their ids. */
  unreadable: string[];
}

/** The fields of a customer body `partyOf` reads: only these cross from the database (a body has many more). */
const PARTY_FIELDS = [
  "id",
  "kind",
  "name",
  "birthDate",
  "idDocument",
  "contact",
  "uscc",
  "registrationNumber",
  "legalRepresentative",
] as const;

/** A page of customer records in id order after `after`: each id, and what `partyOf` reads of those changed. */
async function changedPage(db: Database, after: string, size: number) {
  const { rows } = await db.query<{ id: string; etag: string; body: Customer | null }>(
    `WITH page AS MATERIALIZED (
       SELECT r.id, r.etag, r.body FROM records r WHERE r.collection = 'customers' AND r.id > $1
       ORDER BY r.collection, r.id LIMIT $2)
     SELECT page.id, page.etag, CASE WHEN p.etag IS DISTINCT FROM page.etag THEN jsonb_strip_nulls(jsonb_build_object(
       ${PARTY_FIELDS.map((f) => `'${f}', page.body -> '${f}'`).join(", ")})) END AS body
     FROM page LEFT JOIN resolution_parties p ON p.record_id = page.id ORDER BY page.id`,
    [after, size],
  );
  return rows;
}

/**
 * Folds every customer record new or changed since it was last folded; drops the parties of records gone. The book
 * is read a page at a time in its primary key's order; the next page is read while this one folds.
 */
export async function foldParties(db: Database, o: { batch?: number } = {}): Promise<FoldReport> {
  const size = o.batch ?? 5_000;
  const { rows: gone } = await db.query<{ record_id: string }>(
    `DELETE FROM resolution_parties p WHERE NOT EXISTS
       (SELECT 1 FROM records r WHERE r.collection = 'customers' AND r.id = p.record_id) RETURNING p.record_id`,
  );
  const report: FoldReport = { folded: 0, removed: gone.length, unreadable: [] };
  let written: Promise<void> = Promise.resolve();
  for (let page = await changedPage(db, "", size); page.length > 0;) {
    const next = page.length < size ? Promise.resolve([]) : changedPage(db, page.at(-1)!.id, size);
    const parties: unknown[][] = [];
    for (const r of page)
      if (r.body)
        try {
          parties.push(partyRow(partyOf(r.body), r.etag));
        } catch {
          report.unreadable.push(r.id);
        }
    await written;
    if (parties.length > 0) written = db.transaction((tx) => writeParties(tx, parties));
    report.folded += parties.length;
    page = await next;
  }
  await written;
  return report;
}

export interface BookResolveOptions {
  thresholds?: Thresholds;
  /** Blocks larger than this are left out (a key too common to block on). Default 500. */
  maxBlock?: number;
  /** Random pairs per kind for u (default 50,000). */
  sample?: number;
  /** Models fitted before (the bank's own); else fitted to this book. */
  models?: Partial<Record<Party["kind"], MatchModel>>;
  /** Told each step's name and milliseconds as it ends (the bench prints where the time goes). */
  onStep?: (step: string, ms: number) => void;
}

export interface BookResolution {
  /** The pairs merged or sent to review (and kept-apart candidates), with their evidence. */
  pairs: ScoredPair[];
  /** The resolved customers of more than one record. */
  clusters: string[][];
  models: Partial<Record<Party["kind"], MatchModel>>;
  /** Candidate pairs compared. */
  candidates: number;
  skippedBlocks: { key: string; size: number }[];
}

const KINDS = ["individual", "corporate"] as const;
const log2Odds = (p: number) => Math.log2(p / (1 - p));
const asLevels = (raw: readonly (number | string | null)[]) => raw.map((l) => (l === null ? null : Number(l)));

/** Blocks and compares in temp tables of `tx`: resolution_scored holds every candidate pair with its levels. */
async function compareInDatabase(tx: Sql, maxBlock: number) {
  // Each block's records (ids in C order, as core's pairKey orders them), grouped by hashing, never sorted.
  await tx.query(`CREATE TEMP TABLE resolution_blocks ON COMMIT DROP AS
    SELECT p.kind, k COLLATE "C" AS key, array_agg(p.record_id COLLATE "C") AS ids
    FROM resolution_parties p, unnest(p.keys) AS k GROUP BY 1, 2 HAVING count(*) > 1`);
  const { rows: skipped } = await tx.query<{ key: string; n: number }>(
    "SELECT key, cardinality(ids) AS n FROM resolution_blocks WHERE cardinality(ids) > $1 ORDER BY n DESC",
    [maxBlock],
  );
  await tx.query(
    `CREATE TEMP TABLE resolution_candidates ON COMMIT DROP AS
     SELECT DISTINCT least(g.ids[i], g.ids[j]) AS a, greatest(g.ids[i], g.ids[j]) AS b, g.kind
     FROM resolution_blocks g, generate_series(1, cardinality(g.ids)) AS i, generate_series(1, cardinality(g.ids)) AS j
     WHERE cardinality(g.ids) <= $1 AND i < j AND g.ids[i] <> g.ids[j]`,
    [maxBlock],
  );
  await tx.query(`CREATE TEMP TABLE resolution_scored ON COMMIT DROP AS
    SELECT c.a, c.b, c.kind, resolution_levels(pa, pb) AS levels,
           CASE WHEN c.kind = 'individual' THEN pa.surname ELSE pa.company END AS term,
           CASE WHEN c.kind = 'corporate' THEN (CASE WHEN pa.uscc <> '' AND pa.uscc = pb.uscc THEN 'uscc' END)
                WHEN pa.id_key <> '' AND pa.id_key = pb.id_key
                THEN (CASE WHEN position(':' IN pa.id_key) > 0 THEN 'document' ELSE 'residentId' END) END AS rule
    FROM resolution_candidates c
    JOIN resolution_parties pa ON pa.record_id = c.a JOIN resolution_parties pb ON pb.record_id = c.b`);
  return skipped.map((s) => ({ key: s.key, size: Number(s.n) }));
}

/** The counts a fit of one kind needs, from the database: random pairs' levels, term frequencies, level patterns. */
async function fitInDatabase(tx: Sql, kind: Party["kind"], sample: number): Promise<MatchModel> {
  const comparisons = comparisonsOf(kind);
  // Random pairs of records (drawn with replacement, as core draws them), then their levels: the pairs are picked
  // first, so only they are joined to their parties.
  await tx.query(
    `CREATE TEMP TABLE resolution_random ON COMMIT DROP AS
     WITH numbered AS MATERIALIZED (SELECT record_id, row_number() OVER () AS rn FROM resolution_parties WHERE kind = $1),
          total AS (SELECT count(*) AS n FROM numbered),
          draws AS (SELECT 1 + floor(random() * total.n)::bigint AS i, 1 + floor(random() * total.n)::bigint AS j
                    FROM generate_series(1, $2), total WHERE total.n > 1)
     SELECT x.record_id AS a, y.record_id AS b FROM draws d JOIN numbered x ON x.rn = d.i JOIN numbered y ON y.rn = d.j
     WHERE d.i <> d.j`,
    [kind, sample],
  );
  const { rows: random } = await tx.query<{ k: number; level: number; n: string }>(
    `SELECT t.k::int - 1 AS k, t.level::int AS level, count(*) AS n
     FROM resolution_random r JOIN resolution_parties px ON px.record_id = r.a JOIN resolution_parties py ON py.record_id = r.b,
          unnest(resolution_levels(px, py)) WITH ORDINALITY AS t(level, k)
     WHERE t.level IS NOT NULL GROUP BY 1, 2`,
  );
  await tx.query("DROP TABLE resolution_random");
  const randomLevels = comparisons.map((c) => c.levels.map(() => 0));
  for (const r of random) randomLevels[r.k]![r.level] = Number(r.n);
  const { rows: terms } = await tx.query<{ term: string; share: number }>(
    `SELECT t.term, count(*)::float8 / sum(count(*)) OVER () AS share FROM
       (SELECT CASE WHEN kind = 'individual' THEN surname ELSE company END AS term FROM resolution_parties WHERE kind = $1) t
     WHERE t.term IS NOT NULL GROUP BY 1`,
    [kind],
  );
  const termOf = comparisons.find((c) => c.term)!.name;
  const tf = { [termOf]: Object.fromEntries(terms.map((t) => [t.term, Number(t.share)])) };
  const { rows: patterns } = await tx.query<{ levels: (number | string | null)[]; n: string }>(
    "SELECT levels, count(*) AS n FROM resolution_scored WHERE kind = $1 GROUP BY levels",
    [kind],
  );
  return fit(kind, {
    randomLevels,
    tf,
    patterns: patterns.map((p) => ({ levels: asLevels(p.levels), count: Number(p.n) })),
  });
}

/**
 * Each candidate pattern's weight (the term-frequency comparison at its general u) and each term's correction of
 * it, as temp tables, so the database can keep only the pairs a decision needs.
 */
async function weighInDatabase(tx: Sql, models: Partial<Record<Party["kind"], MatchModel>>) {
  const { rows: patterns } = await tx.query<{ kind: Party["kind"]; levels: (number | string | null)[] }>(
    "SELECT DISTINCT kind, levels FROM resolution_scored",
  );
  const weights = patterns.map((p) => {
    const levels = asLevels(p.levels);
    return { kind: p.kind, levels, weight: scoreLevels(models[p.kind]!, levels).weight };
  });
  await tx.query(
    `CREATE TEMP TABLE resolution_weights ON COMMIT DROP AS
    SELECT * FROM jsonb_to_recordset($1::jsonb) AS t(kind text, levels smallint[], weight float8)`,
    [JSON.stringify(weights)],
  );
  // A term's agreement says log2(u / tf) more than the comparison's general agreement (FLOOR as core's scoreLevels).
  const corrections = KINDS.flatMap((kind) => {
    const model = models[kind];
    if (!model) return [];
    const [name, shares] = Object.entries(model.tf)[0] ?? ["", {}];
    const u = Math.max(model.u[comparisonsOf(kind).findIndex((c) => c.name === name)]![0]!, 1e-6);
    return Object.entries(shares).map(([term, share]) => ({ kind, term, delta: Math.log2(u / Math.max(share, 1e-6)) }));
  });
  await tx.query(
    `CREATE TEMP TABLE resolution_terms ON COMMIT DROP AS
    SELECT * FROM jsonb_to_recordset($1::jsonb) AS t(kind text, term text, delta float8)`,
    [JSON.stringify(corrections)],
  );
}

/** Resolves the book in the database (after `foldParties`): the pairs a decision needs, decided by core. */
export async function resolveInDatabase(db: Database, o: BookResolveOptions = {}): Promise<BookResolution> {
  const thresholds = o.thresholds ?? DEFAULT_THRESHOLDS;
  let t0 = performance.now();
  const step = (name: string) => {
    o.onStep?.(name, performance.now() - t0);
    t0 = performance.now();
  };
  return db.transaction(async (tx) => {
    // JIT compiles these few big queries for longer than they run (their row estimates are far off); sorts and
    // hashes of a million parties fit in memory. Both only for this transaction.
    await tx.query("SET LOCAL jit = off");
    await tx.query("SET LOCAL work_mem = '256MB'");
    await tx.query("SELECT setseed(0.29)");
    const skippedBlocks = await compareInDatabase(tx, o.maxBlock ?? 500);
    step("block and compare (SQL)");
    const models: Partial<Record<Party["kind"], MatchModel>> = {};
    for (const kind of KINDS) models[kind] = o.models?.[kind] ?? (await fitInDatabase(tx, kind, o.sample ?? 50_000));
    step("fit: counts (SQL) and EM");
    await weighInDatabase(tx, models);
    step("weigh the patterns");
    const { rows } = await tx.query<{
      a: string;
      b: string;
      kind: Party["kind"];
      levels: (number | string | null)[];
      term: string | null;
      rule: CandidateScore["rule"] | null;
    }>(
      `SELECT s.a, s.b, s.kind, s.levels, s.term, s.rule FROM resolution_scored s
       JOIN resolution_weights w ON w.kind = s.kind AND w.levels = s.levels
       LEFT JOIN resolution_terms t ON t.kind = s.kind AND t.term = s.term AND s.levels[1] = 0
       WHERE w.weight + coalesce(t.delta, 0) >= $1 OR s.rule IS NOT NULL
          OR EXISTS (SELECT 1 FROM resolution_apart ap WHERE ap.pair = s.a || '|' || s.b)`,
      [log2Odds(thresholds.review) - 1e-9],
    );
    const { rows: counted } = await tx.query<{ n: string }>("SELECT count(*) AS n FROM resolution_scored");
    const { rows: apart } = await tx.query<{ pair: string }>("SELECT pair FROM resolution_apart");
    const candidates = rows.map((r): CandidateScore => ({
      a: r.a,
      b: r.b,
      ...scoreLevels(models[r.kind]!, asLevels(r.levels), [r.term ?? undefined]),
      rule: r.rule ?? undefined,
    }));
    step("select the pairs to decide (SQL)");
    const decided = decide(candidates, { thresholds, keepApart: new Set(apart.map((r) => r.pair)) });
    step("decide and cluster");
    return { ...decided, models, candidates: Number(counted[0]!.n), skippedBlocks };
  });
}
