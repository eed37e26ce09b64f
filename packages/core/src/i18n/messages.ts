/**
 * Every message a person may see, in zh-CN and English. Keys are stable; the
 * `{name}` placeholders are filled by `message()`.
 */
import type { Locale } from "./locale.js";

const MESSAGES = {
  required: ["此项为必填项", "This field is required"],
  invalid: ["输入无效", "This value is not valid"],
  invalidType: ["格式不正确", "This value has the wrong type"],
  notInteger: ["请输入整数", "Enter a whole number"],
  tooShortString: ["至少需要 {min} 个字符", "Enter at least {min} characters"],
  tooLongString: ["不能超过 {max} 个字符", "Enter at most {max} characters"],
  tooSmallNumber: ["不能小于 {min}", "Must be at least {min}"],
  tooBigNumber: ["不能大于 {max}", "Must be at most {max}"],
  tooFewItems: ["至少需要 {min} 项", "Choose at least {min}"],
  tooManyItems: ["不能超过 {max} 项", "Choose at most {max}"],
  invalidEmail: ["请输入有效的电子邮件地址", "Enter a valid email address"],
  invalidDate: ["请输入有效日期（YYYY-MM-DD）", "Enter a valid date (YYYY-MM-DD)"],
  invalidDateTime: ["请输入有效的日期时间", "Enter a valid date and time"],
  invalidOption: ["请选择有效选项", "Choose one of the options"],
  unrecognizedKeys: ["包含无法识别的字段", "Contains fields that are not recognized"],
  residentId: ["请输入有效的18位居民身份证号码", "Enter a valid 18-character resident ID number"],
  uscc: ["请输入有效的18位统一社会信用代码", "Enter a valid 18-character unified social credit code"],
  mobile: ["请输入有效的11位手机号码", "Enter a valid mainland mobile number"],
  bankCard: ["请输入有效的银行卡号", "Enter a valid bank card number"],
  c3: [
    "不得提交密码、验证码、卡片有效期等鉴别信息",
    "Passwords, PINs, security codes and card expiry dates are never accepted",
  ],
  currency: ["请输入三位大写币种代码（如 CNY）", "Enter a three-letter currency code (e.g. CNY)"],
  id: ["编号格式不正确", "This identifier is not valid"],
  productCode: ["产品代码格式不正确", "This product code is not valid"],
  accountNumber: ["账号应为 8–32 位数字", "An account number has 8–32 digits"],
  controlCharacters: ["包含不可见的控制字符", "Contains invisible control characters"],
  birthDateMismatch: ["出生日期与身份证号码不一致", "The birth date does not match the resident ID"],
  genderMismatch: ["性别与身份证号码不一致", "The gender does not match the resident ID"],
  riskLevelRequired: ["投资类产品必须有风险等级", "Investment products need a risk level"],
  dateOrder: ["结束日期不能早于开始日期", "The end date cannot be before the start date"],
  positiveAmount: ["金额必须大于零", "The amount must be greater than zero"],
  consentRequired: ["请勾选同意后再提交", "Please give your consent to be contacted"],
  closedAtRequired: ["已关闭的商机需填写关闭时间", "Closed opportunities need a closing time"],
  probabilityStage: ["成交概率与阶段不符", "The probability does not match the stage"],
  resolvedAtRequired: ["已解决的工单需填写解决时间", "Resolved cases need a resolution time"],
  satisfactionBeforeResolution: ["工单解决后才能评价满意度", "Satisfaction is rated after the case is resolved"],
  targetOwner: ["目标须归属于一名员工或一个网点", "A target belongs to one staff member or one branch"],
  currencyRequired: ["金额类目标需填写币种", "Money targets need a currency"],
  duplicateMember: ["同一客户不能重复加入", "A customer can be a member only once"],
  tierUnknown: ["等级未知", "Tier unknown"],
  loading: ["加载中…", "Loading…"],
  valueScore: ["价值评分 {score}", "Value score {score}"],
  notScored: ["暂无价值评分", "Not scored yet"],
  explainScore: ["评分说明", "Why this score"],
  hideExplanation: ["收起说明", "Hide explanation"],
  points: ["{points} 分", "{points} pts"],
  noData: ["缺少数据", "no data"],
  loadFailed: ["加载失败：{reason}", "Could not load: {reason}"],
  reveal: ["显示", "Show"],
  revealLabel: ["显示完整{field}", "Show the full {field}"],
  revealFailed: ["无法显示：{reason}", "Could not show it: {reason}"],
  revealReason: ["查看客户资料", "Viewing customer details"],
  offlineNoReveal: ["离线时不能查看完整信息", "Full details cannot be shown offline"],
  noCustomer: ["未选择客户", "No customer selected"],
  mobileLabel: ["手机", "Mobile"],
  idLabel: ["证件号", "ID number"],
  usccLabel: ["统一社会信用代码", "Unified social credit code"],
  relationshipManager: ["客户经理", "Relationship manager"],
  branchLabel: ["网点", "Branch"],
  aumLabel: ["资产（AUM）", "AUM"],
  contributionLabel: ["年度贡献", "Annual contribution"],
  productCountLabel: ["持有产品", "Products held"],
  tagsLabel: ["标签", "Tags"],
  segmentMalformed: [
    "规则格式不正确：应为 all、any、not 分组或条件",
    "Not a rule: expected an all, any or not group, or a condition",
  ],
  segmentUnknownField: ["未知字段：{field}", "Unknown field: {field}"],
  segmentOperator: ["字段“{field}”不支持运算符 {op}", "Field “{field}” does not support the operator {op}"],
  segmentValueType: ["{op} 的取值应为{expected}", "{op} expects {expected}"],
  segmentEmptyGroup: ["条件组不能为空", "A group needs at least one rule"],
  segmentTooDeep: ["规则嵌套超过 {max} 层", "Rules are nested more than {max} levels deep"],
  segmentTooLarge: ["规则节点超过 {max} 个", "The segment has more than {max} rules"],
  segmentTooManyValues: ["取值超过 {max} 个", "More than {max} values"],
  segmentRange: ["区间下限不能大于上限", "The lower bound is above the upper bound"],
} as const satisfies Record<string, readonly [string, string]>;

export type MessageKey = keyof typeof MESSAGES;

export function hasMessage(key: string): key is MessageKey {
  return Object.hasOwn(MESSAGES, key);
}

/** A message in a locale, with `{name}` placeholders filled from `params`. */
export function message(key: MessageKey, locale: Locale, params: Record<string, string | number> = {}): string {
  const [zh, en] = MESSAGES[key];
  return (locale === "zh-CN" ? zh : en).replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

export const messageKeys = Object.keys(MESSAGES) as MessageKey[];
