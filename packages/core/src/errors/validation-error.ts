import { BankcrmError, hasErrorName } from "./bankcrm-error.js";

/** One field-level problem, localized. `path` is the zod issue path. */
export interface FieldError {
  path: (string | number)[];
  code: string;
  message: string;
}

/** Input failed a schema. `errors` are field-level, already localized. */
export class BankcrmValidationError extends BankcrmError {
  readonly errors: FieldError[];

  constructor(errors: FieldError[], options?: { cause?: unknown }) {
    const first = errors[0];
    const where = first && first.path.length > 0 ? `${first.path.join(".")}: ` : "";
    super("validation_failed", `${where}${first?.message ?? "invalid input"}`, options);
    this.name = "BankcrmValidationError";
    this.errors = errors;
  }
}

export function isValidationError(error: unknown): error is BankcrmValidationError {
  return hasErrorName(error, "BankcrmValidationError");
}
