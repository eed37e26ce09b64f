export {
  DEFAULT_CONTACT_POLICY,
  assignControlGroup,
  campaignAudience,
  campaignEffectiveness,
  type Audience,
  type AudienceOptions,
  type CampaignEffect,
  type ContactPolicy,
  type FunnelStage,
} from "./campaign.js";
export {
  Z95,
  erfc,
  normalCdf,
  twoProportionTest,
  wilsonInterval,
  type Interval,
  type TwoProportionTest,
} from "./stats.js";
export {
  DEFAULT_CONTROL_SHARE,
  campaignMemberId,
  planLaunch,
  type LaunchFacts,
  type LaunchOptions,
  type LaunchPlan,
} from "./launch.js";
export {
  DEFAULT_MEASURE_DAYS,
  derivedResponses,
  goalOf,
  measureCampaign,
  type CampaignMeasurement,
  type OutcomeFacts,
} from "./measure.js";
export {
  DEFAULT_CALLING_HOURS,
  MAX_CALL_ATTEMPTS,
  OUTBOUND_OUTCOMES,
  OUTCOME_RESPONSE,
  RETRY_AFTER_HOURS,
  nextCallingTime,
  outboundCallList,
  outboundResponse,
  type CallLeftOut,
  type CallList,
  type CallListEntry,
  type CallingHours,
  type OutboundOutcome,
} from "./outbound.js";
