/** zh-CN and English labels for every value of every vocabulary. */
import type { VocabularyName, vocabularies } from "../schemas/enums.js";
import type { Label, Locale } from "./locale.js";
import { careReasonLabels, offerDismissalLabels, offerExclusionLabels, rfmMeaningLabels } from "./care-labels.js";
import { amlRiskRatingLabels, privacyRightLabels } from "./compliance-labels.js";
import { knowledgeKindLabels, knowledgeStatusLabels } from "./knowledge-labels.js";
import { loyaltyEntryKindLabels, pricingKindLabels, pricingStatusLabels } from "./loyalty-labels.js";
import { contactPersonRoleLabels, relationshipGroupKindLabels, relationshipRoleLabels } from "./sme-labels.js";

export type Labels = { [V in VocabularyName]: { [K in (typeof vocabularies)[V][number]]: Label } };

/* Each vocabulary's table is its own export, so a bundle keeps only the tables it uses (labelIn). */
export const customerKindLabels = {
  individual: { "zh-CN": "个人客户", en: "Individual" },
  corporate: { "zh-CN": "对公客户", en: "Corporate / SME" },
} as const satisfies Labels["customerKind"];
export const genderLabels = {
  male: { "zh-CN": "男", en: "Male" },
  female: { "zh-CN": "女", en: "Female" },
} as const satisfies Labels["gender"];
export const customerStatusLabels = {
  active: { "zh-CN": "正常", en: "Active" },
  dormant: { "zh-CN": "休眠", en: "Dormant" },
  closed: { "zh-CN": "已销户", en: "Closed" },
} as const satisfies Labels["customerStatus"];
export const idDocumentTypeLabels = {
  resident_id: { "zh-CN": "居民身份证", en: "Resident ID card" },
  passport: { "zh-CN": "护照", en: "Passport" },
  hk_macao_permit: { "zh-CN": "港澳居民来往内地通行证", en: "Mainland travel permit (HK/Macao)" },
  taiwan_permit: { "zh-CN": "台湾居民来往大陆通行证", en: "Mainland travel permit (Taiwan)" },
  foreign_permanent_resident_id: { "zh-CN": "外国人永久居留身份证", en: "Foreign permanent resident ID" },
  other: { "zh-CN": "其他证件", en: "Other document" },
} as const satisfies Labels["idDocumentType"];
export const educationLabels = {
  primary: { "zh-CN": "小学", en: "Primary school" },
  secondary: { "zh-CN": "中学", en: "Secondary school" },
  vocational: { "zh-CN": "中专/职高", en: "Vocational school" },
  associate: { "zh-CN": "大专", en: "Associate degree" },
  bachelor: { "zh-CN": "本科", en: "Bachelor's degree" },
  master: { "zh-CN": "硕士", en: "Master's degree" },
  doctorate: { "zh-CN": "博士", en: "Doctorate" },
} as const satisfies Labels["education"];
export const maritalStatusLabels = {
  single: { "zh-CN": "未婚", en: "Single" },
  married: { "zh-CN": "已婚", en: "Married" },
  divorced: { "zh-CN": "离异", en: "Divorced" },
  widowed: { "zh-CN": "丧偶", en: "Widowed" },
} as const satisfies Labels["maritalStatus"];
export const occupationLabels = {
  civil_servant: { "zh-CN": "公务员", en: "Civil servant" },
  executive: { "zh-CN": "企业高管", en: "Executive" },
  professional: { "zh-CN": "专业技术人员", en: "Professional" },
  office_worker: { "zh-CN": "企业职员", en: "Office worker" },
  worker: { "zh-CN": "工人", en: "Worker" },
  business_owner: { "zh-CN": "企业主", en: "Business owner" },
  self_employed: { "zh-CN": "个体工商户", en: "Self-employed" },
  farmer: { "zh-CN": "农民", en: "Farmer" },
  military: { "zh-CN": "军人", en: "Military" },
  retired: { "zh-CN": "离退休人员", en: "Retired" },
  student: { "zh-CN": "学生", en: "Student" },
  freelancer: { "zh-CN": "自由职业", en: "Freelancer" },
  unemployed: { "zh-CN": "待业", en: "Unemployed" },
} as const satisfies Labels["occupation"];
export const industryLabels = {
  agriculture: { "zh-CN": "农林牧渔业", en: "Agriculture" },
  mining: { "zh-CN": "采矿业", en: "Mining" },
  manufacturing: { "zh-CN": "制造业", en: "Manufacturing" },
  utilities: { "zh-CN": "电力燃气水", en: "Utilities" },
  construction: { "zh-CN": "建筑业", en: "Construction" },
  wholesale_retail: { "zh-CN": "批发和零售业", en: "Wholesale and retail" },
  transport_logistics: { "zh-CN": "交通运输物流", en: "Transport and logistics" },
  hospitality_catering: { "zh-CN": "住宿和餐饮业", en: "Hospitality and catering" },
  information_technology: { "zh-CN": "信息技术服务", en: "Information technology" },
  finance: { "zh-CN": "金融业", en: "Finance" },
  real_estate: { "zh-CN": "房地产业", en: "Real estate" },
  business_services: { "zh-CN": "租赁和商务服务", en: "Business services" },
  research_technology: { "zh-CN": "科学研究和技术服务", en: "Research and technology" },
  education: { "zh-CN": "教育", en: "Education" },
  healthcare: { "zh-CN": "卫生和社会工作", en: "Healthcare" },
  culture_sports: { "zh-CN": "文化体育娱乐", en: "Culture and sports" },
  other: { "zh-CN": "其他行业", en: "Other" },
} as const satisfies Labels["industry"];
export const enterpriseSizeLabels = {
  large: { "zh-CN": "大型企业", en: "Large" },
  medium: { "zh-CN": "中型企业", en: "Medium" },
  small: { "zh-CN": "小型企业", en: "Small" },
  micro: { "zh-CN": "微型企业", en: "Micro" },
} as const satisfies Labels["enterpriseSize"];
export const contactChannelLabels = {
  branch: { "zh-CN": "网点", en: "Branch" },
  phone: { "zh-CN": "电话", en: "Phone" },
  sms: { "zh-CN": "短信", en: "SMS" },
  email: { "zh-CN": "电子邮件", en: "Email" },
  wechat: { "zh-CN": "微信", en: "WeChat" },
  mobile_app: { "zh-CN": "手机银行", en: "Mobile app" },
  online_banking: { "zh-CN": "网上银行", en: "Online banking" },
  visit: { "zh-CN": "上门拜访", en: "Visit" },
} as const satisfies Labels["contactChannel"];
export const contactTimeLabels = {
  morning: { "zh-CN": "上午", en: "Morning" },
  noon: { "zh-CN": "中午", en: "Noon" },
  afternoon: { "zh-CN": "下午", en: "Afternoon" },
  evening: { "zh-CN": "晚上", en: "Evening" },
  weekend: { "zh-CN": "周末", en: "Weekend" },
  anytime: { "zh-CN": "任何时间", en: "Any time" },
} as const satisfies Labels["contactTime"];
export const riskToleranceLabels = {
  C1: { "zh-CN": "C1 保守型", en: "C1 Conservative" },
  C2: { "zh-CN": "C2 稳健型", en: "C2 Moderately conservative" },
  C3: { "zh-CN": "C3 平衡型", en: "C3 Balanced" },
  C4: { "zh-CN": "C4 成长型", en: "C4 Growth" },
  C5: { "zh-CN": "C5 进取型", en: "C5 Aggressive" },
} as const satisfies Labels["riskTolerance"];
export const productRiskLevelLabels = {
  R1: { "zh-CN": "R1 低风险", en: "R1 Low risk" },
  R2: { "zh-CN": "R2 中低风险", en: "R2 Medium-low risk" },
  R3: { "zh-CN": "R3 中风险", en: "R3 Medium risk" },
  R4: { "zh-CN": "R4 中高风险", en: "R4 Medium-high risk" },
  R5: { "zh-CN": "R5 高风险", en: "R5 High risk" },
} as const satisfies Labels["productRiskLevel"];
export const kycStatusLabels = {
  pending: { "zh-CN": "待核实", en: "Pending" },
  verified: { "zh-CN": "已核实", en: "Verified" },
  expired: { "zh-CN": "已过期", en: "Expired" },
  rejected: { "zh-CN": "未通过", en: "Rejected" },
} as const satisfies Labels["kycStatus"];
export const tierLabels = {
  standard: { "zh-CN": "普通客户", en: "Standard" },
  gold: { "zh-CN": "金卡客户", en: "Gold" },
  platinum: { "zh-CN": "白金客户", en: "Platinum" },
  diamond: { "zh-CN": "钻石客户", en: "Diamond" },
  private: { "zh-CN": "私人银行客户", en: "Private banking" },
} as const satisfies Labels["tier"];
export const consentPurposeLabels = {
  marketing: { "zh-CN": "营销推广", en: "Marketing" },
  profiling: { "zh-CN": "用户画像分析", en: "Profiling" },
  third_party_sharing: { "zh-CN": "向第三方提供", en: "Sharing with third parties" },
  cross_border_transfer: { "zh-CN": "跨境传输", en: "Cross-border transfer" },
  sensitive_processing: {
    "zh-CN": "处理敏感个人信息（金融账户）的单独同意",
    en: "Separate consent for sensitive information (financial accounts)",
  },
} as const satisfies Labels["consentPurpose"];
export const consentChannelLabels = {
  sms: { "zh-CN": "短信", en: "SMS" },
  phone: { "zh-CN": "电话", en: "Phone" },
  email: { "zh-CN": "电子邮件", en: "Email" },
  wechat: { "zh-CN": "微信", en: "WeChat" },
  mobile_app: { "zh-CN": "手机银行", en: "Mobile app" },
  all: { "zh-CN": "全部渠道", en: "All channels" },
} as const satisfies Labels["consentChannel"];
export const productTypeLabels = {
  current_deposit: { "zh-CN": "活期存款", en: "Current deposit" },
  time_deposit: { "zh-CN": "定期存款", en: "Time deposit" },
  certificate_of_deposit: { "zh-CN": "大额存单", en: "Certificate of deposit" },
  mortgage: { "zh-CN": "个人住房贷款", en: "Mortgage" },
  consumer_loan: { "zh-CN": "个人消费贷款", en: "Consumer loan" },
  business_loan: { "zh-CN": "经营贷款", en: "Business loan" },
  credit_card: { "zh-CN": "信用卡", en: "Credit card" },
  wealth_management: { "zh-CN": "理财产品", en: "Wealth management" },
  fund: { "zh-CN": "基金", en: "Fund" },
  insurance: { "zh-CN": "保险", en: "Insurance" },
  precious_metal: { "zh-CN": "贵金属", en: "Precious metals" },
  treasury_bond: { "zh-CN": "国债", en: "Treasury bond" },
} as const satisfies Labels["productType"];
export const holdingStatusLabels = {
  active: { "zh-CN": "正常", en: "Active" },
  dormant: { "zh-CN": "久悬", en: "Dormant" },
  frozen: { "zh-CN": "冻结", en: "Frozen" },
  overdue: { "zh-CN": "逾期", en: "Overdue" },
  matured: { "zh-CN": "已到期", en: "Matured" },
  closed: { "zh-CN": "已销户", en: "Closed" },
} as const satisfies Labels["holdingStatus"];
export const transactionDirectionLabels = {
  credit: { "zh-CN": "收入", en: "Credit" },
  debit: { "zh-CN": "支出", en: "Debit" },
} as const satisfies Labels["transactionDirection"];
export const transactionChannelLabels = {
  branch_counter: { "zh-CN": "柜面", en: "Branch counter" },
  atm: { "zh-CN": "ATM", en: "ATM" },
  online_banking: { "zh-CN": "网上银行", en: "Online banking" },
  mobile_app: { "zh-CN": "手机银行", en: "Mobile app" },
  phone_banking: { "zh-CN": "电话银行", en: "Phone banking" },
  pos: { "zh-CN": "POS", en: "POS" },
  wechat: { "zh-CN": "微信银行", en: "WeChat banking" },
} as const satisfies Labels["transactionChannel"];
export const transactionCategoryLabels = {
  salary: { "zh-CN": "工资", en: "Salary" },
  transfer: { "zh-CN": "转账", en: "Transfer" },
  consumption: { "zh-CN": "消费", en: "Purchase" },
  cash_deposit: { "zh-CN": "现金存入", en: "Cash deposit" },
  cash_withdrawal: { "zh-CN": "取现", en: "Cash withdrawal" },
  loan_disbursement: { "zh-CN": "贷款发放", en: "Loan disbursement" },
  loan_repayment: { "zh-CN": "贷款还款", en: "Loan repayment" },
  card_repayment: { "zh-CN": "信用卡还款", en: "Card repayment" },
  investment_purchase: { "zh-CN": "投资申购", en: "Investment purchase" },
  investment_redemption: { "zh-CN": "投资赎回", en: "Investment redemption" },
  interest: { "zh-CN": "利息", en: "Interest" },
  fee: { "zh-CN": "手续费", en: "Fee" },
  utility: { "zh-CN": "生活缴费", en: "Utility payment" },
  insurance_premium: { "zh-CN": "保费", en: "Insurance premium" },
  other: { "zh-CN": "其他", en: "Other" },
} as const satisfies Labels["transactionCategory"];
export const interactionChannelLabels = {
  branch: { "zh-CN": "网点", en: "Branch" },
  phone: { "zh-CN": "电话", en: "Phone" },
  call_center_inbound: { "zh-CN": "客服中心呼入", en: "Call centre (inbound)" },
  call_center_outbound: { "zh-CN": "客服中心外呼", en: "Call centre (outbound)" },
  online_banking: { "zh-CN": "网上银行", en: "Online banking" },
  mobile_app: { "zh-CN": "手机银行", en: "Mobile app" },
  wechat: { "zh-CN": "微信", en: "WeChat" },
  email: { "zh-CN": "电子邮件", en: "Email" },
  sms: { "zh-CN": "短信", en: "SMS" },
  visit: { "zh-CN": "上门拜访", en: "Visit" },
} as const satisfies Labels["interactionChannel"];
export const interactionTypeLabels = {
  visit: { "zh-CN": "拜访", en: "Visit" },
  call: { "zh-CN": "通话", en: "Call" },
  inquiry: { "zh-CN": "咨询", en: "Inquiry" },
  complaint: { "zh-CN": "投诉", en: "Complaint" },
  service: { "zh-CN": "服务", en: "Service" },
  campaign_contact: { "zh-CN": "营销触达", en: "Campaign contact" },
  note: { "zh-CN": "备注", en: "Note" },
} as const satisfies Labels["interactionType"];
export const interactionOutcomeLabels = {
  successful: { "zh-CN": "成功", en: "Successful" },
  follow_up: { "zh-CN": "需跟进", en: "Follow-up needed" },
  no_answer: { "zh-CN": "未接通", en: "No answer" },
  declined: { "zh-CN": "客户拒绝", en: "Declined" },
  resolved: { "zh-CN": "已解决", en: "Resolved" },
  escalated: { "zh-CN": "已升级", en: "Escalated" },
  informational: { "zh-CN": "告知类", en: "Informational" },
} as const satisfies Labels["interactionOutcome"];
export const leadStatusLabels = {
  new: { "zh-CN": "新线索", en: "New" },
  contacted: { "zh-CN": "已联系", en: "Contacted" },
  qualified: { "zh-CN": "已确认", en: "Qualified" },
  converted: { "zh-CN": "已转化", en: "Converted" },
  disqualified: { "zh-CN": "无效", en: "Disqualified" },
} as const satisfies Labels["leadStatus"];
export const leadSourceLabels = {
  branch_walk_in: { "zh-CN": "网点到访", en: "Branch walk-in" },
  internet_banking: { "zh-CN": "网上银行", en: "Internet banking" },
  mobile_app: { "zh-CN": "手机银行", en: "Mobile app" },
  call_center: { "zh-CN": "客服中心", en: "Call centre" },
  referral: { "zh-CN": "客户推荐", en: "Referral" },
  campaign: { "zh-CN": "营销活动", en: "Campaign" },
  event: { "zh-CN": "客户活动", en: "Event" },
  rm_outreach: { "zh-CN": "客户经理拓展", en: "RM outreach" },
} as const satisfies Labels["leadSource"];
export const leadPurposeLabels = {
  wealth_consultation: { "zh-CN": "理财咨询", en: "Wealth consultation" },
  mortgage: { "zh-CN": "房贷咨询", en: "Mortgage" },
  consumer_loan: { "zh-CN": "消费贷款", en: "Consumer loan" },
  business_loan: { "zh-CN": "经营贷款", en: "Business loan" },
  credit_card: { "zh-CN": "信用卡申请", en: "Credit card" },
  account_opening: { "zh-CN": "开户预约", en: "Account opening" },
  insurance: { "zh-CN": "保险咨询", en: "Insurance" },
  other: { "zh-CN": "其他需求", en: "Other" },
} as const satisfies Labels["leadPurpose"];
export const opportunityStageLabels = {
  prospecting: { "zh-CN": "发掘", en: "Prospecting" },
  qualification: { "zh-CN": "确认需求", en: "Qualification" },
  needs_analysis: { "zh-CN": "需求分析", en: "Needs analysis" },
  proposal: { "zh-CN": "方案建议", en: "Proposal" },
  negotiation: { "zh-CN": "商务洽谈", en: "Negotiation" },
  won: { "zh-CN": "成交", en: "Won" },
  lost: { "zh-CN": "失败", en: "Lost" },
} as const satisfies Labels["opportunityStage"];
export const campaignStatusLabels = {
  draft: { "zh-CN": "草稿", en: "Draft" },
  scheduled: { "zh-CN": "待开始", en: "Scheduled" },
  active: { "zh-CN": "进行中", en: "Active" },
  completed: { "zh-CN": "已结束", en: "Completed" },
  cancelled: { "zh-CN": "已取消", en: "Cancelled" },
} as const satisfies Labels["campaignStatus"];
export const campaignChannelLabels = {
  sms: { "zh-CN": "短信", en: "SMS" },
  phone: { "zh-CN": "电话", en: "Phone" },
  email: { "zh-CN": "电子邮件", en: "Email" },
  wechat: { "zh-CN": "微信", en: "WeChat" },
  mobile_app_push: { "zh-CN": "手机银行推送", en: "Mobile app push" },
  online_banking_banner: { "zh-CN": "网银横幅", en: "Online banking banner" },
  branch: { "zh-CN": "网点", en: "Branch" },
  direct_mail: { "zh-CN": "信函", en: "Direct mail" },
} as const satisfies Labels["campaignChannel"];
export const campaignResponseTypeLabels = {
  sent: { "zh-CN": "已发送", en: "Sent" },
  delivered: { "zh-CN": "已送达", en: "Delivered" },
  opened: { "zh-CN": "已打开", en: "Opened" },
  clicked: { "zh-CN": "已点击", en: "Clicked" },
  responded: { "zh-CN": "已回应", en: "Responded" },
  converted: { "zh-CN": "已转化", en: "Converted" },
  opted_out: { "zh-CN": "已退订", en: "Opted out" },
  bounced: { "zh-CN": "未送达", en: "Bounced" },
} as const satisfies Labels["campaignResponseType"];
export const serviceCaseTypeLabels = {
  inquiry: { "zh-CN": "业务咨询", en: "Inquiry" },
  complaint: { "zh-CN": "投诉", en: "Complaint" },
  account_service: { "zh-CN": "账户服务", en: "Account service" },
  card_service: { "zh-CN": "卡片服务", en: "Card service" },
  transaction_dispute: { "zh-CN": "交易争议", en: "Transaction dispute" },
  fraud_report: { "zh-CN": "欺诈举报", en: "Fraud report" },
  loan_service: { "zh-CN": "贷款服务", en: "Loan service" },
  information_update: { "zh-CN": "信息变更", en: "Information update" },
  personal_information: { "zh-CN": "个人信息权利请求", en: "Personal information request" },
  other: { "zh-CN": "其他", en: "Other" },
} as const satisfies Labels["serviceCaseType"];
export const serviceCategoryLabels = {
  account: { "zh-CN": "账户", en: "Account" },
  card: { "zh-CN": "银行卡", en: "Card" },
  deposit: { "zh-CN": "存款", en: "Deposit" },
  loan: { "zh-CN": "贷款", en: "Loan" },
  wealth: { "zh-CN": "理财", en: "Wealth" },
  payment: { "zh-CN": "支付结算", en: "Payments" },
  digital_banking: { "zh-CN": "电子银行", en: "Digital banking" },
  branch_service: { "zh-CN": "网点服务", en: "Branch service" },
  fees: { "zh-CN": "收费", en: "Fees" },
  other: { "zh-CN": "其他", en: "Other" },
} as const satisfies Labels["serviceCategory"];
export const resolutionCodeLabels = {
  explained: { "zh-CN": "已解释说明", en: "Explained" },
  corrected: { "zh-CN": "已更正", en: "Corrected" },
  refunded: { "zh-CN": "已退款", en: "Refunded" },
  compensated: { "zh-CN": "已补偿", en: "Compensated" },
  rejected: { "zh-CN": "诉求不成立", en: "Not upheld" },
  referred: { "zh-CN": "已转交处理", en: "Referred" },
} as const satisfies Labels["resolutionCode"];
export const audienceExclusionLabels = {
  deceased: { "zh-CN": "客户已身故", en: "Deceased" },
  closed: { "zh-CN": "账户已销户", en: "Relationship closed" },
  doNotContact: { "zh-CN": "客户要求勿扰", en: "Asked not to be contacted" },
  noConsent: { "zh-CN": "未授权该渠道营销", en: "No consent for this channel" },
  consentWithdrawn: { "zh-CN": "已撤回营销授权", en: "Consent withdrawn" },
  frequencyCap: { "zh-CN": "近期营销接触已达上限", en: "Contacted too often lately" },
  holdsProduct: { "zh-CN": "已持有该产品", en: "Already holds the product" },
  unsuitable: { "zh-CN": "风险等级不适配", en: "Not suitable for their risk profile" },
} as const satisfies Labels["audienceExclusion"];

export const priorityLabels = {
  low: { "zh-CN": "低", en: "Low" },
  medium: { "zh-CN": "中", en: "Medium" },
  high: { "zh-CN": "高", en: "High" },
  urgent: { "zh-CN": "紧急", en: "Urgent" },
} as const satisfies Labels["priority"];
export const serviceCaseStatusLabels = {
  open: { "zh-CN": "待处理", en: "Open" },
  in_progress: { "zh-CN": "处理中", en: "In progress" },
  pending_customer: { "zh-CN": "待客户反馈", en: "Awaiting customer" },
  resolved: { "zh-CN": "已解决", en: "Resolved" },
  closed: { "zh-CN": "已关闭", en: "Closed" },
} as const satisfies Labels["serviceCaseStatus"];
export const taskTypeLabels = {
  call: { "zh-CN": "电话", en: "Call" },
  visit: { "zh-CN": "拜访", en: "Visit" },
  follow_up: { "zh-CN": "跟进", en: "Follow-up" },
  review: { "zh-CN": "复核", en: "Review" },
  document: { "zh-CN": "资料", en: "Documents" },
  other: { "zh-CN": "其他", en: "Other" },
} as const satisfies Labels["taskType"];
export const taskStatusLabels = {
  open: { "zh-CN": "待办", en: "Open" },
  in_progress: { "zh-CN": "进行中", en: "In progress" },
  done: { "zh-CN": "已完成", en: "Done" },
  cancelled: { "zh-CN": "已取消", en: "Cancelled" },
} as const satisfies Labels["taskStatus"];
export const staffRoleLabels = {
  relationship_manager: { "zh-CN": "客户经理", en: "Relationship manager" },
  teller: { "zh-CN": "柜员", en: "Teller" },
  branch_manager: { "zh-CN": "网点负责人", en: "Branch manager" },
  marketing: { "zh-CN": "营销人员", en: "Marketing" },
  service_agent: { "zh-CN": "客服专员", en: "Service agent" },
  auditor: { "zh-CN": "审计人员", en: "Auditor" },
  privacy_officer: { "zh-CN": "个人信息保护负责人", en: "Privacy officer" },
} as const satisfies Labels["staffRole"];
export const salesMetricLabels = {
  new_customers: { "zh-CN": "新增客户数", en: "New customers" },
  aum_growth: { "zh-CN": "AUM增量", en: "AUM growth" },
  deposit_balance: { "zh-CN": "存款余额", en: "Deposit balance" },
  loan_disbursement: { "zh-CN": "贷款投放", en: "Loan disbursement" },
  wealth_sales: { "zh-CN": "理财销量", en: "Wealth sales" },
  credit_cards_issued: { "zh-CN": "信用卡发卡量", en: "Credit cards issued" },
  insurance_premium: { "zh-CN": "保费收入", en: "Insurance premium" },
  product_sales_count: { "zh-CN": "产品销售笔数", en: "Products sold" },
  product_sales_amount: { "zh-CN": "产品销售金额", en: "Product sales amount" },
  card_activations: { "zh-CN": "信用卡激活量", en: "Card activations" },
} as const satisfies Labels["salesMetric"];
export const rfmSegmentLabels = {
  champions: { "zh-CN": "重要价值客户", en: "Champions" },
  loyal: { "zh-CN": "忠诚客户", en: "Loyal" },
  potential_loyalists: { "zh-CN": "潜力客户", en: "Potential loyalists" },
  new: { "zh-CN": "新客户", en: "New" },
  promising: { "zh-CN": "有望发展客户", en: "Promising" },
  need_attention: { "zh-CN": "需关注客户", en: "Need attention" },
  about_to_sleep: { "zh-CN": "即将沉睡客户", en: "About to sleep" },
  at_risk: { "zh-CN": "流失风险客户", en: "At risk" },
  cant_lose: { "zh-CN": "重要挽留客户", en: "Can't lose" },
  hibernating: { "zh-CN": "沉睡客户", en: "Hibernating" },
  lost: { "zh-CN": "已流失客户", en: "Lost" },
} as const satisfies Labels["rfmSegment"];
export const churnLevelLabels = {
  low: { "zh-CN": "低", en: "Low" },
  medium: { "zh-CN": "中", en: "Medium" },
  high: { "zh-CN": "高", en: "High" },
} as const satisfies Labels["churnLevel"];
export const contributionFactorLabels = {
  depositSpread: { "zh-CN": "存款利差收入", en: "Deposit spread" },
  loanMargin: { "zh-CN": "贷款利差收入", en: "Loan margin" },
  expectedLoss: { "zh-CN": "预期信用损失", en: "Expected credit loss" },
  productFees: { "zh-CN": "产品中间业务收入", en: "Product fees" },
  transactionFees: { "zh-CN": "交易手续费", en: "Transaction fees" },
  costToServe: { "zh-CN": "服务成本", en: "Cost to serve" },
} as const satisfies Labels["contributionFactor"];
export const valueFactorLabels = {
  aum: { "zh-CN": "资产规模（AUM）", en: "Assets under management" },
  contribution: { "zh-CN": "年度贡献度", en: "Annual contribution" },
  productDepth: { "zh-CN": "持有产品数", en: "Product depth" },
  tenure: { "zh-CN": "客户年限", en: "Tenure" },
  engagement: { "zh-CN": "近90天活跃度", en: "Engagement (90 days)" },
  lifetimeValue: { "zh-CN": "预测终身价值", en: "Predicted lifetime value" },
} as const satisfies Labels["valueFactor"];
export const churnReasonLabels = {
  modelDropout: { "zh-CN": "模型预测活跃概率下降", en: "The model sees a falling chance the customer is still active" },
  inactive90: { "zh-CN": "超过90天无交易", en: "No transaction for over 90 days" },
  inactive180: { "zh-CN": "超过180天无交易", en: "No transaction for over 180 days" },
  balanceFalling: { "zh-CN": "资产较年均下降超过20%", en: "Assets more than 20% below their yearly average" },
  balanceCollapsing: { "zh-CN": "资产较年均下降超过50%", en: "Assets more than 50% below their yearly average" },
  complaint: { "zh-CN": "近90天有投诉", en: "A complaint in the last 90 days" },
  complaints: { "zh-CN": "近90天多次投诉", en: "Several complaints in the last 90 days" },
} as const satisfies Labels["churnReason"];
export {
  careReasonLabels,
  offerDismissalLabels,
  offerExclusionLabels,
  rfmMeaningLabels,
  amlRiskRatingLabels,
  privacyRightLabels,
};

const LABELS: Labels = {
  customerKind: customerKindLabels,
  gender: genderLabels,
  customerStatus: customerStatusLabels,
  idDocumentType: idDocumentTypeLabels,
  education: educationLabels,
  maritalStatus: maritalStatusLabels,
  occupation: occupationLabels,
  industry: industryLabels,
  enterpriseSize: enterpriseSizeLabels,
  contactChannel: contactChannelLabels,
  contactTime: contactTimeLabels,
  riskTolerance: riskToleranceLabels,
  productRiskLevel: productRiskLevelLabels,
  kycStatus: kycStatusLabels,
  amlRiskRating: amlRiskRatingLabels,
  privacyRight: privacyRightLabels,
  tier: tierLabels,
  consentPurpose: consentPurposeLabels,
  consentChannel: consentChannelLabels,
  productType: productTypeLabels,
  holdingStatus: holdingStatusLabels,
  transactionDirection: transactionDirectionLabels,
  transactionChannel: transactionChannelLabels,
  transactionCategory: transactionCategoryLabels,
  interactionChannel: interactionChannelLabels,
  interactionType: interactionTypeLabels,
  interactionOutcome: interactionOutcomeLabels,
  leadStatus: leadStatusLabels,
  leadSource: leadSourceLabels,
  leadPurpose: leadPurposeLabels,
  opportunityStage: opportunityStageLabels,
  campaignStatus: campaignStatusLabels,
  knowledgeKind: knowledgeKindLabels,
  loyaltyEntryKind: loyaltyEntryKindLabels,
  pricingKind: pricingKindLabels,
  pricingStatus: pricingStatusLabels,
  contactPersonRole: contactPersonRoleLabels,
  knowledgeStatus: knowledgeStatusLabels,
  campaignChannel: campaignChannelLabels,
  campaignResponseType: campaignResponseTypeLabels,
  serviceCaseType: serviceCaseTypeLabels,
  serviceCategory: serviceCategoryLabels,
  resolutionCode: resolutionCodeLabels,
  audienceExclusion: audienceExclusionLabels,
  priority: priorityLabels,
  serviceCaseStatus: serviceCaseStatusLabels,
  taskType: taskTypeLabels,
  taskStatus: taskStatusLabels,
  staffRole: staffRoleLabels,
  salesMetric: salesMetricLabels,
  relationshipGroupKind: relationshipGroupKindLabels,
  relationshipRole: relationshipRoleLabels,
  rfmSegment: rfmSegmentLabels,
  churnLevel: churnLevelLabels,
  contributionFactor: contributionFactorLabels,
  valueFactor: valueFactorLabels,
  churnReason: churnReasonLabels,
  careReason: careReasonLabels,
  offerExclusion: offerExclusionLabels,
  offerDismissal: offerDismissalLabels,
};

/** A label from one vocabulary's table (`leadPurposeLabels`…): what a size-conscious element uses. */
export function labelIn(table: Readonly<Record<string, Label>>, value: string, locale: Locale): string {
  return table[value]?.[locale] ?? value;
}

/** The label of a vocabulary value in a locale; the raw value when unknown. */
export function label<V extends VocabularyName>(vocabulary: V, value: string, locale: Locale): string {
  return labelIn(LABELS[vocabulary], value, locale);
}

/** All labels of a vocabulary, in order, for pickers. */
export function labelsOf<V extends VocabularyName>(vocabulary: V, locale: Locale): { value: string; label: string }[] {
  const table = LABELS[vocabulary] as Record<string, Label>;
  return Object.entries(table).map(([value, text]) => ({ value, label: text[locale] }));
}
