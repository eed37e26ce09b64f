/** zh-CN and English labels for every value of every vocabulary. */
import type { VocabularyName, vocabularies } from "../schemas/enums.js";
import type { Locale } from "./locale.js";

type Labels = { [V in VocabularyName]: { [K in (typeof vocabularies)[V][number]]: readonly [zh: string, en: string] } };

/* Each vocabulary's table is its own export, so a bundle keeps only the tables it uses (labelIn). */
export const customerKindLabels = {
  individual: ["个人客户", "Individual"],
  corporate: ["对公客户", "Corporate / SME"],
} as const satisfies Labels["customerKind"];
export const genderLabels = { male: ["男", "Male"], female: ["女", "Female"] } as const satisfies Labels["gender"];
export const customerStatusLabels = {
  active: ["正常", "Active"],
  dormant: ["休眠", "Dormant"],
  closed: ["已销户", "Closed"],
} as const satisfies Labels["customerStatus"];
export const idDocumentTypeLabels = {
  resident_id: ["居民身份证", "Resident ID card"],
  passport: ["护照", "Passport"],
  hk_macao_permit: ["港澳居民来往内地通行证", "Mainland travel permit (HK/Macao)"],
  taiwan_permit: ["台湾居民来往大陆通行证", "Mainland travel permit (Taiwan)"],
  foreign_permanent_resident_id: ["外国人永久居留身份证", "Foreign permanent resident ID"],
  other: ["其他证件", "Other document"],
} as const satisfies Labels["idDocumentType"];
export const educationLabels = {
  primary: ["小学", "Primary school"],
  secondary: ["中学", "Secondary school"],
  vocational: ["中专/职高", "Vocational school"],
  associate: ["大专", "Associate degree"],
  bachelor: ["本科", "Bachelor's degree"],
  master: ["硕士", "Master's degree"],
  doctorate: ["博士", "Doctorate"],
} as const satisfies Labels["education"];
export const maritalStatusLabels = {
  single: ["未婚", "Single"],
  married: ["已婚", "Married"],
  divorced: ["离异", "Divorced"],
  widowed: ["丧偶", "Widowed"],
} as const satisfies Labels["maritalStatus"];
export const occupationLabels = {
  civil_servant: ["公务员", "Civil servant"],
  executive: ["企业高管", "Executive"],
  professional: ["专业技术人员", "Professional"],
  office_worker: ["企业职员", "Office worker"],
  worker: ["工人", "Worker"],
  business_owner: ["企业主", "Business owner"],
  self_employed: ["个体工商户", "Self-employed"],
  farmer: ["农民", "Farmer"],
  military: ["军人", "Military"],
  retired: ["离退休人员", "Retired"],
  student: ["学生", "Student"],
  freelancer: ["自由职业", "Freelancer"],
  unemployed: ["待业", "Unemployed"],
} as const satisfies Labels["occupation"];
export const industryLabels = {
  agriculture: ["农林牧渔业", "Agriculture"],
  mining: ["采矿业", "Mining"],
  manufacturing: ["制造业", "Manufacturing"],
  utilities: ["电力燃气水", "Utilities"],
  construction: ["建筑业", "Construction"],
  wholesale_retail: ["批发和零售业", "Wholesale and retail"],
  transport_logistics: ["交通运输物流", "Transport and logistics"],
  hospitality_catering: ["住宿和餐饮业", "Hospitality and catering"],
  information_technology: ["信息技术服务", "Information technology"],
  finance: ["金融业", "Finance"],
  real_estate: ["房地产业", "Real estate"],
  business_services: ["租赁和商务服务", "Business services"],
  research_technology: ["科学研究和技术服务", "Research and technology"],
  education: ["教育", "Education"],
  healthcare: ["卫生和社会工作", "Healthcare"],
  culture_sports: ["文化体育娱乐", "Culture and sports"],
  other: ["其他行业", "Other"],
} as const satisfies Labels["industry"];
export const enterpriseSizeLabels = {
  large: ["大型企业", "Large"],
  medium: ["中型企业", "Medium"],
  small: ["小型企业", "Small"],
  micro: ["微型企业", "Micro"],
} as const satisfies Labels["enterpriseSize"];
export const contactChannelLabels = {
  branch: ["网点", "Branch"],
  phone: ["电话", "Phone"],
  sms: ["短信", "SMS"],
  email: ["电子邮件", "Email"],
  wechat: ["微信", "WeChat"],
  mobile_app: ["手机银行", "Mobile app"],
  online_banking: ["网上银行", "Online banking"],
  visit: ["上门拜访", "Visit"],
} as const satisfies Labels["contactChannel"];
export const contactTimeLabels = {
  morning: ["上午", "Morning"],
  noon: ["中午", "Noon"],
  afternoon: ["下午", "Afternoon"],
  evening: ["晚上", "Evening"],
  weekend: ["周末", "Weekend"],
  anytime: ["任何时间", "Any time"],
} as const satisfies Labels["contactTime"];
export const riskToleranceLabels = {
  C1: ["C1 保守型", "C1 Conservative"],
  C2: ["C2 稳健型", "C2 Moderately conservative"],
  C3: ["C3 平衡型", "C3 Balanced"],
  C4: ["C4 成长型", "C4 Growth"],
  C5: ["C5 进取型", "C5 Aggressive"],
} as const satisfies Labels["riskTolerance"];
export const productRiskLevelLabels = {
  R1: ["R1 低风险", "R1 Low risk"],
  R2: ["R2 中低风险", "R2 Medium-low risk"],
  R3: ["R3 中风险", "R3 Medium risk"],
  R4: ["R4 中高风险", "R4 Medium-high risk"],
  R5: ["R5 高风险", "R5 High risk"],
} as const satisfies Labels["productRiskLevel"];
export const kycStatusLabels = {
  pending: ["待核实", "Pending"],
  verified: ["已核实", "Verified"],
  expired: ["已过期", "Expired"],
  rejected: ["未通过", "Rejected"],
} as const satisfies Labels["kycStatus"];
export const tierLabels = {
  standard: ["普通客户", "Standard"],
  gold: ["金卡客户", "Gold"],
  platinum: ["白金客户", "Platinum"],
  diamond: ["钻石客户", "Diamond"],
  private: ["私人银行客户", "Private banking"],
} as const satisfies Labels["tier"];
export const consentPurposeLabels = {
  marketing: ["营销推广", "Marketing"],
  profiling: ["用户画像分析", "Profiling"],
  third_party_sharing: ["向第三方提供", "Sharing with third parties"],
  cross_border_transfer: ["跨境传输", "Cross-border transfer"],
} as const satisfies Labels["consentPurpose"];
export const consentChannelLabels = {
  sms: ["短信", "SMS"],
  phone: ["电话", "Phone"],
  email: ["电子邮件", "Email"],
  wechat: ["微信", "WeChat"],
  mobile_app: ["手机银行", "Mobile app"],
  all: ["全部渠道", "All channels"],
} as const satisfies Labels["consentChannel"];
export const productTypeLabels = {
  current_deposit: ["活期存款", "Current deposit"],
  time_deposit: ["定期存款", "Time deposit"],
  certificate_of_deposit: ["大额存单", "Certificate of deposit"],
  mortgage: ["个人住房贷款", "Mortgage"],
  consumer_loan: ["个人消费贷款", "Consumer loan"],
  business_loan: ["经营贷款", "Business loan"],
  credit_card: ["信用卡", "Credit card"],
  wealth_management: ["理财产品", "Wealth management"],
  fund: ["基金", "Fund"],
  insurance: ["保险", "Insurance"],
  precious_metal: ["贵金属", "Precious metals"],
  treasury_bond: ["国债", "Treasury bond"],
} as const satisfies Labels["productType"];
export const holdingStatusLabels = {
  active: ["正常", "Active"],
  dormant: ["久悬", "Dormant"],
  frozen: ["冻结", "Frozen"],
  overdue: ["逾期", "Overdue"],
  matured: ["已到期", "Matured"],
  closed: ["已销户", "Closed"],
} as const satisfies Labels["holdingStatus"];
export const transactionDirectionLabels = {
  credit: ["收入", "Credit"],
  debit: ["支出", "Debit"],
} as const satisfies Labels["transactionDirection"];
export const transactionChannelLabels = {
  branch_counter: ["柜面", "Branch counter"],
  atm: ["ATM", "ATM"],
  online_banking: ["网上银行", "Online banking"],
  mobile_app: ["手机银行", "Mobile app"],
  phone_banking: ["电话银行", "Phone banking"],
  pos: ["POS", "POS"],
  wechat: ["微信银行", "WeChat banking"],
} as const satisfies Labels["transactionChannel"];
export const transactionCategoryLabels = {
  salary: ["工资", "Salary"],
  transfer: ["转账", "Transfer"],
  consumption: ["消费", "Purchase"],
  cash_deposit: ["现金存入", "Cash deposit"],
  cash_withdrawal: ["取现", "Cash withdrawal"],
  loan_disbursement: ["贷款发放", "Loan disbursement"],
  loan_repayment: ["贷款还款", "Loan repayment"],
  card_repayment: ["信用卡还款", "Card repayment"],
  investment_purchase: ["投资申购", "Investment purchase"],
  investment_redemption: ["投资赎回", "Investment redemption"],
  interest: ["利息", "Interest"],
  fee: ["手续费", "Fee"],
  utility: ["生活缴费", "Utility payment"],
  insurance_premium: ["保费", "Insurance premium"],
  other: ["其他", "Other"],
} as const satisfies Labels["transactionCategory"];
export const interactionChannelLabels = {
  branch: ["网点", "Branch"],
  phone: ["电话", "Phone"],
  call_center_inbound: ["客服中心呼入", "Call centre (inbound)"],
  call_center_outbound: ["客服中心外呼", "Call centre (outbound)"],
  online_banking: ["网上银行", "Online banking"],
  mobile_app: ["手机银行", "Mobile app"],
  wechat: ["微信", "WeChat"],
  email: ["电子邮件", "Email"],
  sms: ["短信", "SMS"],
  visit: ["上门拜访", "Visit"],
} as const satisfies Labels["interactionChannel"];
export const interactionTypeLabels = {
  visit: ["拜访", "Visit"],
  call: ["通话", "Call"],
  inquiry: ["咨询", "Inquiry"],
  complaint: ["投诉", "Complaint"],
  service: ["服务", "Service"],
  campaign_contact: ["营销触达", "Campaign contact"],
  note: ["备注", "Note"],
} as const satisfies Labels["interactionType"];
export const interactionOutcomeLabels = {
  successful: ["成功", "Successful"],
  follow_up: ["需跟进", "Follow-up needed"],
  no_answer: ["未接通", "No answer"],
  declined: ["客户拒绝", "Declined"],
  resolved: ["已解决", "Resolved"],
  escalated: ["已升级", "Escalated"],
  informational: ["告知类", "Informational"],
} as const satisfies Labels["interactionOutcome"];
export const leadStatusLabels = {
  new: ["新线索", "New"],
  contacted: ["已联系", "Contacted"],
  qualified: ["已确认", "Qualified"],
  converted: ["已转化", "Converted"],
  disqualified: ["无效", "Disqualified"],
} as const satisfies Labels["leadStatus"];
export const leadSourceLabels = {
  branch_walk_in: ["网点到访", "Branch walk-in"],
  internet_banking: ["网上银行", "Internet banking"],
  mobile_app: ["手机银行", "Mobile app"],
  call_center: ["客服中心", "Call centre"],
  referral: ["客户推荐", "Referral"],
  campaign: ["营销活动", "Campaign"],
  event: ["客户活动", "Event"],
  rm_outreach: ["客户经理拓展", "RM outreach"],
} as const satisfies Labels["leadSource"];
export const leadPurposeLabels = {
  wealth_consultation: ["理财咨询", "Wealth consultation"],
  mortgage: ["房贷咨询", "Mortgage"],
  consumer_loan: ["消费贷款", "Consumer loan"],
  business_loan: ["经营贷款", "Business loan"],
  credit_card: ["信用卡申请", "Credit card"],
  account_opening: ["开户预约", "Account opening"],
  insurance: ["保险咨询", "Insurance"],
  other: ["其他需求", "Other"],
} as const satisfies Labels["leadPurpose"];
export const opportunityStageLabels = {
  prospecting: ["发掘", "Prospecting"],
  qualification: ["确认需求", "Qualification"],
  needs_analysis: ["需求分析", "Needs analysis"],
  proposal: ["方案建议", "Proposal"],
  negotiation: ["商务洽谈", "Negotiation"],
  won: ["成交", "Won"],
  lost: ["失败", "Lost"],
} as const satisfies Labels["opportunityStage"];
export const campaignStatusLabels = {
  draft: ["草稿", "Draft"],
  scheduled: ["待开始", "Scheduled"],
  active: ["进行中", "Active"],
  completed: ["已结束", "Completed"],
  cancelled: ["已取消", "Cancelled"],
} as const satisfies Labels["campaignStatus"];
export const campaignChannelLabels = {
  sms: ["短信", "SMS"],
  phone: ["电话", "Phone"],
  email: ["电子邮件", "Email"],
  wechat: ["微信", "WeChat"],
  mobile_app_push: ["手机银行推送", "Mobile app push"],
  online_banking_banner: ["网银横幅", "Online banking banner"],
  branch: ["网点", "Branch"],
  direct_mail: ["信函", "Direct mail"],
} as const satisfies Labels["campaignChannel"];
export const campaignResponseTypeLabels = {
  sent: ["已发送", "Sent"],
  delivered: ["已送达", "Delivered"],
  opened: ["已打开", "Opened"],
  clicked: ["已点击", "Clicked"],
  responded: ["已回应", "Responded"],
  converted: ["已转化", "Converted"],
  opted_out: ["已退订", "Opted out"],
  bounced: ["未送达", "Bounced"],
} as const satisfies Labels["campaignResponseType"];
export const serviceCaseTypeLabels = {
  inquiry: ["业务咨询", "Inquiry"],
  complaint: ["投诉", "Complaint"],
  account_service: ["账户服务", "Account service"],
  card_service: ["卡片服务", "Card service"],
  transaction_dispute: ["交易争议", "Transaction dispute"],
  fraud_report: ["欺诈举报", "Fraud report"],
  loan_service: ["贷款服务", "Loan service"],
  information_update: ["信息变更", "Information update"],
  other: ["其他", "Other"],
} as const satisfies Labels["serviceCaseType"];
export const priorityLabels = {
  low: ["低", "Low"],
  medium: ["中", "Medium"],
  high: ["高", "High"],
  urgent: ["紧急", "Urgent"],
} as const satisfies Labels["priority"];
export const serviceCaseStatusLabels = {
  open: ["待处理", "Open"],
  in_progress: ["处理中", "In progress"],
  pending_customer: ["待客户反馈", "Awaiting customer"],
  resolved: ["已解决", "Resolved"],
  closed: ["已关闭", "Closed"],
} as const satisfies Labels["serviceCaseStatus"];
export const taskTypeLabels = {
  call: ["电话", "Call"],
  visit: ["拜访", "Visit"],
  follow_up: ["跟进", "Follow-up"],
  review: ["复核", "Review"],
  document: ["资料", "Documents"],
  other: ["其他", "Other"],
} as const satisfies Labels["taskType"];
export const taskStatusLabels = {
  open: ["待办", "Open"],
  in_progress: ["进行中", "In progress"],
  done: ["已完成", "Done"],
  cancelled: ["已取消", "Cancelled"],
} as const satisfies Labels["taskStatus"];
export const staffRoleLabels = {
  relationship_manager: ["客户经理", "Relationship manager"],
  teller: ["柜员", "Teller"],
  branch_manager: ["网点负责人", "Branch manager"],
  marketing: ["营销人员", "Marketing"],
  service_agent: ["客服专员", "Service agent"],
  auditor: ["审计人员", "Auditor"],
} as const satisfies Labels["staffRole"];
export const salesMetricLabels = {
  new_customers: ["新增客户数", "New customers"],
  aum_growth: ["AUM增量", "AUM growth"],
  deposit_balance: ["存款余额", "Deposit balance"],
  loan_disbursement: ["贷款投放", "Loan disbursement"],
  wealth_sales: ["理财销量", "Wealth sales"],
  credit_cards_issued: ["信用卡发卡量", "Credit cards issued"],
  insurance_premium: ["保费收入", "Insurance premium"],
} as const satisfies Labels["salesMetric"];
export const relationshipGroupKindLabels = {
  household: ["家庭", "Household"],
  corporate_group: ["集团客户", "Corporate group"],
} as const satisfies Labels["relationshipGroupKind"];
export const relationshipRoleLabels = {
  head: ["户主", "Head of household"],
  spouse: ["配偶", "Spouse"],
  child: ["子女", "Child"],
  parent: ["父母", "Parent"],
  sibling: ["兄弟姐妹", "Sibling"],
  guarantor: ["担保人", "Guarantor"],
  legal_representative: ["法定代表人", "Legal representative"],
  shareholder: ["股东", "Shareholder"],
  actual_controller: ["实际控制人", "Actual controller"],
  parent_company: ["母公司", "Parent company"],
  subsidiary: ["子公司", "Subsidiary"],
  affiliate: ["关联企业", "Affiliate"],
} as const satisfies Labels["relationshipRole"];
export const rfmSegmentLabels = {
  champions: ["重要价值客户", "Champions"],
  loyal: ["忠诚客户", "Loyal"],
  potential_loyalists: ["潜力客户", "Potential loyalists"],
  new: ["新客户", "New"],
  promising: ["有望发展客户", "Promising"],
  need_attention: ["需关注客户", "Need attention"],
  about_to_sleep: ["即将沉睡客户", "About to sleep"],
  at_risk: ["流失风险客户", "At risk"],
  cant_lose: ["重要挽留客户", "Can't lose"],
  hibernating: ["沉睡客户", "Hibernating"],
  lost: ["已流失客户", "Lost"],
} as const satisfies Labels["rfmSegment"];
export const churnLevelLabels = {
  low: ["低", "Low"],
  medium: ["中", "Medium"],
  high: ["高", "High"],
} as const satisfies Labels["churnLevel"];
export const contributionFactorLabels = {
  depositSpread: ["存款利差收入", "Deposit spread"],
  loanMargin: ["贷款利差收入", "Loan margin"],
  expectedLoss: ["预期信用损失", "Expected credit loss"],
  productFees: ["产品中间业务收入", "Product fees"],
  transactionFees: ["交易手续费", "Transaction fees"],
  costToServe: ["服务成本", "Cost to serve"],
} as const satisfies Labels["contributionFactor"];
export const valueFactorLabels = {
  aum: ["资产规模（AUM）", "Assets under management"],
  contribution: ["年度贡献度", "Annual contribution"],
  productDepth: ["持有产品数", "Product depth"],
  tenure: ["客户年限", "Tenure"],
  engagement: ["近90天活跃度", "Engagement (90 days)"],
  lifetimeValue: ["预测终身价值", "Predicted lifetime value"],
} as const satisfies Labels["valueFactor"];
export const churnReasonLabels = {
  modelDropout: ["模型预测活跃概率下降", "The model sees a falling chance the customer is still active"],
  inactive90: ["超过90天无交易", "No transaction for over 90 days"],
  inactive180: ["超过180天无交易", "No transaction for over 180 days"],
  balanceFalling: ["资产较年均下降超过20%", "Assets more than 20% below their yearly average"],
  balanceCollapsing: ["资产较年均下降超过50%", "Assets more than 50% below their yearly average"],
  complaint: ["近90天有投诉", "A complaint in the last 90 days"],
  complaints: ["近90天多次投诉", "Several complaints in the last 90 days"],
} as const satisfies Labels["churnReason"];
export const offerExclusionLabels = {
  held: ["客户已持有", "Already held"],
  aboveRiskTolerance: ["产品风险等级高于客户风险承受能力", "Product risk above the customer's risk tolerance"],
  noRiskAssessment: ["客户未做风险测评", "No risk assessment on file"],
  riskAssessmentExpired: ["风险测评已过期", "Risk assessment has expired"],
  noMarketingConsent: ["客户未同意营销", "No marketing consent"],
} as const satisfies Labels["offerExclusion"];

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
  campaignChannel: campaignChannelLabels,
  campaignResponseType: campaignResponseTypeLabels,
  serviceCaseType: serviceCaseTypeLabels,
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
  offerExclusion: offerExclusionLabels,
};

/** A label from one vocabulary's table (`leadPurposeLabels`…): what a size-conscious element uses. */
export function labelIn(
  table: Readonly<Record<string, readonly [string, string]>>,
  value: string,
  locale: Locale,
): string {
  const entry = table[value];
  if (!entry) return value;
  return locale === "zh-CN" ? entry[0] : entry[1];
}

/** The label of a vocabulary value in a locale; the raw value when unknown. */
export function label<V extends VocabularyName>(vocabulary: V, value: string, locale: Locale): string {
  return labelIn(LABELS[vocabulary], value, locale);
}

/** All labels of a vocabulary, in order, for pickers. */
export function labelsOf<V extends VocabularyName>(vocabulary: V, locale: Locale): { value: string; label: string }[] {
  return Object.entries(LABELS[vocabulary] as Record<string, readonly [string, string]>).map(([value, [zh, en]]) => ({
    value,
    label: locale === "zh-CN" ? zh : en,
  }));
}
