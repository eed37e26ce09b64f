export {
  REVEALABLE_FIELDS,
  revealedValue,
  REST_CONTRACT_HEADER,
  REST_CONTRACT_VERSION,
  TIMELINE_COLLECTIONS,
  type TimelineKind,
  type Page,
  type RevealableField,
  type TimelineCollectionOf,
  type TimelineQuery,
  type WriteResult,
  type WriteStatus,
} from "./client-contract.js";
export type { LoadQualityReport } from "./load-quality.js";
