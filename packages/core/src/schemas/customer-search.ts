/**
 * The one search rule every store applies: a customer matches a text when the
 * text is part of the name, is the full resident ID / USCC, is the mobile
 * (spaces and hyphens ignored), or is the mobile as masked (138****5678) — so
 * staff can find a customer from what the screen shows them.
 */
import { mask } from "../privacy/mask.js";
import type { Customer } from "./customer.js";

export function matchesCustomerSearch(customer: Customer, search: string): boolean {
  const text = search.trim();
  if (text === "") return true;
  const mobile = customer.contact.mobile;
  if (mobile && (mobile === text.replace(/[\s-]/g, "") || (text.includes("*") && mask(mobile, "mobile") === text)))
    return true;
  const key = customer.kind === "individual" ? customer.idDocument.number : customer.uscc;
  if (key === text.toUpperCase()) return true;
  return customer.name.includes(text);
}
