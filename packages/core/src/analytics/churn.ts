/**
 * Churn risk (客户流失预警): the model's P(alive) combined with inactivity,
 * falling balances and complaints. Each signal is a probability-like weight and
 * they combine by noisy-OR, risk = 1 − Π(1 − sᵢ), so the risk stays in [0, 1],
 * grows with every signal, and each reason's share is visible.
 */
import type { ChurnLevel, ChurnReasonCode } from "../schemas/enums.js";

export interface ChurnSignals {
  /** P(alive) from the BG/NBD model. */
  probabilityAlive?: number;
  daysSinceLastTransaction?: number;
  /** Current AUM over its 12-month average (1 = steady, 0.4 = 60 % drop). */
  balanceRatio?: number;
  /** Complaints in the last 90 days. */
  recentComplaints?: number;
}

export type { ChurnReasonCode };

export interface ChurnReason {
  code: ChurnReasonCode;
  /** This signal's own weight (0–1). */
  weight: number;
}

export interface ChurnRisk {
  risk: number;
  level: ChurnLevel;
  reasons: ChurnReason[];
}

export interface ChurnConfig {
  inactive90: number;
  inactive180: number;
  balanceFalling: number;
  balanceCollapsing: number;
  complaint: number;
  complaints: number;
  /** Risk at or above which the level is medium / high. */
  mediumFrom: number;
  highFrom: number;
}

export const defaultChurnConfig: ChurnConfig = {
  inactive90: 0.2,
  inactive180: 0.4,
  balanceFalling: 0.15,
  balanceCollapsing: 0.3,
  complaint: 0.15,
  complaints: 0.3,
  mediumFrom: 0.3,
  highFrom: 0.6,
};

const ok = (v: number | undefined): v is number => v !== undefined && Number.isFinite(v);

export function churnRisk(signals: ChurnSignals, config: ChurnConfig = defaultChurnConfig): ChurnRisk {
  const reasons: ChurnReason[] = [];
  if (ok(signals.probabilityAlive)) {
    const w = 1 - Math.min(1, Math.max(0, signals.probabilityAlive));
    if (w > 0) reasons.push({ code: "modelDropout", weight: w });
  }
  if (ok(signals.daysSinceLastTransaction)) {
    if (signals.daysSinceLastTransaction > 180) reasons.push({ code: "inactive180", weight: config.inactive180 });
    else if (signals.daysSinceLastTransaction > 90) reasons.push({ code: "inactive90", weight: config.inactive90 });
  }
  if (ok(signals.balanceRatio)) {
    if (signals.balanceRatio < 0.5) reasons.push({ code: "balanceCollapsing", weight: config.balanceCollapsing });
    else if (signals.balanceRatio < 0.8) reasons.push({ code: "balanceFalling", weight: config.balanceFalling });
  }
  if (ok(signals.recentComplaints)) {
    if (signals.recentComplaints >= 2) reasons.push({ code: "complaints", weight: config.complaints });
    else if (signals.recentComplaints >= 1) reasons.push({ code: "complaint", weight: config.complaint });
  }
  let survive = 1;
  for (const r of reasons) survive *= 1 - r.weight;
  const risk = 1 - survive;
  reasons.sort((a, b) => b.weight - a.weight);
  return { risk, level: risk >= config.highFrom ? "high" : risk >= config.mediumFrom ? "medium" : "low", reasons };
}
