/**
 * `@bankcrm/core/warehouse`: what a bank's warehouse team needs beside `toSql` — the dialects it writes and the
 * table its queries read (`segmentColumns`), to make an export of the book (a view, Parquet, JSON lines) to.
 */
export { segmentColumns, SQL_DIALECTS, type SegmentColumn, type SqlDialect } from "./sql.js";
export {
  purchaseSummarySql,
  bookModelsSql,
  bookModelsFromRows,
  type PurchaseSummarySqlOptions,
  type BookModelsSqlOptions,
  type BookModelsRow,
} from "../analytics/warehouse-sql.js";
