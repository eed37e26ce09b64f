/**
 * The one search rule every store applies — the embedded stores in JavaScript,
 * the reference server in SQL over indexed columns — so a search finds the same
 * customers wherever the data lives. A customer matches a text when the text is:
 * - the mobile (spaces and hyphens ignored), or the mobile as masked (138****5678);
 * - four digits: the last four of the mobile or of the ID / USCC (what a caller
 *   reads out, what a card shows);
 * - the full resident ID / USCC;
 * - the start of the name (surname first, as staff type it) or of the customer number.
 * Staff find a customer from what the screen shows them or what the caller says.
 */
import { mask } from "../privacy/mask.js";
import type { Customer } from "./customer.js";

export function matchesCustomerSearch(customer: Customer, search: string): boolean {
  const text = search.trim();
  if (text === "") return true;
  const mobile = customer.contact.mobile;
  const key = customer.kind === "individual" ? customer.idDocument.number : customer.uscc;
  if (/^1\d{10}$/.test(text.replace(/[\s-]/g, ""))) return mobile === text.replace(/[\s-]/g, "");
  if (/^\d{3}\*{4}\d{4}$/.test(text)) return mobile !== undefined && mask(mobile, "mobile") === text;
  if (/^\d{4}$/.test(text)) return (mobile?.endsWith(text) ?? false) || key.endsWith(text);
  const upper = text.toUpperCase();
  return key === upper || customer.name.startsWith(text) || customer.id.toUpperCase().startsWith(upper);
}
