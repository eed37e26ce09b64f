/**
 * Commits a write the client computed: straight to the store, through the server's own endpoints (which apply the
 * same core rules; their answer is the record), or — with an outbox — durably queued first and sent from there.
 */
import type { WriteResult, WriteStatus } from "@bankcrm/core";
import { BankcrmConflictError, isConflictError } from "../errors/http-errors.js";
import { failureReason, httpSender, type WriteEntryBody } from "../outbox/outbox.js";
import type { CollectionName, CollectionRecords } from "../stores/store.js";
import type { ClientContext } from "./context.js";
import type { ChangeEvent } from "./types.js";

/** The commit of one client's writes (its store, outbox, events and masking). */
export function committer(ctx: ClientContext) {
  const { store, options, emit, checked, masked, locale } = ctx;
  const remoteSend = store.remote ? httpSender(store.remote) : undefined;
  // With an outbox, the status says where the write is: saved, queued, failed or in conflict.
  return async <C extends CollectionName>(
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
    await store.keep?.(body.collection, [body.record]);
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
}
