/** Reading whole (small) collections and saying what a write did — shared by the sales elements. */
import { describeError, type Locale, type Page, type WriteResult } from "@bankcrm/core";
import { writeMessage as say } from "@bankcrm/core/i18n";
import type { RecordListQuery } from "../context/contexts.js";

/** Every page of a list, up to `cap` records (a queue or a pipeline, not a whole book). */
export async function listAll<T>(
  list: (query: RecordListQuery) => Promise<Page<T>>,
  query: RecordListQuery = {},
  cap = 5000,
): Promise<T[]> {
  const items: T[] = [];
  let after: string | undefined;
  do {
    const page = await list({ ...query, limit: 500, ...(after ? { after } : {}) });
    items.push(...page.items);
    after = page.next;
  } while (after !== undefined && items.length < cap);
  return items.slice(0, cap);
}

/** The line a status region says after a write: `saved` (the element's own words), queued offline, refused or in conflict. */
export function writeOutcome(result: WriteResult<unknown>, saved: string, locale: Locale): string {
  if (result.status === "saved") return saved;
  if (result.status === "queued") return say("writeQueued", locale);
  const reason = result.reason ?? result.status;
  return say(result.status === "conflict" ? "writeConflict" : "writeFailed", locale, { reason });
}

/** A thrown error as a person reads it (typed errors localized by core). */
export const failure = (error: unknown, locale: Locale): string =>
  say("writeFailed", locale, { reason: describeError(error, locale) });
