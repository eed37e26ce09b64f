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
