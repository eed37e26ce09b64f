/**
 * The plain rows the segment benches evaluate — one flat object per customer,
 * the shape a database row has — their catalog and the 10-condition segment;
 * plain data and core only, so the Chromium bench page bundles it too.
 */
import { createFieldCatalog, type SegmentDefinition } from "@bankcrm/core";
import { createRandom } from "@bankcrm/core/demo";

/** A customer as a database row. */
export interface Row {
  customerNo: string;
  age: number;
  aum: number;
  tier: string;
  city: string;
  productCount: number;
  daysSinceLastTransaction: number;
  riskLevel: string;
  marketingConsent: boolean;
  transactions90d: number;
  gender: string;
}

const TIERS = ["standard", "standard", "standard", "gold", "gold", "platinum", "diamond", "private"];
const CITIES = ["上海市", "北京市", "深圳市", "广州市", "杭州市", "成都市", "南京市", "武汉市", "西安市", "苏州市"];
const RISK = ["C1", "C2", "C3", "C4", "C5"];

export function rows(total: number): Row[] {
  const rnd = createRandom("bench-rows");
  const out: Row[] = new Array<Row>(total);
  for (let i = 0; i < total; i++)
    out[i] = {
      customerNo: `CU${String(i).padStart(8, "0")}`,
      age: rnd.int(18, 85),
      aum: Math.round(Math.exp(rnd.next() * 14 + 6)),
      tier: TIERS[rnd.int(0, TIERS.length - 1)]!,
      city: CITIES[rnd.int(0, CITIES.length - 1)]!,
      productCount: rnd.int(0, 8),
      daysSinceLastTransaction: rnd.int(0, 400),
      riskLevel: RISK[rnd.int(0, RISK.length - 1)]!,
      marketingConsent: rnd.next() < 0.7,
      transactions90d: rnd.int(0, 40),
      gender: rnd.next() < 0.5 ? "male" : "female",
    };
  return out;
}

const label = (zh: string, en: string) => ({ "zh-CN": zh, en });
export const rowCatalog = createFieldCatalog<Row>([
  { id: "age", type: "number", label: label("年龄", "Age") },
  { id: "aum", type: "money", label: label("资产规模", "AUM") },
  { id: "tier", type: "enum", label: label("等级", "Tier"), values: [...new Set(TIERS)] },
  { id: "city", type: "string", label: label("城市", "City") },
  { id: "productCount", type: "number", label: label("产品数", "Products") },
  { id: "daysSinceLastTransaction", type: "number", label: label("距最近交易天数", "Days since last transaction") },
  { id: "riskLevel", type: "enum", label: label("风险等级", "Risk level"), values: RISK },
  { id: "marketingConsent", type: "boolean", label: label("同意营销", "Marketing consent") },
  { id: "transactions90d", type: "number", label: label("近90天交易笔数", "Transactions in 90 days") },
  { id: "gender", type: "enum", label: label("性别", "Gender"), values: ["male", "female"] },
]);

/** Ten conditions, nested two levels. */
export const rowSegment: SegmentDefinition = {
  schemaVersion: 1,
  id: "wealth-prospects-rows",
  name: "理财潜客",
  version: 1,
  rule: {
    all: [
      { field: "age", op: "between", value: [30, 55] },
      {
        any: [
          { field: "tier", op: "in", value: ["gold", "platinum", "diamond"] },
          { field: "aum", op: "gte", value: 30_000_000 },
        ],
      },
      { field: "marketingConsent", op: "eq", value: true },
      { field: "riskLevel", op: "in", value: ["C3", "C4", "C5"] },
      { field: "daysSinceLastTransaction", op: "lte", value: 60 },
      { field: "city", op: "in", value: ["上海市", "北京市", "深圳市"] },
      { not: { field: "productCount", op: "lt", value: 2 } },
      {
        any: [
          { field: "transactions90d", op: "gte", value: 10 },
          { field: "gender", op: "eq", value: "female" },
        ],
      },
    ],
  },
};

/**
 * Another shape of ten conditions over the same rows: three levels, `not` over an `any`, a `notIn` and a `neq`
 * on strings, a boolean tested false, the selective conditions last — the goals hold on any rule shape.
 */
export const rowSegmentNested: SegmentDefinition = {
  schemaVersion: 1,
  id: "lapsing-mass-affluent-rows",
  name: "流失风险的大众富裕客户",
  version: 1,
  rule: {
    all: [
      {
        not: {
          any: [
            { field: "tier", op: "in", value: ["private", "diamond"] },
            { field: "age", op: "lt", value: 25 },
          ],
        },
      },
      {
        any: [
          {
            all: [
              { field: "city", op: "notIn", value: ["上海市", "北京市"] },
              { field: "gender", op: "neq", value: "male" },
            ],
          },
          {
            all: [
              { field: "marketingConsent", op: "eq", value: false },
              { field: "productCount", op: "gte", value: 3 },
            ],
          },
        ],
      },
      { field: "riskLevel", op: "neq", value: "C1" },
      { not: { field: "transactions90d", op: "gt", value: 5 } },
      { field: "aum", op: "between", value: [5_000_000, 50_000_000] },
      { field: "daysSinceLastTransaction", op: "gte", value: 90 },
    ],
  },
};

/** A builder session's edits: each changes one value, as typing does. */
export function edits(): SegmentDefinition[] {
  const out: SegmentDefinition[] = [];
  for (let age = 25; age <= 40; age++) {
    const all = [...(rowSegment.rule as { all: SegmentDefinition["rule"][] }).all];
    all[0] = { field: "age", op: "between", value: [age, 55] };
    all[4] = { field: "daysSinceLastTransaction", op: "lte", value: 30 + age };
    out.push({ ...rowSegment, rule: { all } });
  }
  return out;
}
