/**
 * The words the working elements (forms, queues, lists, boards) share — no client, the errors to
 * fix — in zh-CN and English (what became of a write is core's write-messages.ts). Each element's own words are in its own
 * table beside this one, so a page pays only for the elements it embeds.
 */
import type { Label } from "@bankcrm/core";

export const WORK_MESSAGES = {
  noClient: { "zh-CN": "未连接数据服务", en: "Not connected to a data service" },
  fixErrors: { "zh-CN": "请修正标出的 {count} 处问题", en: "Please correct the {count} marked problem(s)" },
  leadAssignedTo: { "zh-CN": "负责人 {name}", en: "Assigned to {name}" },
} as const satisfies Record<string, Label>;
export const messages = WORK_MESSAGES;
