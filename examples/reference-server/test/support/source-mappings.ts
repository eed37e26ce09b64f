/**
 * A source system's customer file and fund file, as the resolution tests and the workstation's e2e load them:
 * NO,NAME,SEX,BIRTH,ID[,MOBILE],OPENED for people (ids `CU-<SOURCE>-<NO>`), ACCT,NO,BAL for funds (ids
 * `HD-<SOURCE>-<ACCT>`, balances in yuan).
 */
import { parseMapping } from "../../src/loader/mapping.js";

/** A customer file's mapping: its people in `branchId`, with a mobile column when `mobile`. */
export const customerFileMapping = (source: string, o: { branchId: string; mobile?: boolean }) =>
  parseMapping(`source: ${source}
collection: customers
encoding: utf-8
key: NO
fields:
  id: { column: NO, prefix: "CU-${source}-" }
  kind: { value: individual }
  name: { column: NAME }
  gender: { column: SEX, values: { "1": male, "2": female } }
  birthDate: { column: BIRTH, date: YYYYMMDD }
  idDocument.type: { value: resident_id }
  idDocument.number: { column: ID, identifier: residentId }
  contact: { value: {} }
${o.mobile ? "  contact.mobile: { column: MOBILE, identifier: mobile }\n" : ""}  status: { value: active }
  onboardedAt: { column: OPENED, date: YYYYMMDD }
  branchId: { value: ${o.branchId} }
  kycStatus: { value: verified }
  loyaltyPoints: { value: 0 }
  tags: { value: [] }
  consents: { value: [] }
`);

/** A fund file's mapping: each account a fund of its customer, opened `openedAt`. */
export const fundFileMapping = (source: string, openedAt: string) =>
  parseMapping(`source: ${source}
collection: holdings
encoding: utf-8
key: ACCT
fields:
  id: { column: ACCT, prefix: "HD-${source}-" }
  customerId: { column: NO, prefix: "CU-${source}-" }
  productType: { value: fund }
  productCode: { value: FND-101 }
  riskLevel: { value: R2 }
  accountNumber: { column: ACCT }
  balance.amount: { column: BAL, amount: yuan }
  balance.currency: { value: CNY }
  openedAt: { value: "${openedAt}" }
  status: { value: active }
`);
