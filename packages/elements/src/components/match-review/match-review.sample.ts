/** A pair to review and its two records (one person, as the core system and the wealth platform hold them): the stories' and the tests'. */
import type { Customer } from "@bankcrm/core";
import { generateDemoCustomers } from "@bankcrm/core/demo";
import type { MatchPair } from "./match-review.component.js";

export const person = generateDemoCustomers({ seed: "match-review", count: 10 }).find((c) => c.kind === "individual")!;
/** Masked, as the server sends records. */
export const records: [Customer, Customer] = [
  { ...person, contact: { ...person.contact, mobile: "138****8000" } },
  { ...person, id: "WEALTH-1", name: "王建國", contact: { ...person.contact, mobile: "139****0000" } },
];
export const pair: MatchPair = {
  ids: [person.id, "WEALTH-1"],
  probability: 0.9999,
  weight: 30.5,
  evidence: [
    { comparison: "surname", level: "exact", weight: 3.2 },
    { comparison: "given", level: "pinyin", weight: 7.6 },
    { comparison: "birthDate", level: "exact", weight: 13 },
    { comparison: "mobile", level: "different", weight: -1.9 },
    { comparison: "email", level: "missing", weight: 0 },
    { comparison: "address", level: "same", weight: 4 },
  ],
};
