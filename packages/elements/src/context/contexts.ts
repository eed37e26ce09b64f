/**
 * What `<bankcrm-provider>` hands to the elements inside it (Lit context).
 * Each element also takes the same things as properties, which win — so every
 * element works without a provider.
 */
import { createContext } from "@lit/context";
import type {
  Actor,
  CollectionRecords,
  WritableCollectionName,
  Customer,
  CustomerChange,
  Holding,
  Locale,
  Page,
  RevealableField,
  TimelineEntry,
  TimelineKind as CoreTimelineKind,
  TimelineQuery,
  WriteResult,
  WriteStatus,
} from "@bankcrm/core";

/**
 * What elements need of the CrmClient from @bankcrm/data, in the shapes core
 * defines for both (pages, timeline entries, write results) — so the elements
 * do not depend on the data package, and any object with these works.
 * tests/contract/client-types.test.ts checks that CrmClient satisfies it.
 */
export interface ElementClient extends ElementCollections {
  readonly user: Actor;
  readonly customers: {
    get(id: string): Promise<Customer | undefined>;
    reveal(customerId: string, field: RevealableField, reason: string): Promise<string | undefined>;
    /** Customers by name start, customer number, (masked) mobile or last four digits (the lead queue's match hint). */
    search?(text: string, limit?: number): Promise<Page<Customer>>;
    /** Changes contact details, records a risk re-assessment or a consent (the customer form). */
    change?(
      customerId: string,
      input: unknown,
      options?: { expectedVersion?: number },
    ): Promise<WriteResult<Customer> & { change: CustomerChange }>;
  };
  /** A customer's holdings, masked as the client shows them (the offer list leaves out what is held). */
  readonly holdings?: { list(customerId: string): Promise<Holding[]> };
  /** Every touchpoint of a customer, newest first, a page at a time (for the timeline). */
  timeline?(customerId: string, query: TimelineQuery): Promise<TimelinePage>;
  /** Told of every write (collection and ids), so views refresh at once; returns the unsubscribe function. */
  on?(event: "change", listener: (event: { collection: string; ids: string[] }) => void): () => void;
  /** The kept history of customers' changes (the customer form). */
  readonly customerChanges?: { list(query?: RecordListQuery): Promise<Page<CustomerChange>> };
}

/**
 * Every collection core's table lets staff write (leads, opportunities, tasks, service cases,
 * interactions… and each one added later): what the elements use of it. A lead's `create` saves
 * at once online and queues in the outbox offline (the lead form).
 */
export type ElementCollections = {
  readonly [C in WritableCollectionName]?: WritableCollection<CollectionRecords[C]>;
};

/** A page of records, optionally of one customer. */
export interface RecordListQuery {
  customerId?: string;
  /** Words to search for, in a collection with search fields (the knowledge base): one page, best first. */
  search?: string;
  limit?: number;
  after?: string;
}

/** What the sales elements use of one writable collection of the client. */
export interface WritableCollection<T> {
  /** One record by id (a client's repositories have it; elements page through `list` without it). */
  get?(id: string): Promise<T | undefined>;
  list(query?: RecordListQuery): Promise<Page<T>>;
  create(input: unknown): Promise<WriteResult<T>>;
  update(id: string, changes: unknown, options?: { expectedVersion?: number }): Promise<WriteResult<T>>;
  /** A state machine's event; `input` carries `expectedVersion`, `reason` and the event's details. */
  transition(id: string, event: string, input?: Record<string, unknown>): Promise<WriteResult<T>>;
}

/** What happened to a submitted lead: stored, waiting in the outbox, refused, or in conflict. */
export type LeadWriteStatus = WriteStatus;
/** One touchpoint on a customer's timeline (core's `TimelineEntry`). */
export type TimelineItem = TimelineEntry;
export type TimelineKind = CoreTimelineKind;
export type TimelinePage = Page<TimelineItem>;
export type { RevealableField };

export const clientContext = createContext<ElementClient | undefined>(Symbol.for("bankcrm.client"));
export const localeContext = createContext<Locale>(Symbol.for("bankcrm.locale"));
export const userContext = createContext<Actor | undefined>(Symbol.for("bankcrm.user"));
