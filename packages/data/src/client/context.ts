/**
 * What the client's reads, writes and reveal share: the store and the user,
 * the clock and the locale, the guard that refuses a client after logout, the
 * change listeners, and the checks every record passes on its way out —
 * validated (reported and left out when invalid; stored text with a direction
 * control left open neutralised), then masked by the user's role.
 */
import { BankcrmAccessDeniedError, collectionSchemas, maskRecord, validate, type CollectionName } from "@bankcrm/core";
import { closeBidiIn } from "@bankcrm/core/text";
import type { Page } from "../stores/store.js";
import { defaultClientPolicy, type ChangeEvent, type CrmClientOptions } from "./types.js";

export function clientContext(options: CrmClientOptions) {
  const { store, user } = options;
  const locale = options.locale ?? "zh-CN";
  const policy = options.policy ?? defaultClientPolicy;
  const now = options.now ?? (() => new Date());
  const listeners = new Set<(event: ChangeEvent) => void>();
  const keepValues = policy.financialRoles.includes(user.role);
  // A store of a server that masks identifiers: its records pass the schemas with masked values, and writes start from them.
  const allowMasked = store.maskedRecords === true;
  let closed = false;

  /**
   * Validates a record from the store; reports and drops it when invalid. Text stored with a
   * text-direction control left open (before the rule, or from another system) is neutralised — closed
   * where it opens (`closeBidi`) — rather than dropped: it reads the same, and reorders nothing around it.
   */
  const checked = <T>(collection: CollectionName, record: unknown): T | undefined => {
    let result = validate(collectionSchemas[collection], record, locale, { allowMasked });
    if (!result.success && result.errors.some((e) => e.code === "bidiControls"))
      result = validate(collectionSchemas[collection], closeBidiIn(record), locale, { allowMasked });
    if (result.success) return result.data as T;
    const id = (record as { id?: unknown } | null)?.id;
    options.onInvalidRecord?.({ collection, ...(typeof id === "string" ? { id } : {}), errors: result.errors });
    return undefined;
  };
  const masked = <T>(collection: CollectionName, record: T): T =>
    maskRecord(collectionSchemas[collection], record, { keepValues }) as T;

  return {
    options,
    store,
    user,
    locale,
    policy,
    now,
    allowMasked,
    listeners,
    /** Refuses every call once the client has logged out. */
    guard() {
      if (closed) throw new BankcrmAccessDeniedError(user.role, "use a client after logout");
    },
    close() {
      closed = true;
      listeners.clear();
    },
    emit(event: ChangeEvent) {
      for (const listener of listeners) listener(event);
    },
    checked,
    masked,
    /** A store's page, validated (invalid records reported and left out) and masked. */
    checkedPage<T>(collection: CollectionName, page: Page<unknown>): Page<T> {
      const items = page.items.flatMap((r) => {
        const valid = checked<T>(collection, r);
        return valid ? [masked(collection, valid)] : [];
      });
      return page.next !== undefined ? { items, next: page.next } : { items };
    },
  };
}
export type ClientContext = ReturnType<typeof clientContext>;
