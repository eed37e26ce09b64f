/**
 * Winning a sale on the server (适当性管理, 双录): the customer is read here, in full and never from the request, so a
 * crafted request cannot bypass core's sale check; refusals and branch managers' overrides go into the audit chain.
 */
import type { Context } from "hono";
import type { Customer, SalePolicy } from "@bankcrm/core";
import { isSaleRefusedError, transitionNeedsCustomer } from "@bankcrm/core/compliance";
import { appendAudit } from "./audit.js";
import type { Collection, Database } from "./database.js";
import { principal, problem, type Env } from "./http.js";
import type { Sql } from "./sql.js";

type Row = Record<string, unknown>;

/**
 * What an event that needs the customer (winning a sale; taking on or deciding a complaint: 回避) is checked with:
 * the customer read here in full, unscoped — never taken from the request (a crafted `customer` or `salePolicy` in
 * its details is overwritten) — and the bank's sale policy. Nothing for other events.
 */
export async function customerContext(
  db: Database,
  collection: Collection,
  record: Row,
  event: string,
  tx: Sql,
  salePolicy: SalePolicy | undefined,
) {
  if (!transitionNeedsCustomer(collection, record, event) || typeof record.customerId !== "string")
    return { customer: undefined, salePolicy: undefined };
  const customer = (await db.get("customers", record.customerId, tx, undefined, false))?.body as Customer | undefined;
  return { customer, salePolicy };
}

/** One row of the sale's audit: who acted, on which customer's sale, what and why. */
async function auditSale(
  c: Context<Env>,
  tx: Sql,
  now: () => Date,
  action: string,
  customerId: unknown,
  reason: string,
) {
  const p = principal(c);
  await appendAudit(tx, {
    at: now().toISOString(),
    actorId: p.id,
    actorRole: p.role,
    action,
    customerId: String(customerId),
    reason,
  });
}

/** A refused sale: in the audit chain (who tried, which sale, why), then the 422 with every reason. */
export async function saleRefused(c: Context<Env>, error: unknown, record: Row, tx: Sql, now: () => Date) {
  if (!isSaleRefusedError(error)) return undefined;
  const codes = error.refusals.map((r) => r.rule?.id ?? r.code).join(",");
  await auditSale(c, tx, now, "sale_refused", record.customerId, `${String(record.id)}: ${codes}`);
  return problem(c, 422, "Sale refused", error.message, {
    code: "sale_refused",
    refusals: error.refusals,
    overridable: error.overridable,
  });
}

/** A branch manager's override, when this win made one: in the audit chain with its reason. */
export async function auditOverride(c: Context<Env>, before: Row, after: Row, tx: Sql, now: () => Date) {
  const override = after.saleOverride as { reason: string; refusals: string[] } | undefined;
  if (!override || before.saleOverride) return;
  const reason = `${String(after.id)}: ${override.refusals.join(",")} — ${override.reason}`;
  await auditSale(c, tx, now, "sale_override", after.customerId, reason);
}
