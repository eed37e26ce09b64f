/**
 * Which fields a lead form asks for, by purpose — only what that purpose needs
 * (PIPL's minimum necessary). Name, mobile and consent are always asked; the
 * purpose is asked only when the form is not opened for one.
 */
import type { LeadPurpose, ProductType } from "@bankcrm/core";

/** The optional fields a purpose may add. */
export type LeadFormField = "productInterest" | "expectedAmount" | "preferredContactTime" | "notes";

export interface LeadPurposeFields {
  fields: readonly LeadFormField[];
  /** Products offered to choose from; one product is implied without asking. */
  products: readonly ProductType[];
}

export const LEAD_FORM_FIELDS: Readonly<Record<LeadPurpose, LeadPurposeFields>> = {
  wealth_consultation: {
    fields: ["productInterest", "expectedAmount", "preferredContactTime"],
    products: [
      "wealth_management",
      "fund",
      "time_deposit",
      "certificate_of_deposit",
      "treasury_bond",
      "precious_metal",
    ],
  },
  mortgage: { fields: ["expectedAmount", "preferredContactTime"], products: ["mortgage"] },
  consumer_loan: { fields: ["expectedAmount", "preferredContactTime"], products: ["consumer_loan"] },
  business_loan: { fields: ["expectedAmount", "preferredContactTime", "notes"], products: ["business_loan"] },
  credit_card: { fields: ["preferredContactTime"], products: ["credit_card"] },
  account_opening: { fields: ["preferredContactTime"], products: ["current_deposit"] },
  insurance: { fields: ["preferredContactTime"], products: ["insurance"] },
  other: { fields: ["preferredContactTime", "notes"], products: [] },
};

/** The fields shown for a purpose and audience: staff may always add notes. */
export function leadFieldsFor(purpose: LeadPurpose, audience: "customer" | "staff"): readonly LeadFormField[] {
  const { fields } = LEAD_FORM_FIELDS[purpose];
  return audience === "staff" && !fields.includes("notes") ? [...fields, "notes"] : fields;
}

/**
 * Yuan as typed ("500000", "1,200.5", "12 万" is not accepted) to fen, exactly;
 * undefined for empty, NaN for anything that is not an amount with ≤ 2 decimals.
 */
export function yuanToFen(text: string): number | undefined {
  const t = text.replace(/[,，\s]/g, "");
  if (t === "") return undefined;
  const m = /^(\d{1,13})(?:\.(\d{1,2}))?$/.exec(t);
  if (!m) return Number.NaN;
  return Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0"));
}
