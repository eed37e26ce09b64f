/**
 * A customer record as entity resolution sees it (a party): every value folded once to the form the comparisons
 * and the blocking keys read — the name in simplified hanzi and in pinyin, the surname apart, a 15-digit resident ID
 * upgraded to 18, the mobile as eleven digits, the address as tokens, a company's name without its legal form or
 * city.
 */
import { normalizeMobile } from "../identifiers/mobile.js";
import { provinces } from "../identifiers/regions.js";
import { upgradeResidentIdNumber } from "../identifiers/resident-id.js";
import { isValidUscc } from "../identifiers/uscc.js";
import type { Customer } from "../schemas/customer.js";
import { companyKey, foldHan, isHan, pinyinKey, pinyinOf, splitName } from "./names.js";

export interface Party {
  /** The record's id (a source record's, before it is resolved into a golden record). */
  id: string;
  kind: "individual" | "corporate";
  /** The name as given. */
  name: string;
  /** Folded hanzi (simplified, no spaces), or the Latin name lower-cased. */
  han: string;
  surname: string;
  given: string;
  /** The whole name's pinyin, letters only, surname first. */
  pinyin: string;
  surnamePinyin: string;
  givenPinyin: string;
  birthDate?: string;
  /** A resident ID as 18 characters; another document as its type, issuing country and number (`passport:USA:E1234567`). */
  idKey?: string;
  /** The resident ID passes its check character (a valid number, not only one of the right shape). */
  idValid?: boolean;
  mobile?: string;
  email?: string;
  address?: readonly string[];
  /** Corporate: the unified social credit code, the old registration number, the name as a key, the legal representative folded. */
  uscc?: string;
  /** The USCC passes its check character. */
  usccValid?: boolean;
  registration?: string;
  company?: string;
  legalRepresentative?: string;
}

/** Places a company's name may start with (provinces, and cities of the provinces' own names taken off). */
const PLACES = [
  ...provinces.map((p) => p.zh),
  ..."深圳市 广州市 杭州市 南京市 苏州市 成都市 武汉市 西安市 厦门市 宁波市 青岛市 大连市 沈阳市 长沙市 郑州市 济南市 合肥市 福州市 东莞市 佛山市 无锡市 昆明市 哈尔滨市 长春市 石家庄市 太原市 南昌市 南宁市 贵阳市 兰州市 温州市 珠海市".split(
    " ",
  ),
];

/** An address's tokens: its administrative parts, its road, its numbers — punctuation, spaces and 中国 left out. */
export function addressTokens(address: string): string[] {
  const text = foldHan(address).replace(/^中国/, "");
  const tokens = text.match(
    /\p{Script=Han}+?(?:省|自治区|市|区|县|镇|乡|街道|路|街|道|巷|弄|村|小区|大厦)|\d+|[a-z]+/gu,
  );
  return [...new Set(tokens ?? [])];
}

/** The fields of a record resolution reads, folded. */
export function partyOf(customer: Customer): Party {
  const base = { id: customer.id, kind: customer.kind, name: customer.name };
  const contact = customer.contact;
  const mobile = contact.mobile ? normalizeMobile(contact.mobile) : undefined;
  const shared = {
    ...(mobile ? { mobile } : {}),
    ...(contact.email ? { email: contact.email.trim().toLowerCase() } : {}),
    ...(contact.address ? { address: addressTokens(contact.address) } : {}),
  };
  if (customer.kind === "corporate") {
    const company = companyKey(customer.name, PLACES);
    return {
      ...base,
      ...nameParts(customer.name),
      ...shared,
      uscc: customer.uscc.toUpperCase(),
      usccValid: isValidUscc(customer.uscc.toUpperCase()),
      ...(customer.registrationNumber ? { registration: customer.registrationNumber } : {}),
      company,
      legalRepresentative: foldHan(customer.legalRepresentative),
    };
  }
  const doc = customer.idDocument;
  const upgraded = doc.type === "resident_id" ? upgradeResidentIdNumber(doc.number) : undefined;
  // Another document is one person's only with its issuing country: a passport number is unique per country ("?"
  // when the record does not say, and then no rule joins it).
  const idKey =
    doc.type === "resident_id"
      ? (upgraded ?? doc.number.toUpperCase())
      : `${doc.type}:${doc.country ?? "?"}:${doc.number.toUpperCase()}`;
  return {
    ...base,
    ...nameParts(customer.name),
    ...shared,
    birthDate: customer.birthDate,
    idKey,
    idValid: upgraded !== undefined,
  };
}

/** Names folded lately (a bank's book repeats its names — 张伟 hundreds of times): folding is the costly part. */
const folded = new Map<string, ReturnType<typeof foldName>>();

/** A name's folded parts: hanzi, surname and given name, and their pinyin. */
export function nameParts(name: string): ReturnType<typeof foldName> {
  let parts = folded.get(name);
  if (!parts) {
    if (folded.size >= 100_000) folded.clear();
    parts = foldName(name);
    folded.set(name, parts);
  }
  return parts;
}

function foldName(name: string) {
  const han = foldHan(name);
  if (isHan(han)) {
    const { surname, given } = splitName(han);
    const syllables = pinyinOf(han);
    return {
      han,
      surname,
      given,
      pinyin: syllables.join(""),
      surnamePinyin: syllables.slice(0, surname.length).join(""),
      givenPinyin: syllables.slice(surname.length).join(""),
    };
  }
  // Typed in pinyin: its first word is taken as the surname (the comparison also tries the other order).
  const words = name
    .normalize("NFKC")
    .toLowerCase()
    .split(/[^a-zü]+/)
    .filter(Boolean);
  const surname = words[0] ?? "";
  return {
    han: words.join(" "),
    surname,
    given: words.slice(1).join(""),
    pinyin: pinyinKey(name),
    surnamePinyin: surname,
    givenPinyin: words.slice(1).join(""),
  };
}
