import { BankcrmError } from "@bankcrm/core";

export type StoreErrorKind = "quota_exceeded" | "blocked" | "aborted" | "version" | "unavailable";

/**
 * A storage operation failed. `kind` says why: the browser's quota is full,
 * another tab blocks an upgrade, the transaction aborted (nothing of it was
 * written), the database is newer than this code, or IndexedDB is unavailable.
 */
export class BankcrmStoreError extends BankcrmError {
  readonly kind: StoreErrorKind;

  constructor(kind: StoreErrorKind, message: string, options?: { cause?: unknown }) {
    super("store_failed", message, options);
    this.name = "BankcrmStoreError";
    this.kind = kind;
  }
}

export function isStoreError(error: unknown): error is BankcrmStoreError {
  return (
    typeof error === "object" &&
    error !== null &&
    (error as { name?: unknown }).name === "BankcrmStoreError" &&
    typeof (error as { kind?: unknown }).kind === "string"
  );
}

/** Maps a DOMException from IndexedDB to a typed store error. */
export function toStoreError(error: unknown): BankcrmStoreError {
  if (isStoreError(error)) return error;
  const name = (error as { name?: string } | null)?.name;
  if (name === "QuotaExceededError")
    return new BankcrmStoreError("quota_exceeded", "storage is full", { cause: error });
  if (name === "VersionError")
    return new BankcrmStoreError("version", "the database is newer than this code", { cause: error });
  if (name === "AbortError")
    return new BankcrmStoreError("aborted", "the transaction was aborted; nothing was written", { cause: error });
  return new BankcrmStoreError(
    "aborted",
    `storage operation failed: ${String((error as Error | null)?.message ?? error)}`,
    { cause: error },
  );
}
