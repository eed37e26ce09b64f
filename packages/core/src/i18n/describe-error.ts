/**
 * One localized sentence for any error a person may meet while writing — for a
 * status line or a toast. Field-level validation errors keep their own
 * messages (`error.errors`); this gives the sentence above them.
 */
import { isBankcrmError } from "../errors/bankcrm-error.js";
import type { FieldError } from "../errors/validation-error.js";
import type { Locale } from "./locale.js";
import { message } from "./messages.js";

export function describeError(error: unknown, locale: Locale): string {
  if (!isBankcrmError(error))
    return message("errorOther", locale, { reason: String((error as Error)?.message ?? error) });
  switch (error.code) {
    case "validation_failed": {
      const first = (error as unknown as { errors?: FieldError[] }).errors?.[0];
      // Field errors were localized when they were made (possibly in another locale); the field path names where.
      return first ? first.message : message("invalid", locale);
    }
    case "conflict":
      return message("errorConflict", locale);
    case "invalid_transition":
      return message("errorTransition", locale, { from: String((error as unknown as { from?: string }).from ?? "") });
    case "access_denied":
      return message("errorAccessDenied", locale);
    case "not_found":
      return message("errorNotFound", locale);
    case "network":
      return message("errorNetwork", locale);
    case "store_failed":
      return message("errorStore", locale, { reason: error.message });
    case "invalid_argument":
      return (error as unknown as { argument?: string }).argument === "collection"
        ? message("errorUnknownCollection", locale)
        : message("errorOther", locale, { reason: error.message });
    default:
      return message("errorOther", locale, { reason: error.message });
  }
}
