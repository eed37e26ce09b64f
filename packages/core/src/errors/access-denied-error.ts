import { BankcrmError, hasErrorName } from "./bankcrm-error.js";

/**
 * The user may not do this (e.g. reveal a C2 field). Nothing was revealed or written. `reason`, when set, is the
 * rule that refused it — `fourEyes`, `recusal`, `extendApproval` — a write-message key `describeError` says in words.
 */
export class BankcrmAccessDeniedError extends BankcrmError {
  readonly role: string;
  readonly action: string;
  readonly reason: string | undefined;

  constructor(role: string, action: string, options?: { cause?: unknown; reason?: string }) {
    super("access_denied", `role "${role}" may not ${action}`, options);
    this.name = "BankcrmAccessDeniedError";
    this.role = role;
    this.action = action;
    this.reason = options?.reason;
  }
}

export function isAccessDeniedError(error: unknown): error is BankcrmAccessDeniedError {
  return hasErrorName(error, "BankcrmAccessDeniedError");
}
