/**
 * Free text without the person's identifiers, on the server as in the client:
 * before a record is stored, its free-text fields (the collection table's
 * `freeText`) are checked against its customer's name, ID number, mobile,
 * e-mail and account numbers — and a lead's own name and mobile — with core's
 * `guardFreeText`: masked, or refused with a 422, as the bank configures
 * (`FREE_TEXT_IDENTIFIERS=mask|refuse`). One query for the customers and one
 * for their holdings, however many records are written.
 */
import {
  guardFreeText,
  hasFreeText,
  identifiersFor,
  isValidationError,
  BankcrmValidationError,
  type CollectionName,
  type FieldError,
  type FreeTextPolicy,
} from "@bankcrm/core";
import type { Sql } from "./sql.js";

type Row = Record<string, unknown>;

/** The customers and their holdings' account numbers, by customer id. */
async function peopleOf(db: Sql, customerIds: readonly string[]) {
  const customers = new Map<string, Row>();
  const accounts = new Map<string, { accountNumber: string }[]>();
  if (customerIds.length === 0) return { customers, accounts };
  const ids = [...new Set(customerIds)];
  for (const row of (
    await db.query<{ id: string; body: Row }>(
      "SELECT id, body FROM records WHERE collection = 'customers' AND id = ANY($1::text[])",
      [ids],
    )
  ).rows)
    customers.set(row.id, row.body);
  for (const row of (
    await db.query<{ customer_id: string; account: string | null }>(
      "SELECT customer_id, body ->> 'accountNumber' AS account FROM records WHERE collection = 'holdings' AND customer_id = ANY($1::text[])",
      [ids],
    )
  ).rows)
    if (row.account)
      accounts.set(row.customer_id, [...(accounts.get(row.customer_id) ?? []), { accountNumber: row.account }]);
  return { customers, accounts };
}

/**
 * The records with their free text cleared (`"mask"`), or a `BankcrmValidationError` whose paths start with the
 * record's index when there are several (`"refuse"`).
 */
export async function clearFreeText(
  db: Sql,
  collection: CollectionName,
  records: readonly Row[],
  policy: FreeTextPolicy,
): Promise<Row[]> {
  // No free text to scan in any of them: no customer to look up.
  if (!records.some((r) => hasFreeText(collection, r))) return [...records];
  const customerIds = records.map((r) => r.customerId).filter((id): id is string => typeof id === "string");
  const { customers, accounts } = await peopleOf(db, customerIds);
  const errors: FieldError[] = [];
  const out = records.map((record, index) => {
    const customerId = typeof record.customerId === "string" ? record.customerId : undefined;
    const customer = customerId ? customers.get(customerId) : undefined;
    const ids = identifiersFor(collection, record, customer, customerId ? accounts.get(customerId) : []);
    try {
      return guardFreeText(collection, record, ids, policy, "en");
    } catch (error) {
      if (!isValidationError(error)) throw error;
      errors.push(...error.errors.map((e) => (records.length > 1 ? { ...e, path: [index, ...e.path] } : e)));
      return record;
    }
  });
  if (errors.length > 0) throw new BankcrmValidationError(errors);
  return out;
}
