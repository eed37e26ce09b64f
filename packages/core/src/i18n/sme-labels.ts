/** The words of a customer's people: a household's or company group's members and roles, a company's contact persons. */
import type { Labels } from "./labels.js";

export const contactPersonRoleLabels = {
  legal_representative: { "zh-CN": "法定代表人", en: "Legal representative" },
  actual_controller: { "zh-CN": "实际控制人", en: "Actual controller" },
  finance_manager: { "zh-CN": "财务负责人", en: "Finance manager" },
  authorized_agent: { "zh-CN": "授权经办人", en: "Authorised agent" },
  other: { "zh-CN": "其他联系人", en: "Other contact" },
} as const satisfies Labels["contactPersonRole"];

export const relationshipGroupKindLabels = {
  household: { "zh-CN": "家庭", en: "Household" },
  corporate_group: { "zh-CN": "集团客户", en: "Corporate group" },
} as const satisfies Labels["relationshipGroupKind"];
export const relationshipRoleLabels = {
  head: { "zh-CN": "户主", en: "Head of household" },
  spouse: { "zh-CN": "配偶", en: "Spouse" },
  child: { "zh-CN": "子女", en: "Child" },
  parent: { "zh-CN": "父母", en: "Parent" },
  sibling: { "zh-CN": "兄弟姐妹", en: "Sibling" },
  guarantor: { "zh-CN": "担保人", en: "Guarantor" },
  legal_representative: { "zh-CN": "法定代表人", en: "Legal representative" },
  shareholder: { "zh-CN": "股东", en: "Shareholder" },
  actual_controller: { "zh-CN": "实际控制人", en: "Actual controller" },
  parent_company: { "zh-CN": "母公司", en: "Parent company" },
  subsidiary: { "zh-CN": "子公司", en: "Subsidiary" },
  affiliate: { "zh-CN": "关联企业", en: "Affiliate" },
} as const satisfies Labels["relationshipRole"];
