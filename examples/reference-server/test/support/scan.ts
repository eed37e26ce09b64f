/**
 * What the server's tests look for in its answers: every string of a JSON
 * text, full identifiers (valid resident IDs, mobiles, Luhn-valid card
 * numbers), and which of a demo book's records a principal may not receive —
 * computed from core's scope rule, independently of the server's SQL.
 */
import {
  canReadConfidential,
  inCustomerScope,
  isValidBankCardNumber,
  isValidResidentIdNumber,
  type Actor,
  type DemoPortfolio,
} from "@bankcrm/core";

/** Every string in a JSON text, except under the keys named (e.g. a group's `members`, which lists who belongs). */
export function stringsIn(text: string, skipKeys: readonly string[] = []): string[] {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === "string") out.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === "object")
      for (const [k, value] of Object.entries(v)) if (!skipKeys.includes(k)) walk(value);
  };
  try {
    walk(JSON.parse(text));
  } catch {
    out.push(text);
  }
  return out;
}

/** Every full identifier in the strings of a JSON text: valid resident IDs, mobiles, Luhn-valid card numbers. */
export function identifiersIn(text: string): string[] {
  const found: string[] = [];
  for (const value of stringsIn(text)) {
    for (const m of value.matchAll(/(?<![0-9A-Z])\d{17}[\dX](?![0-9A-Z])/g))
      if (isValidResidentIdNumber(m[0])) found.push(m[0]);
    for (const m of value.matchAll(/(?<!\d)1[3-9]\d{9}(?!\d)/g)) found.push(m[0]);
    for (const m of value.matchAll(/(?<!\d)\d{16,19}(?!\d)/g)) if (isValidBankCardNumber(m[0])) found.push(m[0]);
  }
  return found;
}

/** The collections of a demo book whose records hang off one customer by `customerId`. */
const CUSTOMER_RECORDS = [
  "holdings",
  "transactions",
  "interactions",
  "serviceCases",
  "campaignResponses",
  "leads",
  "opportunities",
  "tasks",
] as const;

/**
 * What `who` may never receive from a demo book: the ids of customers outside
 * their scope, and the distinctive text of every record outside it (a lead's
 * notes, a case's subject, an interaction's summary…) — and, for roles that
 * may not read confidential notes, the summaries of confidential ones wherever
 * they are. Record ids are left out: a request names the id it asks for, and a
 * 404 may say it back.
 */
export function forbiddenFor(who: Actor, book: DemoPortfolio): Set<string> {
  const forbidden = new Set<string>();
  const outside = new Set(book.customers.filter((c) => !inCustomerScope(who, c)).map((c) => c.id));
  for (const id of outside) forbidden.add(id);
  const textOf = (record: object) =>
    Object.entries(record)
      .filter(
        ([k, v]) =>
          typeof v === "string" &&
          v.length >= 6 &&
          ["summary", "title", "notes", "subject", "description", "nextStep", "resolution"].includes(k),
      )
      .map(([, v]) => v as string);
  for (const collection of CUSTOMER_RECORDS)
    for (const record of book[collection] as { customerId?: string }[])
      if (record.customerId !== undefined && outside.has(record.customerId))
        for (const t of textOf(record)) forbidden.add(t);
  if (!canReadConfidential(who)) for (const i of book.interactions) if (i.confidential) forbidden.add(i.summary);
  // Text shared by a record in scope (generated phrases repeat across customers) is not a sign of a leak.
  for (const collection of CUSTOMER_RECORDS)
    for (const record of book[collection] as { customerId?: string; confidential?: boolean }[])
      if (
        record.customerId !== undefined &&
        !outside.has(record.customerId) &&
        (record.confidential !== true || canReadConfidential(who))
      )
        for (const t of textOf(record)) forbidden.delete(t);
  return forbidden;
}

/**
 * What an answer carries that `who` may not receive: forbidden strings (leaving
 * out whatever the request itself said), and any record marked confidential
 * when `who` may not read confidential notes.
 */
export function leaksIn(answer: string, forbidden: Set<string>, request: string, who: Actor): string[] {
  const said = new Set(stringsIn(request));
  const leaks = stringsIn(answer, ["members"]).filter((s) => forbidden.has(s) && !said.has(s));
  if (!canReadConfidential(who)) {
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === "object") {
        if ((v as { confidential?: unknown }).confidential === true)
          leaks.push(`confidential record ${String((v as { id?: unknown }).id)}`);
        Object.values(v).forEach(walk);
      }
    };
    try {
      walk(JSON.parse(answer));
    } catch {
      /* not JSON: nothing structured in it */
    }
  }
  return leaks;
}
