/**
 * @bankcrm/data — stores behind one client. For now the embedded IndexedDB
 * customer store; the client, the memory and HTTP stores and the outbox follow.
 */
export * from "./stores/idb/index.js";
export { BankcrmStoreError, isStoreError, toStoreError, type StoreErrorKind } from "./errors/store-error.js";
