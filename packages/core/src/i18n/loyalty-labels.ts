/**
 * The words of what the bank gives a customer: the loyalty programme's (积分 / 会员专属权益: its ledger's entries, its
 * rewards and the tiers' benefits) and a company's preferential prices (优惠定价).
 */
import type { BenefitCode } from "../loyalty/program.js";
import type { Labels } from "./labels.js";
import type { Label } from "./locale.js";

export const pricingKindLabels = {
  loan_rate: { "zh-CN": "贷款利率优惠", en: "Lower loan rate" },
  deposit_rate: { "zh-CN": "存款利率上浮", en: "Higher deposit rate" },
  fee_waiver: { "zh-CN": "费用减免", en: "Fee waived" },
} as const satisfies Labels["pricingKind"];
export const pricingStatusLabels = {
  requested: { "zh-CN": "待审批", en: "Awaiting approval" },
  approved: { "zh-CN": "已批准", en: "Approved" },
  rejected: { "zh-CN": "未批准", en: "Rejected" },
  revoked: { "zh-CN": "已撤销", en: "Revoked" },
} as const satisfies Labels["pricingStatus"];

export const loyaltyEntryKindLabels = {
  earn: { "zh-CN": "积分获得", en: "Earned" },
  redeem: { "zh-CN": "积分兑换", en: "Redeemed" },
  expire: { "zh-CN": "积分过期", en: "Expired" },
  adjust: { "zh-CN": "积分调整", en: "Adjusted" },
} as const satisfies Labels["loyaltyEntryKind"];

/** The default programme's rewards (a bank with its own catalogue brings its own words). */
export const rewardLabels: Readonly<Record<string, Label>> = {
  cash_rebate_10: { "zh-CN": "10元刷卡金", en: "¥10 card credit" },
  video_membership: { "zh-CN": "视频会员月卡", en: "One month of a video membership" },
  mobile_credit_50: { "zh-CN": "50元话费充值", en: "¥50 mobile top-up" },
  annual_fee_waiver: { "zh-CN": "信用卡年费减免一年", en: "One year's credit card fee waived" },
  airport_lounge: { "zh-CN": "机场贵宾厅一次", en: "One airport lounge visit" },
  health_checkup: { "zh-CN": "高端健康体检一次", en: "One premium health check-up" },
};

export const benefitLabels = {
  points_earning: { "zh-CN": "消费及代发工资积分", en: "Points on spending and salary" },
  birthday_points: { "zh-CN": "生日月积分礼遇", en: "Birthday-month points" },
  transfer_fee_waiver: { "zh-CN": "跨行转账手续费全免", en: "No fees on transfers to other banks" },
  priority_service: { "zh-CN": "网点优先办理", en: "Priority service at branches" },
  airport_lounge: { "zh-CN": "机场贵宾厅礼遇", en: "Airport lounge access" },
  annual_fee_waiver: { "zh-CN": "信用卡年费减免", en: "Credit card fees waived" },
  health_checkup: { "zh-CN": "年度健康体检", en: "A yearly health check-up" },
  dedicated_manager: { "zh-CN": "专属客户经理", en: "A dedicated relationship manager" },
  family_wealth_planning: { "zh-CN": "家族财富规划", en: "Family wealth planning" },
} as const satisfies Record<BenefitCode, Label>;
