/**
 * The rules a create keeps that need the record's customer and their other records of the collection — named by the
 * table (`write.createRule`), run by the writers alone (the client's create, the server's POST), so a page that only
 * shows records does not carry them.
 */
import type { Customer } from "../schemas/customer.js";
import type { LoyaltyEntry } from "../schemas/loyalty-entry.js";
import { loyaltyRefusal } from "../loyalty/ledger.js";
import type { StaffRole } from "../vocabulary.js";
import { collectionSpec, type CollectionName } from "./table.js";

/** What a create rule is told: the customer as the writer reads them, their other records, the writer's role and clock. */
export interface CreateRuleFacts {
  customer: Customer | undefined;
  siblings: readonly Record<string, unknown>[];
  role: StaffRole;
  now: string;
}

export const CREATE_RULES = {
  /** A ledger entry staff may make: a redemption the balance and tier allow, an adjustment by a branch manager. */
  loyaltyBalance: (next: Record<string, unknown>, f: CreateRuleFacts) =>
    loyaltyRefusal(next as LoyaltyEntry, f.siblings as LoyaltyEntry[], f.customer, f.role, f.now),
} as const satisfies Record<string, (next: Record<string, unknown>, facts: CreateRuleFacts) => string | undefined>;

/** Whether a create of `collection` has a rule that needs its customer's records. */
export function hasCreateRule(collection: CollectionName): boolean {
  return collectionSpec(collection).write?.createRule !== undefined;
}

/** The rule the new record breaks (an access refusal's code), or nothing — also when the collection has no rule. */
export function createRefusal(
  collection: CollectionName,
  next: Record<string, unknown>,
  facts: CreateRuleFacts,
): string | undefined {
  const name = collectionSpec(collection).write?.createRule;
  return name ? CREATE_RULES[name](next, facts) : undefined;
}
