/**
 * The numerics under the lifetime-value models — log-gamma, the Gauss
 * hypergeometric function, Nelder–Mead — as a subpath (`@bankcrm/core/numeric`),
 * not the root API: they are tested to published precision, but they are tools
 * of the models, not part of the CRM's domain.
 */
export { lgamma, lbeta } from "./lgamma.js";
export { hyp2f1 } from "./hyp2f1.js";
export { nelderMead, type MinimizeOptions, type MinimizeResult } from "./nelder-mead.js";
