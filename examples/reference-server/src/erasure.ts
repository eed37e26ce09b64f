/**
 * Deletion under legal holds and the retention purge where the data is (个人信息保护法 Art. 47; core's
 * `retentionPlan`): every record naming the person read in one query, planned by core's retention table, and the plan
 * written in one transaction — erased records deleted (with a `leave` on the change feed for whoever could see them,
 * and the copies the server keeps beside them: load history, merge history, metrics, source identities, the
 * resolution index), anonymised ones rewritten to name nobody, held ones restricted (the customer's `restrictedAt`,
 * every consent withdrawn with its history) — and audited. The audit chain itself keeps its rows: it is the record
 * of what was done, and who did it.
 */
import type { Customer } from "@bankcrm/core";
import { versionOf, type CollectionName } from "@bankcrm/core";
import {
  anonymised,
  restricted,
  retentionPlan,
  type RetentionPlan,
  type RetentionStep,
  type RetentionTable,
} from "@bankcrm/core/compliance";
import { appendAudit } from "./audit.js";
import type { Database } from "./database.js";
import { appendRows, putRows, recordsNaming, removeRecords } from "./record-rows.js";
import type { Sql } from "./sql.js";

type Bodies = Partial<Record<CollectionName, Record<string, unknown>[]>>;

/** What the server keeps beside a record (earlier loaded versions), and beside an erased customer. */
async function forgetHistory(tx: Sql, steps: readonly RetentionStep[], customerErased: string | undefined) {
  const touched = JSON.stringify(steps.map((s) => ({ collection: s.collection, id: s.id })));
  await tx.query(
    `DELETE FROM load_history h USING jsonb_to_recordset($1::jsonb) AS t(collection text, id text)
     WHERE h.collection = t.collection AND h.record_id = t.id`,
    [touched],
  );
  // An Idempotency-Key's answer is the record it answered with, as it was: an erased or anonymised one's goes too (a
  // retry after it is a new request). Read whole: an erasure is rare, and the table has no index on the answer.
  await tx.query(
    `DELETE FROM idempotency WHERE response ->> 'id' = ANY($1::text[]) OR response -> 'change' ->> 'id' = ANY($1::text[])
     OR response -> 'customer' ->> 'id' = ANY($1::text[])`,
    [steps.map((s) => s.id)],
  );
  if (customerErased === undefined) return;
  const id = [customerErased];
  await tx.query("DELETE FROM customer_metrics WHERE customer_id = $1", id);
  await tx.query("DELETE FROM customer_merges WHERE golden_id = $1 OR merged_id = $1", id);
  await tx.query("DELETE FROM source_identities WHERE collection = 'customers' AND record_id = $1", id);
  await tx.query("DELETE FROM golden_sources WHERE record_id = $1", id);
  await tx.query("DELETE FROM resolution_parties WHERE record_id = $1", id);
}

/** A record's next version: the body given, its version raised (a cache that holds it knows it changed). */
const raised = (body: Record<string, unknown>, at: string) => ({
  ...body,
  version: versionOf(body) + 1,
  updatedAt: at,
});

export interface Applied {
  erased: number;
  anonymised: number;
  restricted: number;
}

/** Writes a plan over the records read (`records`) in the transaction `tx`. */
export async function applyPlan(
  tx: Sql,
  plan: RetentionPlan,
  records: Bodies,
  actor: { id: string },
): Promise<Applied> {
  const find = (s: RetentionStep) => records[s.collection]!.find((r) => r.id === s.id)!;
  const gone: { collection: string; id: string; body: Record<string, unknown> }[] = [];
  const rewritten = new Map<CollectionName, Record<string, unknown>[]>();
  for (const s of plan.steps) {
    const body = find(s);
    const anonymous = s.action === "anonymise" ? anonymised(s.collection, body, plan.customerId) : undefined;
    if (s.action === "erase" || (s.action === "anonymise" && anonymous === undefined))
      gone.push({ collection: s.collection, id: s.id, body });
    else if (anonymous)
      rewritten.set(s.collection, [...(rewritten.get(s.collection) ?? []), raised(anonymous, plan.at)]);
  }
  await removeRecords(tx, gone);
  for (const [collection, bodies] of rewritten) await putRows(tx, collection, bodies);
  const customerStep = plan.steps.find((s) => s.collection === "customers");
  if (customerStep?.action === "restrict") {
    const now = restricted(find(customerStep) as unknown as Customer, plan.at, actor.id);
    await putRows(tx, "customers", [raised(now.customer, plan.at)]);
    await appendRows(tx, "customerChanges", now.changes);
  }
  const changed = plan.steps.filter((s) => s.action === "erase" || s.action === "anonymise");
  await forgetHistory(tx, changed, customerStep?.action === "erase" ? plan.customerId : undefined);
  return {
    erased: gone.length,
    anonymised: [...rewritten.values()].reduce((n, b) => n + b.length, 0),
    restricted: plan.steps.filter((s) => s.action === "restrict").length,
  };
}

/** The counts an audit row keeps of an erasure or a purge (no personal data: the audit chain keeps it for good). */
const summary = (applied: Applied) =>
  `erased ${applied.erased}, anonymised ${applied.anonymised}, restricted ${applied.restricted}`;

/**
 * A person's request to delete their data, fulfilled (or, `dryRun`, only planned) at `at`: `undefined` when the
 * customer is not stored. One transaction with the records locked: nothing written between the plan and its writing.
 */
export async function eraseOnRequest(
  db: Database,
  customerId: string,
  options: { at: string; actor: { id: string; role: string }; table?: RetentionTable; dryRun?: boolean },
) {
  return db.transaction(async (tx) => {
    const records = await recordsNaming(tx, customerId, !options.dryRun);
    const customer = records.customers?.[0] as Customer | undefined;
    if (!customer) return undefined;
    const plan = retentionPlan(customer, records, {
      at: options.at,
      trigger: "request",
      ...(options.table ? { table: options.table } : {}),
    });
    if (options.dryRun) return { plan, applied: undefined };
    const applied = await applyPlan(tx, plan, records, options.actor);
    await tx.query("INSERT INTO erasures (customer_id, at, actor_id, plan) VALUES ($1, $2, $3, $4)", [
      customerId,
      options.at,
      options.actor.id,
      JSON.stringify(plan),
    ]);
    await appendAudit(tx, {
      at: options.at,
      actorId: options.actor.id,
      actorRole: options.actor.role,
      action: "erasure",
      customerId,
      reason: summary(applied),
    });
    return { plan, applied };
  });
}

/** The person's last fulfilled deletion request, as planned and written. */
export async function lastErasure(db: Database, customerId: string): Promise<RetentionPlan | undefined> {
  const { rows } = await db.query<{ plan: RetentionPlan }>(
    "SELECT plan FROM erasures WHERE customer_id = $1 ORDER BY id DESC LIMIT 1",
    [customerId],
  );
  return rows[0]?.plan;
}

export interface PurgeReport {
  at: string;
  /** Closed customers looked at, and those whose records the purge changed. */
  customers: number;
  changed: number;
  erased: number;
  anonymised: number;
}

/**
 * The nightly purge: every closed relationship planned at `at` by the retention table, and what has run out erased
 * or anonymised — one transaction per customer, each audited (`retention_purge`) — and the counts reported.
 */
export async function purge(
  db: Database,
  options: { at: string; actor: { id: string; role: string }; table?: RetentionTable },
): Promise<PurgeReport> {
  const { rows } = await db.query<{ id: string }>(
    `SELECT id FROM records WHERE collection = 'customers' AND body ->> 'status' = 'closed' ORDER BY id COLLATE "C"`,
  );
  const report: PurgeReport = { at: options.at, customers: rows.length, changed: 0, erased: 0, anonymised: 0 };
  for (const { id } of rows)
    await db.transaction(async (tx) => {
      const records = await recordsNaming(tx, id, true);
      const customer = records.customers?.[0] as Customer | undefined;
      if (!customer) return;
      const plan = retentionPlan(customer, records, {
        at: options.at,
        trigger: "expiry",
        ...(options.table ? { table: options.table } : {}),
      });
      if (!plan.steps.some((s) => s.action === "erase" || s.action === "anonymise")) return;
      const applied = await applyPlan(tx, plan, records, options.actor);
      report.changed++;
      report.erased += applied.erased;
      report.anonymised += applied.anonymised;
      await appendAudit(tx, {
        at: options.at,
        actorId: options.actor.id,
        actorRole: options.actor.role,
        action: "retention_purge",
        customerId: id,
        reason: summary(applied),
      });
    });
  return report;
}
