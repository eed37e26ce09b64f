export {
  BIDI_CONTROL,
  closeBidi,
  closeBidiIn,
  FSI,
  PDI,
  hasUnpairedBidi,
  isolate,
  isolateIfNeeded,
  withoutControls,
} from "./bidi.js";
export {
  highlightParts,
  queryTerms,
  searchRecords,
  searchScore,
  SEARCH_WEIGHTS,
  searchTerms,
  type SearchField,
} from "./search.js";
