/** What a bank's data loads report (the REST contract's `GET /load/quality`): written by the reference server's loader, read by clients. */

/** One load's data-quality report (`GET /load/quality`; the reference server's loader, docs/data/import.md). */
export interface LoadQualityReport {
  runKey: string;
  /** The source system (CORE, CARD, WEALTH…). */
  system: string;
  collection: string;
  file: string;
  /** When the load finished (ISO instant). */
  at: string;
  rows: number;
  loaded: number;
  rejected: number;
  /** The records the load wrote (or found unchanged). */
  records: number;
  /** For each field the source's columns feed: how many of the records have it. */
  completeness: { field: string; column: string; filled: number }[];
  /** Refused rows by column and reason code. */
  validity: { column: string; code: string; refused: number }[];
  /** Customer loads: identity numbers held by more than one customer record (masked), and a few of them. */
  duplicates?: { groups: number; examples: { key: string; records: string[] }[] };
  /** Holding and transaction loads: records whose customer or holding nobody holds. */
  orphans?: { count: number; examples: string[] };
}
