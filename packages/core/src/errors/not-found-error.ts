import { BankcrmError, hasErrorName } from "./bankcrm-error.js";

/** The record to change does not exist (or the caller may not see it — the two are not told apart). */
export class BankcrmNotFoundError extends BankcrmError {
  readonly collection: string;
  readonly id: string;

  constructor(collection: string, id: string, options?: { cause?: unknown }) {
    super("not_found", `${collection}/${id} not found`, options);
    this.name = "BankcrmNotFoundError";
    this.collection = collection;
    this.id = id;
  }
}

export function isNotFoundError(error: unknown): error is BankcrmNotFoundError {
  return hasErrorName(error, "BankcrmNotFoundError");
}
