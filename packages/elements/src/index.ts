/**
 * @bankcrm/elements — the element classes, free of side effects. Import
 * `@bankcrm/elements/<name>.js` to register a tag, or define the classes under
 * tag names (or scoped registries) of your own.
 */
export { BankcrmTierBadge } from "./components/tier-badge/tier-badge.component.js";
export { BankcrmValueBadge } from "./components/value-badge/value-badge.component.js";
export { BankcrmProvider } from "./components/provider/provider.component.js";
export { BankcrmCustomerCard, type CustomerFigures } from "./components/customer-card/customer-card.component.js";
export { BankcrmCustomerTimeline } from "./components/customer-timeline/customer-timeline.component.js";
export { BankcrmLeadForm, type LeadFormField } from "./components/lead-form/lead-form.component.js";
export { BankcrmTaskList } from "./components/task-list/task-list.component.js";
export {
  BankcrmActivityForm,
  ACTIVITY_KINDS,
  type ActivityKind,
} from "./components/activity-form/activity-form.component.js";
export { BankcrmPipeline } from "./components/pipeline/pipeline.component.js";
export { BankcrmLeadQueue, type AssignableStaff } from "./components/lead-queue/lead-queue.component.js";
export { BankcrmOfferList } from "./components/offer-list/offer-list.component.js";
export { BankcrmKnowledgeSearch } from "./components/knowledge-search/knowledge-search.component.js";
export {
  BankcrmTargetProgress,
  rankTeam,
  type TeamStanding,
} from "./components/target-progress/target-progress.component.js";
export { BankcrmTaskChangeEvent, type TaskChangeDetail } from "./events/task-events.js";
export { BankcrmActivitySavedEvent, type ActivitySavedDetail } from "./events/activity-events.js";
export {
  BankcrmOpportunityMoveEvent,
  BankcrmOpportunityMovedEvent,
  BankcrmOpportunityMoveErrorEvent,
  type OpportunityMoveDetail,
  type OpportunityMovedDetail,
  type OpportunityMoveErrorDetail,
} from "./events/pipeline-events.js";
export { BankcrmLeadChangeEvent, type LeadChangeDetail } from "./events/lead-queue-events.js";
export { BankcrmOfferResponseEvent, type OfferResponseDetail } from "./events/offer-list-events.js";
export { BankcrmKnowledgeOpenEvent, type KnowledgeOpenDetail } from "./events/knowledge-search-events.js";
export { BankcrmCaseForm } from "./components/case-form/case-form.component.js";
export { BankcrmCaseQueue } from "./components/case-queue/case-queue.component.js";
export { BankcrmSatisfactionSurvey } from "./components/satisfaction-survey/satisfaction-survey.component.js";
export {
  BankcrmCustomerForm,
  DEFAULT_CUSTOMER_CONSENT_VERSION,
} from "./components/customer-form/customer-form.component.js";
export { BankcrmCaseChangeEvent, type CaseChangeDetail } from "./events/case-events.js";
export { BankcrmMatchDecisionEvent, type MatchDecisionDetail } from "./events/match-review-events.js";
export { BankcrmCustomerChangeEvent, type CustomerChangeDetail } from "./events/customer-events.js";
export { BankcrmCampaignReport } from "./components/campaign-report/campaign-report.component.js";
export { BankcrmSegmentBuilder } from "./components/segment-builder/segment-builder.component.js";
export { BankcrmKpiTile, type KpiFormat } from "./components/kpi-tile/kpi-tile.component.js";
export { BankcrmChart, type ChartDatum, type ChartType } from "./components/chart/chart.component.js";
export { BankcrmValueBreakdown } from "./components/value-breakdown/value-breakdown.component.js";
export { BankcrmMatchReview, type MatchPair } from "./components/match-review/match-review.component.js";
export { BankcrmRelationshipGroup } from "./components/relationship-group/relationship-group.component.js";
export { BankcrmSegmentChangeEvent, type SegmentChangeDetail } from "./events/segment-events.js";
export {
  createSegmentCounter,
  createModuleWorker,
  serveSegmentCounts,
  type SegmentCount,
  type SegmentCounter,
  type SegmentCounterOptions,
} from "./segment-counter.js";
export { BankcrmContextElement } from "./components/base/context-element.js";
export { BankcrmTimelineLoadMoreEvent, type TimelineLoadMoreDetail } from "./events/timeline-events.js";
export {
  BankcrmLeadSubmitEvent,
  BankcrmLeadSavedEvent,
  BankcrmLeadErrorEvent,
  type LeadSubmitDetail,
  type LeadSavedDetail,
  type LeadErrorDetail,
} from "./events/lead-events.js";
export {
  BankcrmRevealEvent,
  BankcrmRevealedEvent,
  BankcrmRevealErrorEvent,
  type RevealDetail,
} from "./events/reveal-events.js";
export {
  clientContext,
  localeContext,
  userContext,
  type ElementClient,
  type RevealableField,
  type TimelineItem,
  type TimelineKind,
  type TimelinePage,
  type LeadWriteStatus,
  type RecordListQuery,
  type WritableCollection,
} from "./context/contexts.js";
export { hostTokens, visuallyHidden } from "./styles/tokens.js";
export { themeTokens } from "./styles/themes.js";
