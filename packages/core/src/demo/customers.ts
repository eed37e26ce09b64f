/** One demo customer, derived from the seed and its index alone. */
import { formatResidentIdNumber } from "../identifiers/resident-id.js";
import { formatUscc, USCC_ALPHABET } from "../identifiers/uscc.js";
import type { Consent, Customer } from "../schemas/customer.js";
import {
  CONTACT_CHANNELS,
  CONTACT_TIMES,
  EDUCATION_LEVELS,
  INDUSTRIES,
  type Occupation,
  type RiskTolerance,
} from "../schemas/enums.js";
import { createRandom, type Random } from "./random.js";
import {
  BRANCHES,
  CITIES,
  COMPANY_WORDS,
  GIVEN_FEMALE,
  GIVEN_MALE,
  INDUSTRY_WORDS,
  SURNAMES,
  TAGS_CORPORATE,
  TAGS_INDIVIDUAL,
  type City,
} from "./reference-data.js";
import type { DemoStaffDirectory } from "./staff.js";
import { addDays, isoDate, isoDateTime, parseDate } from "./time.js";
import { DAY_MS } from "../time.js";
import { DEFAULT_KYC_POLICY } from "../compliance/kyc.js";

export interface DemoContext {
  seed: string;
  /** The "today" of the demo data, YYYY-MM-DD. */
  asOf: string;
  staff: DemoStaffDirectory;
}

/**
 * A household's name from its head's: the surname only ("王氏家庭"), as a masked name shows it — a group's
 * name is read unmasked by every role, so it never carries a member's full name.
 */
export function householdName(headName: string): string {
  return `${[...headName][0] ?? ""}氏家庭`;
}

export function customerId(index: number): string {
  return `CU${String(index + 1).padStart(8, "0")}`;
}

const MOBILE_PREFIXES = [
  "130",
  "131",
  "132",
  "135",
  "136",
  "137",
  "138",
  "139",
  "150",
  "151",
  "152",
  "157",
  "158",
  "159",
  "166",
  "176",
  "177",
  "180",
  "181",
  "186",
  "187",
  "188",
  "189",
  "191",
  "198",
  "199",
];

function mobile(r: Random): string {
  return r.pick(MOBILE_PREFIXES) + r.digits(8);
}

function personName(r: Random, gender: "male" | "female"): string {
  const pool = gender === "male" ? GIVEN_MALE : GIVEN_FEMALE;
  const given = r.bool(0.75) ? r.pick(pool) + r.pick(pool) : r.pick(pool);
  return r.weighted(SURNAMES) + given;
}

function address(r: Random, city: City): string {
  const [, district] = r.pick(city.districts);
  return `${city.province}${city.name}${district}${r.pick(city.streets)}${r.int(1, 999)}号${r.int(1, 30)}栋${r.int(1, 32)}${String(r.int(1, 8)).padStart(2, "0")}室`;
}

function consents(r: Random, onboardedAt: string): Consent[] {
  const recordedAt = `${onboardedAt}T10:00:00.000Z`;
  const list: Consent[] = [];
  list.push({ purpose: "marketing", channel: "all", granted: r.bool(0.7), textVersion: "2025-01", recordedAt });
  list.push({ purpose: "profiling", channel: "all", granted: r.bool(0.6), textVersion: "2025-01", recordedAt });
  if (r.bool(0.1))
    list.push({
      purpose: "third_party_sharing",
      channel: "all",
      granted: r.bool(0.3),
      textVersion: "2025-01",
      recordedAt,
    });
  return list;
}

function occupationFor(r: Random, age: number): Occupation {
  if (age >= 60 && r.bool(0.8)) return "retired";
  if (age < 23 && r.bool(0.6)) return "student";
  return r.weighted<Occupation>([
    ["office_worker", 30],
    ["professional", 15],
    ["worker", 12],
    ["self_employed", 10],
    ["civil_servant", 6],
    ["executive", 4],
    ["business_owner", 5],
    ["freelancer", 6],
    ["farmer", 4],
    ["military", 1],
    ["unemployed", 3],
  ]);
}

/** Wealth before it is spread across holdings, in fen: log-normal, median 20,000 CNY. */
export function demoWealth(r: Random, kind: "individual" | "corporate"): number {
  const median = kind === "individual" ? 2_000_000 : 30_000_000;
  return Math.round(Math.min(r.logNormal(median, 2.0), 5_000_000_000_00));
}

export function generateCustomer(index: number, ctx: DemoContext): Customer {
  return withContactPersons(withKyc(customerRecord(index, ctx), ctx, index), ctx, index);
}

/**
 * A company's contact persons, from a stream of their own: its legal representative, and a finance manager the bank
 * calls first (most companies), sometimes an authorised agent too.
 */
function withContactPersons(c: Customer, ctx: DemoContext, index: number): Customer {
  if (c.kind !== "corporate") return c;
  const r = createRandom(`${ctx.seed}:contacts:${index}`);
  const person = (role: "finance_manager" | "authorized_agent", primary: boolean) => ({
    name: personName(r, r.bool(0.5) ? "male" : "female"),
    role,
    mobile: mobile(r),
    ...(primary ? { primary } : {}),
  });
  const finance = r.bool(0.85);
  return {
    ...c,
    contactPersons: [
      { name: c.legalRepresentative, role: "legal_representative", ...(finance ? {} : { primary: true }) },
      ...(finance ? [person("finance_manager", true)] : []),
      ...(r.bool(0.3) ? [person("authorized_agent", false)] : []),
    ],
  };
}

/**
 * KYC facts, from a stream of their own so the customer's other fields stay as they were: the AML rating (most low
 * risk), the last due-diligence review (a few overdue), and a resident ID's end of validity — ten years when issued
 * before 26, twenty before 46, mostly long-term (长期, no end) after — a few lapsed or about to.
 */
function withKyc(c: Customer, ctx: DemoContext, index: number): Customer {
  const r = createRandom(`${ctx.seed}:kyc:${index}`);
  const asOf = parseDate(ctx.asOf);
  const amlRiskRating = r.weighted([
    ["low", 70],
    ["medium", 25],
    ["high", 5],
  ] as const);
  const reviewed = isoDate(addDays(asOf, -r.int(0, Math.round(DEFAULT_KYC_POLICY.reviewDays[amlRiskRating] * 1.04))));
  const kyc = { amlRiskRating, dueDiligenceAt: reviewed < c.onboardedAt ? c.onboardedAt : reviewed };
  if (c.kind !== "individual") return { ...c, ...kyc };
  const age = (asOf.getTime() - parseDate(c.birthDate).getTime()) / (365.25 * DAY_MS);
  if (age >= 46 && r.bool(0.7)) return { ...c, ...kyc };
  const validYears = age < 26 ? 10 : 20;
  const validUntil = isoDate(addDays(asOf, r.int(-60, validYears * 365)));
  return { ...c, ...kyc, idDocument: { ...c.idDocument, validUntil } };
}

function customerRecord(index: number, ctx: DemoContext): Customer {
  const r = createRandom(`${ctx.seed}:customer:${index}`);
  const id = customerId(index);
  const branch = r.pick(BRANCHES);
  const city = CITIES[branch.cityIndex]!;
  const rm = r.pick(ctx.staff.relationshipManagersOf(branch.id));
  const asOf = parseDate(ctx.asOf);
  const status = r.weighted([
    ["active", 88],
    ["dormant", 10],
    ["closed", 2],
  ] as const);
  const riskTolerance: RiskTolerance | undefined = r.bool(0.75)
    ? r.weighted([
        ["C1", 15],
        ["C2", 35],
        ["C3", 30],
        ["C4", 15],
        ["C5", 5],
      ] as const)
    : undefined;
  const common = {
    id,
    status,
    branchId: branch.id,
    ...(rm ? { relationshipManagerId: rm.id } : {}),
    ...(riskTolerance ? { riskTolerance, riskAssessedAt: isoDate(addDays(asOf, -r.int(1, 700))) } : {}),
    kycStatus: r.weighted([
      ["verified", 92],
      ["expired", 5],
      ["pending", 3],
    ] as const),
    loyaltyPoints: Math.round(r.logNormal(3000, 1.2)),
    updatedAt: isoDateTime(addDays(asOf, -r.int(0, 90)), 9 * 3600),
  };

  if (r.bool(0.1)) {
    const industry = r.pick(INDUSTRIES);
    const [regionCode] = r.pick(city.districts);
    let org = "";
    for (let i = 0; i < 9; i++) org += r.pick([...USCC_ALPHABET]);
    const onboardedAt = isoDate(addDays(asOf, -r.int(30, 365 * 15)));
    const sizeClass = r.weighted([
      ["micro", 55],
      ["small", 30],
      ["medium", 12],
      ["large", 3],
    ] as const);
    const employees = { micro: [2, 19], small: [20, 99], medium: [100, 999], large: [1000, 20000] }[sizeClass] as [
      number,
      number,
    ];
    const customer: Customer = {
      ...common,
      kind: "corporate",
      onboardedAt,
      name: `${city.name.replace("市", "")}${r.pick(COMPANY_WORDS)}${r.pick(COMPANY_WORDS)}${INDUSTRY_WORDS[industry]}有限公司`,
      uscc: formatUscc(`91${regionCode}${org}`),
      industry,
      sizeClass,
      registeredCapital: { amount: r.pick([100, 500, 1000, 2000, 5000, 10000]) * 1_000_000, currency: "CNY" },
      employeeCount: r.int(employees[0], employees[1]),
      legalRepresentative: personName(r, r.bool(0.7) ? "male" : "female"),
      ...(r.bool(0.35)
        ? { creditLine: { amount: r.pick([50, 100, 300, 500, 1000]) * 1_000_000_00, currency: "CNY" } }
        : {}),
      tags: r.bool(0.6) ? [r.pick(TAGS_CORPORATE)] : [],
      consents: consents(r, onboardedAt),
      contact: {
        mobile: mobile(r),
        address: address(r, city),
        city: city.name,
        preferredChannel: r.pick(["branch", "phone", "visit"] as const),
        preferredContactTime: r.pick(["morning", "afternoon"] as const),
      },
    };
    return customer;
  }

  const gender = r.bool(0.5) ? "male" : "female";
  const age = Math.max(18, Math.min(88, Math.round(42 + 15 * r.normal())));
  const birth = addDays(asOf, -(age * 365 + r.int(0, 364)));
  const birthDate = isoDate(birth);
  const birthCity = r.bool(0.6) ? city : r.pick(CITIES);
  const [regionCode] = r.pick(birthCity.districts);
  const sequence = String(r.int(0, 49) * 2 + (gender === "male" ? 1 : 2) + r.int(0, 4) * 100).padStart(3, "0");
  const adult = addDays(birth, 18 * 365 + 5);
  const earliest = Math.max(adult.getTime(), addDays(asOf, -365 * 20).getTime());
  const latest = addDays(asOf, -7).getTime();
  const onboardedAt = isoDate(new Date(earliest + r.next() * Math.max(0, latest - earliest)));
  const occupation = occupationFor(r, age);
  const tags: string[] = [];
  for (const tag of TAGS_INDIVIDUAL) if (r.bool(0.08)) tags.push(tag);
  return {
    ...common,
    kind: "individual",
    onboardedAt,
    name: personName(r, gender),
    gender,
    birthDate,
    idDocument: { type: "resident_id", number: formatResidentIdNumber({ regionCode, birthDate, sequence }) },
    occupation,
    annualIncome: { amount: Math.round(r.logNormal(12_000_000, 0.7) / 100) * 100, currency: "CNY" },
    education: r.pick(EDUCATION_LEVELS),
    maritalStatus:
      age < 25
        ? "single"
        : r.weighted([
            ["married", 70],
            ["single", 18],
            ["divorced", 8],
            ["widowed", 4],
          ] as const),
    tags,
    consents: consents(r, onboardedAt),
    contact: {
      mobile: mobile(r),
      ...(r.bool(0.4)
        ? {
            email: `${r.int(10000, 9999999999)}@${r.pick(["qq.com", "163.com", "126.com", "sina.com", "foxmail.com"])}`,
          }
        : {}),
      address: address(r, city),
      city: city.name,
      preferredChannel: r.pick(CONTACT_CHANNELS),
      preferredContactTime: r.pick(CONTACT_TIMES),
    },
  };
}
