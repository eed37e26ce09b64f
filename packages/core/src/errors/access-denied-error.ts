import { BankcrmError, hasErrorName } from "./bankcrm-error.js";

/** The user's role may not do this (e.g. reveal a C2 field). Nothing was revealed. */
export class BankcrmAccessDeniedError extends BankcrmError {
  readonly role: string;
  readonly action: string;

  constructor(role: string, action: string, options?: { cause?: unknown }) {
    super("access_denied", `role "${role}" may not ${action}`, options);
    this.name = "BankcrmAccessDeniedError";
    this.role = role;
    this.action = action;
  }
}

export function isAccessDeniedError(error: unknown): error is BankcrmAccessDeniedError {
  return hasErrorName(error, "BankcrmAccessDeniedError");
}
