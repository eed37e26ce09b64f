/**
 * The one client a host page talks to, whatever the store behind it. It
 * validates what stores return (invalid records are reported, not passed on),
 * masks identifiers for every role until a permitted user reveals one — the
 * audit event is recorded first, and a failed audit reveals nothing — hides
 * confidential notes from roles that may not read them, and announces changes.
 */
import {
  REVEALABLE_FIELDS,
  applyCustomerChange,
  applyTransition,
  applyUpdate,
  assertCanWrite,
  authorizeReveal,
  BankcrmNotFoundError,
  stampCreate,
  versionOf,
  WRITABLE_COLLECTIONS,
  type CustomerChange,
  canReadConfidential,
  CONFIDENTIAL_READER_ROLES,
  FINANCIAL_READER_ROLES,
  BankcrmAccessDeniedError,
  BankcrmInvalidArgumentError,
  CustomerSchema,
  defaultAccessPolicy,
  maskRecord,
  closeBidiIn,
  collectionSpec,
  guardFreeText,
  identifiersOf,
  parseOrThrow,
  type FreeTextPolicy,
  validate,
  type AccessPolicy,
  type Actor,
  type Customer,
  type FieldError,
  type Holding,
  type Lead,
  type Locale,
  type RevealAuditEvent,
  type RevealableField,
  type WriteResult,
  type WriteStatus,
  type StaffRole,
} from "@bankcrm/core";
import { BankcrmConflictError, isConflictError } from "../errors/http-errors.js";
import { failureReason, httpSender, type Outbox, type WriteEntryBody } from "../outbox/outbox.js";
import { isRemoteRevealer, isRemoteWriter } from "../stores/http/http-store.js";
import type { TransitionRequest } from "../stores/http/http-store.js";
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

export { REVEALABLE_FIELDS, type RevealableField } from "@bankcrm/core";

export interface ClientPolicy extends AccessPolicy {
  /** Roles that see balances and amounts (identifiers stay masked for all). */
  financialRoles: readonly StaffRole[];
  /** Roles that may read confidential interactions. */
  confidentialRoles: readonly StaffRole[];
}

export const defaultClientPolicy: ClientPolicy = {
  ...defaultAccessPolicy,
  financialRoles: FINANCIAL_READER_ROLES,
  confidentialRoles: CONFIDENTIAL_READER_ROLES,
};

export interface ChangeEvent {
  collection: CollectionName;
  ids: string[];
  action: "created" | "updated";
  /** The state machine's event, when a transition made the change. */
  event?: string;
  /** Whether the write reached its store ("saved") or waits in the outbox ("queued"). */
  status?: WriteStatus;
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
  /**
   * What a write does when its free text (a title, a summary, notes) carries the customer's name, ID number,
   * mobile, e-mail or account number: `"mask"` them there (default) or `"refuse"` the write with a field error.
   * Against a server that masks identifiers (the reference server), the server applies its own setting.
   */
  freeTextIdentifiers?: FreeTextPolicy;
}

export type { WriteStatus, WriteResult } from "@bankcrm/core";

export interface LeadWriteResult extends WriteResult<Lead> {
  lead: Lead;
}

export interface TransitionInput {
  /** Why (required by some events: lose, disqualify, cancel, reopen, escalate). */
  reason?: string;
  /** The version the user saw; default the latest this client can read. A different stored version is a conflict. */
  expectedVersion?: number;
  /** The event's details: `amount`, `stage`, `until`, `resolution`, `opportunityId`… */
  [detail: string]: unknown;
}

export interface UpdateOptions {
  /** The version the user saw; default the latest this client can read. */
  expectedVersion?: number;
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
  // A store of a server that masks identifiers: its records pass the schemas with masked values, and writes start from them.
  const allowMasked = store.maskedRecords === true;
  let closed = false;

  const guard = () => {
    if (closed) throw new BankcrmAccessDeniedError(user.role, "use a client after logout");
  };
  const emit = (event: ChangeEvent) => {
    for (const listener of listeners) listener(event);
  };
  /**
   * Validates a record from the store; reports and drops it when invalid. Text stored with a
   * text-direction control left open (before the rule, or from another system) is neutralised — closed
   * where it opens (`closeBidi`) — rather than dropped: it reads the same, and reorders nothing around it.
   */
  const checked = <T>(collection: CollectionName, record: unknown): T | undefined => {
    let result = validate(SCHEMAS[collection], record, locale, { allowMasked });
    if (!result.success && result.errors.some((e) => e.code === "bidiControls"))
      result = validate(SCHEMAS[collection], closeBidiIn(record), locale, { allowMasked });
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

  /**
   * The record a write starts from: the newest this device knows — a write of
   * its own still waiting in the outbox, else the store's.
   */
  const latest = async <C extends CollectionName>(collection: C, id: string): Promise<CollectionRecords[C]> => {
    const key = `${collection}/${id}`;
    const queued = await options.outbox?.latest(key);
    const raw = queued ? (queued.body as WriteEntryBody).record : await store.record(collection, id);
    const record = raw === undefined ? undefined : checked<CollectionRecords[C]>(collection, raw);
    if (!record) throw new BankcrmNotFoundError(collection, id);
    return record;
  };
  /**
   * The record with its free text cleared of its person's identifiers (core's `guardFreeText`), looked up in the
   * store: the customer, their holdings' numbers, a lead's own name and mobile. A store of masked records (a server
   * that masks) has nothing to compare with here: the server applies the rule.
   */
  const clearFreeText = async <R extends object>(collection: CollectionName, record: R): Promise<R> => {
    if (allowMasked || !collectionSpec(collection).freeText) return record;
    const customerId = (record as { customerId?: unknown }).customerId;
    const customer = typeof customerId === "string" ? await store.getCustomer(customerId) : undefined;
    const holdings = customer ? await store.holdings(customer.id) : [];
    const ids = identifiersOf([customer, collection === "leads" ? record : undefined], holdings);
    return guardFreeText(collection, record, ids, options.freeTextIdentifiers ?? "mask", locale);
  };
  const conflictIfStale = (collection: CollectionName, current: unknown, expected: number | undefined) => {
    if (expected !== undefined && versionOf(current) !== expected)
      throw new BankcrmConflictError(masked(collection, current), `"v${versionOf(current)}"`);
  };

  /**
   * Commits a computed write: straight to the store, or — with an outbox — durably
   * queued first and sent from there (then the status says where it is).
   */
  const remoteSend = isRemoteWriter(store) ? httpSender(store) : undefined;
  const commit = async <C extends CollectionName>(
    operation: "create" | "update" | "transition" | "changeCustomer",
    body: WriteEntryBody & { collection: C; record: CollectionRecords[C] },
    change: Omit<ChangeEvent, "status">,
    local: () => Promise<void>,
  ): Promise<WriteResult<CollectionRecords[C]>> => {
    if (!options.outbox) {
      let written: unknown = body.record;
      try {
        if (remoteSend) {
          // A server without an outbox: its own endpoints, which apply the same core rules; its answer is the record.
          const answer = await remoteSend({ operation, body, idempotencyKey: crypto.randomUUID() });
          // Validated both ways: what the server answers passes the same schema before anyone sees it.
          written =
            checked(
              body.collection,
              operation === "changeCustomer" ? (answer as { customer: unknown }).customer : answer,
            ) ?? body.record;
        } else await local();
      } catch (error) {
        // The stored record a conflict carries is masked like every other read.
        if (isConflictError(error) && error.current !== null && error.current !== undefined)
          throw new BankcrmConflictError(masked(body.collection, error.current), error.etag, { cause: error });
        throw error;
      }
      emit({ ...change, status: "saved" });
      return { record: masked(body.collection, written as CollectionRecords[C]), status: "saved" };
    }
    const record = masked(body.collection, body.record);
    // Durable first, then sent: a write is never only in memory.
    const entry = await options.outbox.enqueue(operation, body, `${body.collection}/${body.id}`);
    await (store as { keep?: CrmStore["put"] }).keep?.(body.collection, [body.record]);
    const delivered = await options.outbox.flush();
    if (delivered.includes(entry.seq)) {
      emit({ ...change, status: "saved" });
      return { record, status: "saved" };
    }
    const now = (await options.outbox.entries()).find((e) => e.seq === entry.seq);
    const status: WriteStatus = now?.state === "failed" ? "failed" : now?.state === "conflict" ? "conflict" : "queued";
    if (status === "queued") emit({ ...change, status });
    return {
      record,
      status,
      ...(status !== "queued" && now?.lastError ? { reason: failureReason(now.lastError, locale) } : {}),
      ...(status === "conflict" && now?.server !== undefined && now.server !== null
        ? { current: masked(body.collection, now.server) }
        : {}),
    };
  };

  /** Create, update and transition for one writable collection, validated both ways. */
  const writer = <C extends CollectionName>(collection: C) => ({
    /**
     * Creates a record: validated with the core schema, version 1, `createdBy`
     * and the creation time from this client's user and clock.
     */
    async create(input: unknown): Promise<WriteResult<CollectionRecords[C]>> {
      guard();
      const record = await clearFreeText(
        collection,
        stampCreate(collection, input, { actor: user, at: now().toISOString(), locale }),
      );
      return commit(
        "create",
        { collection, id: record.id, expectedVersion: null, record },
        { collection, ids: [record.id], action: "created" },
        () => store.write(collection, record, { expectedVersion: null }),
      );
    },
    /**
     * Changes fields of a record (not its state: that is `transition`). A record
     * changed since `expectedVersion` is a `BankcrmConflictError` carrying the
     * current one — never a silent overwrite.
     */
    async update(
      id: string,
      changes: unknown,
      updateOptions: UpdateOptions = {},
    ): Promise<WriteResult<CollectionRecords[C]>> {
      guard();
      assertCanWrite(collection, user, "update");
      const current = await latest(collection, id);
      conflictIfStale(collection, current, updateOptions.expectedVersion);
      const record = await clearFreeText(
        collection,
        applyUpdate(collection, current, changes, {
          actor: user,
          at: now().toISOString(),
          locale,
          masked: allowMasked,
        }),
      );
      const expectedVersion = versionOf(current);
      return commit(
        "update",
        { collection, id, expectedVersion, record },
        { collection, ids: [id], action: "updated" },
        () => store.write(collection, record, { expectedVersion }),
      );
    },
    /**
     * Applies a state machine's event (core's `applyTransition`): the new state,
     * a history entry, the next version. Illegal events are
     * `BankcrmTransitionError`s listing the allowed ones; nothing is written.
     */
    async transition(
      id: string,
      event: string,
      input: TransitionInput = {},
    ): Promise<WriteResult<CollectionRecords[C]>> {
      guard();
      const { expectedVersion: seen, ...details } = input;
      const current = await latest(collection, id);
      conflictIfStale(collection, current, seen);
      const at = now().toISOString();
      const record = await clearFreeText(
        collection,
        applyTransition(collection, current, event, { ...details, actor: user, at, locale, masked: allowMasked }),
      );
      const expectedVersion = versionOf(current);
      const { reason, ...rest } = details;
      const transition: TransitionRequest = {
        event,
        at,
        actor: user,
        ...(typeof reason === "string" ? { reason } : {}),
        ...(Object.keys(rest).length > 0 ? { details: rest } : {}),
      };
      return commit(
        "transition",
        { collection, id, expectedVersion, record, transition },
        { collection, ids: [id], action: "updated", event },
        () => store.write(collection, record, { expectedVersion }),
      );
    },
  });

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
     * Changes a customer's contact details, records a risk re-assessment or a
     * consent granted or withdrawn — kept as a `customerChanges` record (what it
     * was, what it became, who, when), never overwritten. A withdrawal is in
     * force at once (`consentInForce`).
     */
    async change(
      customerId: string,
      input: unknown,
      updateOptions: UpdateOptions = {},
    ): Promise<WriteResult<Customer> & { change: CustomerChange }> {
      guard();
      assertCanWrite("customers", user, "change");
      const current = await latest("customers", customerId);
      conflictIfStale("customers", current, updateOptions.expectedVersion);
      const at = now().toISOString();
      const id = crypto.randomUUID();
      const { customer, change } = applyCustomerChange(current, input, {
        actor: user,
        at,
        id,
        locale,
        masked: allowMasked,
      });
      const expectedVersion = versionOf(current);
      const result = await commit(
        "changeCustomer",
        {
          collection: "customers",
          id: customerId,
          expectedVersion,
          record: customer,
          change: { id, at, actor: user, input },
        },
        { collection: "customers", ids: [customerId], action: "updated" },
        async () => {
          await store.write("customers", customer, { expectedVersion });
          await store.write("customerChanges", change, { expectedVersion: null });
        },
      );
      if (result.status === "saved")
        emit({ collection: "customerChanges", ids: [id], action: "created", status: "saved" });
      return { ...result, change: masked("customerChanges", change) };
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
      if (isRemoteRevealer(store)) {
        // The server checks the role and scope again and writes its audit row before it answers.
        const value = await store.reveal(customerId, field, reason);
        await options.onAudit(event);
        return value;
      }
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

  const writable = <C extends CollectionName>(collection: C) => ({ ...repository(collection), ...writer(collection) });

  return {
    user,
    locale,
    customers,
    transactions: repository("transactions"),
    interactions: writable("interactions"),
    serviceCases: writable("serviceCases"),
    campaigns: writable("campaigns"),
    campaignResponses: repository("campaignResponses"),
    opportunities: writable("opportunities"),
    tasks: writable("tasks"),
    relationshipGroups: repository("relationshipGroups"),
    customerChanges: repository("customerChanges"),
    /** The collections this client can write (core's table). */
    writableCollections: WRITABLE_COLLECTIONS,
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
      ...writer("leads"),
      /** Creates a lead (see `create` of any collection); the result also names it `lead`. */
      async create(input: unknown): Promise<LeadWriteResult> {
        const result = await writer("leads").create(input);
        return { ...result, lead: result.record };
      },
      get: repository("leads").get,
      async list(query: { customerId?: string; limit?: number; after?: string } = {}): Promise<Page<Lead>> {
        guard();
        return checkedPage<Lead>("leads", await store.leads(query));
      },
    },
    /** Subscribes to changes; returns the unsubscribe function. */
    on(event: "change", listener: (event: ChangeEvent) => void): () => void {
      if (event !== "change") throw new BankcrmInvalidArgumentError("event", `unknown event "${String(event)}"`);
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
