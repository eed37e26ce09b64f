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
    knowledgeArticles: { "zh-CN": "知识库", en: "Knowledge base" },
    loyaltyEntries: { "zh-CN": "积分明细", en: "Your points" },
    preferentialPrices: { "zh-CN": "优惠定价", en: "Preferential prices" },
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

/** The words of the answer to a deletion request (compliance/retention.ts): what was erased, and what is kept and why. */
export const ERASURE_TEXT = {
  title: { "zh-CN": "# 个人信息删除请求答复", en: "# Our answer to your request to delete your personal information" },
  intro: {
    "zh-CN": "客户号 {id}。本行已于 {at} 按您的请求处理您的个人信息（《个人信息保护法》第四十七条）。",
    en: "Customer {id}. On {at} the bank acted on your request to delete your personal information (PIPL Art. 47).",
  },
  erased: { "zh-CN": "已删除", en: "Deleted" },
  anonymised: {
    "zh-CN": "已匿名化（仅用于统计，不再指向您）",
    en: "Anonymised (kept for the bank's figures, no longer about you)",
  },
  restricted: {
    "zh-CN": "依法保存、停止其他处理的内容及原因",
    en: "What the law keeps, stored and no longer used, and why",
  },
  restrictedNote: {
    "zh-CN":
      "以上内容仅作存储和必要的安全保护，不再用于营销、画像等处理；保存期满后删除或匿名化。您的营销、画像等同意均已撤回。",
    en: "These are only stored and kept safe — no longer used for marketing, profiling or anything else — and deleted or anonymised when the period ends. Every consent you had given is withdrawn.",
  },
  nothing: { "zh-CN": "无。", en: "Nothing." },
  until: { "zh-CN": "保存至 {until}", en: "kept until {until}" },
  untilRange: { "zh-CN": "分别保存至 {first} 至 {last}", en: "each kept until a day from {first} to {last}" },
  whileRelationship: {
    "zh-CN": "业务关系存续期间及结束后 {years} 年",
    en: "while the relationship lasts and {years} years after it ends",
  },
  whileOpen: { "zh-CN": "业务关系存续期间", en: "while the relationship lasts" },
  untilDone: { "zh-CN": "至办结", en: "until it is closed" },
  holds: {
    contract: {
      "zh-CN": "您与本行的业务关系仍在存续，为履行合同所必需（《个人信息保护法》第十三条）",
      en: "Your relationship with the bank continues, and it is needed to perform it (PIPL Art. 13)",
    },
    aml: {
      "zh-CN": "《反洗钱法》要求客户身份资料在业务关系结束后、交易信息在交易结束后保存 {years} 年",
      en: "The AML law keeps identity data for {years} years after the relationship ends, and transaction data for {years} years after each transaction",
    },
    saleEvidence: {
      "zh-CN": "理财、基金、保险等产品销售的适当性和双录记录，本行依规保存",
      en: "A wealth, fund or insurance sale's suitability and dual-recording evidence, kept under the sales rules",
    },
    caseRecord: {
      "zh-CN": "投诉及个人信息请求的办理记录，供监管检查，本行依规保存",
      en: "How a complaint or a request about your personal information was handled, kept for the regulator's checks",
    },
    openCase: {
      "zh-CN": "尚未办结的服务请求或投诉，办结前需保留",
      en: "A service request or complaint still open, kept until it is closed",
    },
  },
} as const;
