export {
  forecastPipeline,
  type ForecastOptions,
  type OpenStage,
  type PipelineFigures,
  type PipelineForecast,
} from "./pipeline.js";
export { careEvents, nextBirthday, type CareEvent, type CareOptions } from "./care.js";
