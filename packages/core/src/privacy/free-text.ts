/**
 * Names and numbers around the masking: finding a person's identifiers in free
 * text. Free text — a task's title, a contact's summary, a case's description —
 * is C1: every role reads it unmasked. Staff type the customer's name or mobile
 * into it, and a source system's extract does the same, so a role that sees
 * `王**` on the card would read `王小明` in the title. The write path's
 * `guardFreeText` (workflow/free-text.ts) uses these on every write.
 */
import { mask, type MaskKind } from "./mask.js";

/** What identifies the person a record is about, gathered from their customer record, lead and holdings. */
export interface Identifiers {
  names: string[];
  idNumbers: string[];
  mobiles: string[];
  emails: string[];
  /** Account and card numbers. */
  accounts: string[];
}

interface PersonLike {
  kind?: string;
  name?: string;
  legalRepresentative?: string;
  idDocument?: { number?: string };
  contact?: { mobile?: string; email?: string };
  mobile?: string;
}

const present = (values: (string | undefined)[]) =>
  [...new Set(values.filter((v): v is string => typeof v === "string" && v.trim() !== ""))].map((v) => v.trim());

/**
 * The identifiers of the people a record concerns: a customer (an individual's
 * name, document number, mobile and e-mail; a company's legal representative),
 * a lead's own name and mobile, and account numbers of holdings. A company's
 * own name and USCC are public and not looked for.
 */
export function identifiersOf(
  people: readonly (PersonLike | undefined)[],
  holdings: readonly { accountNumber?: string }[] = [],
): Identifiers {
  const all = people.filter((p): p is PersonLike => p !== undefined);
  return {
    names: present(all.flatMap((p) => [p.kind === "corporate" ? undefined : p.name, p.legalRepresentative])).filter(
      (n) => [...n].length >= 2,
    ),
    idNumbers: present(all.map((p) => p.idDocument?.number)),
    mobiles: present(all.flatMap((p) => [p.contact?.mobile, p.mobile])),
    emails: present(all.map((p) => p.contact?.email)),
    accounts: present(holdings.map((h) => h.accountNumber)),
  };
}

export interface Found {
  kind: MaskKind;
  start: number;
  end: number;
  /** The identifier as stored (for masking), not as typed. */
  value: string;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/**
 * A number as people type it: its characters, with a space or dash between any two. Found inside longer runs of
 * digits too: a number typed against another ("…002X13812345678") must not slip through, and an 11-to-18-digit
 * identifier turning up by chance inside another number is rare and costs only a masked stretch of it.
 */
const numberPattern = (value: string) => [...value].map(escape).join("[\\s-]?");

/** Every identifier of `ids` in `text`, in order, overlaps resolved in favour of the earlier, longer one. */
export function findIdentifiers(text: string, ids: Identifiers): Found[] {
  const found: Found[] = [];
  const look = (kind: MaskKind, values: string[], pattern: (v: string) => string, flags = "gu") => {
    for (const value of values)
      for (const m of text.matchAll(new RegExp(pattern(value), flags)))
        found.push({ kind, start: m.index, end: m.index + m[0].length, value });
  };
  look("idNumber", ids.idNumbers, numberPattern, "giu");
  look("mobile", ids.mobiles, numberPattern);
  look("bankCard", ids.accounts, numberPattern);
  look("email", ids.emails, escape, "giu");
  // A Latin name as a whole word, any case; a Chinese name anywhere.
  look("name", ids.names, (n) => (/^[\p{Script=Latin}\s.'-]+$/u.test(n) ? `\\b${escape(n)}\\b` : escape(n)), "giu");
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Found[] = [];
  for (const f of found) if (kept.length === 0 || f.start >= kept[kept.length - 1]!.end) kept.push(f);
  return kept;
}

/** The text with each identifier found replaced by its mask. */
export function maskIdentifiers(text: string, ids: Identifiers): string {
  let out = "";
  let at = 0;
  for (const f of findIdentifiers(text, ids)) {
    out += text.slice(at, f.start) + mask(f.value, f.kind);
    at = f.end;
  }
  return out + text.slice(at);
}
