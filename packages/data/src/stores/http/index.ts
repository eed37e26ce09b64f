export {
  createHttpStore,
  isRemoteWriter,
  toHttpStoreError,
  type HttpStore,
  type HttpStoreOptions,
  type RemoteWriter,
  type TransitionRequest,
} from "./http-store.js";
