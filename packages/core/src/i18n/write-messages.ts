/**
 * Messages of the write path — refusals of the state machines and one sentence
 * per error for a status line — in zh-CN and English. A table of their own, so
 * a page that only reads (or a lead form) does not carry them.
 */
import type { Locale } from "./locale.js";

const WRITE_MESSAGES = {
  fourEyes: [
    "不能审批自己创建或负责的营销活动（双人复核）",
    "You cannot approve a campaign you own or wrote (four eyes)",
  ],
  reopenWindow: ["已超过可重新打开的期限", "The time to reopen this case has passed"],
  sameStage: ["商机已处于该阶段", "The opportunity is already at this stage"],
  snoozeInPast: ["推迟时间须晚于当前时间", "Snooze to a time after now"],
  initialState: ["新记录的状态须为：{states}", "A new record starts in: {states}"],
  readOnlyField: ["此项不能直接修改", "This field cannot be changed directly"],
  errorConflict: [
    "该记录已被他人修改，请查看最新内容后再保存",
    "Someone else changed this record; review the latest version before saving",
  ],
  errorTransition: ["当前状态（{from}）下不能执行此操作", "This cannot be done in the current state ({from})"],
  errorAccessDenied: ["您的角色无权执行此操作", "Your role may not do this"],
  errorNotFound: ["记录不存在或无权查看", "The record does not exist or you may not see it"],
  errorNetwork: ["无法连接服务器，请稍后再试", "The server cannot be reached; try again later"],
  errorStore: ["本机存储失败：{reason}", "Saving on this device failed: {reason}"],
  errorUnknownCollection: ["未知的数据集合", "Unknown collection"],
  errorOther: ["操作失败：{reason}", "Something went wrong: {reason}"],
} as const satisfies Record<string, readonly [string, string]>;

export type WriteMessageKey = keyof typeof WRITE_MESSAGES;

/** A write-path message in a locale, with `{name}` placeholders filled from `params`. */
export function writeMessage(
  key: WriteMessageKey,
  locale: Locale,
  params: Record<string, string | number> = {},
): string {
  const [zh, en] = WRITE_MESSAGES[key];
  return (locale === "zh-CN" ? zh : en).replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

export const writeMessageKeys = Object.keys(WRITE_MESSAGES) as WriteMessageKey[];
