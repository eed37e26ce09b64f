export { METRICS, metricSpec, type MetricKind, type MetricSpec, type MetricSqlType } from "./table.js";
