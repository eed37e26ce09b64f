/**
 * The segments a relationship manager filters by: the core's rule model over
 * the customer view, so the same definitions validate, explain themselves and
 * compile to the warehouse's SQL (see docs/segmentation.md).
 */
import { label, type Locale, type SegmentDefinition } from "@bankcrm/core";
import { rfmCellRule, rfmSegment } from "@bankcrm/core/analytics";

export interface NamedSegment {
  definition: SegmentDefinition;
  label: readonly [zh: string, en: string];
}

const segment = (
  id: string,
  label: readonly [string, string],
  rule: SegmentDefinition["rule"],
  purpose?: SegmentDefinition["purpose"],
): NamedSegment => ({
  definition: { schemaVersion: 1, id, name: label[0], version: 1, rule, ...(purpose ? { purpose } : {}) },
  label,
});

export const SEGMENTS: readonly NamedSegment[] = [
  // For marketing: its purpose binds it to the customers' marketing consent in every evaluator (segmentRule).
  segment(
    "wealth-prospects",
    ["理财潜客", "Wealth prospects"],
    {
      all: [
        { field: "status", op: "eq", value: "active" },
        { field: "age", op: "between", value: [30, 55] },
        { field: "aum", op: "gte", value: 5_000_000 },
        { not: { field: "productTypes", op: "hasAny", value: ["wealth_management", "fund"] } },
      ],
    },
    "marketing",
  ),
  segment("high-net-worth", ["高净值客户（AUM ≥ 600 万）", "High net worth (AUM ≥ ¥6M)"], {
    field: "aum",
    op: "gte",
    value: 600_000_000,
  }),
  segment("young-professionals", ["年轻客群（22–35 岁）", "Young customers (22–35)"], {
    all: [
      { field: "kind", op: "eq", value: "individual" },
      { field: "age", op: "between", value: [22, 35] },
    ],
  }),
  segment("no-risk-assessment", ["未做风险测评", "No risk assessment"], {
    all: [
      { field: "kind", op: "eq", value: "individual" },
      { field: "riskTolerance", op: "isEmpty" },
    ],
  }),
  segment("dormant", ["休眠客户", "Dormant customers"], { field: "status", op: "eq", value: "dormant" }),
  segment("corporate", ["对公客户", "Corporate customers"], { field: "kind", op: "eq", value: "corporate" }),
  // The value lists as segments (once the book's value is computed): the gold customers and the churn alerts.
  segment("gold-candidates", ["黄金客户候选", "Gold candidates"], {
    any: [
      { field: "underServed", op: "eq", value: true },
      { field: "nearNextTier", op: "eq", value: true },
    ],
  }),
  segment("churn-alerts", ["流失预警客户", "Churn alerts"], { field: "churnAlert", op: "eq", value: true }),
];

/** An RFM grid cell's address part (`#/customers/rfm-<R>-<FM>`), R and FM on 1–5. */
export const RFM_CELL_ID = /^rfm-([1-5])-([1-5])$/;

/** The customers of one cell of the RFM grid (the value page's), as a segment the customers page filters by. */
export function rfmCellSegment(r: number, fm: number, locale: Locale): SegmentDefinition {
  const name = label("rfmSegment", rfmSegment(r, fm), locale);
  return {
    schemaVersion: 1,
    id: `rfm-${r}-${fm}`,
    name: `RFM R${r} · FM${fm} · ${name}`,
    version: 1,
    rule: rfmCellRule(r, fm),
  };
}
