export {
  createIndexedDbStore,
  type IndexedDbStore,
  type IndexedDbStoreOptions,
  type ImportResult,
  type RejectedRecord,
} from "./indexeddb-store.js";
export { SCHEMA_VERSION } from "./schema.js";
export type { LocalAuditEntry, LocalAuditLog, LocalAuditVerification } from "./audit-log.js";
