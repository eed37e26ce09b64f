/**
 * A book transfer (客户经理制): a branch manager moves one customer, or a relationship manager's whole book, to
 * another relationship manager — when an RM leaves, or a customer changes branch. `planTransfer` says every write it
 * takes, for the client (or a server job) to make through the usual paths, each checked there by its own rules:
 *
 * - each customer's `transfer` change (the history: who held them before, who now, who decided, why);
 * - their open tasks that the giving RM held, reassigned to the receiving one;
 * - a notice to each of the two RMs (a task: what moved and why);
 * - the targets still running: the giving RM's shrink by the share of their book that moved, and the receiving RM's
 *   target of the same metric and period (in the same branch) grows by as much. New-customer targets stay: winning
 *   customers is the RM's own work, not something a transfer hands over.
 */
import { BankcrmInvalidArgumentError } from "../errors/invalid-argument-error.js";
import type { Locale } from "../i18n/locale.js";
import type { Customer } from "../schemas/customer.js";
import type { SalesTarget } from "../schemas/sales-target.js";
import type { Task } from "../schemas/task.js";
import type { CustomerChangeInput } from "../workflow/customer-change.js";
import { bankDay } from "../sales/day.js";

export interface TransferRequest {
  /** The customers to move: one, or the giving RM's whole book. Customers another RM holds are left out. */
  customers: readonly Pick<Customer, "id" | "relationshipManagerId" | "branchId">[];
  /** Tasks about those customers (any state, any assignee): the open ones the giving RM holds move. */
  tasks: readonly Task[];
  /** Sales targets of the two RMs (any period: those that ended are left alone). */
  targets: readonly SalesTarget[];
  /** How many customers the giving RM held before the transfer: the share of their targets that moves. */
  bookSize: number;
  /** The giving RM. */
  from: string;
  /** The receiving RM and their branch (another branch when the customer moves there). */
  to: { staffId: string; branchId: string };
  /** Why (a business reason: an RM leaving, a customer moving): kept on every change and notice. */
  reason: string;
  /** When (an instant): the changes' time, the targets still running on its day. */
  at: string;
  /** A new id for each notice task. */
  newId: () => string;
  /** The notices' language (the bank's). Default zh-CN. */
  locale?: Locale;
}

export interface TransferPlan {
  /** `customers.change(customerId, input)` for each customer moved. */
  changes: { customerId: string; input: CustomerChangeInput }[];
  /** `tasks.update(id, { assigneeId })` for each open task that moves. */
  tasks: { id: string; assigneeId: string }[];
  /** `tasks.create(task)`: a notice to each of the two RMs. */
  notices: Task[];
  /** `salesTargets.update(id, { target })`: the targets adjusted. */
  targets: { id: string; target: number; was: number }[];
  /** Customers left out: another RM holds them. */
  skipped: string[];
  /** The share of the giving RM's book that moved (0–1). */
  share: number;
}

const OPEN: readonly Task["status"][] = ["open", "in_progress"];
const NOTICE = {
  "zh-CN": { out: "客户移交：{n} 位客户转出至 {to}", in: "客户移交：{n} 位客户自 {from} 转入" },
  en: { out: "Transfer: {n} customer(s) to {to}", in: "Transfer: {n} customer(s) from {from}" },
} as const;

/** Every write a transfer takes (see the module's note). Throws BankcrmInvalidArgumentError on a request that cannot be. */
export function planTransfer(request: TransferRequest): TransferPlan {
  const { from, to, reason } = request;
  if (from === to.staffId) throw new BankcrmInvalidArgumentError("to", "another relationship manager than `from`");
  if (reason.trim() === "") throw new BankcrmInvalidArgumentError("reason", "a reason");
  const moving = request.customers.filter((c) => c.relationshipManagerId === from);
  if (!Number.isSafeInteger(request.bookSize) || request.bookSize < moving.length)
    throw new BankcrmInvalidArgumentError("bookSize", "at least the number of customers moved");
  const ids = new Set(moving.map((c) => c.id));
  const changes = moving.map((c) => ({
    customerId: c.id,
    input: {
      kind: "transfer" as const,
      relationshipManagerId: to.staffId,
      ...(to.branchId !== c.branchId ? { branchId: to.branchId } : {}),
      reason,
    },
  }));
  const tasks = request.tasks
    .filter(
      (t) => t.customerId !== undefined && ids.has(t.customerId) && t.assigneeId === from && OPEN.includes(t.status),
    )
    .map((t) => ({ id: t.id, assigneeId: to.staffId }));
  const share = request.bookSize === 0 ? 0 : moving.length / request.bookSize;
  return {
    changes,
    tasks,
    notices:
      moving.length === 0 ? [] : notices(request, moving.length, moving.length === 1 ? moving[0]!.id : undefined),
    targets: adjustedTargets(request, share, moving[0]?.branchId),
    skipped: request.customers.filter((c) => c.relationshipManagerId !== from).map((c) => c.id),
    share,
  };
}

function notices(request: TransferRequest, n: number, customerId: string | undefined): Task[] {
  const words = NOTICE[request.locale ?? "zh-CN"];
  const fill = (s: string) =>
    s.replace("{n}", String(n)).replace("{to}", request.to.staffId).replace("{from}", request.from);
  const notice = (assigneeId: string, title: string): Task => ({
    id: request.newId(),
    assigneeId,
    ...(customerId ? { customerId } : {}),
    type: "review",
    title: fill(title).slice(0, 120),
    priority: "medium",
    status: "open",
    dueAt: request.at,
    notes: request.reason.slice(0, 500),
  });
  return [notice(request.from, words.out), notice(request.to.staffId, words.in)];
}

function adjustedTargets(request: TransferRequest, share: number, fromBranch: string | undefined) {
  const day = bankDay(request.at);
  const running = request.targets.filter(
    (t) => t.periodEnd >= day && t.metric !== "new_customers" && t.teamId === undefined,
  );
  const out: TransferPlan["targets"] = [];
  if (share === 0) return out;
  for (const given of running.filter((t) => t.staffId === request.from)) {
    const moved = Math.round(given.target * share);
    if (moved === 0) continue;
    out.push({ id: given.id, target: given.target - moved, was: given.target });
    // The receiving RM's own target of the same metric, period and products — in the branch the customers leave.
    const taken = running.find(
      (t) =>
        t.staffId === request.to.staffId &&
        t.branchId === (fromBranch ?? given.branchId) &&
        t.metric === given.metric &&
        t.periodStart === given.periodStart &&
        t.periodEnd === given.periodEnd &&
        (t.productTypes ?? []).join() === (given.productTypes ?? []).join(),
    );
    if (taken) out.push({ id: taken.id, target: taken.target + moved, was: taken.target });
  }
  return out;
}
