import type { SaleRefusal } from "../compliance/sale-check.js";
import { BankcrmError, hasErrorName } from "./bankcrm-error.js";

/**
 * A sale that cannot be won (适当性管理, 双录): each reason in `refusals`, in the order they are reported, and whether
 * the person who tried may override them with a reason (`overridable`). Nothing is written.
 */
export class BankcrmSaleRefusedError extends BankcrmError {
  readonly refusals: readonly SaleRefusal[];
  readonly overridable: boolean;

  constructor(refusals: readonly SaleRefusal[], overridable: boolean, options?: { cause?: unknown }) {
    super("sale_refused", `the sale cannot be won: ${refusals.map((r) => r.rule?.id ?? r.code).join(", ")}`, options);
    this.name = "BankcrmSaleRefusedError";
    this.refusals = refusals;
    this.overridable = overridable;
  }
}

export function isSaleRefusedError(error: unknown): error is BankcrmSaleRefusedError {
  return hasErrorName(error, "BankcrmSaleRefusedError");
}
