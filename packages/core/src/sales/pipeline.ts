/**
 * The pipeline forecast (销售机会管理): open opportunities by stage and by the
 * month and quarter they are expected to close — count, amount, and amount
 * weighted by win probability — and the ones whose close date has passed.
 * Amounts are integer minor units of one currency; opportunities in another are
 * listed, never converted by guess. A user whose role may not see amounts (C2:
 * marketing) gets records without them: those count, and are listed, but add
 * no amount.
 */
import type { DualRecording, Opportunity } from "../schemas/opportunity.js";
import type { OpportunityStage, ProductRiskLevel } from "../vocabulary.js";
import { DEFAULT_STAGE_PROBABILITY, OPEN_STAGES } from "../machines/machines.js";
import { DAY_MS, isoDay } from "../time.js";

export type OpenStage = (typeof OPEN_STAGES)[number];

export interface PipelineFigures {
  count: number;
  /** Sum of amounts, minor units. */
  amount: number;
  /** Sum of each amount × its win probability, rounded per opportunity. */
  weighted: number;
}

export interface PipelineForecast {
  currency: string;
  /** Every open stage, in the machine's order (zeros included). */
  stages: (PipelineFigures & { stage: OpenStage })[];
  /** By expected close month (`2026-12`), ascending. */
  months: (PipelineFigures & { period: string })[];
  /** By expected close quarter (`2026-Q4`), ascending. */
  quarters: (PipelineFigures & { period: string })[];
  total: PipelineFigures;
  /** Expected to close in `asOf`'s month and quarter (zeros when none). */
  thisMonth: PipelineFigures;
  thisQuarter: PipelineFigures;
  /** Open opportunities whose expected close date is before `asOf`, the longest overdue first. */
  overdue: { id: string; expectedClose: string; daysOverdue: number }[];
  /** Open opportunities in another currency, left out of the figures. */
  otherCurrency: string[];
  /** Open opportunities whose amount this user may not see: counted, no amount added. */
  withoutAmount: string[];
}

export interface ForecastOptions {
  /** The day the forecast is made (ISO date or Date). */
  asOf: string | Date;
  /** Currency of the figures. Default CNY. */
  currency?: string;
}

const isOpen = (o: Pick<Opportunity, "stage">): o is Opportunity & { stage: OpenStage } =>
  (OPEN_STAGES as readonly string[]).includes(o.stage);
const zero = (): PipelineFigures => ({ count: 0, amount: 0, weighted: 0 });
const add = (f: PipelineFigures, o: Opportunity) => {
  f.count++;
  // Masked for the user's role: the record comes without its amount.
  if (!(o as Partial<Opportunity>).amount) return;
  f.amount += o.amount.amount;
  f.weighted += Math.round(o.amount.amount * o.probability);
};
const quarterOf = (date: string) => `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;

export function forecastPipeline(opportunities: readonly Opportunity[], options: ForecastOptions): PipelineForecast {
  const currency = options.currency ?? "CNY";
  const today = isoDay(options.asOf);
  const stages = new Map<OpenStage, PipelineFigures>(OPEN_STAGES.map((s) => [s, zero()]));
  const months = new Map<string, PipelineFigures>();
  const quarters = new Map<string, PipelineFigures>();
  const total = zero();
  const overdue: PipelineForecast["overdue"] = [];
  const otherCurrency: string[] = [];
  const withoutAmount: string[] = [];
  for (const o of opportunities) {
    if (!isOpen(o)) continue;
    if (!(o as Partial<Opportunity>).amount) withoutAmount.push(o.id);
    else if (o.amount.currency !== currency) {
      otherCurrency.push(o.id);
      continue;
    }
    add(stages.get(o.stage)!, o);
    add(total, o);
    const month = o.expectedClose.slice(0, 7);
    if (!months.has(month)) months.set(month, zero());
    add(months.get(month)!, o);
    const quarter = quarterOf(o.expectedClose);
    if (!quarters.has(quarter)) quarters.set(quarter, zero());
    add(quarters.get(quarter)!, o);
    if (o.expectedClose < today)
      overdue.push({
        id: o.id,
        expectedClose: o.expectedClose,
        daysOverdue: Math.round((Date.parse(today) - Date.parse(o.expectedClose)) / DAY_MS),
      });
  }
  const sorted = (m: Map<string, PipelineFigures>) =>
    [...m].sort(([a], [b]) => (a < b ? -1 : 1)).map(([period, f]) => ({ period, ...f }));
  overdue.sort((a, b) => b.daysOverdue - a.daysOverdue || (a.id < b.id ? -1 : 1));
  return {
    currency,
    stages: OPEN_STAGES.map((stage) => ({ stage, ...stages.get(stage)! })),
    months: sorted(months),
    quarters: sorted(quarters),
    total,
    thisMonth: months.get(today.slice(0, 7)) ?? zero(),
    thisQuarter: quarters.get(quarterOf(today)) ?? zero(),
    overdue,
    otherCurrency,
    withoutAmount,
  };
}

/**
 * What a win brings to a sale of an investment or insurance product (sale-check.ts): the product's risk level, the
 * dual recording, and — from a branch manager overriding what the policy lets them — the reason.
 */
export interface SaleDetails {
  productRisk?: ProductRiskLevel;
  dualRecording?: DualRecording;
  overrideReason?: string;
}

/** What moving an opportunity to a stage asks of the opportunity machine: its event and that event's details. */
export interface OpportunityMove {
  event: "move" | "win" | "lose";
  details: Record<string, unknown>;
}

/**
 * The machine's event for a move to `to` — `win` with the amount (minor units; default the
 * opportunity's), `lose` with the reason, `move` with the stage — and the opportunity as the move
 * leaves it (the machine's effects: probability, closedAt, amount or lostReason), to show before
 * the write answers.
 */
export function opportunityMove(
  from: Opportunity,
  to: OpportunityStage,
  given: { amount?: number; reason?: string; sale?: SaleDetails },
  at: string,
): OpportunityMove & { preview: Opportunity } {
  if (to === "won") {
    const amount = { amount: given.amount ?? from.amount.amount, currency: from.amount.currency };
    const sale = given.sale ?? {};
    const { overrideReason: _reason, ...kept } = sale;
    return {
      event: "win",
      details: { amount, ...sale },
      preview: { ...from, ...kept, stage: to, probability: 1, closedAt: at, amount },
    };
  }
  if (to === "lost") {
    const reason = given.reason ?? "";
    return {
      event: "lose",
      details: { reason },
      preview: { ...from, stage: to, probability: 0, closedAt: at, lostReason: reason },
    };
  }
  return {
    event: "move",
    details: { stage: to },
    preview: { ...from, stage: to, probability: DEFAULT_STAGE_PROBABILITY[to] },
  };
}
