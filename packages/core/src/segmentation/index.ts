export {
  OPERATORS,
  SEGMENT_SCHEMA_VERSION,
  SegmentDefinitionSchema,
  RuleSchema,
  ConditionSchema,
  type Operator,
  type Condition,
  type Rule,
  type SegmentDefinition,
  CONSENT_FIELD,
  segmentRule,
} from "./definition.js";
export {
  createFieldCatalog,
  FIELD_TYPES,
  OPERATORS_BY_TYPE,
  type FieldCatalog,
  type FieldDefinition,
  type CatalogField,
  type FieldType,
} from "./catalog.js";
export {
  validateSegment,
  isValidSegment,
  MAX_DEPTH,
  MAX_NODES,
  MAX_VALUES,
  type SegmentIssue,
  type SegmentIssueCode,
  type SegmentValidation,
} from "./validate.js";
export {
  compileSegment,
  explainSegment,
  evaluateSegment,
  evaluateSegmentPages,
  assertValidSegment,
  withinLastBounds,
  type Predicate,
  type ExplainedNode,
  type SegmentResult,
  type EvaluateOptions,
  type EvaluateSegmentOptions,
} from "./compile.js";
export { toSql, type ToSqlOptions, type SqlQuery, type SqlDialect } from "./sql.js";
export { toJsonLogic, fromJsonLogic, type JsonLogic } from "./json-logic.js";
export {
  customerFieldCatalog,
  buildCustomerView,
  type CustomerView,
  type CustomerMetrics,
} from "./customer-catalog.js";
export { createColumnarTable, evaluateColumnar, withColumn, type ColumnarTable } from "./columnar.js";
export { describeCondition, fieldValueText, operatorLabel } from "./describe.js";
/** Editing a definition as a tree (add, move, remove, negate, regroup; a new condition's defaults): pure. */
export * as segmentEdit from "./edit.js";
export type { RulePath, Edited as EditedSegment } from "./edit.js";
