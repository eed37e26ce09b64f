import { BankcrmError, hasErrorName } from "./bankcrm-error.js";

/** A model fit did not converge, or the data cannot identify the model. */
export class BankcrmConvergenceError extends BankcrmError {
  readonly model: string;

  constructor(model: string, message: string, options?: { cause?: unknown }) {
    super("not_converged", `${model}: ${message}`, options);
    this.name = "BankcrmConvergenceError";
    this.model = model;
  }
}

export function isConvergenceError(error: unknown): error is BankcrmConvergenceError {
  return hasErrorName(error, "BankcrmConvergenceError");
}
