/** Events of `<bankcrm-activity-form>`. All bubble and are composed. */
import type { Interaction, Task, WriteStatus } from "@bankcrm/core";

export interface ActivitySavedDetail {
  /** The contact as written (masked as the client returns it). */
  interaction: Interaction;
  /** The follow-up task, when one was asked for. */
  task?: Task;
  /** `saved`, or `queued` in the outbox offline. */
  status: WriteStatus;
}

/** A contact was logged (and its follow-up task created). */
export class BankcrmActivitySavedEvent extends CustomEvent<ActivitySavedDetail> {
  constructor(detail: ActivitySavedDetail) {
    super("bankcrm-activity-saved", { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface HTMLElementEventMap {
    "bankcrm-activity-saved": BankcrmActivitySavedEvent;
  }
}
