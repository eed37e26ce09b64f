/**
 * Messages of the write path — refusals of the state machines and one sentence
 * per error for a status line — in zh-CN and English. A table of their own, so
 * a page that only reads (or a lead form) does not carry them.
 */
import { messageTable, type Label } from "./locale.js";

const WRITE_MESSAGES = {
  fourEyes: {
    "zh-CN": "不能审批自己创建或负责的营销活动（双人复核）",
    en: "You cannot approve a campaign you own or wrote (four eyes)",
  },
  fourEyesPublish: {
    "zh-CN": "不能发布自己撰写的知识条目（双人复核）",
    en: "You cannot publish an article you wrote (four eyes)",
  },
  frozen: {
    "zh-CN": "已发布的内容不能直接修改：请先撤回为草稿，修改后再由他人发布",
    en: "A published article is not edited in place: take it back to a draft, change it, and have someone else publish it",
  },
  insufficientPoints: { "zh-CN": "积分余额不足，无法兑换", en: "Not enough points for this reward" },
  rewardTier: { "zh-CN": "客户等级不满足该礼品的兑换条件", en: "This reward is for a higher tier" },
  rewardUnknown: { "zh-CN": "礼品不在积分目录中或积分不符", en: "Not a reward of the catalogue at its price" },
  ledgerSystem: {
    "zh-CN": "积分的获得与过期由银行系统记账，不能手工录入",
    en: "Points earned and expired are recorded by the bank's systems, not by hand",
  },
  transferRole: { "zh-CN": "客户移交须由网点负责人办理", en: "Customers are transferred by a branch manager" },
  fourEyesPricing: {
    "zh-CN": "不能审批自己申请的优惠定价（双人复核）",
    en: "You cannot approve a preferential price you requested (four eyes)",
  },
  pricingAuthority: {
    "zh-CN": "优惠幅度超出网点负责人的审批权限，须报总行定价委员会",
    en: "The concession is beyond a branch manager's authority: it goes to head office's pricing committee",
  },
  adjustRole: { "zh-CN": "积分调整须由网点负责人办理", en: "Points are adjusted by a branch manager" },
  recusal: {
    "zh-CN": "投诉处理须回避：客户的客户经理和被投诉人不能处理该投诉",
    en: "A complaint is handled by someone with no interest in it: not the customer's relationship manager nor the person complained about",
  },
  reopenWindow: { "zh-CN": "已超过可重新打开的期限", en: "The time to reopen this case has passed" },
  sameStage: { "zh-CN": "商机已处于该阶段", en: "The opportunity is already at this stage" },
  snoozeInPast: { "zh-CN": "推迟时间须晚于当前时间", en: "Snooze to a time after now" },
  extendComplaintOnly: {
    "zh-CN": "只有投诉的监管处理时限可以延长",
    en: "Only a complaint's regulatory time limit can be extended",
  },
  extendLimit: {
    "zh-CN": "投诉处理时限已延长两次（共 60 日），不能再延长",
    en: "The complaint's time limit was extended twice (60 days in all) and cannot be extended again",
  },
  extendApproval: {
    "zh-CN": "第二次延长须经高级管理人员（网点负责人）批准",
    en: "A second extension needs a senior manager's approval (the branch manager)",
  },
  initialState: { "zh-CN": "新记录的状态须为：{states}", en: "A new record starts in: {states}" },
  readOnlyField: { "zh-CN": "此项不能直接修改", en: "This field cannot be changed directly" },
  errorConflict: {
    "zh-CN": "该记录已被他人修改，请查看最新内容后再保存",
    en: "Someone else changed this record; review the latest version before saving",
  },
  errorTransition: {
    "zh-CN": "当前状态（{from}）下不能执行此操作",
    en: "This cannot be done in the current state ({from})",
  },
  errorAccessDenied: { "zh-CN": "您的角色无权执行此操作", en: "Your role may not do this" },
  errorNotFound: { "zh-CN": "记录不存在或无权查看", en: "The record does not exist or you may not see it" },
  mergeSameRecord: { "zh-CN": "不能将客户与其自身合并", en: "A customer cannot be merged with itself" },
  mergeKeptApart: {
    "zh-CN": "这两个客户已被判定为不同的人，不能合并",
    en: "These two customers were decided to be two people and are never merged",
  },
  mergeDifferentKinds: { "zh-CN": "个人客户与企业客户不能合并", en: "A person and a company are never one customer" },
  mergeNotLatest: {
    "zh-CN": "此后还有并入同一客户的合并，请先撤销那一次",
    en: "A later merge into the same customer must be undone first",
  },
  mergeAlreadyUndone: { "zh-CN": "这次合并已被撤销", en: "This merge was undone already" },
  errorNetwork: { "zh-CN": "无法连接服务器，请稍后再试", en: "The server cannot be reached; try again later" },
  identifierInText: {
    "zh-CN": "请勿在此填写客户的{what}：客户资料中已有，需要时经说明理由后查看",
    en: "Do not write the customer's {what} here: it is on the customer record, shown in full only for a stated reason",
  },
  identifierKindName: { "zh-CN": "姓名", en: "name" },
  identifierKindIdNumber: { "zh-CN": "证件号码", en: "ID number" },
  identifierKindMobile: { "zh-CN": "手机号码", en: "mobile number" },
  identifierKindEmail: { "zh-CN": "电子邮箱", en: "e-mail address" },
  identifierKindAccount: { "zh-CN": "账号或卡号", en: "account or card number" },
  errorTooLarge: {
    "zh-CN": "内容过大，服务器已拒收，重试也不会成功；请删减后重新提交",
    en: "Too large for the server, which refused it; retrying will not help — shorten it and submit again",
  },
  errorStore: { "zh-CN": "本机存储失败：{reason}", en: "Saving on this device failed: {reason}" },
  errorUnknownCollection: { "zh-CN": "未知的数据集合", en: "Unknown collection" },
  errorIncompatibleServer: {
    "zh-CN": "服务器接口版本（{server}）与本应用（{client}）不兼容，请联系管理员升级",
    en: "The server speaks API version {server}, which this app ({client}) does not support; ask your administrator to upgrade",
  },
  errorOther: { "zh-CN": "操作失败：{reason}", en: "Something went wrong: {reason}" },
  // What became of a write, on a status line.
  writeQueued: {
    "zh-CN": "当前离线：已保存在本机，联网后自动发送",
    en: "Offline: saved on this device and sent when online",
  },
  writeFailed: { "zh-CN": "未能保存：{reason}", en: "Not saved: {reason}" },
  writeConflict: { "zh-CN": "保存冲突：{reason}", en: "Conflict: {reason}" },
} as const satisfies Record<string, Label>;

export type WriteMessageKey = keyof typeof WRITE_MESSAGES;

const WRITE_MESSAGES_TABLE = /* @__PURE__ */ messageTable<WriteMessageKey>(WRITE_MESSAGES);
/** A write-path message in a locale, with `{name}` placeholders filled from `params`. */
export const writeMessage = WRITE_MESSAGES_TABLE.text;
export const writeMessageKeys = WRITE_MESSAGES_TABLE.keys;
