/**
 * The one client a host page talks to, whatever the store behind it. It
 * validates what stores return (invalid records are reported, not passed on),
 * masks identifiers for every role until a permitted user reveals one — the
 * audit event is recorded first, and a failed audit reveals nothing — hides
 * confidential notes from roles that may not read them, and announces changes.
 */
import {
  authorizeReveal,
  canReadConfidential,
  CONFIDENTIAL_READER_ROLES,
  BankcrmAccessDeniedError,
  BankcrmInvalidArgumentError,
  CustomerSchema,
  defaultAccessPolicy,
  LeadSchema,
  maskRecord,
  parseOrThrow,
  validate,
  type AccessPolicy,
  type Actor,
  type Customer,
  type FieldError,
  type Holding,
  type Lead,
  type Locale,
  type RevealAuditEvent,
  type StaffRole,
} from "@bankcrm/core";
import type { Outbox } from "../outbox/outbox.js";
import {
  collectionSchemas,
  TIMELINE_COLLECTIONS,
  naturalKeyOf,
  type CollectionName,
  type CollectionRecords,
  type RecordQuery,
  type CrmStore,
  type CustomerQuery,
  type Page,
  type TimelineEntry,
  type TimelineQuery,
} from "../stores/store.js";

/** Fields a permitted user may reveal, by dotted path. */
export const REVEALABLE_FIELDS = [
  "name",
  "idDocument.number",
  "contact.mobile",
  "contact.email",
  "contact.address",
  "legalRepresentative",
] as const;
export type RevealableField = (typeof REVEALABLE_FIELDS)[number];

export interface ClientPolicy extends AccessPolicy {
  /** Roles that see balances and amounts (identifiers stay masked for all). */
  financialRoles: readonly StaffRole[];
  /** Roles that may read confidential interactions. */
  confidentialRoles: readonly StaffRole[];
}

export const defaultClientPolicy: ClientPolicy = {
  ...defaultAccessPolicy,
  financialRoles: ["relationship_manager", "branch_manager", "teller", "service_agent", "auditor"],
  confidentialRoles: CONFIDENTIAL_READER_ROLES,
};

export interface ChangeEvent {
  collection: CollectionName;
  ids: string[];
  action: "created" | "updated";
}

export interface InvalidRecordReport {
  collection: CollectionName;
  id?: string;
  errors: FieldError[];
}

export interface CrmClientOptions {
  store: CrmStore;
  user: Actor;
  locale?: Locale;
  /** Records each reveal; awaited before the value is returned. A throw reveals nothing. */
  onAudit: (event: RevealAuditEvent) => void | Promise<void>;
  /** Told about records a store returned that fail the schemas (they are left out). */
  onInvalidRecord?: (report: InvalidRecordReport) => void;
  policy?: ClientPolicy;
  now?: () => Date;
  /**
   * Where writes for the server wait when it cannot be reached. With an outbox,
   * a new lead is committed to it first and sent from there (see outbox.ts).
   */
  outbox?: Outbox;
}

/** What became of a write: on the server, queued offline, or refused / in conflict (see the outbox status). */
export type WriteStatus = "saved" | "queued" | "failed" | "conflict";

export interface LeadWriteResult {
  lead: Lead;
  status: WriteStatus;
  /** The server's reason when failed or in conflict. */
  reason?: string;
}

export interface UpsertResult {
  customer: Customer;
  created: boolean;
}

const SCHEMAS = collectionSchemas;

function readPath(record: unknown, path: string): unknown {
  let value: unknown = record;
  for (const key of path.split("."))
    value = typeof value === "object" && value !== null ? (value as Record<string, unknown>)[key] : undefined;
  return value;
}

export function createCrmClient(options: CrmClientOptions) {
  const { store, user } = options;
  const locale = options.locale ?? "zh-CN";
  const policy = options.policy ?? defaultClientPolicy;
  const now = options.now ?? (() => new Date());
  const listeners = new Set<(event: ChangeEvent) => void>();
  const keepValues = policy.financialRoles.includes(user.role);
  let closed = false;

  const guard = () => {
    if (closed) throw new BankcrmAccessDeniedError(user.role, "use a client after logout");
  };
  const emit = (event: ChangeEvent) => {
    for (const listener of listeners) listener(event);
  };
  /** Validates a record from the store; reports and drops it when invalid. */
  const checked = <T>(collection: CollectionName, record: unknown): T | undefined => {
    const result = validate(SCHEMAS[collection], record, locale);
    if (result.success) return result.data as T;
    const id = (record as { id?: unknown } | null)?.id;
    options.onInvalidRecord?.({ collection, ...(typeof id === "string" ? { id } : {}), errors: result.errors });
    return undefined;
  };
  const masked = <T>(collection: CollectionName, record: T): T =>
    maskRecord(SCHEMAS[collection], record, { keepValues }) as T;
  /** A store's page, validated (invalid records reported and left out) and masked. */
  const checkedPage = <T>(collection: CollectionName, page: Page<unknown>): Page<T> => {
    const items = page.items.flatMap((r) => {
      const valid = checked<T>(collection, r);
      return valid ? [masked(collection, valid)] : [];
    });
    return page.next !== undefined ? { items, next: page.next } : { items };
  };

  const customers = {
    /** The customer, identifiers masked. */
    async get(id: string): Promise<Customer | undefined> {
      guard();
      const c = checked<Customer>("customers", await store.getCustomer(id));
      return c && masked("customers", c);
    },
    async list(query: CustomerQuery = {}): Promise<Page<Customer>> {
      guard();
      return checkedPage<Customer>("customers", await store.listCustomers(query));
    },
    /** Search by name, full ID / USCC, a mobile or a masked mobile (138****5678). */
    search(text: string, limit = 20): Promise<Page<Customer>> {
      return customers.list({ search: text, limit });
    },
    /**
     * Creates or updates by natural key (resident ID or USCC), so a re-import
     * updates instead of duplicating. The input is validated first.
     */
    async upsert(input: unknown): Promise<UpsertResult> {
      guard();
      const data = parseOrThrow(CustomerSchema, input, locale);
      const existing = await store.findCustomerByNaturalKey(naturalKeyOf(data));
      const customer: Customer = existing ? { ...data, id: existing.id } : data;
      await store.put("customers", [customer]);
      emit({ collection: "customers", ids: [customer.id], action: existing ? "updated" : "created" });
      return { customer: masked("customers", customer), created: !existing };
    },
    /**
     * Reveals one masked field for a stated reason: the policy must allow the
     * user's role, and the audit event is recorded before the value is returned.
     */
    async reveal(customerId: string, field: RevealableField, reason: string): Promise<string | undefined> {
      guard();
      if (!(REVEALABLE_FIELDS as readonly string[]).includes(field))
        throw new BankcrmAccessDeniedError(user.role, `reveal "${String(field)}"`);
      const event = authorizeReveal({ actor: user, customerId, field, fieldClass: "C2", reason, now: now() }, policy);
      await options.onAudit(event);
      const customer = checked<Customer>("customers", await store.getCustomer(customerId));
      const value = customer && readPath(customer, field);
      return typeof value === "string" ? value : undefined;
    },
  };

  /** Read access to one collection: validated, masked, paged. */
  const repository = <C extends CollectionName>(collection: C) => ({
    async get(id: string): Promise<CollectionRecords[C] | undefined> {
      guard();
      const r = checked<CollectionRecords[C]>(collection, await store.record(collection, id));
      return r && masked(collection, r);
    },
    async list(query: RecordQuery = {}): Promise<Page<CollectionRecords[C]>> {
      guard();
      return checkedPage<CollectionRecords[C]>(collection, await store.records(collection, query));
    },
  });

  return {
    user,
    locale,
    customers,
    transactions: repository("transactions"),
    interactions: repository("interactions"),
    serviceCases: repository("serviceCases"),
    campaigns: repository("campaigns"),
    campaignResponses: repository("campaignResponses"),
    opportunities: repository("opportunities"),
    tasks: repository("tasks"),
    relationshipGroups: repository("relationshipGroups"),
    holdings: {
      async list(customerId: string): Promise<Holding[]> {
        guard();
        return (await store.holdings(customerId)).flatMap((h) => {
          const valid = checked<Holding>("holdings", h);
          return valid ? [masked("holdings", valid)] : [];
        });
      },
    },
    /** Every touchpoint, newest first, paged; confidential notes only for roles that may read them. */
    async timeline(customerId: string, query: TimelineQuery = {}): Promise<Page<TimelineEntry>> {
      guard();
      const page = await store.timeline(customerId, query);
      const seeConfidential = canReadConfidential(user, policy.confidentialRoles);
      const items = page.items.flatMap((entry) => {
        const collection = TIMELINE_COLLECTIONS[entry.kind];
        const record = checked<TimelineEntry["record"]>(collection, entry.record);
        if (!record) return [];
        if (entry.kind === "interaction" && (record as { confidential: boolean }).confidential && !seeConfidential)
          return [];
        return [{ ...entry, record: masked(collection, record) } as TimelineEntry];
      });
      return page.next !== undefined ? { items, next: page.next } : { items };
    },
    leads: {
      async create(input: unknown): Promise<LeadWriteResult> {
        guard();
        const lead = parseOrThrow(LeadSchema, input, locale);
        if (!options.outbox) {
          await store.put("leads", [lead]);
          emit({ collection: "leads", ids: [lead.id], action: "created" });
          return { lead: masked("leads", lead), status: "saved" };
        }
        // Durable first, then sent: a lead is never only in memory.
        const entry = await options.outbox.enqueue("createLead", lead);
        const delivered = await options.outbox.flush();
        if (delivered.includes(entry.seq)) {
          emit({ collection: "leads", ids: [lead.id], action: "created" });
          return { lead: masked("leads", lead), status: "saved" };
        }
        const now = (await options.outbox.entries()).find((e) => e.seq === entry.seq);
        const status: WriteStatus =
          now?.state === "failed" ? "failed" : now?.state === "conflict" ? "conflict" : "queued";
        return {
          lead: masked("leads", lead),
          status,
          ...(status !== "queued" && now?.lastError ? { reason: now.lastError.message } : {}),
        };
      },
      async list(query: { customerId?: string; limit?: number; after?: string } = {}): Promise<Page<Lead>> {
        guard();
        return checkedPage<Lead>("leads", await store.leads(query));
      },
    },
    /** Subscribes to changes; returns the unsubscribe function. */
    on(event: "change", listener: (event: ChangeEvent) => void): () => void {
      if (event !== "change") throw new Error(`unknown event "${String(event)}"`);
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /**
     * Closes connections, deletes the SDK's own databases (store and outbox, with
     * any keys in them) and forgets listeners. Writes still waiting in the outbox
     * are never dropped silently: logout refuses unless `discardPending` says so.
     */
    async logout(logoutOptions: { discardPending?: boolean } = {}): Promise<void> {
      if (options.outbox && !logoutOptions.discardPending) {
        const { pending, failed, conflicts } = await options.outbox.status();
        const waiting = pending + failed + conflicts;
        if (waiting > 0) {
          throw new BankcrmInvalidArgumentError(
            "discardPending",
            `${waiting} write(s) have not reached the server; send or discard them first`,
          );
        }
      }
      closed = true;
      listeners.clear();
      await options.outbox?.destroy();
      await store.destroy();
    },
  };
}

export type CrmClient = ReturnType<typeof createCrmClient>;
