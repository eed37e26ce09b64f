/**
 * Applying the collections' state machines, and stamping every write: pure
 * functions over a record, an actor and a time. The client, the stores' tests
 * and the reference server all call these, so a browser and a server can never
 * disagree about what an event does.
 */
import type * as z from "zod";
import { BankcrmAccessDeniedError } from "../errors/access-denied-error.js";
import { BankcrmInvalidArgumentError } from "../errors/invalid-argument-error.js";
import { BankcrmTransitionError } from "../errors/transition-error.js";
import { BankcrmValidationError } from "../errors/validation-error.js";
import type { Locale } from "../i18n/locale.js";
import { message } from "../i18n/messages.js";
import { writeMessage } from "../i18n/write-messages.js";
import { parseOrThrow } from "../i18n/validate.js";
import type { Actor } from "../privacy/access-policy.js";
import { frozenRecord } from "../collections/table.js";
import {
  collectionSpec,
  isCollectionName,
  type CollectionName,
  type CollectionRecords,
  type CollectionSpec,
} from "../collections/table.js";
import type { TransitionRecord } from "../schemas/write-metadata.js";
import type { Customer } from "../schemas/customer.js";
import type { SalePolicy } from "../compliance/sale-check.js";
import type { StateMachine, TransitionContext, TransitionDefinition } from "../machines/state-machine.js";

export type WriteKind = "create" | "update" | "transition" | "change";

export interface AvailableTransition {
  event: string;
  /** The states it can lead to (several for an opportunity's `move`). */
  to: string[];
  /** Details it needs besides the actor and the time (`reason`, `amount`, `until`, `resolution`, `stage`). */
  requires: string[];
}

export interface TransitionOptions {
  actor: Actor;
  /** ISO-8601 instant. Default: now. */
  at?: string;
  reason?: string;
  /** Locale of the messages in the errors thrown. Default zh-CN. */
  locale?: Locale;
  /** The record came from a server that masks identifiers: masked values pass validation (see `ValidateOptions`). */
  masked?: boolean;
  /** The record's customer, for events that need it (`transitionNeedsCustomer`): a sale is checked against it. */
  customer?: Customer | undefined;
  /** The bank's sale policy (default `DEFAULT_SALE_POLICY`). */
  salePolicy?: SalePolicy | undefined;
  /** The event's details: `amount`, `stage`, `until`, `resolution`, `opportunityId`… */
  [detail: string]: unknown;
}

/** Fields no update may set: they change only through creation, transitions or the store. */
const READ_ONLY_FIELDS = ["id", "version", "history", "createdBy", "updatedAt", "updatedBy"] as const;

function specOf(collection: unknown): CollectionSpec<Record<string, unknown>> {
  if (!isCollectionName(collection))
    throw new BankcrmInvalidArgumentError("collection", `unknown collection "${String(collection)}"`);
  return collectionSpec(collection);
}

function machineOf(collection: CollectionName): StateMachine<Record<string, unknown>> {
  const machine = specOf(collection).machine;
  if (!machine) throw new BankcrmInvalidArgumentError("collection", `"${collection}" has no state machine`);
  return machine;
}

/** Whether this actor may write this collection this way (the auditor never writes). */
export function canWrite(collection: CollectionName, actor: Actor, kind: WriteKind): boolean {
  const write = specOf(collection).write;
  if (!write) return false;
  if (kind === "transition") return specOf(collection).machine !== undefined && write.roles.includes(actor.role);
  return write[kind] === true && write.roles.includes(actor.role);
}

/** Throws `BankcrmAccessDeniedError` unless `canWrite`. */
export function assertCanWrite(collection: CollectionName, actor: Actor, kind: WriteKind): void {
  if (!canWrite(collection, actor, kind)) throw new BankcrmAccessDeniedError(actor.role, `${kind} ${collection}`);
}

const stateOf = (machine: StateMachine<Record<string, unknown>>, record: Record<string, unknown>) =>
  String(record[machine.field]);

function roleAllows(collection: CollectionName, t: TransitionDefinition<Record<string, unknown>>, actor: Actor) {
  const roles = t.roles ?? specOf(collection).write?.roles ?? [];
  return roles.includes(actor.role);
}

function requiredDetails(schema: z.ZodType | undefined): string[] {
  const shape = (schema as unknown as { shape?: Record<string, { safeParse(v: unknown): { success: boolean } }> })
    ?.shape;
  if (!shape) return [];
  return Object.keys(shape).filter((key) => !shape[key]!.safeParse(undefined).success);
}

/**
 * The events this actor may apply to the record now, each with where it leads
 * and what it needs. An auditor gets none; a case past its reopen window offers
 * no reopen; a campaign's author is not offered its approval.
 */
export function availableTransitions(
  collection: CollectionName,
  record: unknown,
  actor: Actor,
  options: { at?: string } = {},
): AvailableTransition[] {
  const machine = machineOf(collection);
  const r = record as Record<string, unknown>;
  const state = stateOf(machine, r);
  const at = options.at ?? new Date().toISOString();
  const out: AvailableTransition[] = [];
  for (const t of machine.transitions) {
    if (!t.from.includes(state) || !roleAllows(collection, t, actor)) continue;
    if (t.guard?.(r, { actor, at, details: {} })) continue;
    const to =
      typeof t.to === "string"
        ? [t.to]
        : t.event === "move"
          ? machine.initial.filter((s) => s !== state)
          : [t.to(r, {})];
    out.push({ event: t.event, to, requires: requiredDetails(t.details) });
  }
  return out;
}

/**
 * Whether applying `event` to the record checks it against the record's customer (winning a sale): the caller then
 * reads the customer — the server in full, a client as it may read it — and passes it as `customer`.
 */
export function transitionNeedsCustomer(collection: CollectionName, record: unknown, event: string): boolean {
  const machine = machineOf(collection);
  const state = stateOf(machine, record as Record<string, unknown>);
  return machine.transitions.some(
    (t) => t.event === event && t.from.includes(state) && t.needsCustomer?.(record as Record<string, unknown>) === true,
  );
}

function withoutUndefined<T extends Record<string, unknown>>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as T;
}

/**
 * Applies an event: the new record, with the state changed, the event's effects,
 * a history entry `{ event, from, to, by, at, reason }`, `updatedAt` /
 * `updatedBy` and the next version. Throws `BankcrmTransitionError` (the event
 * does not apply now; `allowed` lists those that do), `BankcrmAccessDeniedError`
 * (the role may not; four eyes) or `BankcrmValidationError` (missing or invalid
 * details, localized). The record passed in is never modified.
 */
export function applyTransition<C extends CollectionName>(
  collection: C,
  record: CollectionRecords[C],
  event: string,
  options: TransitionOptions,
): CollectionRecords[C] {
  const { actor, at: atOption, reason, locale = "zh-CN", masked = false, customer, salePolicy, ...rest } = options;
  const machine = machineOf(collection);
  const r = record as unknown as Record<string, unknown>;
  const at = utcInstant(atOption ?? new Date().toISOString());
  if (!canWrite(collection, actor, "transition"))
    throw new BankcrmAccessDeniedError(actor.role, `change ${collection}`);
  const from = stateOf(machine, r);
  const allowed = () => availableTransitions(collection, record, actor, { at }).map((a) => a.event);
  const definition = machine.transitions.find((t) => t.event === event && t.from.includes(from));
  if (!definition) throw new BankcrmTransitionError(collection, event, from, allowed());
  if (!roleAllows(collection, definition, actor))
    throw new BankcrmAccessDeniedError(actor.role, `${event} ${collection}`);
  const input = { ...rest, ...(reason !== undefined ? { reason } : {}) };
  const details = definition.details ? parseOrThrow(definition.details, input, locale) : {};
  const context: TransitionContext = { actor, at, details, customer, salePolicy };
  const refusal = definition.guard?.(r, context);
  if (refusal?.kind === "accessDenied")
    throw new BankcrmAccessDeniedError(actor.role, writeMessage(refusal.reason, "en", { event }), {
      reason: refusal.reason,
    });
  if (refusal)
    throw new BankcrmValidationError([
      {
        path: [refusal.reason === "sameStage" ? "stage" : refusal.reason === "snoozeInPast" ? "until" : "at"],
        code: refusal.reason,
        message: writeMessage(refusal.reason, locale),
      },
    ]);
  definition.check?.(r, context);
  const to = typeof definition.to === "string" ? definition.to : definition.to(r, details);
  const entry: TransitionRecord = {
    event,
    from,
    to,
    by: actor.id,
    at,
    ...(typeof details.reason === "string" ? { reason: details.reason } : {}),
  };
  const history = [...((r.history as TransitionRecord[] | undefined) ?? []), entry];
  const next = withoutUndefined({
    ...r,
    ...definition.effect?.(r, context),
    [machine.field]: to,
    history,
    ...nextWrite(r, actor, at),
  });
  return parseOrThrow(specOf(collection).schema, withDerived(collection, next), locale, {
    allowMasked: masked,
  }) as CollectionRecords[C];
}

/** An instant with an offset, as the schemas accept it (`…Z` or `…+08:00`). */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Instants as UTC (`2026-11-30T01:15:00.000Z` for `…T09:15:00+08:00`): stores and
 * the server order records by these strings, so one instant must have one
 * spelling. Top-level fields only (the ones indexes and the timeline read).
 */
function utcInstants(record: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...record };
  for (const [key, value] of Object.entries(out)) if (typeof value === "string") out[key] = utcInstant(value);
  return out;
}

/** One instant as UTC; anything else as it is (the schema then refuses it). */
const utcInstant = (value: string) =>
  INSTANT.test(value) && !Number.isNaN(Date.parse(value)) ? new Date(value).toISOString() : value;

/** The input of a create or an update as an object, or a localized field error. */
function objectInput(input: unknown, locale: Locale): Record<string, unknown> {
  if (typeof input !== "object" || input === null || Array.isArray(input))
    throw new BankcrmValidationError([{ path: [], code: "invalidType", message: message("invalidType", locale) }]);
  return input as Record<string, unknown>;
}

export interface WriteStamp {
  actor: Actor;
  /** ISO-8601 instant, from the writer's clock. */
  at: string;
  locale?: Locale;
  /** The current record came from a server that masks identifiers: its masked values pass validation. */
  masked?: boolean;
}

/**
 * A new record as the writer stores it: validated, version 1, `createdBy` /
 * `updatedBy` the actor and the collection's creation time from the writer's
 * clock — whatever the input said. A state machine's record must start in one of
 * its initial states.
 */
export function stampCreate<C extends CollectionName>(
  collection: C,
  input: unknown,
  { actor, at: when, locale = "zh-CN" }: WriteStamp,
): CollectionRecords[C] {
  assertCanWrite(collection, actor, "create");
  const at = utcInstant(when);
  const spec = specOf(collection);
  const created: Record<string, unknown> = {
    ...utcInstants(objectInput(input, locale)),
    ...(spec.write?.createdAtField ? { [spec.write.createdAtField]: at } : {}),
    createdBy: actor.id,
    ...nextWrite(undefined, actor, at),
  };
  delete created.history;
  for (const field of spec.write?.transitionOnly ?? []) delete created[field];
  const record = parseOrThrow(spec.schema, withDerived(collection, created), locale);
  const machine = spec.machine;
  if (machine && !machine.initial.includes(stateOf(machine, record))) {
    throw new BankcrmValidationError([
      {
        path: [machine.field],
        code: "initialState",
        message: writeMessage("initialState", locale, { states: machine.initial.join(", ") }),
      },
    ]);
  }
  return record as CollectionRecords[C];
}

/**
 * An update as the writer stores it: the changes merged over the current
 * record, validated, the next version. Read-only fields (id, version, history,
 * who and when) and a state machine's state field (which changes only through
 * transitions) are refused with field errors; nothing is merged silently.
 */
export function applyUpdate<C extends CollectionName>(
  collection: C,
  current: CollectionRecords[C],
  changes: unknown,
  { actor, at: when, locale = "zh-CN", masked = false }: WriteStamp,
): CollectionRecords[C] {
  assertCanWrite(collection, actor, "update");
  if (frozenRecord(collection, current))
    throw new BankcrmAccessDeniedError(actor.role, `update ${collection}`, { reason: "frozen" });
  const at = utcInstant(when);
  const spec = specOf(collection);
  const fields = objectInput(changes, locale);
  const locked = [
    ...READ_ONLY_FIELDS,
    ...(spec.write?.createdAtField ? [spec.write.createdAtField] : []),
    ...(spec.machine ? [spec.machine.field] : []),
    ...(spec.write?.derived ?? []),
    ...(spec.write?.transitionOnly ?? []),
  ];
  const refused = Object.keys(fields).filter(
    (key) => (locked as readonly string[]).includes(key) && fields[key] !== (current as Record<string, unknown>)[key],
  );
  if (refused.length > 0)
    throw new BankcrmValidationError(
      refused.map((key) => ({ path: [key], code: "readOnlyField", message: writeMessage("readOnlyField", locale) })),
    );
  const merged = withoutUndefined({
    ...(current as Record<string, unknown>),
    ...utcInstants(fields),
    ...nextWrite(current, actor, at),
  });
  return parseOrThrow(spec.schema, withDerived(collection, merged), locale, {
    allowMasked: masked,
  }) as CollectionRecords[C];
}

/**
 * A record with the fields its collection derives (`write.derive`) computed from it, whatever it said of them:
 * every writer — the client's create, update and transition, the server's routes — calls this last.
 */
export function withDerived(collection: CollectionName, record: Record<string, unknown>): Record<string, unknown> {
  const write = specOf(collection).write;
  if (!write?.derive) return record;
  const out = { ...record };
  for (const field of write.derived ?? []) delete out[field];
  return { ...out, ...write.derive(out) };
}

/**
 * A record as a server stores it from a client's body: the fields only a transition sets as the stored record has
 * them (none on a create), and the derived fields computed — what the body said of either is not taken.
 */
export function withWriterFields(
  collection: CollectionName,
  record: Record<string, unknown>,
  stored?: Record<string, unknown>,
): Record<string, unknown> {
  const out = { ...record };
  for (const field of specOf(collection).write?.transitionOnly ?? []) {
    if (stored?.[field] === undefined) delete out[field];
    else out[field] = stored[field];
  }
  return withDerived(collection, out);
}

/** Who wrote a record last, when, and its next version (1 for a new record): stamped on every write. */
export function nextWrite(
  current: unknown,
  actor: Pick<Actor, "id">,
  at: string,
): { updatedAt: string; updatedBy: string; version: number } {
  return { updatedAt: at, updatedBy: actor.id, version: (current === undefined ? 0 : versionOf(current)) + 1 };
}

/** The version a store compares before replacing a record (records from before versions read as 0). */
export function versionOf(record: unknown): number {
  const v = (record as { version?: unknown } | null | undefined)?.version;
  return typeof v === "number" ? v : 0;
}
