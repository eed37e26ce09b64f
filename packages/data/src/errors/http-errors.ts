/**
 * What can go wrong talking to a bank's backend, as typed errors:
 * - `BankcrmConflictError` (412): the record changed since it was read; carries
 *   the server's current record — never a silent overwrite;
 * - `BankcrmNetworkError`: offline, timed out, or a 5xx — worth retrying later
 *   (`retryAfterMs` when the server said so);
 * - `BankcrmRequestError`: any other refusal (4xx), with the server's
 *   problem+json; 422 comes as core's `BankcrmValidationError`, 401/403 as
 *   `BankcrmAccessDeniedError`.
 */
import { BankcrmError } from "@bankcrm/core";

export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  [extension: string]: unknown;
}

export class BankcrmConflictError extends BankcrmError {
  readonly current: unknown;
  readonly etag: string | null;

  constructor(current: unknown, etag: string | null, options?: { cause?: unknown }) {
    super("conflict", "the record changed on the server since it was read", options);
    this.name = "BankcrmConflictError";
    this.current = current;
    this.etag = etag;
  }
}

export class BankcrmNetworkError extends BankcrmError {
  /** HTTP status when the server answered (5xx, 408, 429), else undefined. */
  readonly status: number | undefined;
  readonly retryAfterMs: number | undefined;

  constructor(message: string, options: { status?: number; retryAfterMs?: number; cause?: unknown } = {}) {
    super("network", message, { cause: options.cause });
    this.name = "BankcrmNetworkError";
    this.status = options.status;
    this.retryAfterMs = options.retryAfterMs;
  }
}

export class BankcrmRequestError extends BankcrmError {
  readonly status: number;
  readonly problem: Problem;

  constructor(status: number, problem: Problem, options?: { cause?: unknown }) {
    super("request_failed", problem.detail ?? problem.title ?? `request failed with ${status}`, options);
    this.name = "BankcrmRequestError";
    this.status = status;
    this.problem = problem;
  }
}

/**
 * The server speaks another major version of the REST contract than this SDK
 * (its `Bankcrm-Api-Version` header): nothing it answered is read.
 */
export class BankcrmIncompatibleServerError extends BankcrmError {
  readonly serverVersion: string;
  readonly clientVersion: string;

  constructor(serverVersion: string, clientVersion: string, options?: { cause?: unknown }) {
    super(
      "incompatible_server",
      `the server speaks REST contract ${serverVersion}; this SDK speaks ${clientVersion}`,
      options,
    );
    this.name = "BankcrmIncompatibleServerError";
    this.serverVersion = serverVersion;
    this.clientVersion = clientVersion;
  }
}

const named = (error: unknown, name: string) =>
  typeof error === "object" && error !== null && (error as { name?: unknown }).name === name;
export const isConflictError = (error: unknown): error is BankcrmConflictError => named(error, "BankcrmConflictError");
export const isNetworkError = (error: unknown): error is BankcrmNetworkError => named(error, "BankcrmNetworkError");
export const isRequestError = (error: unknown): error is BankcrmRequestError => named(error, "BankcrmRequestError");
export const isIncompatibleServerError = (error: unknown): error is BankcrmIncompatibleServerError =>
  named(error, "BankcrmIncompatibleServerError");

/** Milliseconds from a Retry-After header (seconds or an HTTP date), if any. */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
