/** The workstation's words for the branch's own operations and a customer's accounts: points, transfers, prices, contacts. */
import { LOYALTY_TEXT } from "./messages-loyalty.js";
import { CONTACT_PERSON_TEXT, PRICING_TEXT } from "./messages-pricing.js";
import { TRANSFER_TEXT } from "./messages-transfer.js";
import { GROUP_TEXT } from "./messages-groups.js";

export const BRANCH_TEXT = {
  ...LOYALTY_TEXT,
  ...TRANSFER_TEXT,
  ...PRICING_TEXT,
  ...CONTACT_PERSON_TEXT,
  ...GROUP_TEXT,
} as const;
