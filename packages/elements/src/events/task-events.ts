/** Events of `<bankcrm-task-list>`. All bubble and are composed. */
import type { Task, WriteStatus } from "@bankcrm/core";

export interface TaskChangeDetail {
  /** The task as written (masked as the client returns it). */
  task: Task;
  action: "created" | "completed" | "snoozed";
  /** `saved`, or `queued` in the outbox offline. */
  status: WriteStatus;
}

/** A task was created, completed or snoozed through the client. */
export class BankcrmTaskChangeEvent extends CustomEvent<TaskChangeDetail> {
  constructor(detail: TaskChangeDetail) {
    super("bankcrm-task-change", { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface HTMLElementEventMap {
    "bankcrm-task-change": BankcrmTaskChangeEvent;
  }
}
