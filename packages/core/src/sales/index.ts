export {
  forecastPipeline,
  type ForecastOptions,
  type OpenStage,
  type PipelineFigures,
  type PipelineForecast,
} from "./pipeline.js";
export { careEvents, nextBirthday, type CareEvent, type CareOptions } from "./care.js";
export { computeAchievement, type Achievement, type AchievementFacts, type BalanceChange } from "./achievement.js";
