/** The operators and the saved format's version (schemas/segment-operators.ts: below the records that keep them). */
export { CONSENT_FIELD, OPERATORS, SEGMENT_SCHEMA_VERSION, type Operator } from "../schemas/segment-operators.js";
