/** Stable machine-readable error codes. Messages for people come from `i18n`. */
export type BankcrmErrorCode =
  | "validation_failed"
  | "invalid_argument"
  | "access_denied"
  | "store_failed"
  | "not_converged"
  | "conflict"
  | "network"
  | "request_failed"
  | "invalid_transition"
  | "not_found"
  | "incompatible_server"
  | "merge_refused"
  | "sale_refused";

/**
 * Base class of every error bankcrm throws. `code` is stable and machine-readable;
 * `cause` keeps the underlying error. Use the `isXxxError()` guards rather than
 * `instanceof`: they also work across realms (iframes, duplicated bundles).
 */
export class BankcrmError extends Error {
  readonly code: BankcrmErrorCode;

  constructor(code: BankcrmErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "BankcrmError";
    this.code = code;
  }
}

/**
 * True for any bankcrm error — from this realm or another (an iframe, a second
 * copy of the SDK in one page) — and, given a code, for one with that code:
 * `isBankcrmError(error, "conflict")`. The one guard every package uses.
 */
export function isBankcrmError(error: unknown, code?: BankcrmErrorCode): error is BankcrmError {
  const bankcrm =
    error instanceof BankcrmError ||
    (typeof error === "object" &&
      error !== null &&
      typeof (error as { name?: unknown }).name === "string" &&
      (error as { name: string }).name.startsWith("Bankcrm") &&
      typeof (error as { code?: unknown }).code === "string");
  return bankcrm && (code === undefined || (error as BankcrmError).code === code);
}

/** Shared by the subclass guards: a bankcrm error with the given class name. */
export function hasErrorName(error: unknown, name: string): boolean {
  return isBankcrmError(error) && error.name === name;
}
