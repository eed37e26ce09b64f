/**
 * @bankcrm/core — the domain model of a bank's customers: schemas and types,
 * identifiers, privacy (sensitivity classes, masking, reveal policy), money,
 * localized messages, value scoring and demo data. Pure functions; no I/O, no DOM.
 */
export * from "./errors/index.js";
export * from "./schemas/index.js";
export * from "./machines/index.js";
export * from "./collections/index.js";
export * from "./metrics/index.js";
export * from "./identifiers/index.js";
export * from "./text/index.js";
export * from "./privacy/index.js";
export * from "./money/index.js";
export * from "./i18n/index.js";
export * from "./scoring/index.js";
export * from "./analytics/index.js";
export * from "./segmentation/index.js";
export * from "./workflow/index.js";
export * from "./sales/index.js";
export * from "./service/index.js";
export * from "./marketing/index.js";
export * from "./contract/index.js";
export { DAY_MS, instantMs } from "./time.js";
export * from "./demo/index.js";
