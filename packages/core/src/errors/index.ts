export { BankcrmError, isBankcrmError, type BankcrmErrorCode } from "./bankcrm-error.js";
export { BankcrmValidationError, isValidationError, type FieldError } from "./validation-error.js";
export { BankcrmInvalidArgumentError, isInvalidArgumentError } from "./invalid-argument-error.js";
export { BankcrmAccessDeniedError, isAccessDeniedError } from "./access-denied-error.js";
export { BankcrmConvergenceError, isConvergenceError } from "./convergence-error.js";
export { BankcrmTransitionError, isTransitionError } from "./transition-error.js";
export { BankcrmNotFoundError, isNotFoundError } from "./not-found-error.js";
export { BankcrmMergeRefusedError, isMergeRefusedError, type MergeRefusal } from "./merge-refused-error.js";
// Tell it with `isBankcrmError(error, "sale_refused")` (or `isSaleRefusedError` from `@bankcrm/core/compliance`).
export { BankcrmSaleRefusedError } from "./sale-refused-error.js";
