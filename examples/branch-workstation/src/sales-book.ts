/**
 * The demo branch's sales work, for "my day": leads waiting for a first contact,
 * each relationship manager's pipeline and tasks. Generated once into the
 * embedded store (deterministic from the seed), dated from the moment it is
 * generated — so the lead countdowns, today's tasks and the month's forecast
 * are live on whatever day the demo runs.
 */
import {
  DAY_MS,
  DEFAULT_STAGE_PROBABILITY,
  OPEN_STAGES,
  bankDay,
  bankTime,
  type Lead,
  type LeadSource,
  type Opportunity,
  type OpportunityStage,
  type ProductType,
  type Staff,
  type Task,
} from "@bankcrm/core";
import { BRANCHES, createRandom, generateDemoPortfolio } from "@bankcrm/core/demo";
import type { CrmStore } from "@bankcrm/data";
import type { BookRow } from "./book.js";

const HOUR = 3_600_000;
const SURNAMES = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"];
const GIVEN = ["伟", "芳", "娜", "敏", "静", "磊", "洋", "艳", "勇", "军", "杰", "涛"];
const TASK_TITLES = [
  ["call", "定期存款到期续存沟通"],
  ["visit", "上门拜访，介绍代发工资方案"],
  ["follow_up", "寄送理财产品说明书"],
  ["review", "季度资产配置检视"],
  ["document", "补充客户身份证明材料"],
] as const;

/** Whether the book already has its sales work (a task exists). */
async function hasSalesBook(store: CrmStore): Promise<boolean> {
  return (await store.records("tasks", { limit: 1 })).items.length > 0;
}

/**
 * The bank's own records, once: the quarter's targets (each branch's, allocated to its RMs: what "my day" measures
 * the records against) and head office's knowledge base.
 */
export async function ensureBankRecords(store: CrmStore, seed: string, now: Date): Promise<void> {
  let made: ReturnType<typeof generateDemoPortfolio> | undefined;
  const bank = () => (made ??= generateDemoPortfolio({ seed, customers: 0, asOf: bankDay(now) }));
  if ((await store.records("salesTargets", { limit: 1 })).items.length === 0)
    await store.put("salesTargets", bank().salesTargets);
  if ((await store.records("knowledgeArticles", { limit: 1 })).items.length === 0)
    await store.put("knowledgeArticles", bank().knowledgeArticles);
}

/**
 * Puts the demo branch's leads, opportunities and tasks into the store, once.
 * `now` dates everything (default the clock).
 */
export async function ensureSalesBook(
  store: CrmStore,
  rows: readonly BookRow[],
  staff: readonly Staff[],
  options: { seed: string; now?: Date },
): Promise<void> {
  const now = options.now ?? new Date();
  if (await hasSalesBook(store)) return;
  const branchId = BRANCHES[0]!.id;
  const rms = staff.filter((s) => s.role === "relationship_manager" && s.branchId === branchId);
  const leads: Lead[] = [];
  const opportunities: Opportunity[] = [];
  const tasks: Task[] = [];
  const at = (hoursFromNow: number) => new Date(now.getTime() + hoursFromNow * HOUR).toISOString();
  const day = (daysFromNow: number) => bankDay(new Date(now.getTime() + daysFromNow * DAY_MS));
  const consent = (recordedAt: string) => ({
    purpose: "marketing" as const,
    channel: "phone" as const,
    granted: true,
    textVersion: "2026-11",
    recordedAt,
  });

  for (const rm of rms) {
    const r = createRandom(`${options.seed}:sales-book:${rm.id}`);
    const book = rows.filter((row) => row.relationshipManagerId === rm.id && row.status === "active");
    if (book.length === 0) continue;
    const pick = () => r.pick(book);
    // The pipeline: open opportunities over the stages, some won and lost this quarter.
    for (let i = 0; i < 24; i++) {
      const c = pick();
      const stage: OpportunityStage = i < 20 ? OPEN_STAGES[i % OPEN_STAGES.length]! : i < 23 ? "won" : "lost";
      const productType = r.pick<ProductType>(
        c.kind === "corporate"
          ? ["business_loan", "time_deposit"]
          : ["wealth_management", "fund", "insurance", "certificate_of_deposit"],
      );
      const created = now.getTime() - r.int(5, 60) * DAY_MS;
      const closed = stage === "won" || stage === "lost";
      opportunities.push({
        id: `OP-SB-${rm.id}-${i}`,
        customerId: c.id,
        title: `${c.kind === "corporate" ? "对公授信 / 存款方案" : "财富配置方案"} · ${c.id}`,
        productType,
        stage,
        amount: { amount: Math.round(r.logNormal(20_000_000, 0.7) / 100) * 100, currency: "CNY" },
        probability: DEFAULT_STAGE_PROBABILITY[stage],
        // A few already past their close date.
        expectedClose: day(i % 7 === 3 ? -r.int(1, 10) : r.int(3, 100)),
        ownerId: rm.id,
        createdAt: new Date(created).toISOString(),
        ...(closed ? { closedAt: at(-r.int(2, 20) * 24) } : {}),
        ...(stage === "lost" ? { lostReason: "客户选择他行产品" } : {}),
      });
    }
    // Tasks: overdue, today and upcoming, on customers of the book.
    for (let i = 0; i < 8; i++) {
      const c = pick();
      const [type, title] = r.pick(TASK_TITLES);
      const offset = i < 2 ? -r.int(1, 4) : i < 5 ? 0 : r.int(1, 10);
      tasks.push({
        id: `TK-SB-${rm.id}-${i}`,
        assigneeId: rm.id,
        customerId: c.id,
        type,
        title,
        priority: r.pick(["low", "medium", "high"] as const),
        status: "open",
        dueAt: bankTime(day(offset), `${String(r.int(9, 17)).padStart(2, "0")}:00`),
      });
    }
    // Leads about customers of the book, assigned to their relationship manager.
    (["new", "contacted", "qualified"] as const).forEach((status, i) => {
      const c = pick();
      const createdAt = at(-r.int(2, 20) - i * 24);
      leads.push({
        id: `LD-SB-${rm.id}-${i}`,
        customerId: c.id,
        name: c.name,
        mobile: c.mobile ?? `138${r.digits(8)}`,
        purpose: r.pick(["wealth_consultation", "insurance", "consumer_loan"] as const),
        source: r.pick<LeadSource>(["internet_banking", "mobile_app", "branch_walk_in"]),
        status,
        branchId,
        assignedTo: rm.id,
        consent: consent(createdAt),
        createdAt,
      });
    });
  }
  // Prospects from internet banking and the app: some assigned, the rest waiting for the branch manager.
  const r = createRandom(`${options.seed}:sales-book:prospects`);
  for (let i = 0; i < 14; i++) {
    const createdAt = at(-r.int(1, 40) - r.next());
    leads.push({
      id: `LD-SB-P${String(i + 1).padStart(3, "0")}`,
      name: r.pick(SURNAMES) + r.pick(GIVEN) + (r.bool(0.5) ? r.pick(GIVEN) : ""),
      mobile: `1${r.pick(["35", "38", "58", "86", "89"])}${r.digits(8)}`,
      purpose: r.pick(["account_opening", "mortgage", "credit_card", "wealth_consultation"] as const),
      source: r.pick<LeadSource>(["internet_banking", "mobile_app", "referral"]),
      status: "new",
      branchId,
      ...(i < 4 && rms.length > 0 ? { assignedTo: rms[i % rms.length]!.id } : {}),
      consent: consent(createdAt),
      createdAt,
    });
  }
  await store.put("leads", leads);
  await store.put("opportunities", opportunities);
  await store.put("tasks", tasks); // last: a task present means the book is complete
}
