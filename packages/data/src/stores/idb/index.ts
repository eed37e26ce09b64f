export {
  createIndexedDbStore,
  SCHEMA_VERSION,
  type CustomerStore,
  type IndexedDbStoreOptions,
  type ImportResult,
  type RejectedRecord,
  type ListOptions,
} from "./customer-store.js";
