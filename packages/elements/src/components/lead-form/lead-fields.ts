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

export { yuanToFen } from "../../internal/format.js";
