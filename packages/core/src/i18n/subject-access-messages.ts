/** The words of a person's copy of their data (compliance/subject-access.ts), in zh-CN and English. */
import type { CollectionName } from "../collections/table.js";
import type { Label } from "./locale.js";

export const SUBJECT_ACCESS_TEXT = {
  title: { "zh-CN": "# 个人信息副本", en: "# A copy of your personal information" },
  intro: {
    "zh-CN":
      "客户号 {id}。本副本列出本行截至 {at} 持有的、与您有关的全部个人信息（《个人信息保护法》第四十四、四十五条）。",
    en: "Customer {id}. This copy lists all the personal information about you the bank held at {at} (PIPL Arts. 44–45).",
  },
  withheldTitle: { "zh-CN": "未提供的内容及原因", en: "What is not in this copy, and why" },
  nothingWithheld: { "zh-CN": "无。", en: "Nothing." },
  collections: {
    customers: { "zh-CN": "客户资料", en: "Your customer record" },
    holdings: { "zh-CN": "持有的产品与账户", en: "Products and accounts you hold" },
    transactions: { "zh-CN": "交易记录", en: "Transactions" },
    interactions: { "zh-CN": "联系记录", en: "Contacts with you" },
    serviceCases: { "zh-CN": "服务请求与投诉", en: "Service requests and complaints" },
    campaignResponses: { "zh-CN": "营销活动反馈", en: "Responses to campaigns" },
    leads: { "zh-CN": "业务意向", en: "Enquiries" },
    opportunities: { "zh-CN": "销售机会", en: "Sales opportunities" },
    campaigns: { "zh-CN": "营销活动", en: "Campaigns" },
    campaignMembers: { "zh-CN": "营销活动名单", en: "Campaigns you were chosen for" },
    segments: { "zh-CN": "客户细分", en: "Segments" },
    salesTargets: { "zh-CN": "销售目标", en: "Sales targets" },
    tasks: { "zh-CN": "为您安排的工作", en: "Work scheduled for you" },
    relationshipGroups: { "zh-CN": "家庭与企业关系", en: "Households and company groups" },
    customerChanges: { "zh-CN": "资料变更记录", en: "Changes to your details" },
  } satisfies Record<CollectionName, Label>,
  withheld: {
    otherMembers: {
      "zh-CN": "您所在家庭或企业关系中其他成员的身份：属于他人的个人信息，可由其本人申请",
      en: "Who the other members of your household or company group are: their personal information, theirs to ask for",
    },
    staffIdentifiers: {
      "zh-CN": "本行员工的工号：属于员工的个人信息",
      en: "The bank's staff numbers: the employees' personal information",
    },
    amlRiskRating: {
      "zh-CN": "反洗钱风险等级：依《反洗钱法》不得告知",
      en: "The anti-money-laundering risk rating: the AML law forbids disclosing it",
    },
  },
} as const;
