/**
 * A bank's settings as it writes them (JSON files the reference server reads): the sale policy and the retention
 * table.
 *
 * The sale policy as a bank writes it (a JSON file, the reference server's SALE_POLICY): every field optional, each
 * missing one the default's, unknown keys refused. Only what the regulator lets a bank choose is choosable: its own
 * rules, the validity of an assessment, who may override — and only a customer's class or the bank's own rules,
 * never a missing recording, a lapsed assessment or KYC not current.
 */
import * as z from "zod";
import { text } from "../schemas/common.js";
import { ProductRiskLevelSchema, ProductTypeSchema, StaffRoleSchema } from "../schemas/enums.js";
import { object } from "../zod.js";
import { DEFAULT_KYC_POLICY } from "./kyc.js";
import { DEFAULT_SALE_POLICY, type SalePolicy } from "./sale-check.js";
import {
  DEFAULT_RETENTION,
  HOLD_KINDS,
  PERSONAL_COLLECTIONS,
  type PersonalCollection,
  type RetentionTable,
} from "./retention.js";

const Words = object({ "zh-CN": text(200), en: text(200) }).strict();
const Days = z.int().min(1).max(3650);

export const SaleRuleSchema = object({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/),
  label: Words,
  maxRisk: ProductRiskLevelSchema,
  minAge: z.int().min(0).max(150).optional(),
  maxAge: z.int().min(0).max(150).optional(),
  productTypes: z.array(ProductTypeSchema).min(1).optional(),
}).strict();

export const SalePolicySchema = object({
  assessmentValidDays: Days.optional(),
  requireDualRecording: z.boolean().optional(),
  kycRestricts: z.boolean().optional(),
  kyc: object({
    reviewDays: object({ low: Days.optional(), medium: Days.optional(), high: Days.optional() }).strict().optional(),
    windowDays: z.int().min(0).max(365).optional(),
  })
    .strict()
    .optional(),
  rules: z.array(SaleRuleSchema).max(50).optional(),
  overridable: z.array(z.enum(["aboveRiskTolerance", "bankRule"])).optional(),
  overriders: z.array(StaffRoleSchema.exclude(["auditor", "privacy_officer"])).optional(),
}).strict();

/** The whole policy from what a bank wrote: its fields over the default's (`SalePolicySchema.parse` first). */
export function salePolicyOf(input: z.infer<typeof SalePolicySchema>): SalePolicy {
  const kyc = {
    ...DEFAULT_KYC_POLICY,
    ...input.kyc,
    reviewDays: { ...DEFAULT_KYC_POLICY.reviewDays, ...input.kyc?.reviewDays },
  };
  const { kyc: _written, ...rest } = input;
  return { ...DEFAULT_SALE_POLICY, ...rest, kyc };
}

const Years = z.int().min(0).max(100);
const RetentionRuleSchema = object({
  holds: z.array(z.enum(HOLD_KINDS)).optional(),
  keepYears: Years.optional(),
  then: z.enum(["erase", "anonymise"]).optional(),
}).strict();

/**
 * A bank's retention table as it writes it (the reference server's RETENTION): every field optional, each missing one
 * the default's. A bank may keep longer, never shorter than the law: AML keeping is five years at the least, and a
 * collection's `holds` are added to the default's — a hold the law puts on a record cannot be written away.
 */
export const RetentionTableSchema = object({
  amlYears: z.int().min(5).max(100).optional(),
  saleEvidenceYears: Years.optional(),
  caseRecordYears: Years.optional(),
  deviceDays: z.int().min(1).max(3650).optional(),
  collections: object(
    Object.fromEntries(PERSONAL_COLLECTIONS.map((c) => [c, RetentionRuleSchema.optional()])) as Record<
      PersonalCollection,
      z.ZodOptional<typeof RetentionRuleSchema>
    >,
  )
    .strict()
    .optional(),
}).strict();

/** The whole table from what a bank wrote: its figures over the default's, its holds added to the default's. */
export function retentionTableOf(input: z.infer<typeof RetentionTableSchema>): RetentionTable {
  const collections = { ...DEFAULT_RETENTION.collections };
  for (const c of PERSONAL_COLLECTIONS) {
    const base = DEFAULT_RETENTION.collections[c];
    const written = input.collections?.[c];
    collections[c] = { ...base, ...written, holds: [...new Set([...base.holds, ...(written?.holds ?? [])])] };
  }
  const { collections: _written, ...rest } = input;
  return { ...DEFAULT_RETENTION, ...rest, collections };
}
