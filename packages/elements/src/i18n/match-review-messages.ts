/** What the match review says, in zh-CN and English (then core's messages). */
import type { Label } from "@bankcrm/core";
import { speaker } from "./speak.js";

export const MATCH_REVIEW_MESSAGES = {
  matchTitle: { "zh-CN": "可能是同一客户", en: "Possibly the same customer" },
  matchLoading: { "zh-CN": "正在读取待复核的客户…", en: "Reading the pair to review…" },
  matchEmpty: { "zh-CN": "没有待复核的客户", en: "Nothing to review" },
  matchOffline: {
    "zh-CN": "离线时不能合并或分开客户，联网后再决定",
    en: "Customers cannot be merged or kept apart offline: decide once you are back online",
  },
  matchProbability: {
    "zh-CN": "匹配概率 {probability}，总权重 {weight}",
    en: "Match probability {probability}, total weight {weight}",
  },
  matchRule: { "zh-CN": "规则：{rule}", en: "Rule: {rule}" },
  matchRecords: { "zh-CN": "两条记录", en: "The two records" },
  matchField: { "zh-CN": "字段", en: "Field" },
  matchRecord: { "zh-CN": "记录 {n}", en: "Record {n}" },
  matchEvidence: { "zh-CN": "逐项证据", en: "Evidence by field" },
  matchLevel: { "zh-CN": "比对结果", en: "Result" },
  matchWeight: { "zh-CN": "权重", en: "Weight" },
  matchPrior: { "zh-CN": "先验", en: "Prior" },
  matchTotal: { "zh-CN": "合计", en: "Total" },
  matchMerge: { "zh-CN": "同一人 — 合并", en: "Same person — merge" },
  matchApart: { "zh-CN": "不是同一人 — 分开", en: "Not the same — keep apart" },
  matchMerged: { "zh-CN": "已提交：合并", en: "Sent: merge" },
  matchKeptApart: { "zh-CN": "已提交：分开，不再提示", en: "Sent: kept apart, never proposed again" },
  fieldName: { "zh-CN": "姓名", en: "Name" },
  fieldBirthDate: { "zh-CN": "出生日期", en: "Birth date" },
  fieldIdNumber: { "zh-CN": "证件号码", en: "ID number" },
  fieldMobile: { "zh-CN": "手机", en: "Mobile" },
  fieldEmail: { "zh-CN": "邮箱", en: "E-mail" },
  fieldAddress: { "zh-CN": "地址", en: "Address" },
  fieldUscc: { "zh-CN": "统一社会信用代码", en: "USCC" },
  fieldRegistrationNumber: { "zh-CN": "工商注册号", en: "Registration number" },
  fieldLegalRepresentative: { "zh-CN": "法定代表人", en: "Legal representative" },
  fieldBranch: { "zh-CN": "归属网点", en: "Branch" },
  compareSurname: { "zh-CN": "姓", en: "Surname" },
  compareGiven: { "zh-CN": "名", en: "Given name" },
  compareBirthDate: { "zh-CN": "出生日期", en: "Birth date" },
  compareIdNumber: { "zh-CN": "证件号码", en: "ID number" },
  compareMobile: { "zh-CN": "手机", en: "Mobile" },
  compareEmail: { "zh-CN": "邮箱", en: "E-mail" },
  compareAddress: { "zh-CN": "地址", en: "Address" },
  compareCompanyName: { "zh-CN": "企业名称", en: "Company name" },
  compareUscc: { "zh-CN": "统一社会信用代码", en: "USCC" },
  compareRegistrationNumber: { "zh-CN": "工商注册号", en: "Registration number" },
  compareLegalRepresentative: { "zh-CN": "法定代表人", en: "Legal representative" },
  levelExact: { "zh-CN": "完全一致", en: "Exact" },
  levelPinyin: { "zh-CN": "拼音一致", en: "Same in pinyin" },
  levelOneCharacterOff: { "zh-CN": "相差一字", en: "One character off" },
  levelOneDigitOff: { "zh-CN": "相差一位", en: "One digit off" },
  levelDayMonthTransposed: { "zh-CN": "日月颠倒", en: "Day and month transposed" },
  levelSame: { "zh-CN": "相同", en: "Same" },
  levelClose: { "zh-CN": "相近", en: "Close" },
  levelDifferent: { "zh-CN": "不一致", en: "Different" },
  levelConflict: { "zh-CN": "冲突（两个有效号码）", en: "Conflict (two valid numbers)" },
  levelMissing: { "zh-CN": "缺失", en: "Missing" },
  ruleResidentId: { "zh-CN": "身份证号相同", en: "Same resident ID" },
  ruleDocument: { "zh-CN": "证件相同", en: "Same document" },
  ruleUscc: { "zh-CN": "统一社会信用代码相同", en: "Same USCC" },
} as const satisfies Record<string, Label>;
export const messages = MATCH_REVIEW_MESSAGES;
export type MatchReviewMessageKey = keyof typeof MATCH_REVIEW_MESSAGES;

/** A message of the match review in a locale, with `{name}` placeholders filled from `params`. */
export const sayMatch = /* @__PURE__ */ speaker(MATCH_REVIEW_MESSAGES);
