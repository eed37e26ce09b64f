/**
 * @bankcrm/data — one client whatever the backend: `createCrmClient` over a
 * store — memory, the embedded IndexedDB store, the bank's REST backend (HTTP),
 * or the server with an offline cache — reading and writing every collection,
 * with the offline outbox for writes that must reach the server.
 */
export * from "./client/index.js";
export { createMemoryStore } from "./stores/memory/memory-store.js";
export {
  naturalKeyOf,
  timelineKey,
  type CrmStore,
  type CustomerQuery,
  type Page,
  type TimelineEntry,
  type TimelineQuery,
  type CollectionName,
  type CollectionRecords,
} from "./stores/store.js";
export type { LocalMerge, MergeCommit, MergeLog } from "./stores/merge-log.js";
export {
  localMerges,
  type LocalMergeOptions,
  type LocalMergeResult,
  type LocalMerges,
} from "./resolution/local-merges.js";
export { MERGER_ROLES, type ClientResolution, type Resolver, type ReviewScope } from "./client/resolution.js";
export * from "./stores/idb/index.js";
export * from "./stores/http/index.js";
export { createCachedStore, type CachedStore, type CachedStoreOptions } from "./stores/cached/cached-store.js";
export * from "./outbox/index.js";
export {
  followChanges,
  type ChangeFollower,
  type FeedChange,
  type FeedStatus,
  type FollowChangesOptions,
} from "./feed/follow-changes.js";
export {
  BankcrmConflictError,
  BankcrmIncompatibleServerError,
  BankcrmNetworkError,
  BankcrmRequestError,
  isConflictError,
  isIncompatibleServerError,
  isNetworkError,
  isRequestError,
  retryAfterMs,
  type Problem,
} from "./errors/http-errors.js";
export { BankcrmStoreError, isStoreError, toStoreError, type StoreErrorKind } from "./errors/store-error.js";
