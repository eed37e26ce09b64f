/**
 * Why a sale cannot be won (sale-check.ts), one sentence per reason, in zh-CN and English — for the pipeline's
 * status line, the API's problem and the audit's reason.
 */
import type { SaleRefusal, SaleRefusalCode } from "../compliance/sale-check.js";
import { messageTable, type Label, type Locale } from "./locale.js";

const SALE_MESSAGES = {
  customerUnknown: { "zh-CN": "找不到该商机的客户", en: "The opportunity's customer cannot be found" },
  productRiskUnknown: {
    "zh-CN": "未登记产品风险等级（R1–R5），不能成交",
    en: "The product's risk level (R1–R5) is not recorded",
  },
  noRiskAssessment: {
    "zh-CN": "客户尚未做风险承受能力评估",
    en: "The customer has no risk assessment",
  },
  riskAssessmentExpired: {
    "zh-CN": "客户的风险评估已过有效期，请先重新评估",
    en: "The customer's risk assessment has lapsed; reassess first",
  },
  aboveRiskTolerance: {
    "zh-CN": "产品风险等级高于客户的风险承受能力（适当性不匹配）",
    en: "The product's risk level is above the customer's risk tolerance (not suitable)",
  },
  bankRule: { "zh-CN": "不符合本行销售规则：{rule}", en: "Against the bank's sales rule: {rule}" },
  idDocumentExpired: {
    "zh-CN": "客户身份证件已过期，请先更新身份信息",
    en: "The customer's identity document has expired; update it first",
  },
  kycReviewOverdue: {
    "zh-CN": "客户尽职调查复核已逾期，请先完成复核",
    en: "The customer's due-diligence review is overdue; complete it first",
  },
  kycNotVerified: {
    "zh-CN": "客户身份识别（KYC）尚未完成或已失效",
    en: "The customer's identity verification (KYC) is not complete or no longer valid",
  },
  processingRestricted: {
    "zh-CN": "客户已申请删除个人信息，依法保存的信息仅作存储，不得用于新的销售",
    en: "The customer asked for their data to be deleted: what the law keeps is only stored, never used for a new sale",
  },
  dualRecordingMissing: {
    "zh-CN": "尚未登记双录（录音录像）信息",
    en: "No dual recording (audio and video) is attached to the sale",
  },
  dualRecordingLate: {
    "zh-CN": "双录时间晚于成交时间",
    en: "The dual recording is dated after the sale",
  },
  saleRefused: { "zh-CN": "不能成交：{reasons}", en: "The sale cannot be won: {reasons}" },
  saleOverridable: {
    "zh-CN": "网点负责人可说明理由后越权批准",
    en: "A branch manager may override this with a reason",
  },
} as const satisfies Record<SaleRefusalCode | "saleRefused" | "saleOverridable", Label>;

const SALE_TABLE = /* @__PURE__ */ messageTable<keyof typeof SALE_MESSAGES>(SALE_MESSAGES);
export const saleMessageKeys = SALE_TABLE.keys;

/** One reason in words (a bank rule by its own label). */
export function saleRefusalText(refusal: SaleRefusal, locale: Locale): string {
  return SALE_TABLE.text(refusal.code, locale, { rule: refusal.rule?.label[locale] ?? refusal.rule?.id ?? "" });
}

/** Every reason in one sentence, and whether an override is open to the one who tried. */
export function describeSaleRefusal(
  error: { refusals: readonly SaleRefusal[]; overridable: boolean },
  locale: Locale,
): string {
  const separator = locale === "zh-CN" ? "；" : "; ";
  const reasons = error.refusals.map((r) => saleRefusalText(r, locale)).join(separator);
  const text = SALE_TABLE.text("saleRefused", locale, { reasons });
  return error.overridable ? `${text}${separator}${SALE_TABLE.text("saleOverridable", locale)}` : text;
}
