export { createHttpStore, toHttpStoreError, type HttpStore, type HttpStoreOptions } from "./http-store.js";
