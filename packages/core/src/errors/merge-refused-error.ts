import { BankcrmError, hasErrorName } from "./bankcrm-error.js";

/** Why a merge or an unmerge of customer records was refused (entity resolution). */
export type MergeRefusal = "notFound" | "sameRecord" | "keptApart" | "differentKinds" | "notLatest" | "alreadyUnmerged";

/**
 * A merge of two customer records, or the undoing of one, refused: a record is not there, the two were decided to be
 * two people, a person and a company, a later merge into the same customer must be undone first… — nothing written.
 */
export class BankcrmMergeRefusedError extends BankcrmError {
  readonly reason: MergeRefusal;

  constructor(reason: MergeRefusal, message: string, options?: { cause?: unknown }) {
    super("merge_refused", message, options);
    this.name = "BankcrmMergeRefusedError";
    this.reason = reason;
  }
}

export function isMergeRefusedError(error: unknown): error is BankcrmMergeRefusedError {
  return hasErrorName(error, "BankcrmMergeRefusedError");
}
