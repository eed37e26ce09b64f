export {
  createIndexedDbStore,
  SCHEMA_VERSION,
  type IndexedDbStore,
  type IndexedDbStoreOptions,
  type ImportResult,
  type RejectedRecord,
} from "./indexeddb-store.js";
