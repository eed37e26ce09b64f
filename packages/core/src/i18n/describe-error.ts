/**
 * One localized sentence for any error a person may meet while writing — for a
 * status line or a toast. Field-level validation errors keep their own
 * messages (`error.errors`); this gives the sentence above them.
 */
import { isBankcrmError } from "../errors/bankcrm-error.js";
import type { MergeRefusal } from "../errors/merge-refused-error.js";
import type { FieldError } from "../errors/validation-error.js";
import type { Locale } from "./locale.js";
import { message } from "./messages.js";
import { writeMessage, writeMessageKeys, type WriteMessageKey } from "./write-messages.js";
import { describeSaleRefusal } from "./sale-messages.js";
import type { BankcrmSaleRefusedError } from "../errors/sale-refused-error.js";

/** Each refusal of a merge or an unmerge, as its sentence. */
const MERGE_REFUSALS = {
  notFound: "errorNotFound",
  sameRecord: "mergeSameRecord",
  keptApart: "mergeKeptApart",
  differentKinds: "mergeDifferentKinds",
  notLatest: "mergeNotLatest",
  alreadyUnmerged: "mergeAlreadyUndone",
} as const satisfies Record<MergeRefusal, string>;

/** The write-message keys a refusal's `reason` may name. */
const WRITE_REASONS: Record<string, true> = Object.fromEntries(writeMessageKeys.map((k) => [k, true]));

export function describeError(error: unknown, locale: Locale): string {
  if (!isBankcrmError(error))
    return writeMessage("errorOther", locale, { reason: String((error as Error)?.message ?? error) });
  switch (error.code) {
    case "validation_failed": {
      const first = (error as unknown as { errors?: FieldError[] }).errors?.[0];
      // Field errors were localized when they were made (possibly in another locale); the field path names where.
      return first ? first.message : message("invalid", locale);
    }
    case "conflict":
      return writeMessage("errorConflict", locale);
    case "invalid_transition":
      return writeMessage("errorTransition", locale, {
        from: String((error as unknown as { from?: string }).from ?? ""),
      });
    case "access_denied": {
      // The rule that refused it (four eyes, recusal…), in words; else the role's.
      const reason = (error as unknown as { reason?: string }).reason;
      return writeMessage(
        reason && reason in WRITE_REASONS ? (reason as WriteMessageKey) : "errorAccessDenied",
        locale,
      );
    }
    case "not_found":
      return writeMessage("errorNotFound", locale);
    case "network":
      return writeMessage("errorNetwork", locale);
    case "request_failed":
      // A body over the server's limit is refused for good (413): say so, not "try again".
      return (error as unknown as { status?: number }).status === 413
        ? writeMessage("errorTooLarge", locale)
        : writeMessage("errorOther", locale, { reason: error.message });
    case "store_failed":
      return writeMessage("errorStore", locale, { reason: error.message });
    case "incompatible_server": {
      const e = error as unknown as { serverVersion?: string; clientVersion?: string };
      return writeMessage("errorIncompatibleServer", locale, {
        server: e.serverVersion ?? "?",
        client: e.clientVersion ?? "?",
      });
    }
    case "invalid_argument":
      return (error as unknown as { argument?: string }).argument === "collection"
        ? writeMessage("errorUnknownCollection", locale)
        : writeMessage("errorOther", locale, { reason: error.message });
    case "merge_refused":
      return writeMessage(
        MERGE_REFUSALS[(error as unknown as { reason: MergeRefusal }).reason] ?? "errorOther",
        locale,
        {
          reason: error.message,
        },
      );
    case "sale_refused":
      return describeSaleRefusal(error as unknown as BankcrmSaleRefusedError, locale);
    default:
      return writeMessage("errorOther", locale, { reason: error.message });
  }
}
