/**
 * A labelled benchmark for entity resolution (`@bankcrm/core/demo/duplicates`, apart from the demo bank: its
 * variants need opencc-js's simplified-to-traditional dictionary, a megabyte no demo page should load): the demo
 * bank's customers, a share of them arriving again from other source systems with the noise real systems carry — traditional characters, a name typed in pinyin (either word
 * order), a typo, an old 15-digit ID, a changed or mistyped mobile, day and month transposed, the address written
 * another way, fields missing — and hard non-matches: twins (one surname, birthday and address, different given
 * names and IDs), and different people with the same name and birthday. Every record says which person it is.
 *
 * The records are source records as a loader writes them, not checked against the core schemas (a transposed birth
 * date disagrees with its ID number, as it would in the source).
 */
import * as OpenCC from "opencc-js/cn2t";
import { pinyin } from "pinyin-pro";
import { formatResidentIdNumber, parseResidentIdNumber } from "../identifiers/resident-id.js";
import type { Customer, IndividualCustomer } from "../schemas/customer.js";
import { generateDemoCustomers } from "./portfolio.js";
import { createRandom, type Random } from "./random.js";
import { GIVEN_FEMALE, GIVEN_MALE } from "./reference-data.js";

let traditional: ((text: string) => string) | undefined;
const toTraditional = (text: string) => (traditional ??= OpenCC.Converter({ from: "cn", to: "tw" }))(text);

export interface LabelledBook {
  records: Customer[];
  /** Each record's id → the id of the person (the original demo customer) it is. */
  truth: Map<string, string>;
}

export interface DuplicatedBookOptions {
  seed: string;
  customers: number;
  /** Share of customers arriving again from another system (default 0.3; a fifth of those twice). */
  duplicates?: number;
  /** Share of customers given a hard non-match: a twin, or a namesake born the same day (default 0.03). */
  hardNegatives?: number;
  /**
   * Share of the other systems' records (duplicates and lookalikes) that hold a passport instead of the resident ID
   * (default 0): the ID then neither joins nor parts them, and name, birth date, mobile and address must decide — a
   * harder book, on which the merge threshold trades precision for recall.
   */
  otherDocument?: number;
}

/** A name as another system holds it: traditional, pinyin (either order), a typo, a stray space. */
function noisyName(r: Random, name: string): string {
  const roll = r.next();
  if (roll < 0.2) return toTraditional(name);
  if (roll < 0.3) {
    const [surname, ...given] = pinyin(name, { toneType: "none", type: "array", surname: "head" });
    const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
    return r.bool(0.5) ? `${cap(surname!)} ${cap(given.join(""))}` : `${cap(given.join(""))} ${cap(surname!)}`;
  }
  if (roll < 0.38 && name.length > 2) {
    // A typo in the given name: one character another of the pool.
    const pool = r.bool(0.5) ? GIVEN_MALE : GIVEN_FEMALE;
    const at = r.int(1, name.length - 1);
    return name.slice(0, at) + r.pick(pool).charAt(0) + name.slice(at + 1);
  }
  if (roll < 0.43) return `${name.charAt(0)} ${name.slice(1)}`;
  return name;
}

/** An 18-digit resident ID as the 15 digits an old account holds (no century, no check character). */
const oldId = (id: string) => `${id.slice(0, 6)}${id.slice(8, 17)}`;

function noisyAddress(r: Random, address: string): string {
  const roll = r.next();
  if (roll < 0.25) return address.replace(/^.+?(省|自治区)/u, ""); // the province left out
  if (roll < 0.35) return address.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))); // full-width
  if (roll < 0.45) return address.replace(/(\d+)栋(\d+)室/u, "$1-$2"); // 12栋1203室 → 12-1203
  return address;
}

/** A passport in place of the resident ID, with probability `share`. */
const passportOr = (r: Random, c: IndividualCustomer, share: number): IndividualCustomer["idDocument"] =>
  share > 0 && r.bool(share) ? { type: "passport", number: `E${r.digits(8)}`, country: "CN" } : c.idDocument;

/** Another system's record of one person. */
function duplicateOf(r: Random, c: IndividualCustomer, id: string, otherDocument = 0): IndividualCustomer {
  const contact = { ...c.contact };
  if (contact.mobile) {
    const roll = r.next();
    if (roll < 0.2)
      contact.mobile = `1${r.pick(["3", "5", "8"])}${r.digits(9)}`; // changed in one system
    else if (roll < 0.25) {
      const at = r.int(3, 10);
      contact.mobile =
        contact.mobile.slice(0, at) + String((Number(contact.mobile[at]) + 1) % 10) + contact.mobile.slice(at + 1);
    } else if (roll < 0.35) delete contact.mobile;
  }
  if (contact.email && r.bool(0.5)) delete contact.email;
  if (contact.address) {
    if (r.bool(0.12)) delete contact.address;
    else contact.address = noisyAddress(r, contact.address);
  }
  let birthDate = c.birthDate;
  const [y, m, d] = birthDate.split("-");
  if (r.bool(0.05) && Number(d) <= 12 && m !== d) birthDate = `${y}-${d}-${m}`;
  const idDocument = { ...c.idDocument };
  if (idDocument.type === "resident_id" && idDocument.number.slice(6, 8) === "19" && r.bool(0.2))
    idDocument.number = oldId(idDocument.number);
  else if (r.bool(0.03)) {
    // A mistyped digit.
    const at = r.int(6, 16);
    idDocument.number =
      idDocument.number.slice(0, at) +
      String((Number(idDocument.number[at]) + 3) % 10) +
      idDocument.number.slice(at + 1);
  }
  const document = passportOr(r, { ...c, idDocument }, otherDocument);
  return { ...c, id, name: noisyName(r, c.name), birthDate, idDocument: document, contact };
}

/** A different person who looks like `c`: a twin, or a namesake born the same day elsewhere. */
function lookalike(r: Random, c: IndividualCustomer, id: string): IndividualCustomer {
  const parsed = parseResidentIdNumber(c.idDocument.number);
  const twin = r.bool(0.5);
  const sequence = String(r.int(100, 999));
  const number = parsed
    ? formatResidentIdNumber({
        regionCode: twin ? parsed.regionCode : `${r.pick(["11", "31", "44", "51", "33"])}0${r.int(101, 109)}`,
        birthDate: c.birthDate,
        sequence,
      })
    : `${c.idDocument.number.slice(0, -3)}${sequence}`;
  const pool = Number(sequence) % 2 === 1 ? GIVEN_MALE : GIVEN_FEMALE;
  const contact = { ...c.contact, mobile: `1${r.pick(["3", "5", "8"])}${r.digits(9)}` };
  delete contact.email;
  if (!twin)
    contact.address = `${c.contact.address?.slice(0, 3) ?? ""}${r.pick(["人民路", "解放路", "中山路"])}${r.int(1, 300)}号`;
  return {
    ...c,
    id,
    // A twin has a given name of their own; a namesake the same name.
    name: twin ? `${c.name.charAt(0)}${r.pick(pool)}` : c.name,
    gender: Number(sequence) % 2 === 1 ? "male" : "female",
    idDocument: { ...c.idDocument, number },
    contact,
  };
}

/** The demo bank's customers with their duplicates and lookalikes, each record labelled with its person. */
export function generateDuplicatedBook(o: DuplicatedBookOptions): LabelledBook {
  const r = createRandom(`${o.seed}:duplicates`);
  const originals = generateDemoCustomers({ seed: o.seed, count: o.customers });
  const records: Customer[] = [];
  const truth = new Map<string, string>();
  const add = (c: Customer, person: string) => {
    records.push(c);
    truth.set(c.id, person);
  };
  let extra = 0;
  const nextId = () => `SRC${String(++extra).padStart(8, "0")}`;
  // One resident ID, one person: the demo's random sequences can repeat in a big book; a repeat gets another.
  const ids = new Set<string>();
  const unique = (c: IndividualCustomer) => {
    const parsed = parseResidentIdNumber(c.idDocument.number);
    let number = c.idDocument.number;
    for (let k = 1; parsed && ids.has(number); k++)
      number = formatResidentIdNumber({
        regionCode: parsed.regionCode,
        birthDate: parsed.birthDate,
        sequence: String((Number(parsed.sequence) + 2 * k) % 1000).padStart(3, "0"),
      });
    ids.add(number);
    return number === c.idDocument.number ? c : { ...c, idDocument: { ...c.idDocument, number } };
  };
  for (const original of originals) {
    const c = original.kind === "individual" ? unique(original) : original;
    add(c, c.id);
    if (c.kind !== "individual") {
      // A company again under another system's key, its name with or without its legal form.
      if (r.bool(o.duplicates ?? 0.3))
        add(
          {
            ...c,
            id: nextId(),
            name: r.bool(0.5) ? c.name.replace(/有限公司$/u, "有限责任公司") : c.name.replace(/有限公司$/u, ""),
          },
          c.id,
        );
      continue;
    }
    if (r.bool(o.duplicates ?? 0.3)) {
      add(duplicateOf(r, c, nextId(), o.otherDocument), c.id);
      if (r.bool(0.2)) add(duplicateOf(r, c, nextId(), o.otherDocument), c.id);
    }
    if (r.bool(o.hardNegatives ?? 0.03)) {
      const other = unique(lookalike(r, c, nextId()));
      add({ ...other, idDocument: passportOr(r, other, o.otherDocument ?? 0) }, other.id);
    }
  }
  return { records, truth };
}
