import { BankcrmError, hasErrorName } from "./bankcrm-error.js";

/** A function was called with an argument it cannot work with (a programming error). */
export class BankcrmInvalidArgumentError extends BankcrmError {
  readonly argument: string;

  constructor(argument: string, message: string, options?: { cause?: unknown }) {
    super("invalid_argument", `${argument}: ${message}`, options);
    this.name = "BankcrmInvalidArgumentError";
    this.argument = argument;
  }
}

export function isInvalidArgumentError(error: unknown): error is BankcrmInvalidArgumentError {
  return hasErrorName(error, "BankcrmInvalidArgumentError");
}
