/**
 * Every message a person may see, in zh-CN and English. Keys are stable; the
 * `{name}` placeholders are filled by `message()`.
 */
import { messageTable, type Label } from "./locale.js";

const MESSAGES = {
  required: { "zh-CN": "此项为必填项", en: "This field is required" },
  invalid: { "zh-CN": "输入无效", en: "This value is not valid" },
  invalidType: { "zh-CN": "格式不正确", en: "This value has the wrong type" },
  notInteger: { "zh-CN": "请输入整数", en: "Enter a whole number" },
  tooShortString: { "zh-CN": "至少需要 {min} 个字符", en: "Enter at least {min} characters" },
  tooLongString: { "zh-CN": "不能超过 {max} 个字符", en: "Enter at most {max} characters" },
  tooSmallNumber: { "zh-CN": "不能小于 {min}", en: "Must be at least {min}" },
  tooBigNumber: { "zh-CN": "不能大于 {max}", en: "Must be at most {max}" },
  tooFewItems: { "zh-CN": "至少需要 {min} 项", en: "Choose at least {min}" },
  tooManyItems: { "zh-CN": "不能超过 {max} 项", en: "Choose at most {max}" },
  invalidEmail: { "zh-CN": "请输入有效的电子邮件地址", en: "Enter a valid email address" },
  invalidDate: { "zh-CN": "请输入有效日期（YYYY-MM-DD）", en: "Enter a valid date (YYYY-MM-DD)" },
  invalidDateTime: { "zh-CN": "请输入有效的日期时间", en: "Enter a valid date and time" },
  invalidOption: { "zh-CN": "请选择有效选项", en: "Choose one of the options" },
  unrecognizedKeys: { "zh-CN": "包含无法识别的字段", en: "Contains fields that are not recognized" },
  residentId: { "zh-CN": "请输入有效的18位居民身份证号码", en: "Enter a valid 18-character resident ID number" },
  uscc: { "zh-CN": "请输入有效的18位统一社会信用代码", en: "Enter a valid 18-character unified social credit code" },
  mobile: { "zh-CN": "请输入有效的11位手机号码", en: "Enter a valid mainland mobile number" },
  bankCard: { "zh-CN": "请输入有效的银行卡号", en: "Enter a valid bank card number" },
  c3: {
    "zh-CN": "不得提交密码、验证码、卡片有效期等鉴别信息",
    en: "Passwords, PINs, security codes and card expiry dates are never accepted",
  },
  currency: { "zh-CN": "请输入三位大写币种代码（如 CNY）", en: "Enter a three-letter currency code (e.g. CNY)" },
  id: { "zh-CN": "编号格式不正确", en: "This identifier is not valid" },
  productCode: { "zh-CN": "产品代码格式不正确", en: "This product code is not valid" },
  accountNumber: { "zh-CN": "账号应为 8–32 位数字", en: "An account number has 8–32 digits" },
  controlCharacters: { "zh-CN": "包含不可见的控制字符", en: "Contains invisible control characters" },
  bidiControls: {
    "zh-CN": "包含未闭合的文字方向控制字符，会使显示的内容与实际内容不符",
    en: "Contains an unclosed text-direction control, which would make what is shown differ from what is stored",
  },
  birthDateMismatch: { "zh-CN": "出生日期与身份证号码不一致", en: "The birth date does not match the resident ID" },
  genderMismatch: { "zh-CN": "性别与身份证号码不一致", en: "The gender does not match the resident ID" },
  riskLevelRequired: { "zh-CN": "投资类产品必须有风险等级", en: "Investment products need a risk level" },
  dateOrder: { "zh-CN": "结束日期不能早于开始日期", en: "The end date cannot be before the start date" },
  positiveAmount: { "zh-CN": "金额必须大于零", en: "The amount must be greater than zero" },
  consentRequired: { "zh-CN": "请勾选同意后再提交", en: "Please give your consent to be contacted" },
  closedAtRequired: { "zh-CN": "已关闭的商机需填写关闭时间", en: "Closed opportunities need a closing time" },
  probabilityStage: { "zh-CN": "成交概率与阶段不符", en: "The probability does not match the stage" },
  resolvedAtRequired: { "zh-CN": "已解决的工单需填写解决时间", en: "Resolved cases need a resolution time" },
  satisfactionBeforeResolution: {
    "zh-CN": "工单解决后才能评价满意度",
    en: "Satisfaction is rated after the case is resolved",
  },
  targetOwner: { "zh-CN": "目标须归属于一名员工或一个网点", en: "A target belongs to one staff member or one branch" },
  currencyRequired: { "zh-CN": "金额类目标需填写币种", en: "Money targets need a currency" },
  duplicateMember: { "zh-CN": "同一客户不能重复加入", en: "A customer can be a member only once" },
  loading: { "zh-CN": "加载中…", en: "Loading…" },
  valueScore: { "zh-CN": "价值评分 {score}", en: "Value score {score}" },
  noData: { "zh-CN": "缺少数据", en: "no data" },
  loadFailed: { "zh-CN": "加载失败：{reason}", en: "Could not load: {reason}" },
  reveal: { "zh-CN": "显示", en: "Show" },
  revealReason: { "zh-CN": "查看客户资料", en: "Viewing customer details" },
  confidential: { "zh-CN": "私密", en: "Confidential" },
  slaDue: { "zh-CN": "时限 {time}", en: "Due {time}" },
  leadPurpose: { "zh-CN": "咨询事项", en: "What it is about" },
  optional: { "zh-CN": "（选填）", en: "(optional)" },
  choose: { "zh-CN": "请选择", en: "Choose…" },
  confirm: { "zh-CN": "确定", en: "Confirm" },
  cancel: { "zh-CN": "取消", en: "Cancel" },
  leadNoClient: { "zh-CN": "未连接数据服务，无法提交", en: "Not connected to a data service; cannot submit" },
  invalidAmount: { "zh-CN": "请输入有效金额，最多两位小数", en: "Enter an amount with at most two decimals" },
  convertTarget: { "zh-CN": "转化时须关联商机或客户", en: "Link the opportunity or customer the lead became" },
} as const satisfies Record<string, Label>;

export type MessageKey = keyof typeof MESSAGES;

export function hasMessage(key: string): key is MessageKey {
  return Object.hasOwn(MESSAGES, key);
}

const MESSAGES_TABLE = /* @__PURE__ */ messageTable<MessageKey>(MESSAGES);
/** A message in a locale, with `{name}` placeholders filled from `params`. */
export const message = MESSAGES_TABLE.text;
export const messageKeys = MESSAGES_TABLE.keys;
