/**
 * The caller's scope as SQL: who is reading (`Reader`), which customers their
 * scope covers, which records of each collection they may see (core's table
 * says how a record hangs off a customer), and customer search over the indexed
 * columns. Every read of the database takes its WHERE from here.
 */
import { collectionSpec, type CollectionName, type CustomerScope } from "@bankcrm/core";
import { isValidBankCardNumber } from "@bankcrm/core/identifiers";
import { SEARCH_WEIGHTS } from "@bankcrm/core/text";

/** Who is reading: their id and their customer scope. `undefined` (jobs, tests of storage) reads everything. */
export interface Reader {
  id: string;
  scope: CustomerScope;
  /** Whether confidential interactions (私密备注) are theirs to read; others never receive them. */
  confidential: boolean;
}

/** Records without a customer that every member of staff reads: the bank's campaigns, the segments they run on, the knowledge base. */
const BANK_WIDE: ReadonlySet<CollectionName> = new Set(["campaigns", "segments", "knowledgeArticles"]);

/** The fields that make a record without a customer its writer's or assignee's (an RM's own target: `staffId`). */
const OWNER_FIELDS = ["assignedTo", "assigneeId", "ownerId", "createdBy"];

/**
 * A sales target is its branch's (a branch manager reads and sets their branch's, never another's) and, within it, an
 * RM's own part (`staffId`): not whoever wrote it.
 */
const targetOf = (scope: CustomerScope) =>
  scope.kind === "branch"
    ? { field: "branchId", value: scope.branchId }
    : scope.kind === "book"
      ? { field: "staffId", value: scope.relationshipManagerId }
      : undefined;

/** Bind parameters collected while a query is built. */
export class Params {
  constructor(public values: unknown[] = []) {}
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** The customer rows (alias `c`) a scope covers, as SQL. */
function customerScopeSql(scope: CustomerScope, alias: string, p: Params): string {
  switch (scope.kind) {
    case "all":
      return "TRUE";
    case "none":
      return "FALSE";
    case "book":
      return `${alias}.rm_id = ${p.add(scope.relationshipManagerId)}`;
    case "branch":
      return `${alias}.branch_id = ${p.add(scope.branchId)}`;
    default:
      return "FALSE";
  }
}

/**
 * Which records of a collection (alias `r`) the reader may see: customers by
 * the scope itself; a customer's records by their customer's; records without
 * a customer (a prospect's lead, a task of one's own) by who owns them or their
 * branch; a household or group when one of its members is in scope; campaigns
 * and saved segments (`BANK_WIDE`) by every member of staff.
 */
export function visibleSql(collection: CollectionName, reader: Reader | undefined, p: Params, alias = "r"): string {
  if (collection === "interactions" && reader && !reader.confidential)
    return `(${alias}.body ->> 'confidential' IS DISTINCT FROM 'true' AND ${visibleSql(collection, { ...reader, confidential: true }, p, alias)})`;
  if (!reader || reader.scope.kind === "all") return "TRUE";
  const scope = reader.scope;
  if (collection === "customers") return customerScopeSql(scope, alias, p);
  if (BANK_WIDE.has(collection)) return "TRUE";
  if (collection === "salesTargets") {
    const own = targetOf(scope);
    return own ? `${alias}.body ->> '${own.field}' = ${p.add(own.value)}` : "FALSE";
  }
  const inScope = (customerId: string) =>
    `EXISTS (SELECT 1 FROM records c WHERE c.collection = 'customers' AND c.id = ${customerId} AND ${customerScopeSql(scope, "c", p)})`;
  const index = collectionSpec(collection).customerIndex;
  if (index === "members")
    return `EXISTS (SELECT 1 FROM jsonb_array_elements(${alias}.body -> 'members') m WHERE ${inScope("m ->> 'customerId'")})`;
  const me = p.add(reader.id);
  const owned = `(${OWNER_FIELDS.map((f) => `${alias}.body ->> '${f}' = ${me}`).join(" OR ")}${
    scope.kind === "branch" ? ` OR ${alias}.body ->> 'branchId' = ${p.add(scope.branchId)}` : ""
  })`;
  if (index === "customerId")
    return `(CASE WHEN ${alias}.customer_id IS NULL THEN ${owned} ELSE ${inScope(`${alias}.customer_id`)} END)`;
  return owned;
}

/** SQL true when the customer whose id is the expression `id` is there and the reader may see it. */
export function customerSeenSql(id: string, reader: Reader | undefined, p: Params): string {
  return `EXISTS (SELECT 1 FROM records seen WHERE seen.collection = 'customers' AND seen.id = ${id} AND ${visibleSql("customers", reader, p, "seen")})`;
}

/** A record's scope facts, read with it: its customer's (or, for a group, each member's) branch and relationship manager now. */
export interface ScopeFacts {
  customer?: { rm: string | null; branch: string | null } | null;
  members?: { rm: string | null; branch: string | null }[] | null;
}

/**
 * `visibleSql` in JavaScript, for rows already read with their scope facts (the change feed reads a round once and
 * filters it for each follower): the same rule, clause by clause.
 */
export function visibleTo(
  collection: CollectionName,
  reader: Reader | undefined,
  body: Record<string, unknown> | null | undefined,
  facts: ScopeFacts,
): boolean {
  if (!body) return false;
  if (collection === "interactions" && reader && !reader.confidential && body.confidential === true) return false;
  if (!reader || reader.scope.kind === "all") return true;
  const scope = reader.scope;
  const inScope = (c: { rm?: unknown; branch?: unknown } | null | undefined) =>
    !!c &&
    (scope.kind === "book"
      ? c.rm === scope.relationshipManagerId
      : scope.kind === "branch"
        ? c.branch === scope.branchId
        : false);
  if (collection === "customers") return inScope({ rm: body.relationshipManagerId, branch: body.branchId });
  if (BANK_WIDE.has(collection)) return true;
  if (collection === "salesTargets") {
    const own = targetOf(scope);
    return own !== undefined && body[own.field] === own.value;
  }
  const index = collectionSpec(collection).customerIndex;
  if (index === "members") return (facts.members ?? []).some(inScope);
  const owned =
    OWNER_FIELDS.some((f) => body[f] === reader.id) || (scope.kind === "branch" && body.branchId === scope.branchId);
  if (index === "customerId") return body.customerId == null ? owned : inScope(facts.customer);
  return owned;
}

/** The next string after every string starting with `prefix` (code point order, as "C" collation sorts UTF-8). */
function prefixEnd(prefix: string): string {
  const chars = [...prefix];
  const last = chars.pop()!;
  return chars.join("") + String.fromCodePoint(last.codePointAt(0)! + 1);
}

/**
 * Customer search as SQL over indexed columns: a full mobile, a masked one
 * (`138****5678`), four digits (mobile or ID last four), a bank card number
 * (16–19 digits, Luhn-valid: whose card it is), a resident ID or USCC, a
 * customer number prefix, or a name prefix (surname first, as staff type it).
 */
export function searchSql(search: string, p: Params): string {
  const text = search.trim();
  const digits = text.replace(/[\s-]/g, "");
  if (/^\d{16,19}$/.test(digits) && isValidBankCardNumber(digits))
    return `(id IN (SELECT h.customer_id FROM records h WHERE h.collection = 'holdings' AND h.natural_key = ${p.add(digits)}))`;
  if (/^1\d{10}$/.test(digits)) return `(mobile_last4 = ${p.add(digits.slice(-4))} AND mobile = ${p.add(digits)})`;
  const masked = /^(\d{3})\*{4}(\d{4})$/.exec(text);
  if (masked) return `(mobile_last4 = ${p.add(masked[2])} AND left(mobile, 3) = ${p.add(masked[1])})`;
  if (/^\d{4}$/.test(text)) {
    const four = p.add(text);
    return `(mobile_last4 = ${four} OR id_last4 = ${four})`;
  }
  const upper = text.toUpperCase();
  const alternatives = [`natural_key = ${p.add(upper)}`];
  if (text !== "") {
    alternatives.push(`(name >= ${p.add(text)} AND name < ${p.add(prefixEnd(text))})`);
    alternatives.push(`(id COLLATE "C" >= ${p.add(upper)} AND id COLLATE "C" < ${p.add(prefixEnd(upper))})`);
  }
  return `(${alternatives.join(" OR ")})`;
}

const fieldList = (names: readonly string[]) => {
  if (names.some((n) => !/^[A-Za-z]+$/.test(n))) throw new Error(`a search field is not a plain name: ${names.join()}`);
  return `'{${names.join(",")}}'::text[]`;
};

/**
 * A searchable collection's terms over the row `alias` (migration 029), its fields from core's table written as
 * literals so the expression is the one its GIN index was built on.
 */
export function searchVectorSql(collection: CollectionName, alias: string): string {
  const fields = collectionSpec(collection).search ?? [];
  return `bankcrm_search_vector(${alias}.body, ${fieldList(fields.map((f) => f.field))})`;
}

/** A term as a prefix query ('还款':*). Terms are letters, digits and Han only; a quote is doubled all the same. */
const prefixQuery = (term: string) => `'${term.replace(/'/g, "''")}':*`;

/** Core's query terms as one tsquery: each a prefix, all wanted. */
export function searchTsquery(terms: readonly string[]): string {
  return terms.map(prefixQuery).join(" & ");
}

/**
 * Core's `searchScore` in SQL: for each term, the weight (`SEARCH_WEIGHTS`) of the heaviest field that has it. `add`
 * binds each term's query.
 */
export function searchRankSql(collection: CollectionName, alias: string, terms: readonly string[], p: Params): string {
  const fields = [...(collectionSpec(collection).search ?? [])].sort(
    (a, b) => SEARCH_WEIGHTS[b.weight] - SEARCH_WEIGHTS[a.weight],
  );
  const perTerm = terms.map((term) => {
    const q = p.add(prefixQuery(term));
    const cases = fields.map(
      (f) =>
        `WHEN bankcrm_search_vector(${alias}.body, ${fieldList([f.field])}) @@ ${q}::tsquery THEN ${SEARCH_WEIGHTS[f.weight]}`,
    );
    return `(CASE ${cases.join(" ")} ELSE 0 END)`;
  });
  return perTerm.length > 0 ? perTerm.join(" + ") : "0";
}
