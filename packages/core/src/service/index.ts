export {
  MAINLAND_CHINA_HOLIDAYS,
  mainlandChinaCalendar,
  workCalendar,
  type HolidayTable,
  type WorkCalendar,
} from "./calendar.js";
export {
  DEFAULT_SLA_TABLE,
  computeSlaDue,
  slaPolicyFor,
  slaState,
  workingDaysLeft,
  type SlaDue,
  type SlaPolicy,
  type SlaState,
  type SlaTable,
} from "./sla.js";
export { serviceStatistics, type ServiceStatistics } from "./stats.js";
export { serviceTrend, type ServicePeriod } from "./trend.js";
export { callCentreStatistics, type CallCentreStatistics, type CallCentreOptions } from "./call-centre.js";
export {
  CALLER_LOCK_HOURS,
  CALLER_VERIFICATION_ATTEMPTS,
  callerAnswersMatch,
  callerLock,
  type CallerAnswers,
} from "./verification.js";
export {
  bindingDue,
  caseDerivedFields,
  MAX_COMPLAINT_EXTENSIONS,
  regulatoryDue,
  REGULATORY_COMPLAINT_DAYS,
} from "./regulatory.js";
