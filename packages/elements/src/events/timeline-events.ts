/** Events of `<bankcrm-customer-timeline>`. All bubble and are composed. */

export interface TimelineLoadMoreDetail {
  /** How many entries the host has given so far. */
  loaded: number;
}

/** The user reached the end of the entries the host gave while `has-more` is set: append the next page. */
export class BankcrmTimelineLoadMoreEvent extends CustomEvent<TimelineLoadMoreDetail> {
  constructor(detail: TimelineLoadMoreDetail) {
    super("bankcrm-timeline-load-more", { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface HTMLElementEventMap {
    "bankcrm-timeline-load-more": BankcrmTimelineLoadMoreEvent;
  }
}
