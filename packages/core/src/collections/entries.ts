/**
 * The one table of record collections. Each entry says everything a store, the
 * client, the outbox, the reference server, the REST contract and the store
 * contract suite need to know about a collection: its schema, its key and
 * natural key, how it hangs off a customer, the time it is ordered by, where it
 * shows in the timeline, how it may be written and by whom, its state machine,
 * and how a browser store keeps it (its indexes: the IndexedDB schema and its
 * upgrade follow). Adding a collection is one entry here — see
 * docs/contributing.md; everything else is derived in table.ts (and a test adds
 * a fixture collection to this module alone and uses it through every store,
 * the client and the server).
 */
import type * as z from "zod";
import { caseDerivedFields } from "../service/regulatory.js";
import type { StaffRole } from "../vocabulary.js";
import {
  CampaignMemberSchema,
  CampaignResponseSchema,
  CampaignSchema,
  type CampaignResponse,
} from "../schemas/campaign.js";
import { CustomerChangeSchema } from "../schemas/customer-change.js";
import { CustomerSchema, type Customer } from "../schemas/customer.js";
import { HoldingSchema } from "../schemas/holding.js";
import { InteractionSchema, type Interaction } from "../schemas/interaction.js";
import { LeadSchema, type Lead } from "../schemas/lead.js";
import { OpportunitySchema, type Opportunity } from "../schemas/opportunity.js";
import { RelationshipGroupSchema } from "../schemas/relationship-group.js";
import { ServiceCaseSchema, type ServiceCase } from "../schemas/service-case.js";
import { SalesTargetSchema } from "../schemas/sales-target.js";
import { SegmentSchema } from "../schemas/segment.js";
import { TaskSchema } from "../schemas/task.js";
import { KnowledgeArticleSchema, KNOWLEDGE_SEARCH_FIELDS } from "../schemas/knowledge-article.js";
import type { SearchField } from "../text/search.js";
import { TransactionSchema, type Transaction } from "../schemas/transaction.js";
import { LoyaltyEntrySchema } from "../schemas/loyalty-entry.js";
import { PreferentialPriceSchema } from "../schemas/preferential-price.js";
import { pricingMachine } from "../branch/pricing.js";
import type { StateMachine } from "../machines/state-machine.js";
import type { CollectionStorage } from "./storage.js";
import {
  campaignMachine,
  leadMachine,
  opportunityMachine,
  serviceCaseMachine,
  taskMachine,
  knowledgeMachine,
  KNOWLEDGE_EDITORS,
} from "../machines/machines.js";

import type { TimelineKind } from "../contract/client-contract.js";

/** Every role but the auditor's: an auditor reads, never writes. */
export const WRITER_ROLES: readonly StaffRole[] = Object.freeze([
  "relationship_manager",
  "teller",
  "branch_manager",
  "marketing",
  "service_agent",
] as const);

export interface CollectionWrites {
  /** `client.<collection>.create` and `POST /{collection}`. */
  create: boolean;
  /** `client.<collection>.update` and `PUT /{collection}/{id}` with If-Match. */
  update: boolean;
  /** Customers only: `client.customers.change` (contact, risk re-assessment, consent — history kept). */
  change?: boolean;
  /** Roles that may create and update; each transition may narrow it. */
  roles: readonly StaffRole[];
  /** The field set from the writer's clock on create (the caller's value is replaced). */
  createdAtField?: string;
  /**
   * Fields the writer derives from the record on every write — create, update, transition, on the client as on the
   * server — whatever the input said (a complaint's regulatory limit). Their names are in `derived`, and with
   * `transitionOnly`, refused in an update's input.
   */
  derive?: (record: Record<string, unknown>) => Record<string, unknown>;
  derived?: readonly string[];
  /**
   * States in which the record changes only through its transitions (a published article: revised back to a draft
   * first): an update is refused with the access reason `frozen`, on the client as on the server.
   */
  frozenIn?: readonly string[];
  /** Fields only a transition's effect sets (a complaint's extensions): refused in an update's input. */
  transitionOnly?: readonly string[];
  /**
   * A rule an update keeps that needs the record's customer, on the client as on the server (which reads its own):
   * `applies` says of the record as updated (and as it was) whether to read them; `refuse` names the rule it breaks
   * — an access refusal with that code — or nothing.
   */
  updateRule?: {
    applies: (next: Record<string, unknown>, previous: Record<string, unknown>) => boolean;
    refuse: (next: Record<string, unknown>, customer: Customer | undefined) => "recusal" | undefined;
  };
  /**
   * A rule a create keeps that needs the record's customer and their other records of this collection (a redemption
   * the points balance covers), by its name in `CREATE_RULES` (create-rules.ts: only writers load the rules), on the
   * client as on the server — which reads them under a lock on the customer, so two creates at once cannot both spend
   * the same points.
   */
  createRule?: "loyaltyBalance";
}

/**
 * 回避 at assignment (CBIRC 2020): a complaint is not given to the customer's relationship manager, nor to the person
 * complained about — as its start and resolve refuse them (machines.ts).
 */
const complaintAssignment: NonNullable<CollectionWrites["updateRule"]> = {
  applies: (next, previous) =>
    next.type === "complaint" && next.assignedTo !== undefined && next.assignedTo !== previous.assignedTo,
  refuse: (next, customer) =>
    next.assignedTo === next.aboutStaffId || next.assignedTo === customer?.relationshipManagerId
      ? "recusal"
      : undefined,
};

export interface CollectionSpec<R = unknown> {
  schema: z.ZodType<R>;
  /** The record type's name: the REST contract's component (`#/components/schemas/Lead`) and its operation names. */
  record: string;
  /** The key field; every collection is keyed by `id`. */
  key: "id";
  /** The business key a re-import matches on (resident ID or USCC for customers). */
  naturalKey?: (record: R) => string;
  /** How a record belongs to a customer: its `customerId`, or membership (`members[].customerId`). */
  customerIndex?: "customerId" | "members";
  /** The field a customer's records are ordered by, newest first. */
  timeField?: keyof R & string;
  /** How a list pages: by id (the default), or newest first by `timeField` (ties by id) — the lead queue's order. */
  order?: "id" | "newest";
  /** Where the record shows on the customer's timeline, and at what time (its latest activity). */
  timeline?: { kind: TimelineKind; at: (record: R) => string };
  /** Absent: read-only through the client (bulk import only). */
  write?: CollectionWrites;
  /** State machine applied by `.transition()` and `POST /{collection}/{id}/transitions`. */
  machine?: StateMachine<R>;
  /** Fields people (and source systems) write freely: scanned on write for the person's identifiers (`guardFreeText`). */
  freeText?: readonly (keyof R & string)[];
  /**
   * The fields a text search reads and how much each counts (text/search.ts): `RecordQuery.search` on every store,
   * `?search=` on the server (a `tsvector` in PostgreSQL with the same terms).
   */
  search?: readonly SearchField[];
  /** How a store that indexes and seals records itself keeps it (storage.ts): indexes, readable fields, version. */
  storage: CollectionStorage;
}

/** The record type an entry's schema parses to. */
export type RecordOf<E> = E extends { schema: z.ZodType<infer R> } ? R : never;

/** Checks each entry against the record its own schema parses to (its natural key, time field, free text, machine). */
function defineCollections<const T extends { [C in keyof T]: CollectionSpec<RecordOf<T[C]>> }>(table: T): T {
  return table;
}

/** An index added with the collection or later (`since`, the storage version). */
const on = (keyPath: string | readonly string[], since: number) => ({ keyPath, since });
/** A customer's records by customer (storage.ts: `customerIndex`). */
const byCustomer = (since: number) => ({ byCustomer: on("customerId", since) }) as const;
/** A customer's records by customer and time, in their order (storage.ts: `customerIndex`). */
const byCustomerTime = (since: number, time: string) => ({ byCustomerTime: on(["customerId", time], since) }) as const;
/** Cases, leads and opportunities: by the latest activity (the derived `timelineAt`), added in version 6. */
const byTimeline = { byTimeline: on(["customerId", "timelineAt"], 6) } as const;

const staffWrites = (roles: readonly StaffRole[] = WRITER_ROLES, createdAtField?: string): CollectionWrites => ({
  create: true,
  update: true,
  roles,
  ...(createdAtField ? { createdAtField } : {}),
});

export const collections = defineCollections({
  customers: {
    schema: CustomerSchema,
    record: "Customer",
    key: "id",
    naturalKey: (c: Customer) => (c.kind === "individual" ? c.idDocument.number : c.uscc),
    // Customers are written through `customers.upsert` (import) and `customers.change` (history kept).
    write: {
      create: false,
      update: false,
      change: true,
      roles: ["relationship_manager", "branch_manager", "teller", "service_agent"],
    },
    storage: {
      since: 1,
      indexes: {
        byTier: on(["tier", "id"], 1),
        byBranch: on(["branchId", "id"], 1),
        byRelationshipManager: on(["relationshipManagerId", "id"], 1),
        byStatus: on(["status", "id"], 1),
        byNaturalKey: on("naturalKey", 2),
      },
      alsoClear: ["kind"],
    },
  },
  holdings: {
    schema: HoldingSchema,
    record: "Holding",
    key: "id",
    customerIndex: "customerId",
    storage: { since: 2, indexes: byCustomer(2) },
  },
  transactions: {
    schema: TransactionSchema,
    record: "Transaction",
    key: "id",
    customerIndex: "customerId",
    timeField: "at",
    timeline: { kind: "transaction", at: (t: Transaction) => t.at },
    storage: { since: 2, indexes: byCustomerTime(2, "at") },
  },
  interactions: {
    schema: InteractionSchema,
    record: "Interaction",
    key: "id",
    customerIndex: "customerId",
    timeField: "at",
    timeline: { kind: "interaction", at: (i: Interaction) => i.at },
    write: staffWrites(),
    freeText: ["summary", "nextStep"],
    storage: { since: 2, indexes: byCustomerTime(2, "at") },
  },
  serviceCases: {
    schema: ServiceCaseSchema,
    record: "ServiceCase",
    key: "id",
    customerIndex: "customerId",
    timeField: "openedAt",
    timeline: { kind: "case", at: (c: ServiceCase) => c.updatedAt ?? c.openedAt },
    write: {
      ...staffWrites(
        ["relationship_manager", "teller", "branch_manager", "service_agent", "privacy_officer"],
        "openedAt",
      ),
      derive: caseDerivedFields,
      derived: ["regulatoryDueAt"],
      transitionOnly: ["extensions"],
      updateRule: complaintAssignment,
    },
    machine: serviceCaseMachine,
    freeText: ["subject", "description", "resolution", "satisfactionComment"],
    storage: {
      since: 2,
      indexes: { ...byCustomerTime(2, "openedAt"), ...byTimeline },
    },
  },
  campaignResponses: {
    schema: CampaignResponseSchema,
    record: "CampaignResponse",
    key: "id",
    customerIndex: "customerId",
    timeField: "at",
    timeline: { kind: "campaign", at: (r: CampaignResponse) => r.at },
    // Most arrive from the channels' systems (import); an outbound call's outcome is recorded by the agent who made
    // it — created, never changed.
    write: { create: true, update: false, roles: ["service_agent", "relationship_manager", "marketing"] },
    storage: { since: 2, indexes: byCustomerTime(2, "at") },
  },
  leads: {
    schema: LeadSchema,
    record: "Lead",
    key: "id",
    customerIndex: "customerId",
    timeField: "createdAt",
    order: "newest",
    timeline: { kind: "lead", at: (l: Lead) => l.updatedAt ?? l.createdAt },
    write: staffWrites(WRITER_ROLES, "createdAt"),
    machine: leadMachine,
    freeText: ["notes", "disqualifiedReason"],
    // byCreated: no query reads it today; dropping it would take a version of its own.
    storage: {
      since: 2,
      indexes: { ...byCustomer(2), byCreated: on("createdAt", 2), ...byTimeline },
    },
  },
  opportunities: {
    schema: OpportunitySchema,
    record: "Opportunity",
    key: "id",
    customerIndex: "customerId",
    timeField: "createdAt",
    timeline: { kind: "opportunity", at: (o: Opportunity) => o.updatedAt ?? o.createdAt },
    // A branch manager's override of a sale's refusals is set by `win` alone (sale-check.ts).
    write: {
      ...staffWrites(["relationship_manager", "branch_manager"], "createdAt"),
      transitionOnly: ["saleOverride"],
    },
    machine: opportunityMachine,
    freeText: ["title", "lostReason"],
    storage: { since: 5, indexes: { ...byCustomer(5), ...byTimeline } },
  },
  campaigns: {
    schema: CampaignSchema,
    record: "Campaign",
    key: "id",
    write: staffWrites(["marketing", "branch_manager"]),
    machine: campaignMachine,
    storage: { since: 5, indexes: {} },
  },
  campaignMembers: {
    schema: CampaignMemberSchema,
    record: "CampaignMember",
    key: "id",
    customerIndex: "customerId",
    timeField: "at",
    // Written by a campaign's launch (POST /campaigns/{id}/launch; embedded, the store's put), never one by one.
    storage: { since: 9, indexes: byCustomerTime(9, "at") },
  },
  segments: {
    schema: SegmentSchema,
    record: "Segment",
    key: "id",
    // Kept for the bank: marketing builds one, the branch manager approves a campaign on it, an RM filters by it.
    write: staffWrites(["marketing", "branch_manager", "relationship_manager"], "createdAt"),
    storage: { since: 9, indexes: {} },
  },
  salesTargets: {
    schema: SalesTargetSchema,
    record: "SalesTarget",
    key: "id",
    // Set by a branch manager in their branch (the server keeps a write in the writer's scope); read by its branch's
    // staff and an RM's own (scope: `staffId`); achievement is computed, never stored (sales/performance.ts).
    write: staffWrites(["branch_manager"], "createdAt"),
    storage: { since: 10, indexes: {} },
  },
  tasks: {
    schema: TaskSchema,
    record: "Task",
    key: "id",
    customerIndex: "customerId",
    timeField: "dueAt",
    write: staffWrites(),
    machine: taskMachine,
    freeText: ["title", "notes"],
    storage: { since: 5, indexes: byCustomer(5) },
  },
  relationshipGroups: {
    schema: RelationshipGroupSchema,
    record: "RelationshipGroup",
    key: "id",
    customerIndex: "members",
    // Households and company groups are kept by the relationship manager and the branch manager; on a server every
    // member added or taken out must be a customer the writer may see.
    write: staffWrites(["relationship_manager", "branch_manager"]),
    storage: { since: 5, indexes: {} },
  },
  knowledgeArticles: {
    schema: KnowledgeArticleSchema,
    record: "KnowledgeArticle",
    key: "id",
    // Head office's: read by all staff; written by marketing, published by a second person.
    write: { ...staffWrites(KNOWLEDGE_EDITORS, "createdAt"), frozenIn: ["published", "retired"] },
    machine: knowledgeMachine,
    freeText: ["title", "body"],
    search: KNOWLEDGE_SEARCH_FIELDS,
    storage: { since: 12, indexes: {} },
  },
  loyaltyEntries: {
    schema: LoyaltyEntrySchema,
    record: "LoyaltyEntry",
    key: "id",
    customerIndex: "customerId",
    timeField: "at",
    // Earned and expired points come from the bank's systems (import, the nightly job); staff redeem at the counter,
    // on the phone or with the RM, and a branch manager adjusts. Written once, never changed: the `at` is the writer's.
    write: {
      create: true,
      update: false,
      roles: ["relationship_manager", "teller", "service_agent", "branch_manager"],
      createdAtField: "at",
      createRule: "loyaltyBalance",
    },
    freeText: ["reason"],
    storage: { since: 13, indexes: byCustomerTime(13, "at") },
  },
  preferentialPrices: {
    schema: PreferentialPriceSchema,
    record: "PreferentialPrice",
    key: "id",
    customerIndex: "customerId",
    timeField: "createdAt",
    // Requested by the RM, decided by a branch manager (pricingMachine: four eyes, their authority); changed only while
    // it waits — an approved price is revoked, never edited.
    write: {
      ...staffWrites(["relationship_manager", "branch_manager"], "createdAt"),
      frozenIn: ["approved", "rejected", "revoked"],
    },
    machine: pricingMachine,
    freeText: ["reason"],
    storage: { since: 14, indexes: byCustomer(14) },
  },
  customerChanges: {
    schema: CustomerChangeSchema,
    record: "CustomerChange",
    key: "id",
    customerIndex: "customerId",
    timeField: "at",
    freeText: ["reason"],
    storage: { since: 6, indexes: byCustomerTime(6, "at") },
  },
});
