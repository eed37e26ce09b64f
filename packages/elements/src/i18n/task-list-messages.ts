/** What the task list says, in zh-CN and English (with the shared words of work-messages.ts, then core's messages). */
import type { Label } from "@bankcrm/core";
import { speaker } from "./speak.js";
import { WORK_MESSAGES } from "./work-messages.js";

export const TASK_LIST_MESSAGES = {
  tasksTitle: { "zh-CN": "我的任务", en: "My tasks" },
  tasksOverdue: { "zh-CN": "已逾期", en: "Overdue" },
  tasksToday: { "zh-CN": "今天", en: "Today" },
  tasksUpcoming: { "zh-CN": "即将到期", en: "Upcoming" },
  tasksCare: { "zh-CN": "客户关怀建议", en: "Customer care suggestions" },
  tasksNone: { "zh-CN": "没有待办任务", en: "No open tasks" },
  taskActions: { "zh-CN": "任务“{title}”的操作", en: "Actions for task “{title}”" },
  taskComplete: { "zh-CN": "完成", en: "Complete" },
  taskCompleted: { "zh-CN": "任务已完成", en: "Task completed" },
  taskSnooze: { "zh-CN": "延后", en: "Snooze" },
  taskSnoozeBy: { "zh-CN": "延后多久", en: "Snooze for" },
  taskSnoozeDays: { "zh-CN": "{days} 天", en: "{days} day(s)" },
  taskSnoozed: { "zh-CN": "任务已延后", en: "Task snoozed" },
  taskAddCare: { "zh-CN": "加入任务", en: "Add as a task" },
  taskNew: { "zh-CN": "新建任务", en: "New task" },
  taskTitle: { "zh-CN": "任务内容", en: "Task" },
  taskDue: { "zh-CN": "截止日期", en: "Due on" },
  taskType: { "zh-CN": "类型", en: "Type" },
  taskPriority: { "zh-CN": "优先级", en: "Priority" },
  taskCreate: { "zh-CN": "添加任务", en: "Add task" },
  taskCreated: { "zh-CN": "任务已添加", en: "Task added" },
} as const satisfies Record<string, Label>;
export const messages = TASK_LIST_MESSAGES;
export type TaskListMessageKey = keyof typeof TASK_LIST_MESSAGES;

/** A message of the task list in a locale, with `{name}` placeholders filled from `params`. */
export const say = /* @__PURE__ */ speaker(TASK_LIST_MESSAGES, WORK_MESSAGES);
