/**
 * The branch's own operations (网点经营): a relationship manager's book transferred (客户经理制) and a company's
 * preferential prices approved within the branch manager's authority (优惠定价审批).
 */
export { planTransfer, type TransferPlan, type TransferRequest } from "./transfer.js";
export { DEFAULT_PRICING_AUTHORITY, concessionBp, pricingInForce, pricingMachine } from "./pricing.js";
