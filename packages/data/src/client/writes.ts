/** An update's rule that needs the customer (回避 at a complaint's assignment), against them as this client reads them. */
async function keepUpdateRule(
  collection: CollectionName,
  next: object,
  previous: object,
  role: string,
  customerOf: (id: string) => Promise<unknown>,
) {
  const rule = collectionSpec(collection).write?.updateRule;
  const record = next as Record<string, unknown>;
  if (!rule?.applies(record, previous as Record<string, unknown>)) return;
  const id = record.customerId;
  const customer =
    typeof id === "string" ? ((await customerOf(id).catch(() => undefined)) as Customer | undefined) : undefined;
  const reason = rule.refuse(record, customer);
  if (reason) throw new BankcrmAccessDeniedError(role, `update ${collection}`, { reason });
}

/**
 * A create's rule that needs the customer and their other records of the collection (a redemption the points balance
 * covers), against them as this client reads them — the server checks again under a lock on the customer.
 */
async function keepCreateRule(
  collection: CollectionName,
  record: object,
  ctx: Pick<ClientContext, "store" | "user" | "now">,
  customerOf: (id: string) => Promise<unknown>,
) {
  const customerId = (record as { customerId?: unknown }).customerId;
  if (!hasCreateRule(collection) || typeof customerId !== "string") return;
  const siblings: Record<string, unknown>[] = [];
  let after: string | undefined;
  do {
    const page = await ctx.store.records(collection, { customerId, limit: 500, ...(after ? { after } : {}) });
    siblings.push(...(page.items as Record<string, unknown>[]));
    after = page.next;
  } while (after !== undefined);
  const customer = (await customerOf(customerId).catch(() => undefined)) as Customer | undefined;
  const reason = createRefusal(collection, record as Record<string, unknown>, {
    customer,
    siblings,
    role: ctx.user.role,
    now: ctx.now().toISOString(),
  });
  if (reason) throw new BankcrmAccessDeniedError(ctx.user.role, `create ${collection}`, { reason });
}

/**
 * The client's writes — create, update, transition and customer changes — each
 * computed by core's functions (the same the server runs), its free text
 * cleared of the person's identifiers, and committed: straight to the store,
 * through the server's own endpoints, or durably queued in the outbox first and
 * sent from there. A conflict carries the current record, masked; a write whose
 * record changed since it was read never overwrites it silently.
 */
import {
  applyCustomerChange,
  applyTransition,
  applyUpdate,
  assertCanWrite,
  BankcrmAccessDeniedError,
  BankcrmNotFoundError,
  collectionSpec,
  CustomerSchema,
  guardFreeText,
  hasFreeText,
  identifiersFor,
  parseOrThrow,
  stampCreate,
  versionOf,
  type Customer,
  type CustomerChange,
  type WriteResult,
} from "@bankcrm/core";
import { transitionNeedsCustomer } from "@bankcrm/core/compliance";
import { createRefusal, hasCreateRule } from "@bankcrm/core/collections";
import { BankcrmConflictError } from "../errors/http-errors.js";
import { type WriteEntryBody } from "../outbox/outbox.js";
import { committer } from "./commit.js";
import { naturalKeyOf, type CollectionName, type CollectionRecords, type TransitionRequest } from "../stores/store.js";
import type { ClientContext } from "./context.js";
import type { TransitionInput, UpdateOptions, UpsertResult } from "./types.js";

export function writes(ctx: ClientContext) {
  const { store, user, locale, now, allowMasked, options, guard, emit, checked, masked } = ctx;

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
   * An event that needs the customer (winning a sale; a complaint taken on or decided: 回避) is checked against them
   * as this client reads them (the server reads its own).
   */
  const customerContext = async (collection: CollectionName, record: object, event: string) => {
    const customerId = (record as { customerId?: unknown }).customerId;
    if (!transitionNeedsCustomer(collection, record, event) || typeof customerId !== "string") return {};
    const customer = await latest("customers", customerId).catch(() => undefined);
    return { customer, salePolicy: options.salePolicy };
  };
  /**
   * The record with its free text cleared of its person's identifiers (core's `guardFreeText`), looked up in the
   * store: the customer, their holdings' numbers, a lead's own name and mobile. A store of masked records (a server
   * that masks) has nothing to compare with here: the server applies the rule.
   */
  const clearFreeText = async <R extends object>(collection: CollectionName, record: R): Promise<R> => {
    // Nothing to compare with (a masking server's store) or nothing to scan: no customer to look up.
    if (allowMasked || !hasFreeText(collection, record)) return record;
    const customerId = (record as { customerId?: unknown }).customerId;
    const customer = typeof customerId === "string" ? await store.getCustomer(customerId) : undefined;
    const holdings = customer ? await store.holdings(customer.id) : [];
    const ids = identifiersFor(collection, record, customer, holdings);
    return guardFreeText(collection, record, ids, options.freeTextIdentifiers ?? "mask", locale);
  };
  const conflictIfStale = (collection: CollectionName, current: unknown, expected: number | undefined) => {
    if (expected !== undefined && versionOf(current) !== expected)
      throw new BankcrmConflictError(masked(collection, current), `"v${versionOf(current)}"`);
  };

  const commit = committer(ctx);
  /** Who writes and when, by this client's user and clock. */
  const stamp = () => ({ actor: user, at: now().toISOString(), locale });

  /** Create, update and transition for one writable collection, validated both ways. */
  const writer = <C extends CollectionName>(collection: C) => ({
    /**
     * Creates a record: validated with the core schema, version 1, `createdBy`
     * and the creation time from this client's user and clock.
     */
    async create(input: unknown): Promise<WriteResult<CollectionRecords[C]>> {
      guard();
      const record = await clearFreeText(collection, stampCreate(collection, input, stamp()));
      await keepCreateRule(collection, record, ctx, (id) => latest("customers", id));
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
        applyUpdate(collection, current, changes, { ...stamp(), masked: allowMasked }),
      );
      await keepUpdateRule(collection, record, current, user.role, (id) => latest("customers", id));
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
      const known = await customerContext(collection, current, event);
      const record = await clearFreeText(
        collection,
        applyTransition(collection, current, event, {
          ...details,
          actor: user,
          at,
          locale,
          masked: allowMasked,
          ...known,
        }),
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
  };

  return { writer, customers };
}
