export {
  forecastPipeline,
  opportunityMove,
  type ForecastOptions,
  type OpportunityMove,
  type OpenStage,
  type PipelineFigures,
  type PipelineForecast,
} from "./pipeline.js";
export { careEvents, nextBirthday, type CareEvent, type CareOptions } from "./care.js";
export { computeAchievement, type Achievement, type AchievementFacts, type BalanceChange } from "./achievement.js";
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
  computeCommission,
  type Commission,
  type CommissionLine,
  type CommissionScheme,
  type Sale,
} from "./commission.js";
