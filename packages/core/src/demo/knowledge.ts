/**
 * The demo bank's knowledge base (营销知识管理): product scripts, questions customers ask and how to answer
 * objections, written by head office marketing and published by a branch manager (four eyes). Written by people for
 * the demo, in the words a bank's script would use — including what regulation requires a script to say.
 */
import type { KnowledgeArticle } from "../schemas/knowledge-article.js";
import { addDays, isoDateTime } from "./time.js";

type Draft = Pick<KnowledgeArticle, "id" | "kind" | "locale" | "title" | "body"> &
  Partial<Pick<KnowledgeArticle, "productTypes" | "tags" | "status">>;

const ARTICLES: readonly Draft[] = [
  {
    id: "KB-WM-INTRO",
    kind: "script",
    locale: "zh-CN",
    title: "理财产品推介话术（首次沟通）",
    productTypes: ["wealth_management"],
    tags: ["理财", "风险测评", "适当性"],
    body: [
      "1. 先确认客户的风险测评结果在有效期内，只介绍不高于其风险承受能力的产品。",
      "2. 开场：“您好，根据您近期的资金安排，我们有几款期限和风险都比较匹配的理财产品，想花两分钟给您介绍一下。”",
      "3. 说明产品的期限、业绩比较基准、风险等级和申赎规则；业绩比较基准不代表未来收益。",
      "4. 必须提示：“理财非存款，产品有风险，投资须谨慎。”",
      "5. 客户有意向时，约定到网点或通过手机银行完成购买，双录要求按产品说明书执行。",
    ].join("\n"),
  },
  {
    id: "KB-WM-LOWYIELD",
    kind: "objection",
    locale: "zh-CN",
    title: "客户说“收益太低，不如放余额宝”",
    productTypes: ["wealth_management", "time_deposit"],
    tags: ["收益", "异议", "流动性"],
    body: [
      "先认同：“流动性确实很重要，随用随取很方便。”",
      "再区分资金用途：日常备用的钱放在活期或现金管理类产品；一年内用不到的钱可以考虑期限匹配的定期或理财。",
      "比较时只说产品说明书上的事实（期限、业绩比较基准、风险等级），不承诺收益，不贬低他行或其他平台的产品。",
    ].join("\n"),
  },
  {
    id: "KB-WM-RISK",
    kind: "objection",
    locale: "zh-CN",
    title: "客户担心理财亏损、风险太大",
    productTypes: ["wealth_management", "fund"],
    tags: ["风险", "异议", "净值"],
    body: [
      "说明净值型产品的净值会有波动，过往业绩不代表未来表现。",
      "回到客户的风险测评：只推荐风险等级不高于其承受能力的产品；客户仍有顾虑时，可介绍大额存单或国债等低风险选择。",
      "不以任何方式承诺保本保收益。",
    ].join("\n"),
  },
  {
    id: "KB-MTG-PREPAY",
    kind: "faq",
    locale: "zh-CN",
    title: "房贷提前还款怎么办理？",
    productTypes: ["mortgage"],
    tags: ["提前还款", "房贷", "还款"],
    body: [
      "客户可通过手机银行或到贷款经办网点申请提前还款，部分提前还款或全部结清均可。",
      "办理前请客户确认：还款账户余额充足；提前还款后可选择缩短期限或减少月供。",
      "提前还款是否收取违约金，以借款合同约定为准；答复时请打开合同核对，不凭印象回答。",
    ].join("\n"),
  },
  {
    id: "KB-MTG-RATE",
    kind: "faq",
    locale: "zh-CN",
    title: "存量房贷利率调整后月供怎么算？",
    productTypes: ["mortgage"],
    tags: ["利率", "LPR", "月供"],
    body: [
      "存量房贷利率按合同约定的重定价日调整，执行利率为 LPR 加（减）合同约定的基点。",
      "调整后的月供在重定价日后的首个还款日生效，客户可在手机银行“贷款”栏目查看新的还款计划。",
    ].join("\n"),
  },
  {
    id: "KB-CC-ACTIVATE",
    kind: "script",
    locale: "zh-CN",
    title: "信用卡新卡激活与首刷礼提醒",
    productTypes: ["credit_card"],
    tags: ["信用卡", "激活", "新户礼"],
    body: [
      "“您好，您申请的信用卡已经寄出，收到后可以在手机银行或拨打卡片背面的客服电话激活。”",
      "说明新户礼的参与条件和截止日期，以活动细则为准。",
      "提醒客户妥善保管卡片和密码，任何人索要验证码都不要提供。",
    ].join("\n"),
  },
  {
    id: "KB-CC-INSTALMENT",
    kind: "faq",
    locale: "zh-CN",
    title: "信用卡账单分期的手续费怎么收？",
    productTypes: ["credit_card"],
    tags: ["分期", "手续费", "年化利率"],
    body: [
      "账单分期按期收取手续费，答复时须同时告知对应的年化利率（按监管要求以年化形式明示）。",
      "分期后可提前还款，已收取的手续费是否退还以分期协议为准。",
    ].join("\n"),
  },
  {
    id: "KB-PENSION",
    kind: "script",
    locale: "zh-CN",
    title: "个人养老金账户开户话术",
    productTypes: ["fund", "certificate_of_deposit"],
    tags: ["个人养老金", "税收优惠", "开户"],
    body: [
      "“个人养老金每年缴存上限为 12,000 元，缴存额可以在个人所得税前扣除。”",
      "资金可购买个人养老金名录内的储蓄、理财、基金和保险产品，达到领取条件前一般不能支取。",
      "先确认客户已在人社部门开立个人养老金账户，再在我行开立资金账户。",
    ].join("\n"),
  },
  {
    id: "KB-FRAUD",
    kind: "faq",
    locale: "zh-CN",
    title: "客户疑似遭遇电信诈骗怎么处理？",
    tags: ["反诈", "止付", "诈骗"],
    body: [
      "立即提醒客户不要继续转账，不要提供验证码。",
      "如已转账，指导客户拨打 110 或 96110 报警，并按行内流程申请紧急止付。",
      "记录客户陈述的要点（不记录其完整卡号、证件号），按投诉与案件流程上报。",
    ].join("\n"),
  },
  {
    id: "KB-SME-LOAN",
    kind: "script",
    locale: "zh-CN",
    title: "小微企业经营贷首次拜访",
    productTypes: ["business_loan"],
    tags: ["小微企业", "经营贷", "授信"],
    body: [
      "了解企业的主营业务、经营年限、近一年的流水和纳税情况。",
      "介绍经营贷的额度、期限和还款方式；利率以审批结果为准，不在审批前承诺利率。",
      "约定资料清单：营业执照、法定代表人身份证件、近一年的银行流水和纳税证明。",
    ].join("\n"),
  },
  {
    id: "KB-DEPOSIT-EARLY",
    kind: "objection",
    locale: "zh-CN",
    title: "客户说“定期存了取不出来，不方便”",
    productTypes: ["time_deposit", "certificate_of_deposit"],
    tags: ["定期", "提前支取", "大额存单"],
    body: [
      "定期存款可以提前支取，提前支取部分按活期利率计息。",
      "大额存单可在我行转让（以产品说明为准），不必提前支取。",
      "建议把资金分成几笔不同期限存放（阶梯存法），兼顾收益和流动性。",
    ].join("\n"),
  },
  {
    id: "KB-EN-WM",
    kind: "script",
    locale: "en",
    title: "Introducing a wealth-management product",
    productTypes: ["wealth_management"],
    tags: ["wealth", "suitability"],
    body: [
      "Check that the customer's risk assessment is current; offer only products at or below their risk tolerance.",
      "Explain the term, the performance benchmark, the risk level and how to redeem; a benchmark is not a promised return.",
      "Always say: wealth-management products are not deposits; they carry risk, so invest with care.",
    ].join("\n"),
  },
  {
    id: "KB-EN-MORTGAGE",
    kind: "faq",
    locale: "en",
    title: "How does a customer repay a mortgage early?",
    productTypes: ["mortgage"],
    tags: ["prepayment", "mortgage"],
    body: [
      "Early repayment can be requested in the mobile app or at the branch that granted the loan, in part or in full.",
      "Whether a fee applies is set by the loan contract: open it and check before answering.",
    ].join("\n"),
  },
  {
    id: "KB-OLD-RATE",
    kind: "faq",
    locale: "zh-CN",
    title: "2023 年存量首套房贷利率调整（已过期）",
    productTypes: ["mortgage"],
    tags: ["利率", "历史"],
    status: "retired",
    body: "2023 年的存量首套住房贷款利率调整已经完成，新的问题请参照“存量房贷利率调整后月供怎么算？”。",
  },
];

/** The knowledge base as of a day: published a month before it (retired ones kept, as a bank keeps them). */
export function knowledgeFor(asOf: Date): KnowledgeArticle[] {
  const createdAt = isoDateTime(addDays(asOf, -40), 10 * 3600);
  const publishedAt = isoDateTime(addDays(asOf, -30), 15 * 3600);
  return ARTICLES.map(({ status = "published", ...a }) => ({
    ...a,
    status,
    createdBy: "ST-HQ-MA1",
    createdAt,
    publishedBy: "ST-BJ-CY-BR1",
    publishedAt,
  }));
}
