export {
  forecastPipeline,
  opportunityMove,
  type ForecastOptions,
  type OpportunityMove,
  type SaleDetails,
  type OpenStage,
  type PipelineFigures,
  type PipelineForecast,
} from "./pipeline.js";
export { careEvents, nextBirthday, type CareEvent, type CareOptions } from "./care.js";
export {
  balanceChangesOf,
  computeAchievement,
  firstUse,
  salesOf,
  type Achievement,
  type AchievementFacts,
  type BalanceChange,
} from "./achievement.js";
export { allocateTarget, type TargetShare } from "./targets.js";
export {
  quarterOf,
  salesPerformance,
  type PerformanceInput,
  type RankedAchievement,
  type SalesPerformance,
} from "./performance.js";
export {
  DEFAULT_FIRST_CONTACT_HOURS,
  bankDay,
  bankTime,
  careTask,
  firstContactClock,
  groupTasks,
  taskBucket,
  type CareTaskOptions,
  type DayTasks,
  type FirstContactClock,
  type FirstContactPolicy,
  type TaskBucket,
} from "./day.js";
export {
  CommissionSchemeSchema,
  computeCommission,
  type Commission,
  type CommissionLine,
  type CommissionScheme,
  type Sale,
} from "./commission.js";
