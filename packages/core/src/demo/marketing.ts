/**
 * The demo bank's marketing: the campaigns of the year so far and the segments marketing keeps for the bank.
 */
import type { Campaign } from "../schemas/campaign.js";
import type { ProductType } from "../schemas/enums.js";
import type { Segment } from "../schemas/segment.js";
import { addDays, isoDate } from "./time.js";

export function campaignsFor(asOf: Date): Campaign[] {
  const c = (
    id: string,
    name: string,
    productType: ProductType,
    channels: Campaign["channels"],
    startDaysAgo: number,
    lengthDays: number,
  ): Campaign => {
    const start = addDays(asOf, -startDaysAgo);
    const end = addDays(start, lengthDays);
    return {
      id,
      name,
      status: end < asOf ? "completed" : start > asOf ? "scheduled" : "active",
      channels,
      productType,
      requiredConsent: "marketing",
      startDate: isoDate(start),
      endDate: isoDate(end),
      budget: { amount: 50_000_000, currency: "CNY" },
      ownerId: "ST-HQ-MA1",
    };
  };
  return [
    c("CMP-WM-SPRING", "春季理财节", "wealth_management", ["mobile_app_push", "sms", "branch"], 250, 45),
    c("CMP-CC-NEW", "信用卡新户礼", "credit_card", ["wechat", "mobile_app_push"], 200, 90),
    c("CMP-MTG-RATE", "存量房贷利率调整告知", "mortgage", ["sms", "phone"], 150, 30),
    c("CMP-PENSION", "个人养老金开户季", "fund", ["mobile_app_push", "branch", "phone"], 100, 60),
    c("CMP-PAYROLL", "代发工资客户专享存款", "certificate_of_deposit", ["sms", "wechat"], 60, 45),
    c("CMP-SME-LOAN", "小微企业经营贷", "business_loan", ["phone", "branch", "direct_mail"], 30, 60),
  ];
}

/** Segments marketing keeps for the bank (the workstation's fixed ones are its own; these are saved records). */
export function segmentsFor(asOf: Date): Segment[] {
  const createdAt = `${isoDate(addDays(asOf, -30))}T02:00:00.000Z`;
  const saved = (id: string, name: string, rule: Segment["rule"]): Segment => ({
    schemaVersion: 1,
    id,
    name,
    rule,
    ownerId: "ST-HQ-MA1",
    createdBy: "ST-HQ-MA1",
    createdAt,
    version: 1,
  });
  return [
    saved("SEG-DEPOSIT-ONLY", "只持有存款的中青年客户", {
      all: [
        { field: "status", op: "eq", value: "active" },
        { field: "age", op: "between", value: [25, 45] },
        { not: { field: "productTypes", op: "hasAny", value: ["wealth_management", "fund", "insurance"] } },
      ],
    }),
    saved("SEG-PENSION-AGE", "临近退休的个人客户", {
      all: [
        { field: "kind", op: "eq", value: "individual" },
        { field: "age", op: "between", value: [50, 60] },
      ],
    }),
  ];
}
