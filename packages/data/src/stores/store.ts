/**
 * What every store — memory, IndexedDB, HTTP — offers the client. Stores hold
 * full records; masking, access and audit are the client's job, so every store
 * gets them the same way.
 */
export { collectionSchemas, COLLECTION_NAMES } from "@bankcrm/core";
import type {
  Campaign,
  CampaignResponse,
  Customer,
  Holding,
  Interaction,
  Lead,
  Opportunity,
  RelationshipGroup,
  ServiceCase,
  Task,
  Tier,
  Transaction,
} from "@bankcrm/core";

export interface Page<T> {
  items: T[];
  /** Pass as `after` for the next page; absent on the last page. */
  next?: string;
}

export interface CustomerQuery {
  branchId?: string;
  relationshipManagerId?: string;
  tier?: Tier;
  status?: Customer["status"];
  /** Name substring, full resident ID / USCC, a mobile number, or a masked mobile like 138****5678. */
  search?: string;
  limit?: number;
  after?: string;
}

export type TimelineEntry =
  | { kind: "interaction"; id: string; customerId: string; at: string; record: Interaction }
  | { kind: "transaction"; id: string; customerId: string; at: string; record: Transaction }
  | { kind: "case"; id: string; customerId: string; at: string; record: ServiceCase }
  | { kind: "campaign"; id: string; customerId: string; at: string; record: CampaignResponse };

/** The collection each kind of timeline entry is kept in. */
export const TIMELINE_COLLECTIONS = {
  interaction: "interactions",
  transaction: "transactions",
  case: "serviceCases",
  campaign: "campaignResponses",
} as const satisfies Record<TimelineEntry["kind"], string>;

export interface TimelineQuery {
  limit?: number;
  /** Cursor from the previous page (entries are newest first). */
  after?: string;
}

/** The records a store keeps, by collection. */
export interface CollectionRecords {
  customers: Customer;
  holdings: Holding;
  transactions: Transaction;
  interactions: Interaction;
  serviceCases: ServiceCase;
  campaignResponses: CampaignResponse;
  leads: Lead;
  opportunities: Opportunity;
  campaigns: Campaign;
  tasks: Task;
  relationshipGroups: RelationshipGroup;
}
export type CollectionName = keyof CollectionRecords; // the same names as core's COLLECTION_NAMES

export interface RecordQuery {
  /** Records of this customer (for groups: where the customer is a member). */
  customerId?: string;
  limit?: number;
  after?: string;
}

/** Whether a record belongs to a customer, for every collection. */
export function belongsTo(record: unknown, customerId: string): boolean {
  const r = record as { customerId?: string; members?: { customerId: string }[] };
  return (
    r.customerId === customerId || (Array.isArray(r.members) && r.members.some((m) => m.customerId === customerId))
  );
}

export interface CrmStore {
  readonly kind: "memory" | "indexeddb" | "http";
  getCustomer(id: string): Promise<Customer | undefined>;
  /** The customer with this resident ID number (individuals) or USCC (corporates). */
  findCustomerByNaturalKey(key: string): Promise<Customer | undefined>;
  listCustomers(query: CustomerQuery): Promise<Page<Customer>>;
  holdings(customerId: string): Promise<Holding[]>;
  timeline(customerId: string, query: TimelineQuery): Promise<Page<TimelineEntry>>;
  leads(query: { customerId?: string; limit?: number; after?: string }): Promise<Page<Lead>>;
  /** One record of any collection. */
  record<C extends CollectionName>(collection: C, id: string): Promise<CollectionRecords[C] | undefined>;
  /** Records of any collection in id order, optionally of one customer, a page at a time. */
  records<C extends CollectionName>(collection: C, query: RecordQuery): Promise<Page<CollectionRecords[C]>>;
  /** Inserts or replaces records by id. */
  put<C extends CollectionName>(collection: C, records: readonly CollectionRecords[C][]): Promise<void>;
  close(): void;
  /** Closes and deletes everything the store keeps. */
  destroy(): Promise<void>;
}

/** A customer's natural key: resident ID / other document number, or USCC. */
export function naturalKeyOf(customer: Customer): string {
  return customer.kind === "individual" ? customer.idDocument.number : customer.uscc;
}

/** Timeline cursors order entries newest first, ties broken by kind and id. */
export function timelineKey(entry: Pick<TimelineEntry, "at" | "kind" | "id">): string {
  return `${entry.at}|${entry.kind}|${entry.id}`;
}

/** A page size as every store honours it: 1–1,000, `fallback` when unset. */
export function clampLimit(limit: number | undefined, fallback = 50): number {
  return Math.max(1, Math.min(1000, Math.trunc(limit ?? fallback)));
}
