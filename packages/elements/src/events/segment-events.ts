/** Events of `<bankcrm-segment-builder>`. All bubble and are composed. */
import type { SegmentDefinition, SegmentIssue } from "@bankcrm/core";

export interface SegmentChangeDetail {
  /** The definition as it now stands (valid or not). */
  definition: SegmentDefinition;
  valid: boolean;
  /** `validateSegment`'s issues, each with its path, in the element's locale. */
  issues: SegmentIssue[];
}

/** The definition was edited. */
export class BankcrmSegmentChangeEvent extends CustomEvent<SegmentChangeDetail> {
  constructor(detail: SegmentChangeDetail) {
    super("bankcrm-segment-change", { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface HTMLElementEventMap {
    "bankcrm-segment-change": BankcrmSegmentChangeEvent;
  }
}
