/**
 * Entity resolution (`@bankcrm/core/resolution`): one customer from the records several source systems hold of one
 * person or company — parties folded for comparison, deterministic rules, a Fellegi–Sunter model fitted without
 * labels, blocking, merge and review decisions, clusters that honour kept-apart pairs, and the measures of a
 * labelled benchmark. The same code runs in the browser and on the server.
 */
export { companyKey, editDistance, foldHan, isHan, pinyinKey, pinyinOf, splitName } from "./names.js";
export { addressTokens, nameParts, partyOf, type Party } from "./party.js";
export {
  comparisonsOf,
  CORPORATE_COMPARISONS,
  fit,
  INDIVIDUAL_COMPARISONS,
  isLatin,
  levelsOf,
  pinyinOrders,
  score,
  scoreLevels,
  train,
  type Comparison,
  type Evidence,
  type FitInput,
  type LevelPattern,
  type MatchModel,
  type Score,
  type TrainOptions,
} from "./model.js";
export {
  blockingKeys,
  candidatePairs,
  decide,
  DEFAULT_THRESHOLDS,
  evaluate,
  pairKey,
  resolve,
  ruleOf,
  type BlockingReport,
  type CandidateScore,
  type Resolution,
  type ResolveOptions,
  type ScoredPair,
  type Thresholds,
} from "./resolve.js";
export {
  goldenOf,
  goldenOrder,
  mergeConsents,
  mergeCustomers,
  survivorshipFields,
  type FieldChoice,
  type MergeOutcome,
  type SurvivorshipOptions,
  type SurvivorshipRule,
} from "./merge.js";
export { bumped, planCluster, relinked, withEarnedTier, type MergePlan, type PlanOptions } from "./plan.js";
export { resolveInWorker, serveResolution, type ResolutionPort, type WorkerResolution } from "./worker.js";
