/**
 * A segment counter over the server (server mode): each count is `POST /segments/evaluate`, the definition run as SQL
 * in the server's database — every field there, unmasked, with holdings and transactions — in the user's scope. A
 * newer count overtakes an older one (its promise rejects with an AbortError), as the worker's counter does.
 */
import type { HttpStore } from "@bankcrm/data";
import type { SegmentCounter } from "@bankcrm/elements/segment-counter.js";
import type { BookRow } from "./book.js";

const SAMPLE = 5;

export function serverSegmentCounter(remote: HttpStore, rows: readonly BookRow[]): SegmentCounter<BookRow> {
  const byId = new Map(rows.map((row) => [row.id, row]));
  let latest = 0;
  return {
    async count(definition, options = {}) {
      const mine = ++latest;
      const page = await remote.evaluateSegment(definition, { limit: SAMPLE });
      if (mine !== latest || options.signal?.aborted)
        throw new DOMException("a newer count overtook this one", "AbortError");
      const sample = page.ids.map((id) => byId.get(id)).filter((row): row is BookRow => row !== undefined);
      return { count: page.count, total: rows.length, sample };
    },
    dispose() {
      latest++;
    },
  };
}
