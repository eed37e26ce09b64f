export {
  createHttpStore,
  toHttpStoreError,
  type HttpStore,
  type HttpStoreOptions,
  type RemoteWriter,
  type RemoteRevealer,
  type SegmentPage,
  type MetricsPage,
  type ServerCustomerMetrics,
  type TransitionRequest,
} from "./http-store.js";
