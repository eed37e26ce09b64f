/**
 * What the segment builder says, in zh-CN and English — a table of its own, so
 * only pages that edit segments carry it. Operator names are here too: the
 * builder's pickers and `describeCondition`'s sentences use the same words.
 */
import { messageTable, type Label } from "./locale.js";

const SEGMENT_MESSAGES = {
  opEq: { "zh-CN": "等于", en: "is" },
  opNeq: { "zh-CN": "不等于", en: "is not" },
  opIn: { "zh-CN": "属于", en: "is one of" },
  opNotIn: { "zh-CN": "不属于", en: "is none of" },
  opGt: { "zh-CN": "大于", en: "is more than" },
  opGte: { "zh-CN": "大于等于", en: "is at least" },
  opLt: { "zh-CN": "小于", en: "is less than" },
  opLte: { "zh-CN": "小于等于", en: "is at most" },
  opBetween: { "zh-CN": "介于", en: "is between" },
  opContains: { "zh-CN": "包含", en: "contains" },
  opStartsWith: { "zh-CN": "开头是", en: "starts with" },
  opEndsWith: { "zh-CN": "结尾是", en: "ends with" },
  opIsEmpty: { "zh-CN": "为空", en: "is empty" },
  opIsNotEmpty: { "zh-CN": "不为空", en: "is not empty" },
  opBefore: { "zh-CN": "早于", en: "is before" },
  opAfter: { "zh-CN": "晚于", en: "is after" },
  opWithinLast: { "zh-CN": "在最近…天内", en: "is within the last … days" },
  opNotWithinLast: { "zh-CN": "不在最近…天内", en: "is not within the last … days" },
  opHasAny: { "zh-CN": "包含任一", en: "has any of" },
  opHasAll: { "zh-CN": "包含全部", en: "has all of" },
  rangeText: { "zh-CN": "{from} 至 {to}", en: "{from} and {to}" },
  withinText: { "zh-CN": "在最近 {days} 天内", en: "is within the last {days} days" },
  notWithinText: { "zh-CN": "不在最近 {days} 天内", en: "is not within the last {days} days" },
  yes: { "zh-CN": "是", en: "yes" },
  no: { "zh-CN": "否", en: "no" },
  listSeparator: { "zh-CN": "、", en: ", " },

  builderTitle: { "zh-CN": "客户分群", en: "Segment" },
  builderName: { "zh-CN": "分群名称", en: "Segment name" },
  builderPurpose: { "zh-CN": "用途", en: "Purpose" },
  purposeNone: {
    "zh-CN": "不限（仅内部分析，不用于联系客户）",
    en: "None (internal analysis, never to contact customers)",
  },
  purposeHint: {
    "zh-CN": "选定用途后，只计入已就该用途授权且未撤回的客户（《个人信息保护法》第十四、十五条）。",
    en: "With a purpose, only customers who gave their consent for it, and have not withdrawn it, count (PIPL Arts. 14–15).",
  },
  groupAll: { "zh-CN": "满足以下全部条件", en: "All of these" },
  groupAny: { "zh-CN": "满足以下任一条件", en: "Any of these" },
  groupKind: { "zh-CN": "组合方式", en: "Combine" },
  groupLabel: { "zh-CN": "条件组 {path}", en: "Group {path}" },
  notLabel: { "zh-CN": "不满足", en: "Not" },
  notLabelLong: { "zh-CN": "不满足以下条件", en: "None of this holds" },
  conditionLabel: { "zh-CN": "条件 {path}", en: "Condition {path}" },
  field: { "zh-CN": "字段", en: "Field" },
  operator: { "zh-CN": "比较方式", en: "Test" },
  value: { "zh-CN": "取值", en: "Value" },
  valueFrom: { "zh-CN": "下限", en: "From" },
  valueTo: { "zh-CN": "上限", en: "To" },
  days: { "zh-CN": "天数", en: "Days" },
  yuan: { "zh-CN": "元", en: "yuan" },
  listHint: { "zh-CN": "多个取值用逗号分隔", en: "Separate values with commas" },
  addCondition: { "zh-CN": "添加条件", en: "Add a condition" },
  addGroup: { "zh-CN": "添加条件组", en: "Add a group" },
  negate: { "zh-CN": "取反", en: "Negate" },
  unNegate: { "zh-CN": "取消取反", en: "Remove the negation" },
  moveUp: { "zh-CN": "上移 {what}", en: "Move {what} up" },
  moveDown: { "zh-CN": "下移 {what}", en: "Move {what} down" },
  remove: { "zh-CN": "删除 {what}", en: "Remove {what}" },
  moved: { "zh-CN": "{what} 已移到第 {position} 位", en: "{what} moved to position {position}" },
  added: { "zh-CN": "已添加 {what}", en: "{what} added" },
  removed: { "zh-CN": "已删除 {what}", en: "{what} removed" },
  issues: { "zh-CN": "有 {count} 处需要修改", en: "{count} thing(s) to fix" },
  valid: { "zh-CN": "定义有效", en: "The definition is valid" },
  counting: { "zh-CN": "正在计数…", en: "Counting…" },
  countText: {
    "zh-CN": "符合条件：{count} 位客户（共 {total} 位，占 {share}）",
    en: "Matches {count} of {total} customers ({share})",
  },
  countFailed: { "zh-CN": "计数失败：{reason}", en: "Could not count: {reason}" },
  countStale: { "zh-CN": "修改定义后将重新计数", en: "The count follows once the definition is valid" },
  sample: { "zh-CN": "符合条件的客户示例", en: "Some matching customers" },
  sampleCustomer: { "zh-CN": "客户", en: "Customer" },
  why: { "zh-CN": "符合原因", en: "Why" },
  export: { "zh-CN": "导出", en: "Export" },
  exportJson: { "zh-CN": "JSON", en: "JSON" },
  exportJsonLogic: { "zh-CN": "JsonLogic", en: "JsonLogic" },
  exportSql: { "zh-CN": "SQL", en: "SQL" },
  exportNone: {
    "zh-CN": "该定义没有 JsonLogic 形式（“最近…天”与列表包含条件无对应写法）",
    en: "This definition has no JsonLogic form (the 'last … days' and list tests have none)",
  },
  exportInvalid: { "zh-CN": "请先修正定义中的问题", en: "Fix the definition first" },
  sqlParameters: { "zh-CN": "绑定参数", en: "Bind parameters" },
  // A segment definition refused by validateSegment, at its place.
  segmentMalformed: {
    "zh-CN": "规则格式不正确：应为 all、any、not 分组或条件",
    en: "Not a rule: expected an all, any or not group, or a condition",
  },
  segmentUnknownField: { "zh-CN": "未知字段：{field}", en: "Unknown field: {field}" },
  segmentOperator: {
    "zh-CN": "字段“{field}”不支持运算符 {op}",
    en: "Field “{field}” does not support the operator {op}",
  },
  segmentValueType: { "zh-CN": "{op} 的取值应为{expected}", en: "{op} expects {expected}" },
  segmentEmptyGroup: { "zh-CN": "条件组不能为空", en: "A group needs at least one rule" },
  segmentTooDeep: { "zh-CN": "规则嵌套超过 {max} 层", en: "Rules are nested more than {max} levels deep" },
  segmentTooLarge: { "zh-CN": "规则节点超过 {max} 个", en: "The segment has more than {max} rules" },
  segmentTooManyValues: { "zh-CN": "取值超过 {max} 个", en: "More than {max} values" },
  segmentRange: { "zh-CN": "区间下限不能大于上限", en: "The lower bound is above the upper bound" },
} as const satisfies Record<string, Label>;

export type SegmentMessageKey = keyof typeof SEGMENT_MESSAGES;

const SEGMENT_MESSAGES_TABLE = /* @__PURE__ */ messageTable<SegmentMessageKey>(SEGMENT_MESSAGES);
/** A segment-builder message in a locale, with `{name}` placeholders filled from `params`. */
export const segmentMessage = SEGMENT_MESSAGES_TABLE.text;
export const segmentMessageKeys = SEGMENT_MESSAGES_TABLE.keys;
